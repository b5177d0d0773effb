#pragma once
// The Mann–Kendall trend test (Mann 1945, Kendall 1975) on an evenly spaced series, e.g. meldingen per
// month: is there a monotone trend, without assuming its shape.
#include <cstddef>
#include <span>

namespace onregel {

struct MannKendall {
    double s = 0;      // S = sum over i < j of sign(x_j - x_i)
    double var_s = 0;  // var(S) with the tie correction
    double z = 0;      // (S - sign(S)) / sqrt(var S): continuity-corrected
    double p = 1;      // two-sided, from the standard normal
};

// The shortest series on which the two-sided test can reach p < 0.05: with four values even a strictly
// monotone series has p = 0.089 (exactly 2/24 = 0.083), with five 0.027.
inline constexpr std::size_t mann_kendall_min_length = 5;

// Series of fewer than two values, or all tied, give S = 0, z = 0, p = 1. No NaN in the series.
// O(n²) in the series length: meant for time series of tens to thousands of steps.
MannKendall mann_kendall(std::span<const double> series);

}  // namespace onregel
