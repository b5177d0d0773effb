#include "getis_ord.hpp"

#include <algorithm>
#include <cmath>
#include <stdexcept>

#include <tbb/blocked_range.h>
#include <tbb/parallel_for.h>

#include "engine/errors.hpp"
#include "engine/grid_index.hpp"

namespace onregel {

double two_sided_p(double z) { return std::erfc(std::abs(z) / std::sqrt(2.0)); }

GetisOrd getis_ord(std::span<const Point> points, std::span<const double> values, double band, bool star) {
    if (!(band > 0)) throw config_error("Getis-Ord distance band must be positive");
    if (values.size() != points.size()) throw std::invalid_argument("getis_ord: one value per point");
    const std::size_t n = points.size();
    GetisOrd result;
    result.z.assign(n, 0.0);
    result.p.assign(n, 1.0);
    if (n < 2) return result;

    // Sums in index order, and the variance in two passes, so the result never depends on threads.
    double total = 0;
    for (double v : values) total += v;
    const double mean = total / static_cast<double>(n);
    double m2 = 0;  // sum of squared deviations
    for (double v : values) m2 += (v - mean) * (v - mean);
    // Exact constancy tests: rounding leaves a tiny non-zero variance when all values are equal.
    const auto extremes = std::minmax_element(values.begin(), values.end());
    const double lo = *extremes.first, hi = *extremes.second;
    const auto count_lo = std::count(values.begin(), values.end(), lo);
    const auto count_hi = std::count(values.begin(), values.end(), hi);
    const auto all = static_cast<std::ptrdiff_t>(n);
    const bool constant = lo == hi;

    const GridIndex index(points, band);
    const double n_used = static_cast<double>(star ? n : n - 1);  // N: the points the statistic compares
    tbb::parallel_for(tbb::blocked_range<std::size_t>(0, n, 1024), [&](const tbb::blocked_range<std::size_t>& range) {
        std::vector<std::uint32_t> neighbours;
        for (std::size_t i = range.begin(); i != range.end(); ++i) {
            const double y = values[i];
            double m = mean, s2 = m2 / n_used;
            bool flat = constant;
            if (!star) {
                // Leave point i out of the reference distribution (removal step of Welford's update).
                m = (total - y) / n_used;
                s2 = std::max(0.0, m2 - (y - mean) * (y - m)) / n_used;
                flat = flat || (y == lo && count_lo == 1 && count_hi == all - 1) ||
                       (y == hi && count_hi == 1 && count_lo == all - 1);
            }
            index.within(points[i], band, neighbours);
            double deviation = 0;  // sum over neighbours of (y_j - mean), ascending j
            double weight = 0;     // binary weights: the neighbour count
            for (auto j : neighbours) {
                if (!star && j == i) continue;
                deviation += values[j] - m;
                weight += 1;
            }
            if (flat || weight == 0 || weight == n_used) continue;
            // Ord & Getis (1995) eq. 8 / ArcGIS Gi*: with binary weights sum w_ij^2 = sum w_ij.
            const double z = deviation / std::sqrt(s2 * weight * (n_used - weight) / (n_used - 1));
            result.z[i] = z;
            result.p[i] = two_sided_p(z);
        }
    });
    return result;
}

}  // namespace onregel
