#include "engine/match/address.hpp"

#include <algorithm>
#include <array>
#include <charconv>
#include <utility>

namespace onregel {

namespace {

bool is_digit(char c) { return c >= '0' && c <= '9'; }
bool is_alpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
char upper(char c) { return (c >= 'a' && c <= 'z') ? static_cast<char>(c - 'a' + 'A') : c; }
bool is_space(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; }

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
    {"HS", "H"},  // huis (ground floor)
    {"HUIS", "H"},
    {"BG", "BG"},  // begane grond
    {"ROOD", "ROOD"},
    {"ZW", "ZW"},
    {"I", "1"},  // Roman floor numbers: "12 II" is the second floor, BAG writes 2
    {"II", "2"},
    {"III", "3"},
    {"IV", "4"},
}};

// Floor words after a numeric toevoeging: "12-3 hoog", "12 2e", "12-1e etage" all mean toevoeging 3/2/1.
constexpr std::array<std::string_view, 6> floor_suffixes = {"EETAGE", "ETAGE", "HOOG", "HG", "E", "STE"};

std::string fold_toevoeging(std::string_view raw) {
    std::string t = upper_alnum(raw);
    for (const auto& w : toevoeging_words)
        if (t == w.written) return std::string(w.bag);
    std::size_t digits = 0;
    while (digits < t.size() && is_digit(t[digits])) ++digits;
    if (digits > 0 && digits < t.size())
        for (auto suffix : floor_suffixes)
            if (std::string_view(t).substr(digits) == suffix) {
                t.resize(digits);
                break;
            }
    // Leading zeros of a numeric toevoeging ("12-02") are spelling, not meaning.
    std::size_t zeros = 0;
    while (zeros + 1 < t.size() && t[zeros] == '0' && is_digit(t[zeros + 1])) ++zeros;
    return t.substr(zeros);
}

// "12.0" or "12,00": a spreadsheet stored the number as a decimal.
bool only_decimal_zeros(std::string_view rest) {
    if (rest.size() < 2 || (rest[0] != '.' && rest[0] != ',')) return false;
    return rest.substr(1).find_first_not_of('0') == std::string_view::npos;
}

}  // namespace

std::optional<std::string> normalise_postcode(std::string_view text) {
    std::string compact;
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (c == '\xC2' && i + 1 < text.size() && text[i + 1] == '\xA0') {  // UTF-8 no-break space
            ++i;
            continue;
        }
        if (is_space(c) || c == '-' || c == '\xA0') continue;
        compact += upper(c);
    }
    if (compact.size() != 6) return std::nullopt;
    for (std::size_t i = 0; i < 4; ++i)
        if (!is_digit(compact[i])) return std::nullopt;
    if (compact[0] == '0' || !is_alpha(compact[4]) || !is_alpha(compact[5])) return std::nullopt;
    return compact;
}

