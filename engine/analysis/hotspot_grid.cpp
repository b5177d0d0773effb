#include "hotspot_grid.hpp"

#include <algorithm>
#include <bit>
#include <cmath>
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
        events.weights.push_back(weight);
        events.meldingen.push_back(i);
    }
    return events;
}

HotspotGrid grid_hotspots(std::span<const Point> area_points, std::span<const Point> events,
                          std::span<const double> event_weights, double cell, double band) {
    if (!(cell > 0)) throw config_error("hot spot cell size must be positive");
    if (!(band > 0)) throw config_error("hot spot distance band must be positive");
    if (!event_weights.empty() && event_weights.size() != events.size())
        throw std::invalid_argument("grid_hotspots: one weight per event, or none");

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
    std::vector<Point> centres(keys.size());
    for (std::size_t i = 0; i < keys.size(); ++i) {
        auto& c = grid.cells[i];
        c.row = keys[i].first;
        c.column = keys[i].second;
        c.centre = {(static_cast<double>(c.column) + 0.5) * cell, (static_cast<double>(c.row) + 0.5) * cell};
        centres[i] = c.centre;
    }
    grid.index_cells();
    // Events added in input order: a fixed summation order per cell.
    for (std::size_t e = 0; e < events.size(); ++e)
        grid.cells[static_cast<std::size_t>(grid.find(events[e]))].count += event_weights.empty() ? 1.0 : event_weights[e];

    std::vector<double> counts(keys.size());
    for (std::size_t i = 0; i < keys.size(); ++i) counts[i] = grid.cells[i].count;
    const auto gi = getis_ord(centres, counts, band, true);
    const auto classes = hotspot_classes(gi.z, gi.p, true);
    for (std::size_t i = 0; i < keys.size(); ++i) {
        grid.cells[i].z = gi.z[i];
        grid.cells[i].p = gi.p[i];
        grid.cells[i].klasse = classes[i];
    }
    return grid;
}

}  // namespace onregel
