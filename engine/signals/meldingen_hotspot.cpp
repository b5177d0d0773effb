#include "meldingen_hotspot.hpp"

#include <tbb/parallel_for.h>

#include "engine/config.hpp"
#include "engine/text.hpp"
#include "support.hpp"

namespace onregel {

const SignalInfo& MeldingenHotspot::info() const {
    static const SignalInfo info{
        "meldingen_hotspot",
        "Het object ligt in een rastercel met meer gemelde plekken (adressen met een melding, of de plek van een "
        "melding zonder adres; tot de peildatum, categorieën met gewicht > 0) dan de verblijfsobjecten in die cel "
        "doen verwachten bij het eigen meldingenpeil van de gemeente: Poisson-toets waargenomen tegen verwacht, "
        "Benjamini-Hochberg over alle cellen. Veel meldingen van één adres maken zo nog geen hotspot. Vuurt alleen met minstens min_meldingen "
        "meldingen (ook de drempel k waaronder het profiel loo een cel niet toont) en minstens min_verhouding keer "
        "het verwachte aantal. Niveau 1, 2, 3 bij FDR q, q/2, q/10",
        "Kulldorff (1997), scanstatistiek met populatie at risk (SaTScan, Poisson-model); ArcGIS: bij incidenten die "
        "de bevolking volgen, analyseer dichtheden ten opzichte van de bevolking, niet aantallen",
        Familie::meldingen,
        1,
        {
            {"cel_m", ParamType::real, 100, 10, 5000, "side of a grid cell (m)"},
            {"min_meldingen", ParamType::integer, 5, 5, 1000,
             "a cell needs at least this many meldingen to be hot; profile loo leaves out cells with fewer on the map "
             "(never below 5, so a cell cannot point at one household)"},
            {"min_verhouding", ParamType::real, 2, 1, 100, "a cell needs at least this many times the expected reported places"},
            {"fdr_q", ParamType::real, 0.10, 0.001, 0.5, "Benjamini-Hochberg false discovery rate for level 1"},
        }};
    return info;
}

void MeldingenHotspot::configure(Params& params) {
    options_.cell = params.real("cel_m");
    options_.min_observed = params.integer("min_meldingen");
    options_.min_ratio = params.real("min_verhouding");
    options_.fdr_q = params.real("fdr_q");
}

ExcessOptions meldingen_hotspot_defaults() { return make_configured<MeldingenHotspot>({}).options(); }

HotspotGrid meldingen_excess(const Town& town, const Policy& policy, const ExcessOptions& options) {
    const auto events = hotspot_events(town, policy);
    std::vector<std::uint32_t> gemeente(town.verblijfsobjecten.size());
    for (std::size_t i = 0; i < gemeente.size(); ++i) gemeente[i] = gemeentecode(town.verblijfsobjecten[i].id);
    // A melding's source is the verblijfsobject it was reported at; one with only a location is its own.
    std::vector<std::uint64_t> source(events.meldingen.size());
    for (std::size_t e = 0; e < source.size(); ++e) {
        const auto vbo = town.meldingen[events.meldingen[e]].vbo;
        source[e] = vbo >= 0 ? static_cast<std::uint64_t>(vbo) : (std::uint64_t{1} << 32) + events.meldingen[e];
    }
    return excess_hotspots(points_of(town.verblijfsobjecten), gemeente, events.points, source, options);
}

std::string excess_text(const HotspotCell& cell, double cel_m) {
    const std::string side = format_decimal(cel_m, 0);
    return count_text(cell.bronnen, "plek", "plekken") + " met meldingen (" +
           count_text(static_cast<std::int64_t>(cell.count), "melding", "meldingen") + ") in dit vak van " + side + " bij " +
           side + " m met " + count_text(cell.objecten, "adres", "adressen") + ", waar je er ongeveer " +
           format_decimal_nl(cell.verwacht, 1) + " zou verwachten";
}

std::vector<Hit> MeldingenHotspot::evaluate(const Context& context) const {
    const Town& town = context.town;
    if (town.meldingen.empty()) return {};
    const HotspotGrid grid = meldingen_excess(town, context.policy, options_);
    // Every object in a hot cell carries the same evidence: worded once per cell.
    std::vector<std::string> bewijs(grid.cells.size());
    tbb::parallel_for(std::size_t{0}, grid.cells.size(), [&](std::size_t c) {
        if (grid.cells[c].klasse >= 1) bewijs[c] = excess_text(grid.cells[c], options_.cell);
    });
    return in_chunks(town.verblijfsobjecten.size(), [&](std::size_t begin, std::size_t end, std::vector<Hit>& hits) {
        for (auto i = static_cast<std::uint32_t>(begin); i < end; ++i) {
            const auto c = grid.find(town.verblijfsobjecten[i].punt);
            if (c < 0) continue;
            const auto klasse = grid.cells[static_cast<std::size_t>(c)].klasse;
            if (klasse >= 1) hits.push_back({i, static_cast<std::uint8_t>(klasse), bewijs[static_cast<std::size_t>(c)]});
        }
    });
}

}  // namespace onregel
