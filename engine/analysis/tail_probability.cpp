#include "tail_probability.hpp"

#include <algorithm>
#include <cmath>

namespace onregel {

namespace {

// log(n!) by summation: exact enough, thread-safe (std::lgamma writes the global signgam), and the
// counts here are small.
double log_factorial(std::int64_t n) {
    double sum = 0;
    for (std::int64_t i = 2; i <= n; ++i) sum += std::log(static_cast<double>(i));
    return sum;
}

}  // namespace

double poisson_upper_tail(std::int64_t observed, double expected) {
    if (observed <= 0) return 1;
    if (!(expected > 0)) return 0;
    // Summed upwards from `observed` while the terms matter; below the mean, 1 minus the lower sum is
    // as exact and shorter.
    if (static_cast<double>(observed) > expected) {
        double term = std::exp(-expected + static_cast<double>(observed) * std::log(expected) - log_factorial(observed));
        double sum = 0;
        for (std::int64_t k = observed; term > 0 && term >= sum * 1e-17; ++k) {
            sum += term;
            term *= expected / static_cast<double>(k + 1);
        }
        return std::min(1.0, sum);
    }
    double term = std::exp(-expected), lower = 0;
    for (std::int64_t k = 0; k < observed; ++k) {
        lower += term;
        term *= expected / static_cast<double>(k + 1);
    }
    return std::clamp(1 - lower, 0.0, 1.0);
}

double binomial_upper_tail(std::int64_t observed, std::int64_t trials, double share) {
    if (observed <= 0) return 1;
    if (observed > trials || !(share > 0)) return 0;
    if (share >= 1) return 1;
    const double log_p = std::log(share), log_q = std::log1p(-share);
    double term = std::exp(log_factorial(trials) - log_factorial(observed) - log_factorial(trials - observed) +
                           static_cast<double>(observed) * log_p + static_cast<double>(trials - observed) * log_q);
    double sum = 0;
    for (std::int64_t k = observed; k <= trials; ++k) {
        sum += term;
        if (term < sum * 1e-17) break;
        term *= static_cast<double>(trials - k) / static_cast<double>(k + 1) * share / (1 - share);
    }
    return std::clamp(sum, 0.0, 1.0);
}

}  // namespace onregel
