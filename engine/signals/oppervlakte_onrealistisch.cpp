#include "oppervlakte_onrealistisch.hpp"

#include <algorithm>

#include "engine/text.hpp"
#include "support.hpp"

namespace onregel {

const SignalInfo& OppervlakteOnrealistisch::info() const {
    static const SignalInfo info{
        "oppervlakte_onrealistisch",
        "De activiteit vraagt meer vloeroppervlak dan het object heeft (tabel [minimum_oppervlakte]), of er werken "
        "meer personen per m² dan realistisch is. Niveau naar het tekort (nodig / aanwezig): 1 tot tweemaal, "
        "2 tot viermaal, 3 vanaf viermaal",
        "DOOK-handleiding: 'het oppervlak geeft een beeld of het realistisch is dat er een bepaald bedrijf actief is'",
        Familie::gebouw,
        2,
        {
            {"min_m2_per_persoon", ParamType::real, 4, 0.5, 1000,
             "fires when the object has fewer m² than this per werkzame persoon of its active vestigingen "
             "(more than 1 person per 4 m² by default)"},
        }};
    return info;
}

void OppervlakteOnrealistisch::configure(Params& params) {
    min_m2_per_persoon_ = params.real("min_m2_per_persoon");
}

std::vector<Hit> OppervlakteOnrealistisch::evaluate(const Context& context) const {
    const Town& town = context.town;
    return in_chunks(town.verblijfsobjecten.size(), [&](std::size_t begin, std::size_t end, std::vector<Hit>& hits) {
        std::vector<std::string> needs;
        for (auto i = static_cast<std::uint32_t>(begin); i < end; ++i) {
            const auto& vbo = town.verblijfsobjecten[i];
            if (vbo.oppervlakte <= 0) continue;
            const double m2 = vbo.oppervlakte;
            double shortfall = 0;  // needed / available, > 1 when the object is too small
            std::int64_t personen = 0;
            needs.clear();
            for (auto v : town.vestigingen_per_vbo.of(i)) {
                const auto& vestiging = town.vestigingen[v];
                if (!vestiging.actief_op(town.peildatum)) continue;
                personen += std::max(0, vestiging.werkzame_personen);
                const auto* rule = match_sbi(context.policy.minimum_oppervlakte, vestiging);
                if (!rule || rule->minimum <= vbo.oppervlakte) continue;
                shortfall = std::max(shortfall, rule->minimum / m2);
                needs.push_back(rule->naam + " (SBI " + vestiging.sbi_hoofd + ", minstens " + std::to_string(rule->minimum) + " m²)");
            }
            const bool crowded = personen > 0 && m2 / static_cast<double>(personen) < min_m2_per_persoon_;
            if (crowded) shortfall = std::max(shortfall, static_cast<double>(personen) * min_m2_per_persoon_ / m2);
            if (needs.empty() && !crowded) continue;
            std::string bewijs = "Object van " + std::to_string(vbo.oppervlakte) + " m²";
            if (!needs.empty()) bewijs += ", te klein voor " + list_text(distinct(needs));
            if (crowded)
                bewijs += (needs.empty() ? " met " : ", met ") + count_text(personen, "werkzame persoon", "werkzame personen") +
                          ", " + format_decimal_nl(m2 / static_cast<double>(personen), 1) + " m² per persoon";
            hits.push_back({i, level_by_multiple(shortfall, 1), std::move(bewijs)});
        }
    });
}

}  // namespace onregel
