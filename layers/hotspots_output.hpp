#pragma once
// Hot spot layers: the meldingen grid of `onregel run` (with a yearly trend per cell) and the Gi* of
// any point layer for `onregel hotspots`.
#include <string>

#include "engine/policy.hpp"
#include "feature_table.hpp"
#include "outputs.hpp"

namespace onregel {

struct HotspotOptions {
    double cel = 100;   // metres
    double band = 300;  // metres
    int k = 5;          // loo profile: cells with fewer meldingen are left out
};

struct MeldingenHotspots {
    FeatureTable table;  // cells (polygons) with klasse, trend, n_meldingen, gewogen, z, p
    std::size_t cellen = 0;      // cells in the study area
    std::size_t onderdrukt = 0;  // cells left out for having fewer than k meldingen (loo)
};

// The grid of the meldingen_hotspot signal: meldingen up to the peildatum, weighted per categorie,
// Gi* with FDR classes. `trend` is Mann-Kendall (p < 0.05) on the cell's meldingen per year, years of
// 365.25 days counted back from the peildatum (so the last year is a whole one) to the earliest melding.
MeldingenHotspots meldingen_hotspots(const Town& town, const Policy& policy, const HotspotOptions& options,
                                     Profiel profiel);

// Gi* for the points of any OGR point layer (reprojected to RD New). value_column empty: every point
// weighs 1. cell > 0: grid cells (polygons) with n_punten (and waarde); cell = 0: Gi* on the points
// themselves, one row per point in input order with waarde (required then), z, p, klasse.
FeatureTable point_hotspots(const std::string& source, const std::string& layer_name, const std::string& value_column,
                            double cell, double band);

}  // namespace onregel
