#pragma once
// Kernel density on a square grid in RD New metres, with the quartic (biweight) kernel of ArcGIS Kernel
// Density (Silverman 1986, eq. 4.5): K(d) = 3/(pi h^2) (1 - (d/h)^2)^2 for d < h, 0 beyond. It has
// unit volume, so the density integrates to the total weight (per m²).
#include <cstdint>
#include <span>
#include <vector>

#include "engine/model.hpp"

namespace onregel {

// Cell (column c, row r) covers [c cell, (c+1) cell) x [r cell, (r+1) cell): the grid is anchored at
// multiples of `cell`, so grids with the same cell size line up. Rows run south to north.
struct DensityGrid {
    double cell = 0;
    std::int64_t min_column = 0, min_row = 0, columns = 0, rows = 0;
    std::vector<double> density;  // row-major: (row - min_row) * columns + (column - min_column)

    Point centre(std::int64_t column, std::int64_t row) const {
        return {(static_cast<double>(column) + 0.5) * cell, (static_cast<double>(row) + 0.5) * cell};
    }
    double at(std::int64_t column, std::int64_t row) const {
        return density[static_cast<std::size_t>((row - min_row) * columns + (column - min_column))];
    }
};

// The density at every cell centre within the bandwidth of some point: the grid spans the points'
// bounding box widened by the bandwidth. weights: one per point, or empty for weight 1 each.
// Throws config_error when bandwidth or cell is not positive or the grid would exceed 64 Mi cells.
// Each cell sums its points in a fixed order, so the result does not depend on the thread count.
DensityGrid kernel_density(std::span<const Point> points, std::span<const double> weights, double bandwidth,
                           double cell);

// ArcGIS's default search radius, a spatial form of Silverman's rule of thumb:
//   h = 0.9 min(SD, sqrt(1/ln 2) Dm) n^(-1/5)
// with SD the standard distance and Dm the median distance to the mean centre (n unweighted). It is 0
// for fewer than two points or when half of them sit on the mean centre: then the caller must choose.
double default_bandwidth(std::span<const Point> points);

}  // namespace onregel
