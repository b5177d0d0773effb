#include "hotspot_grid.hpp"

#include <algorithm>
#include <cmath>
#include <stdexcept>
#include <tbb/parallel_for.h>
#include <tbb/parallel_sort.h>
#include <utility>

#include "engine/errors.hpp"
#include "fdr.hpp"
#include "getis_ord.hpp"

namespace onregel {

namespace {

using CellKey = std::pair<std::int64_t, std::int64_t>;  // (row, column): the order of the cells

CellKey key_of(Point p, double cell) {
    return {static_cast<std::int64_t>(std::floor(p.y / cell)), static_cast<std::int64_t>(std::floor(p.x / cell))};
}

}  // namespace

std::int32_t HotspotGrid::find(Point p) const {
    if (!(cell > 0)) return -1;
    const auto key = key_of(p, cell);
    const auto it = std::lower_bound(cells.begin(), cells.end(), key, [](const HotspotCell& c, const CellKey& k) {
        return CellKey{c.row, c.column} < k;
    });
    if (it == cells.end() || CellKey{it->row, it->column} != key) return -1;
    return static_cast<std::int32_t>(it - cells.begin());
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

    std::vector<CellKey> keys(area_points.size() + events.size());
    tbb::parallel_for(std::size_t{0}, keys.size(), [&](std::size_t i) {
        keys[i] = key_of(i < area_points.size() ? area_points[i] : events[i - area_points.size()], cell);
    });
    tbb::parallel_sort(keys.begin(), keys.end());  // equal keys are alike: any thread count, the same cells
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
