#include "holdings_op_adres.hpp"

#include "engine/text.hpp"
#include "support.hpp"

namespace onregel {

const SignalInfo& HoldingsOpAdres::info() const {
    static const SignalInfo info{
        "holdings_op_adres",
        "Meerdere actieve holdings (SBI volgens [holdings]) of stichtingen op een woning of een klein object. "
        "Niveau 1 vanaf de drempel, 2 vanaf tweemaal, 3 vanaf viermaal",
        "WODC 2018 'beheer-bv's'; DOOK 'aantal stichtingen op adres'",
        Familie::registratie,
        2,
        {
            {"min_holdings", ParamType::integer, 3, 1, 1000, "active holdings or stichtingen on one object that fire the signal"},
            {"max_oppervlakte", ParamType::real, 50, 1, 10000,
             "objects below this floor area (m²) count as small; woonfunctie-only objects count whatever their size"},
        }};
    return info;
}

void HoldingsOpAdres::configure(Params& params) {
    min_holdings_ = params.integer("min_holdings");
    max_oppervlakte_ = params.real("max_oppervlakte");
}

std::vector<Hit> HoldingsOpAdres::evaluate(const Context& context) const {
    const Town& town = context.town;
    const Policy& policy = context.policy;
    return in_chunks(town.verblijfsobjecten.size(), [&](std::size_t begin, std::size_t end, std::vector<Hit>& hits) {
        std::vector<std::string> rechtsvormen;
        for (auto i = static_cast<std::uint32_t>(begin); i < end; ++i) {
            const auto& vbo = town.verblijfsobjecten[i];
            const bool home = vbo.gebruiksdoelen == woonfunctie;
            const bool small = vbo.oppervlakte > 0 && vbo.oppervlakte < max_oppervlakte_;
            if (!home && !small) continue;
            int holdings = 0;
            rechtsvormen.clear();
            for (auto v : town.vestigingen_per_vbo.of(i)) {
                const auto& vestiging = town.vestigingen[v];
                if (!vestiging.actief_op(town.peildatum)) continue;
                if (sbi_match_length(vestiging, policy.holding_sbi) == 0 &&
                    !policy.holding_rechtsvorm(vestiging.rechtsvorm))
                    continue;
                ++holdings;
                rechtsvormen.push_back(vestiging.rechtsvorm.empty() ? "onbekend" : vestiging.rechtsvorm.str());
            }
            if (holdings < min_holdings_) continue;
            hits.push_back({i, level_by_multiple(holdings, min_holdings_),
                            count_text(holdings, "holding of stichting", "holdings of stichtingen") + " (" +
                                join_distinct(rechtsvormen, ", ") + ") op " + (home ? "een woning van " : "een object van ") +
                                std::to_string(vbo.oppervlakte) + " m²"});
        }
    });
}

}  // namespace onregel
