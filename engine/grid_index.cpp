#include "grid_index.hpp"

#include <algorithm>
#include <bit>
#include <cmath>
#include <numeric>
#include <utility>

#include "errors.hpp"

namespace onregel {

namespace {

// While sorting, a cell key (row * columns + column) and a point index share one 64-bit word.
constexpr double max_cells = 4294967296.0;  // 2^32
// The directory is dense over rows and blocks of columns: it may have as many entries as there are
// points, or this many.
constexpr double min_directory = 4096;

bool finite(const Point& p) { return std::isfinite(p.x) && std::isfinite(p.y); }

// Sorts (key << 32 | index) by key with an LSD radix sort over the key bits in use, in as few passes
// of at most 14 bits as they need (two for the Netherlands at 50 m). Stable, so the indices, pushed in
// ascending order, stay ascending within a cell.
void sort_by_key(std::vector<std::uint64_t>& items, std::uint64_t max_key) {
    const int bits = static_cast<int>(std::bit_width(max_key));
    const int passes = (bits + 13) / 14;
    if (passes == 0) return;
    const int digit_bits = (bits + passes - 1) / passes;
    const std::uint64_t digit_mask = (std::uint64_t{1} << digit_bits) - 1;
    std::vector<std::uint64_t> buffer(items.size());
    std::vector<std::size_t> count(digit_mask + 1);
    for (int shift = 32; shift < 32 + bits; shift += digit_bits) {
        std::fill(count.begin(), count.end(), 0);
        for (auto item : items) ++count[(item >> shift) & digit_mask];
        if (std::find(count.begin(), count.end(), items.size()) != count.end()) continue;  // one digit: no move
        std::size_t sum = 0;
        for (auto& c : count) sum += std::exchange(c, sum);
        for (auto item : items) buffer[count[(item >> shift) & digit_mask]++] = item;
        items.swap(buffer);
    }
}

}  // namespace

GridIndex::GridIndex(std::span<const Point> points, double cell_size) : size_(points.size()) {
    if (!(cell_size > 0)) throw config_error("grid cell size must be positive");
    std::size_t n = 0;
    double max_x = 0, max_y = 0;
    for (const auto& p : points) {
        if (!finite(p)) continue;  // never within any distance: not indexed
        if (n++ == 0) {
            min_x_ = max_x = p.x;
            min_y_ = max_y = p.y;
        }
        min_x_ = std::min(min_x_, p.x);
        min_y_ = std::min(min_y_, p.y);
        max_x = std::max(max_x, p.x);
        max_y = std::max(max_y, p.y);
    }
    if (n == 0) return;
    // Coarsen the grid when the extent is huge compared to the cell (a national run with a tiny radius,
    // a stray coordinate). Halves, because the extent of finite coordinates need not be finite.
    const double half_width = max_x / 2 - min_x_ / 2, half_height = max_y / 2 - min_y_ / 2;
    const double directory = std::max(min_directory, static_cast<double>(n));
    for (;; cell_size *= 2) {
        const double columns = std::floor(half_width / (cell_size / 2)) + 1;
        const double rows = std::floor(half_height / (cell_size / 2)) + 1;
        if (rows <= directory && columns * rows <= max_cells) {
            columns_ = static_cast<std::int64_t>(columns);
            rows_ = static_cast<std::int64_t>(rows);
            break;
        }
    }
    // Blocks as narrow as the directory allows: the denser the points, the closer to one entry a cell.
    while (static_cast<double>(rows_ * blocks_per_row()) > directory) ++block_shift_;

    per_metre_ = 1 / cell_size;
    std::vector<std::uint64_t> items;
    items.reserve(n);
    for (std::size_t i = 0; i < points.size(); ++i) {
        if (!finite(points[i])) continue;
        const auto key = cell_of(points[i].y, min_y_, rows_ - 1) * columns_ + cell_of(points[i].x, min_x_, columns_ - 1);
        items.push_back(static_cast<std::uint64_t>(key) << 32 | i);
    }
    sort_by_key(items, static_cast<std::uint64_t>(rows_ * columns_ - 1));

    std::size_t cells = 0;
    for (std::size_t k = 0; k < n; ++k) cells += k == 0 || (items[k] >> 32) != (items[k - 1] >> 32);
    points_.resize(n);
    ids_.resize(n);
    block_cells_.assign(static_cast<std::size_t>(rows_ * blocks_per_row()) + 1, 0);
    cell_columns_.reserve(cells);
    cell_starts_.reserve(cells + 1);
    for (std::size_t k = 0; k < n; ++k) {
        const auto key = items[k] >> 32;
        ids_[k] = static_cast<std::uint32_t>(items[k]);
        points_[k] = points[ids_[k]];
        if (k > 0 && key == items[k - 1] >> 32) continue;
        const auto row = key / static_cast<std::uint64_t>(columns_), column = key % static_cast<std::uint64_t>(columns_);
        cell_columns_.push_back(static_cast<std::uint32_t>(column));
        cell_starts_.push_back(static_cast<std::uint32_t>(k));
        ++block_cells_[row * static_cast<std::uint64_t>(blocks_per_row()) + (column >> block_shift_) + 1];
    }
    cell_starts_.push_back(static_cast<std::uint32_t>(n));
    std::partial_sum(block_cells_.begin(), block_cells_.end(), block_cells_.begin());
}

// Clamped to [0, last] before the cast, so far-away and infinite values land on the edge; monotonic,
// which is all a query window needs.
std::int64_t GridIndex::cell_of(double v, double origin, std::int64_t last) const {
    const double cell = (v - origin) * per_metre_;
    if (!(cell >= 1)) return 0;
    if (cell >= static_cast<double>(last)) return last;
    return static_cast<std::int64_t>(cell);  // truncation, which is floor here, without a call to floor()
}

void GridIndex::within(Point centre, double radius, std::vector<std::uint32_t>& out) const {
    out.clear();
    if (points_.empty() || !finite(centre) || !(radius >= 0)) return;
    // The window is widened by far less than a metre beyond rounding, so that every point the distance
    // test below accepts lies inside it, also where centre - radius rounds up past a cell boundary.
    const double slack_x = (std::abs(centre.x) + radius) * 0x1p-48, slack_y = (std::abs(centre.y) + radius) * 0x1p-48;
    const auto c0 = static_cast<std::uint32_t>(cell_of(centre.x - radius - slack_x, min_x_, columns_ - 1));
    const auto c1 = static_cast<std::uint32_t>(cell_of(centre.x + radius + slack_x, min_x_, columns_ - 1));
    const auto r0 = cell_of(centre.y - radius - slack_y, min_y_, rows_ - 1);
    const auto r1 = cell_of(centre.y + radius + slack_y, min_y_, rows_ - 1);
    const double r2 = radius * radius;
    const auto* columns = cell_columns_.data();
    const auto blocks = static_cast<std::size_t>(blocks_per_row());
    for (auto r = r0; r <= r1; ++r) {
        const auto* block = block_cells_.data() + static_cast<std::size_t>(r) * blocks + (std::size_t{c0} >> block_shift_);
        const auto* row_end = columns + block_cells_[(static_cast<std::size_t>(r) + 1) * blocks];
        const auto* first = std::lower_bound(columns + block[0], columns + block[1], c0);
        const auto* last = first;
        while (last != row_end && *last <= c1) ++last;  // a few cells: the window is about the radius wide
        // The cells of one row are contiguous in points_: one run of points per row.
        for (auto k = cell_starts_[static_cast<std::size_t>(first - columns)],
                  end = cell_starts_[static_cast<std::size_t>(last - columns)];
             k < end; ++k) {
            const double dx = points_[k].x - centre.x, dy = points_[k].y - centre.y;
            if (dx * dx + dy * dy <= r2) out.push_back(ids_[k]);
        }
    }
    std::sort(out.begin(), out.end());
}

}  // namespace onregel
