#pragma once
// A flat grid over RD New metres: points bucketed by cell in one sorted array (CSR), so a radius
// query touches only the cells the circle overlaps and allocates nothing but its output.
#include <cstdint>
#include <span>
#include <vector>

#include "model.hpp"

namespace onregel {

class GridIndex {
public:
    GridIndex() = default;
    // cell_size: metres; pick about the radius of the queries that will be asked.
    GridIndex(std::span<const Point> points, double cell_size);

    // Indices of all points with distance <= radius (boundary included), in ascending order.
    void within(Point centre, double radius, std::vector<std::uint32_t>& out) const;
    std::size_t size() const { return points_.size(); }

private:
    std::int64_t cell_of(double v, double origin) const;
    double cell_size_ = 1;
    double min_x_ = 0, min_y_ = 0;
    std::int64_t columns_ = 0, rows_ = 0;
    std::vector<Point> points_;             // copy, in input order
    std::vector<std::uint32_t> offsets_;    // per cell, into sorted_
    std::vector<std::uint32_t> sorted_;     // point indices grouped by cell, ascending within a cell
};

}  // namespace onregel
