#pragma once
// DBSCAN (Ester, Kriegel, Sander & Xu 1996) on RD New points, with the conventions of scikit-learn's
// DBSCAN: eps inclusive, min_points counts the point itself (min_samples).
#include <cstdint>
#include <span>
#include <vector>

#include "engine/model.hpp"

namespace onregel {

struct Dbscan {
    std::vector<std::int32_t> label;  // cluster id, -1 noise
    std::vector<std::uint8_t> core;   // 1 for a core point
    std::int32_t clusters = 0;
};

// A point is core when at least min_points points (itself included) lie within eps (distance <= eps).
// Core points within eps of each other share a cluster. Clusters are numbered 0.. in the order of their
// lowest-index core point; a border point joins the lowest-numbered cluster among its core neighbours
// (scikit-learn's labels exactly).
// The result does not depend on the thread count. Throws config_error for eps <= 0 or min_points < 1.
Dbscan dbscan(std::span<const Point> points, double eps, int min_points);

}  // namespace onregel
