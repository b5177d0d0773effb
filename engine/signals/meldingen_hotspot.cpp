#include "meldingen_hotspot.hpp"

#include <tbb/parallel_for.h>

#include "engine/analysis/hotspot_grid.hpp"
#include "engine/errors.hpp"
#include "engine/text.hpp"
#include "support.hpp"

namespace onregel {

const SignalInfo& MeldingenHotspot::info() const {
    static const SignalInfo info{
        "meldingen_hotspot",
        "Het object ligt in een rastercel waar meldingen (gewogen per categorie, tot de peildatum) significant "
        "samenklonteren: Getis-Ord Gi* met vaste afstandsband, na Benjamini-Hochberg FDR. Niveau = klasse: "
        "1 bij p < 0.10, 2 bij p < 0.05, 3 bij p < 0.01",
        "hotspotpraktijk (Getis & Ord 1995; ArcGIS Optimized Hot Spot Analysis)",
        Familie::meldingen,
        1,
        {
            {"cel_m", ParamType::real, 100, 10, 5000, "side of a grid cell (m)"},
            {"band_m", ParamType::real, 300, 10, 20000,
             "cells whose centres lie within this distance (m) are neighbours (binary weights); at least cel_m"},
        }};
    return info;
}

void MeldingenHotspot::configure(const ParamValues& values) {
    cel_ = values.at("cel_m");
    band_ = values.at("band_m");
    if (band_ < cel_)
        throw config_error("[signalen." + info().id + "] band_m = " + format_decimal(band_, 2) + " is below cel_m = " +
                           format_decimal(cel_, 2) + ": the band must reach the neighbouring cells (band_m >= cel_m)");
}

std::vector<Hit> MeldingenHotspot::evaluate(const Context& context) const {
    const Town& town = context.town;
    const auto events = hotspot_events(town, context.policy);
    if (events.points.empty()) return {};
    const HotspotGrid grid = grid_hotspots(points_of(town.verblijfsobjecten), events.points, events.weights, cel_, band_);
    // Every object in a hot cell carries the same evidence: worded once per cell.
    std::vector<std::string> bewijs(grid.cells.size());
    tbb::parallel_for(std::size_t{0}, grid.cells.size(), [&](std::size_t c) {
        const auto& cell = grid.cells[c];
        if (cell.klasse >= 1)
            bewijs[c] = "hotspotcel van " + format_decimal(cel_, 0) + " m met " + format_decimal(cell.count, 1) +
                        " gewogen meldingen: Gi* z = " + format_decimal(cell.z, 2) +
                        (cell.p < 0.0001 ? ", p < 0.0001" : ", p = " + format_decimal(cell.p, 4)) + ", klasse " +
                        std::to_string(cell.klasse) + " na FDR";
    });
    return in_chunks(town.verblijfsobjecten.size(), [&](std::size_t begin, std::size_t end, std::vector<Hit>& hits) {
        for (auto i = static_cast<std::uint32_t>(begin); i < end; ++i) {
            const auto c = grid.find(town.verblijfsobjecten[i].punt);
            if (c < 0) continue;
            const auto klasse = grid.cells[static_cast<std::size_t>(c)].klasse;
            if (klasse >= 1) hits.push_back({i, static_cast<std::uint8_t>(std::min<int>(klasse, 3)), bewijs[static_cast<std::size_t>(c)]});
        }
    });
}

}  // namespace onregel
