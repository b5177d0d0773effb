#include "meldingen.hpp"

#include <algorithm>
#include <cmath>
#include <map>

#include "engine/text.hpp"
#include "support.hpp"

namespace onregel {

const SignalInfo& Meldingen::info() const {
    static const SignalInfo info{
        "meldingen",
        "Meldingen op het object of (zonder adres) in de buurt, gewogen naar ouderdom (halfwaardetijd) en "
        "categorie ([meldingen_gewicht]). Niveau naar het gewogen aantal: niveau1, niveau2, niveau3",
        "rekenkamerrapport: meldingen vormen de kern van de informatiepositie",
        Familie::meldingen,
        2,
        {
            {"straal_m", ParamType::real, 25, 0, 500,
             "meldingen with only a location count when within this distance (m); matched meldingen always count"},
            {"halfwaardetijd_dagen", ParamType::real, 365, 1, 3650,
             "a melding this many days before the peildatum weighs half; meldingen after it are ignored"},
            {"niveau1", ParamType::real, 1, 0.01, 10000, "weighted count from which the signal fires (level 1)"},
            {"niveau2", ParamType::real, 3, 0.01, 10000, "weighted count from which the level is 2"},
            {"niveau3", ParamType::real, 6, 0.01, 10000, "weighted count from which the level is 3"},
        }};
    return info;
}

void Meldingen::configure(Params& params) {
    straal_ = params.real("straal_m");
    halfwaardetijd_ = params.real("halfwaardetijd_dagen");
    niveau1_ = params.real("niveau1");
    niveau2_ = params.real("niveau2");
    niveau3_ = params.real("niveau3");
    params.require_ascending({"niveau1", "niveau2", "niveau3"}, "de niveaus mogen niet dalen");
}

std::vector<Hit> Meldingen::evaluate(const Context& context) const {
    const Town& town = context.town;
    // The meldingen with only a location near each object, found from their side: they are few, and a
    // melding lies as near to an object as the object to it.
    std::vector<std::pair<std::uint32_t, std::uint32_t>> nearby;  // (vbo, melding), ascending
    std::vector<std::uint32_t> found;
    for (std::uint32_t m = 0; m < town.meldingen.size(); ++m) {
        if (town.meldingen[m].vbo >= 0) continue;
        context.vbo_index.within(town.meldingen[m].punt, straal_, found);
        for (auto v : found) nearby.emplace_back(v, m);
    }
    std::sort(nearby.begin(), nearby.end());
    return in_chunks(town.verblijfsobjecten.size(), [&](std::size_t begin, std::size_t end, std::vector<Hit>& hits) {
        std::vector<std::uint32_t> ids;
        std::map<std::string, int> per_categorie;
        auto near = std::lower_bound(nearby.begin(), nearby.end(), std::pair(static_cast<std::uint32_t>(begin), std::uint32_t{0}));
        for (auto i = static_cast<std::uint32_t>(begin); i < end; ++i) {
            const auto matched = town.meldingen_per_vbo.of(i);
            ids.assign(matched.begin(), matched.end());
            for (; near != nearby.end() && near->first == i; ++near) ids.push_back(near->second);
            if (ids.empty()) continue;
            std::sort(ids.begin(), ids.end());  // a fixed summation order
            double gewogen = 0;
            int count = 0;
            Date first = town.peildatum;
            per_categorie.clear();
            for (auto m : ids) {
                const auto& melding = town.meldingen[m];
                const double categorie = context.policy.melding_gewicht(melding.categorie);
                if (melding.datum > town.peildatum || categorie <= 0) continue;
                gewogen += categorie * std::exp2(-(town.peildatum - melding.datum) / halfwaardetijd_);
                ++count;
                first = std::min(first, melding.datum);
                ++per_categorie[melding.categorie.str()];
            }
            if (count == 0 || gewogen < niveau1_) continue;
            std::string bewijs;
            if (per_categorie.size() == 1) {
                bewijs = count_text(count, "melding", "meldingen") + " over " + per_categorie.begin()->first + " sinds " +
                         std::to_string(year_of(first));
            } else {
                std::vector<std::string> parts;
                parts.reserve(per_categorie.size());
                for (const auto& [categorie, n] : per_categorie) parts.push_back(std::to_string(n) + " over " + categorie);
                bewijs = meldingen_sinds(count, first) + ": " + list_text(parts);
            }
            hits.push_back({i, level_by_cutoffs(gewogen, niveau2_, niveau3_), std::move(bewijs)});
        }
    });
}

}  // namespace onregel
