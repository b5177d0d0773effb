#include "bedrijven_op_adres.hpp"

#include <algorithm>

#include "engine/text.hpp"

namespace onregel {

const SignalInfo& BedrijvenOpAdres::info() const {
    static const SignalInfo info{
        "bedrijven_op_adres",
        "Veel actieve vestigingen op één verblijfsobject: weinig m² per vestiging, of meerdere op een woning",
        "brievenbusfirma's (900 firma's op 300 m²); WODC 2018 'veel extra vestigingen'; DOOK 'aantal bedrijven op adres'",
        Familie::registratie,
        3,
        {
            {"min_vestigingen", ParamType::integer, 5, 2, 1000, "active vestigingen on one object needed for the floor-area rule"},
            {"max_m2_per_vestiging", ParamType::real, 20, 1, 10000, "the floor-area rule fires below this many m² per active vestiging"},
            {"min_vestigingen_woonfunctie", ParamType::integer, 3, 1, 1000, "active vestigingen that fire on a woonfunctie-only object"},
        }};
    return info;
}

void BedrijvenOpAdres::configure(const ParamValues& values) {
    min_vestigingen_ = static_cast<int>(values.at("min_vestigingen"));
    max_m2_per_vestiging_ = values.at("max_m2_per_vestiging");
    min_vestigingen_woonfunctie_ = static_cast<int>(values.at("min_vestigingen_woonfunctie"));
}

std::vector<Hit> BedrijvenOpAdres::evaluate(const Context& context) const {
    const Town& town = context.town;
    std::vector<Hit> hits;
    std::vector<std::string> branches;
    for (std::uint32_t i = 0; i < town.verblijfsobjecten.size(); ++i) {
        const auto& vbo = town.verblijfsobjecten[i];
        int active = 0;
        branches.clear();
        for (auto v : town.vestigingen_per_vbo.of(i)) {
            const auto& vestiging = town.vestigingen[v];
            if (!vestiging.actief_op(town.peildatum)) continue;
            ++active;
            branches.push_back(vestiging.sbi_hoofd);
        }
        if (active == 0) continue;
        const double m2_per = static_cast<double>(vbo.oppervlakte) / active;
        const bool crowded = active >= min_vestigingen_ && vbo.oppervlakte > 0 && m2_per < max_m2_per_vestiging_;
        const bool home = vbo.gebruiksdoelen == woonfunctie && active >= min_vestigingen_woonfunctie_;
        if (!crowded && !home) continue;
        // Level grows with how far the count passes the threshold that fired: 1x, 2x, 4x.
        const int threshold = crowded ? min_vestigingen_ : min_vestigingen_woonfunctie_;
        const int level = active >= 4 * threshold ? 3 : active >= 2 * threshold ? 2 : 1;
        std::string bewijs = std::to_string(active) + " actieve vestigingen op " + std::to_string(vbo.oppervlakte) +
                             " m² (" + format_decimal(m2_per, 1) + " m² per vestiging)";
        if (home && !crowded) bewijs += ", alleen woonfunctie";
        bewijs += "; SBI " + join_distinct(branches, ", ");
        hits.push_back({i, static_cast<std::uint8_t>(level), std::move(bewijs)});
    }
    return hits;
}

}  // namespace onregel
