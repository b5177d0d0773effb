#include "bedrijven_op_adres.hpp"

#include "engine/text.hpp"
#include "support.hpp"

namespace onregel {

const SignalInfo& BedrijvenOpAdres::info() const {
    static const SignalInfo info{
        "bedrijven_op_adres",
        "Veel actieve vestigingen op één verblijfsobject: weinig m² per vestiging, of meerdere op een woning. "
        "Niveau 1 vanaf de drempel die afgaat, 2 vanaf tweemaal, 3 vanaf viermaal die drempel",
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

void BedrijvenOpAdres::configure(Params& params) {
    min_vestigingen_ = params.integer("min_vestigingen");
    max_m2_per_vestiging_ = params.real("max_m2_per_vestiging");
    min_vestigingen_woonfunctie_ = params.integer("min_vestigingen_woonfunctie");
}

std::vector<Hit> BedrijvenOpAdres::evaluate(const Context& context) const {
    const Town& town = context.town;
    return in_chunks(town.verblijfsobjecten.size(), [&](std::size_t begin, std::size_t end, std::vector<Hit>& hits) {
        std::vector<std::string> branches;
        for (auto i = static_cast<std::uint32_t>(begin); i < end; ++i) {
            const auto& vbo = town.verblijfsobjecten[i];
            int active = 0;
            branches.clear();
            for (auto v : town.vestigingen_per_vbo.of(i)) {
                const auto& vestiging = town.vestigingen[v];
                if (!vestiging.actief_op(town.peildatum)) continue;
                ++active;
                branches.push_back(vestiging.sbi_hoofd.str());
            }
            if (active == 0) continue;
            const double m2_per = static_cast<double>(vbo.oppervlakte) / active;
            const bool crowded = active >= min_vestigingen_ && vbo.oppervlakte > 0 && m2_per < max_m2_per_vestiging_;
            const bool home = vbo.gebruiksdoelen == woonfunctie && active >= min_vestigingen_woonfunctie_;
            if (!crowded && !home) continue;
            const int threshold = crowded ? min_vestigingen_ : min_vestigingen_woonfunctie_;
            std::string bewijs = count_text(active, "actieve vestiging", "actieve vestigingen") + " (SBI " +
                                 join_distinct(branches, ", ") + ") op ";
            bewijs += crowded ? std::to_string(vbo.oppervlakte) + " m², " + format_decimal_nl(m2_per, 1) + " m² per vestiging"
                              : "een woning van " + std::to_string(vbo.oppervlakte) + " m²";
            hits.push_back({i, level_by_multiple(active, threshold), std::move(bewijs)});
        }
    });
}

}  // namespace onregel
