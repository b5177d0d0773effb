#pragma once
// Local Getis–Ord statistics with binary distance-band weights (w_ij = 1 for d_ij <= band), as esda's
// G_Local on a libpysal DistanceBand with transform "B". Neighbours come from a GridIndex, so n may run
// into the millions: memory stays O(n), never an n×n matrix.
#include <span>
#include <vector>

#include "engine/model.hpp"

namespace onregel {

struct GetisOrd {
    std::vector<double> z;
    std::vector<double> p;  // two-sided, from the standard normal
};

// star=true: Gi*, the point itself counts as its own neighbour; star=false: Gi, it does not (and its
// value is left out of the mean and variance, Ord & Getis 1995). Where the statistic is undefined (the
// values compared are all equal, or the point has every other point or none as neighbour) z = 0, p = 1.
// Throws config_error when band is not positive; values.size() must equal points.size().
GetisOrd getis_ord(std::span<const Point> points, std::span<const double> values, double band, bool star);

// Two-sided p-value of a standard-normal z: P(|Z| >= |z|).
double two_sided_p(double z);

}  // namespace onregel
