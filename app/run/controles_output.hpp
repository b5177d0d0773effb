#pragma once
// The controle proposal as a table: controles.geojson, controles.csv, controles.xlsx and the
// GeoPackage layer all come from it. The same sheet comes back filled in: its empty columns
// datum_bezoek and bevinding are what `evaluate --uitkomsten` (and `run --uitkomsten`) read.
#include <string_view>
#include <vector>

#include "app/run/outputs.hpp"
#include "engine/analysis/proposal.hpp"
#include "layers/table/feature_table.hpp"

namespace onregel {

// The reason given for a steekproef visit.
inline constexpr std::string_view steekproef_reden = "Steekproef: een willekeurig gekozen adres zonder signaal, ter vergelijking";
// The reason given for a hercontrole, before the address's own signals.
inline constexpr std::string_view hercontrole_reden = "Hercontrole: bij een eerdere controle afgesproken en nu aan de beurt";

// The columns of controles_table, for `profiel`.
std::vector<Column> controles_columns(Profiel profiel);

// One row per controle in (controledag, volgorde) order: the address, its `selectie`, the pand's
// rank, the address's own score and `redenen` (steekproef_reden or hercontrole_reden, then the bewijs
// sentences of its signals), its signal ids, its history from the register (with `stand`), then the
// empty columns the handhavers fill in. The handhaving profile adds handelsnamen and kvk_nummers of
// the active vestigingen.
FeatureTable controles_table(const Town& town, const std::vector<Beoordeling>& ranked, const std::vector<PandScore>& panden,
                             const std::vector<Controle>& controles, Profiel profiel, const RegisterStand* stand = nullptr);

}  // namespace onregel
