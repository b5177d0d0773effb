#pragma once
// Hot spots of events (e.g. meldingen) on a square grid: counts per cell, Gi* on the cell centres with
// binary distance-band weights, classes -3..3 with the false discovery rate correction (ArcGIS Hot Spot
// Analysis with "Apply False Discovery Rate"). The study area is every cell that holds an area point (a
// verblijfsobject) or an event, so empty streets count as zeros and fields and water do not.
#include <cstdint>
#include <span>
#include <vector>

#include "engine/model.hpp"
#include "engine/policy.hpp"

namespace onregel {

struct HotspotCell {
    std::int64_t column = 0, row = 0;  // the cell covers [column cell, (column+1) cell) x [row cell, (row+1) cell)
    Point centre;
    double count = 0;  // sum of the event weights in the cell
    double z = 0, p = 1;
    std::int8_t klasse = 0;  // -3..3
};

struct HotspotGrid {
    double cell = 0;
    std::vector<HotspotCell> cells;  // sorted by (row, column)
    // Index of the cell holding p, or -1 when that cell is outside the study area. In constant time:
    // at national scale every verblijfsobject looks up its cell.
    std::int32_t find(Point p) const;
    // Makes find() see `cells` as they are now (grid_hotspots does this for its grid).
    void index_cells();

private:
    std::vector<std::int32_t> slots_;  // open addressing by cell key: index into cells, -1 free
};

// The meldingen a hot spot counts, as the meldingen_hotspot signal and the hot spot map both take them:
// up to the peildatum and with a positive weight for their categorie.
struct HotspotEvents {
    std::vector<Point> points;
    std::vector<double> weights;
    std::vector<std::uint32_t> meldingen;  // index into Town::meldingen
};
HotspotEvents hotspot_events(const Town& town, const Policy& policy);

// event_weights: one per event, or empty for weight 1 each. Throws config_error when cell or band is not
// positive. Deterministic for any thread count.
HotspotGrid grid_hotspots(std::span<const Point> area_points, std::span<const Point> events,
                          std::span<const double> event_weights, double cell, double band);

}  // namespace onregel
