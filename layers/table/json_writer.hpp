#pragma once
// A small streaming JSON writer for the large, byte-reproducible outputs (GeoJSON): fixed key order
// as written, numbers through std::to_chars, no locale, no floating-point surprises.
#include <cstdint>
#include <string>
#include <string_view>

namespace onregel {

class JsonWriter {
public:
    explicit JsonWriter(std::string& out) : out_(out) {}

    JsonWriter& begin_object();
    JsonWriter& end_object();
    JsonWriter& begin_array();
    JsonWriter& end_array();
    JsonWriter& key(std::string_view name);
    JsonWriter& value(std::string_view text);
    JsonWriter& value(const char* text) { return value(std::string_view(text)); }
    JsonWriter& value(std::int64_t number);
    JsonWriter& value(int number) { return value(static_cast<std::int64_t>(number)); }
    JsonWriter& value(double number, int decimals);  // fixed decimals
    JsonWriter& value(bool flag);
    JsonWriter& null();
    // Inserts already-serialised JSON (e.g. a nested document).
    JsonWriter& raw(std::string_view json);

private:
    void separator();
    std::string& out_;
    bool first_ = true;  // first element in the current container
    bool after_key_ = false;
};

// JSON string escaping; '<' escaped too so the text is safe inside an HTML <script>.
void append_json_string(std::string& out, std::string_view text);

}  // namespace onregel
