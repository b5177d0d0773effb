#pragma once
// Calendar dates as days since 1970-01-01, so comparisons and spans are integer arithmetic.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace onregel {

using Date = std::int32_t;  // days since 1970-01-01

Date date_from_ymd(int year, unsigned month, unsigned day);
void ymd_from_date(Date d, int& year, unsigned& month, unsigned& day);

// Accepts YYYYMMDD, YYYY-MM-DD and ISO datetimes (YYYY-MM-DDThh:mm...). Empty -> nullopt.
// Throws input_error with the offending text when the value is not a valid date.
std::optional<Date> parse_date(std::string_view text);
// parse_date, and the day first as people write it and Dutch Excel saves it: 9-12-2026, 09/12/2026.
std::optional<Date> parse_date_nl(std::string_view text);

// Today (UTC) by the system clock: for checks (a melding dated later is a typing error) and defaults
// of commands that act on the day they run, never for what a run computes.
Date today();

std::string format_date(Date d);  // YYYY-MM-DD

// Quarters of a calendar year, 1 to 4: the one a day lies in, and its first and last day.
int kwartaal_van(Date d);
Date kwartaal_begin(int jaar, int kwartaal);
Date kwartaal_einde(int jaar, int kwartaal);
int year_of(Date d);

}  // namespace onregel
