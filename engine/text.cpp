#include "text.hpp"

#include <algorithm>
#include <charconv>

namespace onregel {

std::string format_decimal(double value, int decimals) {
    char buf[64];
    auto r = std::to_chars(buf, buf + sizeof buf, value, std::chars_format::fixed, decimals);
    std::string out(buf, r.ptr);
    if (out == "-0" || out.find_first_not_of("-0.") == std::string::npos) out.erase(0, out[0] == '-');
    return out;
}

std::string join_distinct(std::vector<std::string> values, std::string_view separator) {
    std::sort(values.begin(), values.end());
    values.erase(std::unique(values.begin(), values.end()), values.end());
    std::string out;
    for (const auto& v : values) {
        if (!out.empty()) out += separator;
        out += v;
    }
    return out;
}

}  // namespace onregel
