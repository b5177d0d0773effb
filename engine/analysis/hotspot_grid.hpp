#pragma once
// Hot spots of events (e.g. meldingen) on a square grid. Two tests on the same cells:
// - excess_hotspots: more events than the cell's exposure (its verblijfsobjecten) leads one to expect at
//   its gemeente's own rate: Poisson observed vs expected, Benjamini-Hochberg over the cells. Meldingen
//   are dense where people live; this asks where they are denser than the people explain (Kulldorff's
//   population at risk; ArcGIS's advice to analyse rates, not counts, when incidents follow population).
// - grid_hotspots: Getis-Ord Gi* on the counts with binary distance-band weights, classes -3..3 with the
//   FDR correction (ArcGIS Hot Spot Analysis), for `onregel hotspots --methode gi` on any point layer.
// The study area is every cell that holds an area point (a verblijfsobject) or an event, so empty
// streets count as zeros and fields and water do not.
#include <cstdint>
#include <span>
#include <vector>

#include "engine/model.hpp"
#include "engine/policy.hpp"

namespace onregel {

struct HotspotCell {
    std::int64_t column = 0, row = 0;  // the cell covers [column cell, (column+1) cell) x [row cell, (row+1) cell)
    Point centre;
    double count = 0;            // events in the cell (their weights summed, for Gi*)
    std::int32_t objecten = 0;   // area points in the cell: the exposure
    std::int32_t bronnen = 0;    // excess test: distinct sources of the events (reported addresses)
    double verwacht = 0;         // excess test: sources the exposure leads one to expect
    double z = 0, p = 1;         // z: Gi* only
    std::int8_t klasse = 0;      // Gi*: -3..3; excess: 0..3
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
    std::vector<std::uint32_t> meldingen;  // index into Town::meldingen
};
HotspotEvents hotspot_events(const Town& town, const Policy& policy);

// No defaults here: they are the meldingen_hotspot signal's (meldingen_hotspot_defaults()).
struct ExcessOptions {
    double cell;               // metres
    std::int64_t min_observed; // fewer events never make a cell hot (the loo k-threshold)
    double min_ratio;          // observed / expected at least this: an excess worth a visit
    double fdr_q;              // BH level for klasse 1; klasse 2 at q/2, klasse 3 at q/10
};

// Excess of events over exposure. What is tested is the number of distinct sources in a cell
// (event_source: one key per event, e.g. the verblijfsobject reported at; events of one source count
// once): thirty reports from one address are that address's matter, not a hot area. area_gemeente: one
// gemeentecode per area point; each gemeente's rate is its sources over its area points (a source
// counts for the gemeenten of its cell's area points, in proportion), so a national run judges each
// cell against its own gemeente. Cells without area points are not tested. klasse: 3/2/1 when
// BH-significant at q/10, q/2, q, with at least min_observed events and min_ratio x the expected
// sources. Throws config_error for options out of range. Deterministic for any thread count.
HotspotGrid excess_hotspots(std::span<const Point> area_points, std::span<const std::uint32_t> area_gemeente,
                            std::span<const Point> events, std::span<const std::uint64_t> event_source,
                            const ExcessOptions& options);

// event_weights: one per event, or empty for weight 1 each. Throws config_error when cell or band is not
// positive. Deterministic for any thread count.
HotspotGrid grid_hotspots(std::span<const Point> area_points, std::span<const Point> events,
                          std::span<const double> event_weights, double cell, double band);

}  // namespace onregel
