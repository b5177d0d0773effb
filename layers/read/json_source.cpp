#include "layers/read/json_source.hpp"

#include <cctype>
#include <cpl_vsi.h>

#include "engine/errors.hpp"

namespace onregel {

std::string read_source_text(const std::string& path, std::size_t limit) {
    VSILFILE* file = VSIFOpenL(path.c_str(), "rb");
    if (!file) throw input_error(path + ": kan niet worden geopend");
    std::string content;
    char buffer[1 << 16];
    for (std::size_t n; content.size() < limit && (n = VSIFReadL(buffer, 1, sizeof buffer, file)) > 0;) content.append(buffer, n);
    VSIFCloseL(file);
    if (content.rfind("\xEF\xBB\xBF", 0) == 0) content.erase(0, 3);
    return content;
}

const nlohmann::json& member(const nlohmann::json& object, const char* key) {
    static const nlohmann::json none;
    if (!object.is_object()) return none;
    const auto it = object.find(key);
    return it == object.end() ? none : *it;
}

std::string json_text(const nlohmann::json& value) {
    if (value.is_string()) {
        const auto& s = value.get_ref<const std::string&>();
        std::size_t begin = 0, end = s.size();
        while (begin < end && std::isspace(static_cast<unsigned char>(s[begin]))) ++begin;
        while (end > begin && std::isspace(static_cast<unsigned char>(s[end - 1]))) --end;
        return s.substr(begin, end - begin);
    }
    if (value.is_number_integer()) return std::to_string(value.get<std::int64_t>());
    if (value.is_number()) return value.dump();
    if (value.is_boolean()) return value.get<bool>() ? "Ja" : "Nee";
    return {};
}

}  // namespace onregel
