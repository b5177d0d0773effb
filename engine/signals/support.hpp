#pragma once
// What several signals share: deterministic parallel evaluation, level rules, month arithmetic.
#include <algorithm>
#include <cstdint>
#include <iterator>
#include <string>
#include <tbb/parallel_for.h>
#include <vector>

#include "engine/date.hpp"
#include "engine/signal.hpp"
#include "engine/text.hpp"

namespace onregel {

// Runs body(begin, end, hits) over fixed chunks of [0, n) in parallel and concatenates the chunks' hits
// in chunk order. The chunks do not depend on the thread count, so neither does the result; a body that
// appends hits in ascending vbo order yields them in ascending order overall.
template <class Body>
std::vector<Hit> in_chunks(std::size_t n, Body body) {
    constexpr std::size_t chunk = 1024;
    std::vector<std::vector<Hit>> parts((n + chunk - 1) / chunk);
    tbb::parallel_for(std::size_t{0}, parts.size(), [&](std::size_t c) {
        body(c * chunk, std::min(n, (c + 1) * chunk), parts[c]);
    });
    std::vector<Hit> hits;
    for (auto& part : parts) std::move(part.begin(), part.end(), std::back_inserter(hits));
    return hits;
}

// The level convention for counts: 1 from the threshold, 2 from twice it, 3 from four times it.
inline std::uint8_t level_by_multiple(double count, double threshold) {
    return count >= 4 * threshold ? 3 : count >= 2 * threshold ? 2 : 1;
}

// The level for a value against three ascending cut-offs (value >= niveau1 is assumed).
inline std::uint8_t level_by_cutoffs(double value, double niveau2, double niveau3) {
    return value >= niveau3 ? 3 : value >= niveau2 ? 2 : 1;
}

// The same day `months` calendar months later (earlier when negative), clamped to the month's last
// day: 2024-03-31 minus one month is 2024-02-29. "Less than N months after a" means d < add_months(a, N).
Date add_months(Date date, int months);

// "3 meldingen sinds 2024": a count of meldingen and the year of the first.
std::string meldingen_sinds(std::int64_t count, Date first);

// "€ 500.000": whole euros with Dutch thousands separators.
std::string format_euro(std::int64_t euro);

}  // namespace onregel
