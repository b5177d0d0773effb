#pragma once
// Upper tail probabilities of counts, for tests of "more than expected": a cell with more meldingen
// than its verblijfsobjecten lead one to expect (Poisson), a street with more risk-branch vestigingen
// than the gemeente's share gives (binomial). Exact sums, no normal approximation: the counts are small.
#include <cstdint>

namespace onregel {

// P(X >= observed) for X ~ Poisson(expected). 1 for observed <= 0; for expected <= 0 it is 0 unless
// observed <= 0 (nothing can be observed where nothing is expected).
double poisson_upper_tail(std::int64_t observed, double expected);

// P(X >= observed) for X ~ Binomial(trials, share), share in [0, 1].
double binomial_upper_tail(std::int64_t observed, std::int64_t trials, double share);

}  // namespace onregel
