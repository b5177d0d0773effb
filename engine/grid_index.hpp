#pragma once
// A sparse grid over RD New metres: points sorted by cell (row, then column), and only the occupied
// cells kept, so memory is O(n) whatever the extent. A directory over rows and blocks of columns, no
// larger than the points, leads a radius query to its window one row at a time, through a binary
// search in a block; it allocates nothing but its output.
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

    // Indices of all points with distance <= radius (boundary included), in ascending order. A point
    // or centre with a coordinate that is not finite, or a negative or NaN radius, finds nothing.
    void within(Point centre, double radius, std::vector<std::uint32_t>& out) const;
    std::size_t size() const { return size_; }

private:
    std::int64_t cell_of(double v, double origin, std::int64_t last) const;
    std::int64_t blocks_per_row() const { return ((columns_ - 1) >> block_shift_) + 1; }
    std::size_t size_ = 0;
    double per_metre_ = 1;                     // cells per metre: 1 / cell size
    double min_x_ = 0, min_y_ = 0;
    std::int64_t columns_ = 0, rows_ = 0;
    int block_shift_ = 0;                      // a block is 2^block_shift_ columns
    std::vector<Point> points_;                // the finite points, sorted by cell, ascending index within a cell
    std::vector<std::uint32_t> ids_;           // input index of points_[k]
    std::vector<std::uint32_t> block_cells_;   // per block of a row, + 1: its first occupied cell
    std::vector<std::uint32_t> cell_columns_;  // occupied cells, row by row, column ascending
    std::vector<std::uint32_t> cell_starts_;   // per occupied cell, + 1: its first point in points_
};

}  // namespace onregel
