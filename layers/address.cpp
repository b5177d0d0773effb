#include "address.hpp"

#include <array>
#include <cctype>
#include <charconv>

namespace onregel {

namespace {

bool is_digit(char c) { return c >= '0' && c <= '9'; }
bool is_alpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
char upper(char c) { return (c >= 'a' && c <= 'z') ? static_cast<char>(c - 'a' + 'A') : c; }

std::string upper_alnum(std::string_view s) {
    std::string out;
    for (char c : s)
        if (is_digit(c) || is_alpha(c)) out += upper(c);
    return out;
}

// Words people add to a house number that BAG writes as a toevoeging: folded to BAG's spelling.
struct Word {
    std::string_view written;
    std::string_view bag;
};
constexpr std::array<Word, 10> toevoeging_words = {{
    {"BIS", "BIS"},
    {"HS", "H"},      // huis (ground floor)
    {"HUIS", "H"},
    {"BG", "BG"},     // begane grond
    {"ROOD", "ROOD"},
    {"ZW", "ZW"},
    {"I", "1"},       // Roman floor numbers: "12 II" is the second floor, BAG writes 2
    {"II", "2"},
    {"III", "3"},
    {"IV", "4"},
}};

std::string fold_toevoeging(std::string_view raw) {
    const std::string t = upper_alnum(raw);
    for (const auto& w : toevoeging_words)
        if (t == w.written) return std::string(w.bag);
    // Leading zeros of a numeric toevoeging ("12-02") are spelling, not meaning.
    std::size_t zeros = 0;
    while (zeros + 1 < t.size() && t[zeros] == '0' && is_digit(t[zeros + 1])) ++zeros;
    return t.substr(zeros);
}

}  // namespace

std::optional<std::string> normalise_postcode(std::string_view text) {
    std::string compact;
    for (char c : text)
        if (c != ' ' && c != '\t' && c != '\r' && c != '\xa0') compact += upper(c);
    if (compact.size() != 6) return std::nullopt;
    for (int i = 0; i < 4; ++i)
        if (!is_digit(compact[static_cast<std::size_t>(i)])) return std::nullopt;
    if (compact[0] == '0' || !is_alpha(compact[4]) || !is_alpha(compact[5])) return std::nullopt;
    return compact;
}

std::optional<Huisnummer> parse_huisnummer(std::string_view nummer, std::string_view letter,
                                           std::string_view toevoeging) {
    std::size_t i = 0;
    while (i < nummer.size() && !is_digit(nummer[i])) {
        if (nummer[i] != ' ' && nummer[i] != '\t') return std::nullopt;
        ++i;
    }
    const std::size_t start = i;
    while (i < nummer.size() && is_digit(nummer[i])) ++i;
    if (i == start || i - start > 5) return std::nullopt;
    Huisnummer h;
    std::from_chars(nummer.data() + start, nummer.data() + i, h.nummer);
    if (h.nummer <= 0) return std::nullopt;

    // What follows the digits in the number field: "a", " A", "-a", "a-1", " bis", "-2", " II".
    std::string_view rest = nummer.substr(i);
    std::string extra_letter, extra_toevoeging;
    std::size_t k = 0;
    while (k < rest.size() && (rest[k] == ' ' || rest[k] == '-' || rest[k] == '/')) ++k;
    rest = rest.substr(k);
    // A single letter directly after the number, not followed by more letters, is a huisletter.
    if (!rest.empty() && is_alpha(rest[0]) && (rest.size() == 1 || !is_alpha(rest[1]))) {
        const std::string word = upper_alnum(rest);
        if (word != "I") {  // "12 I" is a floor, not the letter I
            extra_letter = std::string(1, upper(rest[0]));
            rest = rest.substr(1);
        }
    }
    extra_toevoeging = fold_toevoeging(rest);

    std::string l = upper_alnum(letter);
    std::string t = fold_toevoeging(toevoeging);
    // A huisletter column holding more than one letter is a toevoeging written in the wrong column.
    if (l.size() > 1) {
        if (t.empty()) t = fold_toevoeging(l);
        l.clear();
    }
    h.huisletter = !l.empty() ? l : extra_letter;
    if (!l.empty() && !extra_letter.empty() && extra_letter != l) t = extra_letter + t;
    h.toevoeging = !t.empty() ? t : extra_toevoeging;
    if (!t.empty() && !extra_toevoeging.empty() && extra_toevoeging != t) h.toevoeging = extra_toevoeging + t;
    return h;
}

std::string number_key(std::string_view postcode, std::int32_t nummer) {
    std::string key(postcode);
    key += '|';
    key += std::to_string(nummer);
    return key;
}

std::string exact_address_key(std::string_view postcode, const Huisnummer& h) {
    return number_key(postcode, h.nummer) + '|' + h.huisletter + '|' + h.toevoeging;
}

std::string loose_address_key(std::string_view postcode, const Huisnummer& h) {
    return number_key(postcode, h.nummer) + '|' + h.huisletter + h.toevoeging;
}

}  // namespace onregel
