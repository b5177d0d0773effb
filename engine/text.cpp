#include "text.hpp"

#include <algorithm>
#include <charconv>
#include <stdexcept>
#include <utility>

namespace onregel {

void append_decimal(std::string& out, double value, int decimals) {
    char buf[400];  // room for the largest finite double in fixed notation, with its decimals
    const auto r = std::to_chars(buf, buf + sizeof buf, value, std::chars_format::fixed, decimals);
    if (r.ec != std::errc{}) throw std::length_error("append_decimal: too many decimals");
    const bool negative_zero = buf[0] == '-' && std::string_view(buf + 1, r.ptr).find_first_not_of("0.") == std::string_view::npos;
    out.append(buf + negative_zero, r.ptr);
}

std::string format_decimal(double value, int decimals) {
    std::string out;
    append_decimal(out, value, decimals);
    return out;
}

std::string format_decimal_nl(double value, int decimals) {
    std::string out = format_decimal(value, decimals);
    std::replace(out.begin(), out.end(), '.', ',');
    return out;
}

std::vector<std::string> distinct(std::vector<std::string> values) {
    std::sort(values.begin(), values.end());
    values.erase(std::unique(values.begin(), values.end()), values.end());
    return values;
}

std::string join_distinct(std::vector<std::string> values, std::string_view separator) {
    std::string out;
    for (const auto& v : distinct(std::move(values))) {
        if (!out.empty()) out += separator;
        out += v;
    }
    return out;
}

std::string list_text(const std::vector<std::string>& values) {
    std::string out;
    for (std::size_t k = 0; k < values.size(); ++k)
        out += (k == 0 ? "" : k + 1 == values.size() ? " en " : ", ") + values[k];
    return out;
}

std::string count_text(std::int64_t n, std::string_view one, std::string_view many) {
    return std::to_string(n) + " " + std::string(n == 1 ? one : many);
}

}  // namespace onregel
