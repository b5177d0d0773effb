#include "support.hpp"

#include "engine/text.hpp"

namespace onregel {

Date add_months(Date date, int months) {
    int year;
    unsigned month, day;
    ymd_from_date(date, year, month, day);
    const int total = year * 12 + static_cast<int>(month) - 1 + months;
    const int y = total >= 0 ? total / 12 : (total - 11) / 12;
    const auto m = static_cast<unsigned>(total - y * 12 + 1);
    // The last day of month m: the day before the first of the next month.
    const Date last = date_from_ymd(m == 12 ? y + 1 : y, m == 12 ? 1 : m + 1, 1) - 1;
    return std::min(date_from_ymd(y, m, 1) + static_cast<Date>(day) - 1, last);
}

std::string meldingen_sinds(std::int64_t count, Date first) {
    return count_text(count, "melding", "meldingen") + " sinds " + std::to_string(year_of(first));
}

std::string format_euro(std::int64_t euro) {
    std::string digits = std::to_string(euro < 0 ? -euro : euro);
    for (auto i = static_cast<std::ptrdiff_t>(digits.size()) - 3; i > 0; i -= 3)
        digits.insert(static_cast<std::size_t>(i), ".");
    return std::string(euro < 0 ? "€ -" : "€ ") + digits;
}

}  // namespace onregel
