#include "woonadres_bedrijvigheid.hpp"

#include "engine/text.hpp"
#include "support.hpp"

namespace onregel {

const SignalInfo& WoonadresBedrijvigheid::info() const {
    static const SignalInfo info{
        "woonadres_bedrijvigheid",
        "Woning (alleen woonfunctie) met een actieve vestiging in een branche die bedrijfsruimte vraagt "
        "([bedrijfsruimte]: autobranche, industrie, transport, groothandel, horeca). Niveau 1 vanaf de drempel, "
        "2 vanaf tweemaal, 3 vanaf viermaal",
        "DOOK-laag woonfunctie ('kun je woningen verwachten of alleen bedrijven'); veldsignaal Nijkerk "
        "'bedrijf ingeschreven, geen activiteit'",
        Familie::registratie,
        2,
        {
            {"min_vestigingen", ParamType::integer, 1, 1, 100,
             "active vestigingen in a premises-needing branch (by main SBI) on one home that fire the signal"},
        }};
    return info;
}

void WoonadresBedrijvigheid::configure(Params& params) {
    min_vestigingen_ = params.integer("min_vestigingen");
}

std::vector<Hit> WoonadresBedrijvigheid::evaluate(const Context& context) const {
    const Town& town = context.town;
    return in_chunks(town.verblijfsobjecten.size(), [&](std::size_t begin, std::size_t end, std::vector<Hit>& hits) {
        std::vector<std::string> found;
        for (auto i = static_cast<std::uint32_t>(begin); i < end; ++i) {
            if (town.verblijfsobjecten[i].gebruiksdoelen != woonfunctie) continue;
            found.clear();
            for (auto v : town.vestigingen_per_vbo.of(i)) {
                const auto& vestiging = town.vestigingen[v];
                if (!vestiging.actief_op(town.peildatum)) continue;
                if (const auto* branche = match_sbi(context.policy.bedrijfsruimte, vestiging))
                    found.push_back(branche->naam + " (SBI " + vestiging.sbi_hoofd + ")");
            }
            const auto count = static_cast<int>(found.size());
            if (count < min_vestigingen_) continue;
            hits.push_back({i, level_by_multiple(count, min_vestigingen_),
                            "Woning met " + count_text(count, "actieve vestiging", "actieve vestigingen") +
                                (count == 1 ? " die bedrijfsruimte vraagt: " : " die bedrijfsruimte vragen: ") + list_text(distinct(found))});
        }
    });
}

}  // namespace onregel
