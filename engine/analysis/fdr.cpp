#include "fdr.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <stdexcept>

namespace onregel {

namespace {

// The largest p that BH at alpha still calls significant, or -1 when none is.
double bh_threshold(std::span<const double> p, double alpha) {
    std::vector<double> sorted;
    sorted.reserve(p.size());
    for (double v : p)
        if (!std::isnan(v)) sorted.push_back(v);
    std::sort(sorted.begin(), sorted.end());
    // m counts every test, NaN included: a test that could not be computed still was a test.
    const double m = static_cast<double>(p.size());
    for (std::size_t k = sorted.size(); k > 0; --k)
        if (sorted[k - 1] <= static_cast<double>(k) * alpha / m) return sorted[k - 1];
    return -1;
}

}  // namespace

std::vector<std::uint8_t> benjamini_hochberg(std::span<const double> p, double alpha) {
    const double threshold = bh_threshold(p, alpha);
    std::vector<std::uint8_t> significant(p.size());
    for (std::size_t i = 0; i < p.size(); ++i) significant[i] = p[i] <= threshold;
    return significant;
}

std::vector<std::int8_t> hotspot_classes(std::span<const double> z, std::span<const double> p, bool fdr) {
    if (z.size() != p.size()) throw std::invalid_argument("hotspot_classes: one p per z");
    constexpr std::array<double, 3> alphas{0.10, 0.05, 0.01};  // class 1, 2, 3
    std::array<double, 3> thresholds = alphas;
    if (fdr)
        for (std::size_t level = 0; level < alphas.size(); ++level) thresholds[level] = bh_threshold(p, alphas[level]);
    std::vector<std::int8_t> classes(z.size(), 0);
    for (std::size_t i = 0; i < z.size(); ++i) {
        std::int8_t level = 0;
        for (std::size_t k = 0; k < thresholds.size(); ++k)
            if (p[i] <= thresholds[k]) level = static_cast<std::int8_t>(k + 1);
        classes[i] = z[i] > 0 ? level : z[i] < 0 ? static_cast<std::int8_t>(-level) : std::int8_t{0};
    }
    return classes;
}

}  // namespace onregel
