#include "mann_kendall.hpp"

#include <algorithm>
#include <cmath>
#include <vector>

#include "getis_ord.hpp"

namespace onregel {

MannKendall mann_kendall(std::span<const double> series) {
    MannKendall result;
    const std::size_t n = series.size();
    long long s = 0;  // exact: |S| <= n(n-1)/2
    for (std::size_t i = 0; i < n; ++i)
        for (std::size_t j = i + 1; j < n; ++j) s += (series[j] > series[i]) - (series[j] < series[i]);
    result.s = static_cast<double>(s);

    // var(S) = [n(n-1)(2n+5) - sum over tie groups of t(t-1)(2t+5)] / 18, in exact integers.
    std::vector<double> sorted(series.begin(), series.end());
    std::sort(sorted.begin(), sorted.end());
    const auto term = [](long long t) { return t * (t - 1) * (2 * t + 5); };
    long long numerator = term(static_cast<long long>(n));
    for (std::size_t i = 0; i < n;) {
        std::size_t j = i;
        while (j < n && sorted[j] == sorted[i]) ++j;
        numerator -= term(static_cast<long long>(j - i));
        i = j;
    }
    result.var_s = static_cast<double>(numerator) / 18.0;
    if (s == 0 || result.var_s <= 0) return result;
    result.z = static_cast<double>(s > 0 ? s - 1 : s + 1) / std::sqrt(result.var_s);
    result.p = two_sided_p(result.z);
    return result;
}

}  // namespace onregel