std::optional<Huisnummer> parse_huisnummer(std::string_view nummer, std::string_view letter,
                                           std::string_view toevoeging) {
    std::size_t i = 0;
    while (i < nummer.size() && !is_digit(nummer[i])) {
        if (!is_space(nummer[i])) return std::nullopt;
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
    if (only_decimal_zeros(rest)) rest = {};
    std::string extra_letter;
    std::size_t k = 0;
    while (k < rest.size() && (is_space(rest[k]) || rest[k] == '-' || rest[k] == '/')) ++k;
    rest = rest.substr(k);
    // A single letter directly after the number, not followed by more letters, is a huisletter.
    if (!rest.empty() && is_alpha(rest[0]) && (rest.size() == 1 || !is_alpha(rest[1]))) {
        if (upper_alnum(rest) != "I") {  // "12 I" is a floor, not the letter I
            extra_letter = std::string(1, upper(rest[0]));
            rest = rest.substr(1);
        }
    }
    const std::string extra_toevoeging = fold_toevoeging(rest);

    std::string l = upper_alnum(letter);
    std::string t = fold_toevoeging(toevoeging);
    // Columns swapped: a number in the letter column and a single letter in the toevoeging column.
    if (!l.empty() && !is_alpha(l[0]) && t.size() == 1 && is_alpha(t[0])) {
        std::swap(l, t);
        t = fold_toevoeging(t);
    }
    // A huisletter column holding more than one character, or a digit, is a toevoeging written in
    // the wrong column.
    if (l.size() > 1 || (l.size() == 1 && !is_alpha(l[0]))) {
        if (t.empty()) t = fold_toevoeging(l);
        l.clear();
    }
    h.huisletter = !l.empty() ? l : extra_letter;
    if (!l.empty() && !extra_letter.empty() && extra_letter != l) t = extra_letter + t;
    h.toevoeging = !t.empty() ? t : extra_toevoeging;
    if (!t.empty() && !extra_toevoeging.empty() && extra_toevoeging != t) h.toevoeging = extra_toevoeging + t;
    // Joined parts are folded once more ("0" + "1" is "1"), so a parsed number parses to itself.
    h.toevoeging = fold_toevoeging(h.toevoeging);
    return h;
}

std::string number_key(std::string_view postcode, std::int32_t nummer) {
    std::string key(postcode);
    key += '|';
    char digits[12];
    const auto end = std::to_chars(digits, digits + sizeof digits, nummer).ptr;
    key.append(digits, end);
    return key;
}

std::string exact_address_key(std::string_view postcode, const Huisnummer& h) {
    return number_key(postcode, h.nummer) + '|' + h.huisletter + '|' + h.toevoeging;
}

std::string loose_address_key(std::string_view postcode, const Huisnummer& h) {
    return number_key(postcode, h.nummer) + '|' + h.huisletter + h.toevoeging;
}

std::string written_address(std::string_view postcode, const Huisnummer& h) {
    std::string out(postcode);
    out += ' ';
    out += std::to_string(h.nummer) + h.huisletter;
    if (!h.toevoeging.empty()) out += '-' + h.toevoeging;
    return out;
}

namespace {

std::string_view trimmed(std::string_view s) {
    while (!s.empty() && is_space(s.front())) s.remove_prefix(1);
    while (!s.empty() && (is_space(s.back()) || s.back() == ',')) s.remove_suffix(1);
    return s;
}

// Where a postcode (4 digits, first not 0, maybe a space, 2 letters) stands as a word of its own in
// `text`, and how long it is; npos when there is none.
std::pair<std::size_t, std::size_t> find_postcode(std::string_view text) {
    for (std::size_t i = 0; i + 6 <= text.size(); ++i) {
        if (i > 0 && !is_space(text[i - 1]) && text[i - 1] != ',') continue;
        std::size_t k = i;
        while (k < text.size() && k - i < 4 && is_digit(text[k])) ++k;
        if (k - i != 4 || text[i] == '0') continue;
        if (k < text.size() && text[k] == ' ') ++k;
        if (k + 2 > text.size() || !is_alpha(text[k]) || !is_alpha(text[k + 1])) continue;
        if (k + 2 < text.size() && (is_alpha(text[k + 2]) || is_digit(text[k + 2]))) continue;
        return {i, k + 2 - i};
    }
    return {std::string_view::npos, 0};
}

}  // namespace

std::optional<AddressQuery> parse_address_query(std::string_view text) {
    text = trimmed(text);
    AddressQuery query;
    if (text.size() == 16 && std::all_of(text.begin(), text.end(), is_digit)) {
        query.bag_id = std::string(text);
        return query;
    }
    std::string rest(text);
    if (const auto [at, length] = find_postcode(rest); at != std::string::npos) {
        query.postcode = *normalise_postcode(rest.substr(at, length));
        rest.erase(at, length);
    }
    // The number and the street come before the first comma; what follows is the woonplaats.
    std::string_view head = trimmed(std::string_view(rest).substr(0, rest.find(',')));
    std::size_t number_at = std::string_view::npos;
    for (std::size_t i = 0; i < head.size(); ++i)
        if (is_digit(head[i]) && (i == 0 || is_space(head[i - 1]))) {
            number_at = i;
            break;
        }
    if (number_at == std::string_view::npos) return std::nullopt;
    query.straat = std::string(trimmed(head.substr(0, number_at)));
    const auto nummer = parse_huisnummer(head.substr(number_at));
    if (!nummer || (query.straat.empty() && query.postcode.empty())) return std::nullopt;
    query.nummer = *nummer;
    return query;
}

std::string street_key(std::string_view straat) {
    std::string key;
    for (char c : straat)
        if (c != '.' && c != '-' && c != '\'' && !is_space(c)) key += c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
    return key;
}

}  // namespace onregel
