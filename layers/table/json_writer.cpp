#include "layers/table/json_writer.hpp"

#include <charconv>
#include <cmath>

#include "engine/text.hpp"

namespace onregel {

void append_json_string(std::string& out, std::string_view text) {
    static const char* hex = "0123456789abcdef";
    const auto plain = [](unsigned char c) { return c >= 0x20 && c != '"' && c != '\\' && c != '<' && c != 0x7f; };
    out += '"';
    std::size_t run = 0;  // start of the plain characters not yet copied: copied in one append
    for (std::size_t i = 0; i < text.size(); ++i) {
        const auto c = static_cast<unsigned char>(text[i]);
        if (plain(c)) continue;
        out.append(text, run, i - run);
        run = i + 1;
        switch (c) {
            case '"': out += "\\\""; break;
            case '\\': out += "\\\\"; break;
            case '\n': out += "\\n"; break;
            case '\r': out += "\\r"; break;
            case '\t': out += "\\t"; break;
            default:
                out += "\\u00";
                out += hex[c >> 4];
                out += hex[c & 0xf];
        }
    }
    out.append(text, run, text.size() - run);
    out += '"';
}

void JsonWriter::separator() {
    if (after_key_) {
        after_key_ = false;
        return;
    }
    if (!first_) out_ += ',';
    first_ = false;
}

JsonWriter& JsonWriter::begin_object() {
    separator();
    out_ += '{';
    first_ = true;
    return *this;
}
JsonWriter& JsonWriter::end_object() {
    out_ += '}';
    first_ = false;
    return *this;
}
JsonWriter& JsonWriter::begin_array() {
    separator();
    out_ += '[';
    first_ = true;
    return *this;
}
JsonWriter& JsonWriter::end_array() {
    out_ += ']';
    first_ = false;
    return *this;
}
JsonWriter& JsonWriter::key(std::string_view name) {
    separator();
    append_json_string(out_, name);
    out_ += ':';
    after_key_ = true;
    return *this;
}
JsonWriter& JsonWriter::value(std::string_view text) {
    separator();
    append_json_string(out_, text);
    return *this;
}
JsonWriter& JsonWriter::value(std::int64_t number) {
    separator();
    char buf[24];
    auto r = std::to_chars(buf, buf + sizeof buf, number);
    out_.append(buf, r.ptr);
    return *this;
}
JsonWriter& JsonWriter::value(double number, int decimals) {
    if (!std::isfinite(number)) return null();
    separator();
    append_decimal(out_, number, decimals);
    return *this;
}
JsonWriter& JsonWriter::value(bool flag) {
    separator();
    out_ += flag ? "true" : "false";
    return *this;
}
JsonWriter& JsonWriter::null() {
    separator();
    out_ += "null";
    return *this;
}
JsonWriter& JsonWriter::raw(std::string_view json) {
    separator();
    out_ += json;
    return *this;
}

}  // namespace onregel
