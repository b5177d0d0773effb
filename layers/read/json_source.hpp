#pragma once
// What the JSON readers (KvK API, Signalen) share: a file read whole through GDAL's virtual file system
// (so /vsizip/ works), and JSON values as the text the row readers take.
#include <cstddef>
#include <nlohmann/json.hpp>
#include <string>

namespace onregel {

// At most `limit` bytes of `path` (std::string::npos: all), without a UTF-8 byte order mark.
// Throws input_error when it cannot be opened.
std::string read_source_text(const std::string& path, std::size_t limit);

// object[key], or a null value when `object` is no object or has no such key.
const nlohmann::json& member(const nlohmann::json& object, const char* key);

// A value as text, trimmed: the APIs write some numbers as strings and some as numbers; a boolean is
// "Ja" or "Nee" as the KvK writes its indicators; anything else "".
std::string json_text(const nlohmann::json& value);
inline std::string json_text(const nlohmann::json& object, const char* key) { return json_text(member(object, key)); }

}  // namespace onregel
