#include "date.hpp"

#include <charconv>
#include <chrono>

#include "errors.hpp"

namespace onregel {

// Howard Hinnant's days_from_civil / civil_from_days: exact for the proleptic Gregorian calendar.
Date date_from_ymd(int y, unsigned m, unsigned d) {
    y -= m <= 2;
    const int era = (y >= 0 ? y : y - 399) / 400;
    const unsigned yoe = static_cast<unsigned>(y - era * 400);
    const unsigned doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1;
    const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + static_cast<int>(doe) - 719468;
}

void ymd_from_date(Date d, int& year, unsigned& month, unsigned& day) {
    const Date z = d + 719468;
    const int era = (z >= 0 ? z : z - 146096) / 146097;
    const unsigned doe = static_cast<unsigned>(z - era * 146097);
    const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    const unsigned mp = (5 * doy + 2) / 153;
    day = doy - (153 * mp + 2) / 5 + 1;
    month = mp < 10 ? mp + 3 : mp - 9;
    year = static_cast<int>(yoe) + era * 400 + (month <= 2);
}

namespace {

bool digits(std::string_view s, int& out) {
    if (s.empty()) return false;
    for (char c : s)
        if (c < '0' || c > '9') return false;
    std::from_chars(s.data(), s.data() + s.size(), out);
    return true;
}

unsigned days_in_month(int y, unsigned m) {
    static constexpr unsigned days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    const bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    return m == 2 && leap ? 29 : days[m - 1];
}

// The time after a date's 'T' or space: HH:MM or HH:MM:SS, then anything (fraction, zone). A date
// with 25:61 is a broken value, not that day.
bool valid_time(std::string_view t) {
    int h = 0, m = 0, s = 0;
    if (t.size() < 5 || t[2] != ':' || !digits(t.substr(0, 2), h) || !digits(t.substr(3, 2), m)) return false;
    if (t.size() >= 8 && t[5] == ':' && !digits(t.substr(6, 2), s)) return false;
    return h < 24 && m < 60 && s <= 60;
}

}  // namespace

std::optional<Date> parse_date(std::string_view text) {
    while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) text.remove_prefix(1);
    while (!text.empty() && (text.back() == ' ' || text.back() == '\t' || text.back() == '\r')) text.remove_suffix(1);
    if (text.empty()) return std::nullopt;
    int y = 0, m = 0, d = 0;
    bool ok = false;
    if (text.size() == 8) {
        ok = digits(text.substr(0, 4), y) && digits(text.substr(4, 2), m) && digits(text.substr(6, 2), d);
    } else if (text.size() >= 10 && text[4] == '-' && text[7] == '-' &&
               (text.size() == 10 || text[10] == 'T' || text[10] == ' ')) {
        ok = digits(text.substr(0, 4), y) && digits(text.substr(5, 2), m) && digits(text.substr(8, 2), d);
    }
    if (ok && text.size() > 10) ok = valid_time(text.substr(11));
    if (!ok || y < 1800 || y > 2200 || m < 1 || m > 12 || d < 1 ||
        static_cast<unsigned>(d) > days_in_month(y, static_cast<unsigned>(m)))
        throw input_error("'" + std::string(text) + "' is geen datum (verwacht JJJJMMDD of JJJJ-MM-DD)");
    return date_from_ymd(y, static_cast<unsigned>(m), static_cast<unsigned>(d));
}

std::optional<Date> parse_date_nl(std::string_view text) {
    while (!text.empty() && text.front() == ' ') text.remove_prefix(1);
    while (!text.empty() && text.back() == ' ') text.remove_suffix(1);
    const auto first = text.find_first_of("-/");
    if (first == 0 || first > 2) return parse_date(text);  // npos too: no day first
    const auto second = text.find(text[first], first + 1);
    int y = 0, m = 0, d = 0;
    if (second == std::string_view::npos || second - first < 2 || second - first > 3 || text.size() != second + 5 ||
        !digits(text.substr(0, first), d) || !digits(text.substr(first + 1, second - first - 1), m) ||
        !digits(text.substr(second + 1), y) || y < 1800 || y > 2200 || m < 1 || m > 12 || d < 1 ||
        static_cast<unsigned>(d) > days_in_month(y, static_cast<unsigned>(m)))
        throw input_error("'" + std::string(text) + "' is geen datum (verwacht D-M-JJJJ of JJJJ-MM-DD)");
    return date_from_ymd(y, static_cast<unsigned>(m), static_cast<unsigned>(d));
}

Date today() {
    const auto now = std::chrono::floor<std::chrono::days>(std::chrono::system_clock::now());
    return static_cast<Date>(now.time_since_epoch().count());
}

int kwartaal_van(Date d) {
    int y = 0;
    unsigned m = 0, day = 0;
    ymd_from_date(d, y, m, day);
    return static_cast<int>((m - 1) / 3 + 1);
}

Date kwartaal_begin(int jaar, int kwartaal) { return date_from_ymd(jaar, static_cast<unsigned>(kwartaal * 3 - 2), 1); }

Date kwartaal_einde(int jaar, int kwartaal) {
    return kwartaal == 4 ? date_from_ymd(jaar, 12, 31) : kwartaal_begin(jaar, kwartaal + 1) - 1;
}

std::string format_date(Date date) {
    int y;
    unsigned m, d;
    ymd_from_date(date, y, m, d);
    // A year outside 0-9999 (a GeoPackage date field is not range-checked) is written whole, never
    // cut off into bytes that were not written.
    char buf[16];
    const auto r = std::to_chars(buf, buf + sizeof buf, y);
    std::string out(y >= 0 && r.ptr - buf < 4 ? static_cast<std::size_t>(4 - (r.ptr - buf)) : 0, '0');
    out.append(buf, r.ptr);
    const char tail[] = {'-', char('0' + m / 10), char('0' + m % 10), '-', char('0' + d / 10), char('0' + d % 10)};
    return out.append(tail, sizeof tail);
}

int year_of(Date date) {
    int y;
    unsigned m, d;
    ymd_from_date(date, y, m, d);
    return y;
}

}  // namespace onregel
