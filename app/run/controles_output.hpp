#pragma once
// The controle proposal as a table: controles.geojson, controles.csv, controles.xlsx and the
// GeoPackage layer all come from it.
#include <vector>

#include "engine/analysis/proposal.hpp"
#include "layers/table/feature_table.hpp"
#include "app/run/outputs.hpp"

namespace onregel {

// The id in `redenen` that marks a steekproef visit (the viewer labels it through meta.signalen).
inline constexpr std::string_view steekproef_id = "steekproef";

// One row per controle in (controledag, volgorde) order: the address, `steekproef` ja/nee, the pand's
// rank and score, and `redenen` (signal ids of the pand's flagged objects, or "steekproef"). The
// handhaving profile adds handelsnamen and kvk_nummers of the active vestigingen.
FeatureTable controles_table(const Town& town, const std::vector<Beoordeling>& ranked,
                             const std::vector<PandScore>& panden, const std::vector<Controle>& controles,
                             Profiel profiel);

}  // namespace onregel
