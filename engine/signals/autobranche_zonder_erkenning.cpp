#include "autobranche_zonder_erkenning.hpp"

#include <cmath>

#include "engine/grid_index.hpp"
#include "engine/text.hpp"
#include "support.hpp"

namespace onregel {

const SignalInfo& AutobrancheZonderErkenning::info() const {
    static const SignalInfo info{
        "autobranche_zonder_erkenning",
        "Actieve vestiging in een erkenningsplichtige branche ([erkenningsplichtig], standaard autoreparatie: SBI 2008 452, SBI 2025 9531) "
        "zonder RDW-erkenning op het object, in hetzelfde pand of binnen straal_m (alleen met --erkenningen). "
        "Niveau 1: wel een erkenning binnen nabij_m; 2: geen; 3: geen en twee of meer zulke vestigingen",
        "Avans-voorbeeld: een garage die APK doet zonder RDW-erkenning; DOOK-laag RDW",
        Familie::registratie,
        3,
        {
            {"straal_m", ParamType::real, 25, 0, 500,
             "an erkenning within this distance (m) counts as on the address (RDW and KvK addresses differ slightly)"},
            {"nabij_m", ParamType::real, 250, 1, 10000,
             "an erkenning within this distance (m) lowers the level to 1: perhaps the same business next door"},
        }};
    return info;
}

void AutobrancheZonderErkenning::configure(Params& params) {
    straal_ = params.real("straal_m");
    nabij_ = params.real("nabij_m");
    params.require_ascending({"straal_m", "nabij_m"}, "nabij_m mag niet kleiner zijn dan straal_m");
}

std::vector<Hit> AutobrancheZonderErkenning::evaluate(const Context& context) const {
    const Town& town = context.town;
    if (!town.has_erkenningen) return {};
    std::vector<Point> points;
    std::vector<std::uint8_t> erkend_vbo(town.verblijfsobjecten.size(), 0), erkend_pand(town.panden.size(), 0);
    for (const auto& erkenning : town.erkenningen) {
        points.push_back(erkenning.punt);
        if (erkenning.vbo < 0) continue;
        const auto& vbo = town.verblijfsobjecten[static_cast<std::size_t>(erkenning.vbo)];
        erkend_vbo[static_cast<std::size_t>(erkenning.vbo)] = 1;
        if (vbo.pand >= 0) erkend_pand[static_cast<std::size_t>(vbo.pand)] = 1;
    }
    const GridIndex index(points, nabij_);
    return in_chunks(town.verblijfsobjecten.size(), [&](std::size_t begin, std::size_t end, std::vector<Hit>& hits) {
        std::vector<std::uint32_t> near;
        std::vector<std::string> sbi;
        for (auto i = static_cast<std::uint32_t>(begin); i < end; ++i) {
            const auto& vbo = town.verblijfsobjecten[i];
            if (erkend_vbo[i] || (vbo.pand >= 0 && erkend_pand[static_cast<std::size_t>(vbo.pand)])) continue;
            sbi.clear();
            for (auto v : town.vestigingen_per_vbo.of(i)) {
                const auto& vestiging = town.vestigingen[v];
                if (vestiging.actief_op(town.peildatum) && match_sbi(context.policy.erkenningsplichtig, vestiging))
                    sbi.push_back(vestiging.sbi_hoofd.str());
            }
            if (sbi.empty()) continue;
            index.within(vbo.punt, nabij_, near);
            double nearest = nabij_ + 1;
            std::uint32_t nearest_id = 0;
            for (auto e : near) {  // ascending ids, so ties go to the first erkenning
                const double d = std::hypot(town.erkenningen[e].punt.x - vbo.punt.x, town.erkenningen[e].punt.y - vbo.punt.y);
                if (d < nearest) {
                    nearest = d;
                    nearest_id = e;
                }
            }
            if (nearest <= straal_) continue;
            const auto count = static_cast<int>(sbi.size());
            const int level = nearest <= nabij_ ? 1 : count >= 2 ? 3 : 2;
            std::string bewijs = count_text(count, "actieve vestiging", "actieve vestigingen") + " (SBI " +
                                 join_distinct(sbi, ", ") + ") zonder RDW-erkenning op het adres";
            bewijs += nearest <= nabij_ ? ", de dichtstbijzijnde erkenning (" + town.erkenningen[nearest_id].soort + ") op " +
                                              format_decimal(nearest, 0) + " m"
                                        : " of binnen " + format_decimal(nabij_, 0) + " m";
            hits.push_back({i, static_cast<std::uint8_t>(level), std::move(bewijs)});
        }
    });
}

}  // namespace onregel
