#pragma once
// Locale-free number formatting and small text helpers for the sentences users read.
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace onregel {

// Fixed decimals with a decimal point, independent of the C/C++ locale (std::to_chars); a value that
// rounds to zero is written without a minus sign. append_decimal adds it to `out` without a string.
std::string format_decimal(double value, int decimals);
// The same with a decimal comma, for sentences a user reads: "2,1".
std::string format_decimal_nl(double value, int decimals);
void append_decimal(std::string& out, double value, int decimals);
// The distinct values, sorted, so a sentence reads the same on every run.
std::vector<std::string> distinct(std::vector<std::string> values);
// The distinct values, sorted, joined by `separator`.
std::string join_distinct(std::vector<std::string> values, std::string_view separator);
// The values in the order given as a Dutch list: "a", "a en b", "a, b en c" (or "a, b of c").
std::string list_text(const std::vector<std::string>& values, std::string_view last = " en ");
// Text for an XML or HTML attribute or element: & < > " ' as entities (&#39;, which both know).
std::string markup_escaped(std::string_view text);

// A-Z as a-z, every other byte as it is: the same in every locale.
std::string ascii_lower(std::string_view text);
// A count with its noun in Dutch: "1 adres", "45 adressen", "12.500 meldingen" (a point between
// thousands from five digits on, as Dutch writes it).
std::string count_text(std::int64_t n, std::string_view singular, std::string_view plural);

}  // namespace onregel
