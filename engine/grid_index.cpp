#include "grid_index.hpp"

#include <algorithm>
#include <cmath>

#include "errors.hpp"

namespace onregel {

namespace {
constexpr std::int64_t max_cells = std::int64_t{1} << 26;  // 64 Mi cells: 256 MiB of offsets at most
}

GridIndex::GridIndex(std::span<const Point> points, double cell_size)
    : cell_size_(cell_size), points_(points.begin(), points.end()) {
    if (!(cell_size > 0)) throw config_error("grid cell size must be positive");
    if (points_.empty()) {
        offsets_.assign(1, 0);
        return;
    }
    double max_x = points_[0].x, max_y = points_[0].y;
    min_x_ = max_x;
    min_y_ = max_y;
    for (const auto& p : points_) {
        min_x_ = std::min(min_x_, p.x);
        min_y_ = std::min(min_y_, p.y);
        max_x = std::max(max_x, p.x);
        max_y = std::max(max_y, p.y);
    }
    // Coarsen the grid when the extent is huge compared to the cell (a national run with a tiny radius).
    for (;;) {
        columns_ = static_cast<std::int64_t>((max_x - min_x_) / cell_size_) + 1;
        rows_ = static_cast<std::int64_t>((max_y - min_y_) / cell_size_) + 1;
        if (columns_ * rows_ <= max_cells) break;
        cell_size_ *= 2;
    }
    const auto cells = static_cast<std::size_t>(columns_ * rows_);
    std::vector<std::uint32_t> cell(points_.size());
    offsets_.assign(cells + 1, 0);
    for (std::size_t i = 0; i < points_.size(); ++i) {
        const auto c = cell_of(points_[i].y, min_y_) * columns_ + cell_of(points_[i].x, min_x_);
        cell[i] = static_cast<std::uint32_t>(c);
        ++offsets_[static_cast<std::size_t>(c) + 1];
    }
    for (std::size_t c = 0; c < cells; ++c) offsets_[c + 1] += offsets_[c];
    sorted_.resize(points_.size());
    std::vector<std::uint32_t> cursor(offsets_.begin(), offsets_.end() - 1);
    for (std::size_t i = 0; i < points_.size(); ++i) sorted_[cursor[cell[i]]++] = static_cast<std::uint32_t>(i);
}

std::int64_t GridIndex::cell_of(double v, double origin) const {
    return static_cast<std::int64_t>(std::floor((v - origin) / cell_size_));
}

void GridIndex::within(Point centre, double radius, std::vector<std::uint32_t>& out) const {
    out.clear();
    if (points_.empty()) return;
    const auto c0 = std::max<std::int64_t>(0, cell_of(centre.x - radius, min_x_));
    const auto c1 = std::min<std::int64_t>(columns_ - 1, cell_of(centre.x + radius, min_x_));
    const auto r0 = std::max<std::int64_t>(0, cell_of(centre.y - radius, min_y_));
    const auto r1 = std::min<std::int64_t>(rows_ - 1, cell_of(centre.y + radius, min_y_));
    const double r2 = radius * radius;
    for (auto r = r0; r <= r1; ++r) {
        for (auto c = c0; c <= c1; ++c) {
            const auto cell = static_cast<std::size_t>(r * columns_ + c);
            for (auto k = offsets_[cell]; k < offsets_[cell + 1]; ++k) {
                const auto i = sorted_[k];
                const double dx = points_[i].x - centre.x, dy = points_[i].y - centre.y;
                if (dx * dx + dy * dy <= r2) out.push_back(i);
            }
        }
    }
    std::sort(out.begin(), out.end());
}

}  // namespace onregel
