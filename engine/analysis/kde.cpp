#include "kde.hpp"

#include <algorithm>
#include <cmath>
#include <numbers>
#include <stdexcept>

#include <tbb/blocked_range.h>
#include <tbb/parallel_for.h>

#include "engine/errors.hpp"

namespace onregel {

namespace {
constexpr double max_cells = double(std::int64_t{1} << 26);  // 512 MiB of densities
std::int64_t floor_div(double v, double cell) { return static_cast<std::int64_t>(std::floor(v / cell)); }
}  // namespace

DensityGrid kernel_density(std::span<const Point> points, std::span<const double> weights, double bandwidth,
                           double cell) {
    if (!(bandwidth > 0)) throw config_error("kernel density bandwidth must be positive");
    if (!(cell > 0)) throw config_error("kernel density cell size must be positive");
    if (!weights.empty() && weights.size() != points.size())
        throw std::invalid_argument("kernel_density: one weight per point, or none");
    DensityGrid grid;
    grid.cell = cell;
    if (points.empty()) return grid;

    double min_x = points[0].x, max_x = min_x, min_y = points[0].y, max_y = min_y;
    for (const auto& p : points) {
        min_x = std::min(min_x, p.x);
        max_x = std::max(max_x, p.x);
        min_y = std::min(min_y, p.y);
        max_y = std::max(max_y, p.y);
    }
    const double h = bandwidth;
    const double span_columns = std::floor((max_x + h) / cell) - std::floor((min_x - h) / cell) + 1;
    const double span_rows = std::floor((max_y + h) / cell) - std::floor((min_y - h) / cell) + 1;
    if (span_columns * span_rows > max_cells)
        throw config_error("kernel density grid too large (" + std::to_string(span_columns * span_rows) +
                           " cells); choose a larger cell size");
    grid.min_column = floor_div(min_x - h, cell);
    grid.min_row = floor_div(min_y - h, cell);
    grid.columns = static_cast<std::int64_t>(span_columns);
    grid.rows = static_cast<std::int64_t>(span_rows);
    grid.density.assign(static_cast<std::size_t>(grid.columns * grid.rows), 0.0);

    // Points bucketed by the grid row that holds them (CSR, ascending index within a row), so that each
    // output row reads only the points within h of it, always in the same order.
    const std::int64_t first_row = floor_div(min_y, cell);
    const auto bucket_rows = static_cast<std::size_t>(floor_div(max_y, cell) - first_row + 1);
    std::vector<std::size_t> offsets(bucket_rows + 1, 0), order(points.size());
    for (const auto& p : points) ++offsets[static_cast<std::size_t>(floor_div(p.y, cell) - first_row) + 1];
    for (std::size_t r = 0; r < bucket_rows; ++r) offsets[r + 1] += offsets[r];
    std::vector<std::size_t> cursor(offsets.begin(), offsets.end() - 1);
    for (std::size_t i = 0; i < points.size(); ++i)
        order[cursor[static_cast<std::size_t>(floor_div(points[i].y, cell) - first_row)]++] = i;

    const double h2 = h * h, scale = 3.0 / (std::numbers::pi * h2);
    tbb::parallel_for(tbb::blocked_range<std::int64_t>(0, grid.rows), [&](const tbb::blocked_range<std::int64_t>& range) {
        for (auto r = range.begin(); r != range.end(); ++r) {
            const std::int64_t row = grid.min_row + r;
            const double yc = (static_cast<double>(row) + 0.5) * cell;
            double* out = grid.density.data() + r * grid.columns;
            const auto b0 = std::max<std::int64_t>(0, floor_div(yc - h, cell) - first_row);
            const auto b1 = std::min<std::int64_t>(static_cast<std::int64_t>(bucket_rows) - 1, floor_div(yc + h, cell) - first_row);
            for (auto b = b0; b <= b1; ++b) {
                for (auto k = offsets[static_cast<std::size_t>(b)]; k < offsets[static_cast<std::size_t>(b) + 1]; ++k) {
                    const std::size_t i = order[k];
                    const double dy = points[i].y - yc, dy2 = dy * dy;
                    if (dy2 >= h2) continue;
                    const double w = weights.empty() ? 1.0 : weights[i];
                    const double reach = std::sqrt(h2 - dy2);
                    const auto c0 = std::max(grid.min_column, floor_div(points[i].x - reach, cell));
                    const auto c1 = std::min(grid.min_column + grid.columns - 1, floor_div(points[i].x + reach, cell));
                    for (auto c = c0; c <= c1; ++c) {
                        const double dx = points[i].x - (static_cast<double>(c) + 0.5) * cell;
                        const double u = 1.0 - (dx * dx + dy2) / h2;
                        if (u > 0) out[c - grid.min_column] += w * scale * u * u;
                    }
                }
            }
        }
    });
    return grid;
}

double default_bandwidth(std::span<const Point> points) {
    const std::size_t n = points.size();
    if (n < 2) return 0;
    double sx = 0, sy = 0;
    for (const auto& p : points) {
        sx += p.x;
        sy += p.y;
    }
    const double mx = sx / static_cast<double>(n), my = sy / static_cast<double>(n);
    std::vector<double> distance(n);
    double squares = 0;
    for (std::size_t i = 0; i < n; ++i) {
        const double dx = points[i].x - mx, dy = points[i].y - my;
        squares += dx * dx + dy * dy;
        distance[i] = std::hypot(dx, dy);
    }
    const double standard_distance = std::sqrt(squares / static_cast<double>(n));
    const auto middle = distance.begin() + static_cast<std::ptrdiff_t>(n / 2);
    std::nth_element(distance.begin(), middle, distance.end());
    double median = *middle;
    if (n % 2 == 0) median = (median + *std::max_element(distance.begin(), middle)) / 2;
    return 0.9 * std::min(standard_distance, std::sqrt(1.0 / std::numbers::ln2) * median) *
           std::pow(static_cast<double>(n), -0.2);
}

}  // namespace onregel
