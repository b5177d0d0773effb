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

std::string count_text(std::int64_t n, std::string_view singular, std::string_view plural) {
    std::string digits = std::to_string(n < 0 ? -n : n);
    if (digits.size() >= 5)
        for (auto at = digits.size() - 3; at > 0; at -= std::min<std::size_t>(at, 3)) digits.insert(at, ".");
    std::string out = (n < 0 ? "-" : "") + digits + " ";
    out += n == 1 || n == -1 ? singular : plural;
    return out;
}

std::string markup_escaped(std::string_view text) {
    std::string out;
    for (const char c : text) {
        switch (c) {
            case '&': out += "&amp;"; break;
            case '<': out += "&lt;"; break;
            case '>': out += "&gt;"; break;
            case '"': out += "&quot;"; break;
            case '\'': out += "&#39;"; break;
            default: out += c;
        }
    }
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

std::string list_text(const std::vector<std::string>& values, std::string_view last) {
    std::string out;
    for (std::size_t k = 0; k < values.size(); ++k) {
        if (k > 0) out += k + 1 == values.size() ? last : std::string_view(", ");
        out += values[k];
    }
    return out;
}

std::string ascii_lower(std::string_view text) {
    std::string out(text);
    for (char& c : out)
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    return out;
}

}  // namespace onregel
