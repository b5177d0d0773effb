#pragma once
// Polygon simplification for drawing: plain geometry on RD New points, no I/O.
#include <vector>

#include "engine/model.hpp"

namespace onregel {

// Douglas–Peucker on a closed ring (first == last): drops the vertices that lie within `tolerance`
// of the simplified outline. Returns the ring as it is when the result would have fewer than 4
// points, no area, or edges that cross.
std::vector<Point> simplify_ring(const std::vector<Point>& ring, double tolerance);

}  // namespace onregel
