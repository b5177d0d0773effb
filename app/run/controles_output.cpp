#include "app/run/controles_output.hpp"

namespace onregel {

FeatureTable controles_table(const Town& town, const std::vector<Beoordeling>& ranked,
                             const std::vector<PandScore>& panden, const std::vector<Controle>& controles,
                             Profiel profiel) {
    using T = ColumnType;
    FeatureTable table{"controles", GeometryType::point,
                       {{"controledag", T::integer}, {"volgorde", T::integer}, {"bag_id", T::text}, {"pand_id", T::text},
                        {"adres", T::text}, {"postcode", T::text}, {"huisnummer", T::integer}, {"huisletter", T::text},
                        {"toevoeging", T::text}, {"gebruiksdoel", T::text}, {"steekproef", T::text},
                        {"pand_rang", T::integer}, {"score", T::integer}, {"redenen", T::text_list}},
                       {}};
    if (profiel == Profiel::handhaving)
        table.columns.insert(table.columns.end(), {{"handelsnamen", T::text_list}, {"kvk_nummers", T::text_list}});
    for (const auto& c : controles) {
        const auto& vbo = town.verblijfsobjecten[c.vbo];
        Cell rang, score;
        std::vector<std::string> redenen{std::string(steekproef_id)};
        if (!c.steekproef) {
            const auto& pand = panden[static_cast<std::size_t>(c.pand_rang - 1)];
            rang = std::int64_t(c.pand_rang);
            score = std::int64_t(ranked[pand.objecten[0]].score);  // the visited address's own
            redenen = pand_signalen(ranked, pand);
        }
        FeatureRow row{{vbo.punt},
                       {std::int64_t(c.dag), std::int64_t(c.volgorde), bag_id_text(vbo.id), town.pand_id(vbo), format_adres(vbo.adres),
                        vbo.adres.postcode, std::int64_t(vbo.adres.huisnummer), vbo.adres.huisletter, vbo.adres.toevoeging,
                        format_gebruiksdoelen(vbo.gebruiksdoelen), std::string(c.steekproef ? "ja" : "nee"), rang, score,
                        std::move(redenen)}};
        if (profiel == Profiel::handhaving) {
            std::vector<std::string> namen, kvk;
            for (auto v : town.vestigingen_per_vbo.of(c.vbo))
                if (town.vestigingen[v].actief_op(town.peildatum)) {
                    namen.push_back(town.vestigingen[v].handelsnaam);
                    kvk.push_back(town.vestigingen[v].kvk_nummer);
                }
            row.cells.push_back(std::move(namen));
            row.cells.push_back(std::move(kvk));
        }
        table.rows.push_back(std::move(row));
    }
    return table;
}

}  // namespace onregel
