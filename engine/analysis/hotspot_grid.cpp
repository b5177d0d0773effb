#include "hotspot_grid.hpp"

#include <algorithm>
#include <bit>
#include <cmath>
#include <map>
#include <stdexcept>
#include <tbb/blocked_range.h>
#include <tbb/enumerable_thread_specific.h>
#include <tbb/parallel_for.h>
#include <tbb/parallel_sort.h>
#include <utility>

#include "engine/errors.hpp"
#include "engine/flat_set.hpp"
#include "fdr.hpp"
#include "getis_ord.hpp"
#include "tail_probability.hpp"

namespace onregel {

namespace {

using CellKey = std::pair<std::int64_t, std::int64_t>;  // (row, column): the order of the cells

CellKey key_of(Point p, double cell) {
    return {static_cast<std::int64_t>(std::floor(p.y / cell)), static_cast<std::int64_t>(std::floor(p.x / cell))};
}

// Both halves of the key mixed, so neighbouring cells spread over the table.
std::size_t hash_of(const CellKey& key) {
    const std::uint64_t h = static_cast<std::uint64_t>(key.first) * 0x9E3779B97F4A7C15ull ^
                            static_cast<std::uint64_t>(key.second) * 0xC2B2AE3D27D4EB4Full;
    return static_cast<std::size_t>(h ^ (h >> 31));
}

struct CellHash {
    std::size_t operator()(const CellKey& key) const { return hash_of(key); }
};

// The cell keys of many points, each once. Points come in runs from the same cell, so the last key
// is checked before the set.
class KeySet {
public:
    void insert(const CellKey& key) {
        if (key == last_ && keys_.size() > 0) return;
        last_ = key;
        keys_.insert(key);
    }
    void append_to(std::vector<CellKey>& out) const { keys_.append_to(out); }

private:
    FlatSet<CellKey, CellHash> keys_;
    CellKey last_;
};

}  // namespace

void HotspotGrid::index_cells() {
    slots_.assign(std::bit_ceil(2 * cells.size() + 1), -1);
    const std::size_t mask = slots_.size() - 1;
    for (std::size_t c = 0; c < cells.size(); ++c) {
        std::size_t i = hash_of({cells[c].row, cells[c].column}) & mask;
        while (slots_[i] >= 0) i = (i + 1) & mask;
        slots_[i] = static_cast<std::int32_t>(c);
    }
}

std::int32_t HotspotGrid::find(Point p) const {
    if (!(cell > 0) || slots_.empty()) return -1;
    const auto key = key_of(p, cell);
    const std::size_t mask = slots_.size() - 1;
    for (std::size_t i = hash_of(key) & mask; slots_[i] >= 0; i = (i + 1) & mask) {
        const auto& c = cells[static_cast<std::size_t>(slots_[i])];
        if (c.row == key.first && c.column == key.second) return slots_[i];
    }
    return -1;
}

HotspotEvents hotspot_events(const Town& town, const Policy& policy) {
    HotspotEvents events;
    for (std::uint32_t i = 0; i < town.meldingen.size(); ++i) {
        const auto& melding = town.meldingen[i];
        const double weight = policy.melding_gewicht(melding.categorie);
        if (melding.datum > town.peildatum || weight <= 0) continue;
        events.points.push_back(melding.punt);
        events.meldingen.push_back(i);
    }
    return events;
}

namespace {

// The grid over the study area, events counted (weighted) per cell in input order: a fixed summation
// order per cell.
HotspotGrid make_grid(std::span<const Point> area_points, std::span<const Point> events,
                      std::span<const double> event_weights, double cell) {
    // Each thread collects the keys of its points; the union, sorted, is the same for any thread count.
    tbb::enumerable_thread_specific<KeySet> seen;
    const std::size_t points = area_points.size() + events.size();
    tbb::parallel_for(tbb::blocked_range<std::size_t>(0, points, 65536), [&](const tbb::blocked_range<std::size_t>& range) {
        auto& set = seen.local();
        for (std::size_t i = range.begin(); i < range.end(); ++i)
            set.insert(key_of(i < area_points.size() ? area_points[i] : events[i - area_points.size()], cell));
    });
    std::vector<CellKey> keys;
    for (const auto& set : seen) set.append_to(keys);
    tbb::parallel_sort(keys.begin(), keys.end());
    keys.erase(std::unique(keys.begin(), keys.end()), keys.end());

    HotspotGrid grid;
    grid.cell = cell;
    grid.cells.resize(keys.size());
    for (std::size_t i = 0; i < keys.size(); ++i) {
        auto& c = grid.cells[i];
        c.row = keys[i].first;
        c.column = keys[i].second;
        c.centre = {(static_cast<double>(c.column) + 0.5) * cell, (static_cast<double>(c.row) + 0.5) * cell};
    }
    grid.index_cells();
    for (std::size_t e = 0; e < events.size(); ++e)
        grid.cells[static_cast<std::size_t>(grid.find(events[e]))].count += event_weights.empty() ? 1.0 : event_weights[e];
    return grid;
}

}  // namespace

HotspotGrid grid_hotspots(std::span<const Point> area_points, std::span<const Point> events,
                          std::span<const double> event_weights, double cell, double band) {
    if (!(cell > 0)) throw config_error("hot spot cell size must be positive");
    if (!(band > 0)) throw config_error("hot spot distance band must be positive");
    if (!event_weights.empty() && event_weights.size() != events.size())
        throw std::invalid_argument("grid_hotspots: one weight per event, or none");
    HotspotGrid grid = make_grid(area_points, events, event_weights, cell);
    std::vector<Point> centres(grid.cells.size());
    std::vector<double> counts(grid.cells.size());
    for (std::size_t i = 0; i < grid.cells.size(); ++i) {
        centres[i] = grid.cells[i].centre;
        counts[i] = grid.cells[i].count;
    }
    const auto gi = getis_ord(centres, counts, band, true);
    const auto classes = hotspot_classes(gi.z, gi.p, true);
    for (std::size_t i = 0; i < grid.cells.size(); ++i) {
        grid.cells[i].z = gi.z[i];
        grid.cells[i].p = gi.p[i];
        grid.cells[i].klasse = classes[i];
    }
    return grid;
}

HotspotGrid excess_hotspots(std::span<const Point> area_points, std::span<const std::uint32_t> area_gemeente,
                            std::span<const Point> events, std::span<const std::uint64_t> event_source,
                            const ExcessOptions& options) {
    if (!(options.cell > 0)) throw config_error("hot spot cell size must be positive");
    if (!(options.fdr_q > 0 && options.fdr_q < 1)) throw config_error("hot spot FDR level must lie between 0 and 1");
    if (area_gemeente.size() != area_points.size() || event_source.size() != events.size())
        throw std::invalid_argument("excess_hotspots: one gemeente per area point and one source per event");
    HotspotGrid grid = make_grid(area_points, events, {}, options.cell);
    // Distinct sources per cell.
    std::vector<std::pair<std::int32_t, std::uint64_t>> sources(events.size());
    for (std::size_t e = 0; e < events.size(); ++e) sources[e] = {grid.find(events[e]), event_source[e]};
    std::sort(sources.begin(), sources.end());
    sources.erase(std::unique(sources.begin(), sources.end()), sources.end());
    for (const auto& [c, source] : sources) ++grid.cells[static_cast<std::size_t>(c)].bronnen;

    // Each area point's cell, found on all threads; then counted in input order. A cell's gemeente is
    // its first point's; points of another gemeente in the same cell (a border) are kept aside.
    std::vector<std::int32_t> cell_of(area_points.size());
    tbb::parallel_for(tbb::blocked_range<std::size_t>(0, area_points.size(), 65536), [&](const tbb::blocked_range<std::size_t>& range) {
        for (std::size_t i = range.begin(); i < range.end(); ++i) cell_of[i] = grid.find(area_points[i]);
    });
    std::vector<std::uint32_t> gemeente(grid.cells.size(), 0);
    std::vector<std::pair<std::int32_t, std::uint32_t>> border;  // (cell, gemeente) of the other points
    for (std::size_t i = 0; i < area_points.size(); ++i) {
        auto& c = grid.cells[static_cast<std::size_t>(cell_of[i])];
        if (c.objecten++ == 0) gemeente[static_cast<std::size_t>(cell_of[i])] = area_gemeente[i];
        else if (area_gemeente[i] != gemeente[static_cast<std::size_t>(cell_of[i])]) border.emplace_back(cell_of[i], area_gemeente[i]);
    }
    std::sort(border.begin(), border.end());
    // The cell's area points per gemeente: (gemeente, count), the first gemeente first.
    const auto shares = [&](std::size_t c, std::vector<std::pair<std::uint32_t, double>>& out) {
        out.assign(1, {gemeente[c], grid.cells[c].objecten});
        auto it = std::lower_bound(border.begin(), border.end(), std::pair(static_cast<std::int32_t>(c), std::uint32_t{0}));
        for (; it != border.end() && it->first == static_cast<std::int32_t>(c); ++it) {
            if (out.back().first != it->second) out.push_back({it->second, 0});
            out.back().second += 1;
            out.front().second -= 1;
        }
    };
    // Each gemeente's rate: sources per area point, a source shared among its cell's gemeenten.
    std::map<std::uint32_t, std::pair<double, double>> totals;  // gemeente -> (events, area points)
    std::vector<std::pair<std::uint32_t, double>> share;
    for (std::size_t c = 0; c < grid.cells.size(); ++c) {
        const auto& cell = grid.cells[c];
        if (cell.objecten == 0) continue;
        shares(c, share);
        for (const auto& [g, n] : share) {
            auto& t = totals[g];
            t.first += cell.bronnen * n / cell.objecten;
            t.second += n;
        }
    }
    std::vector<double> p;
    std::vector<std::size_t> tested;
    for (std::size_t c = 0; c < grid.cells.size(); ++c) {
        auto& cell = grid.cells[c];
        if (cell.objecten == 0) continue;
        shares(c, share);
        for (const auto& [g, n] : share) {
            const auto& t = totals.at(g);
            cell.verwacht += n * t.first / t.second;
        }
        cell.p = poisson_upper_tail(cell.bronnen, cell.verwacht);
        p.push_back(cell.p);
        tested.push_back(c);
    }
    const auto at_q = benjamini_hochberg(p, options.fdr_q);
    const auto at_half = benjamini_hochberg(p, options.fdr_q / 2);
    const auto at_tenth = benjamini_hochberg(p, options.fdr_q / 10);
    for (std::size_t k = 0; k < tested.size(); ++k) {
        auto& cell = grid.cells[tested[k]];
        if (cell.count < static_cast<double>(options.min_observed) || cell.bronnen < options.min_ratio * cell.verwacht) continue;
        cell.klasse = static_cast<std::int8_t>(at_tenth[k] ? 3 : at_half[k] ? 2 : at_q[k] ? 1 : 0);
    }
    return grid;
}

}  // namespace onregel
