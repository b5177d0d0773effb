#pragma once
// Hot spot layers: the meldingen grid of `onregel run` (with a yearly trend per cell) and the Gi* of
// any point layer for `onregel hotspots`.
#include <string>

#include "engine/analysis/hotspot_grid.hpp"
#include "engine/policy.hpp"
#include "layers/table/feature_table.hpp"
#include "app/run/outputs.hpp"

namespace onregel {

struct MeldingenHotspots {
    FeatureTable table;  // cells (polygons) with klasse, trend, n_meldingen, plekken, adressen, verwacht, verhouding, p
    std::size_t cellen = 0;      // cells in the study area
    std::size_t onderdrukt = 0;  // cells left out for having fewer than k meldingen (loo)
};

// The grid of the meldingen_hotspot signal, as that signal is configured (`options`): observed against
// expected meldingen per cell. Profile loo leaves out every cell with fewer than options.min_observed
// meldingen, the same k below which the signal cannot fire. `trend` is Mann-Kendall (p < 0.05) on the
// cell's meldingen per year, years of 365.25 days counted back from the peildatum (so the last year is a
// whole one) that begin on or after the earliest melding; "te weinig jaren" with fewer than five.
std::vector<Column> meldingen_hotspots_columns();
MeldingenHotspots meldingen_hotspots(const Town& town, const Policy& policy, const ExcessOptions& options,
                                     Profiel profiel);

// Excess hot spots of the points of any OGR point layer (reprojected to RD New) against the
// verblijfsobjecten of a BAG source, each gemeente its own reference, as `run` tests meldingen; each
// point is a reported place of its own. Cells (polygons) with n_punten, adressen, verwacht,
// verhouding, p, klasse. `bag_rejects` receives the number of BAG rows that could not be used.
std::vector<Column> point_excess_columns();
FeatureTable point_excess_hotspots(const std::string& source, const std::string& layer_name, const std::string& bag,
                                   const ExcessOptions& options, std::size_t& bag_rejects);

// Gi* for the points of any OGR point layer (reprojected to RD New). value_column empty: every point
// weighs 1. cell > 0: grid cells (polygons) with n_punten (and waarde); cell = 0: Gi* on the points
// themselves, one row per point in input order with waarde (required then), z, p, klasse.
// The columns of point_hotspots: cells (--cell > 0) or points, with a value column or without.
std::vector<Column> point_hotspots_columns(bool cells, bool value);
FeatureTable point_hotspots(const std::string& source, const std::string& layer_name, const std::string& value_column,
                            double cell, double band);

}  // namespace onregel
