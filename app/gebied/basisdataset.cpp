#include "app/gebied/basisdataset.hpp"

#include <algorithm>
#include <map>
#include <tuple>

#include "engine/text.hpp"

namespace onregel {

namespace {

std::string ja_nee(bool b) { return b ? "ja" : "nee"; }

std::string datum(const std::optional<Date>& d) { return d ? format_date(*d) : std::string(); }

}  // namespace

// One row per vestiging (all of them, ended ones included: the history matters at the door), or one
// per object without any; objects in address order.
FeatureTable basisdataset_table(const Town& town, const Policy& policy, const Gemeentebeeld& beeld,
                                const std::vector<std::uint32_t>& vbos, Profiel profiel) {
    using T = ColumnType;
    FeatureTable table{"basisdataset", GeometryType::point,
                       {{"bag_id", T::text}, {"pand_id", T::text}, {"adres", T::text}, {"postcode", T::text},
                        {"huisnummer", T::integer}, {"huisletter", T::text}, {"toevoeging", T::text},
                        {"woonplaats", T::text}, {"gebruiksdoel", T::text}, {"oppervlakte", T::integer},
                        {"bouwjaar", T::integer}, {"status", T::text}, {"n_vestigingen_actief", T::integer},
                        {"n_stichtingen", T::integer}, {"n_autobranche", T::integer}, {"n_risicobranche", T::integer}},
                       {}};
    if (profiel == Profiel::handhaving)
        table.columns.insert(table.columns.end(), {{"handelsnaam", T::text}, {"kvk_nummer", T::text}, {"vestigingsnummer", T::text}});
    table.columns.insert(table.columns.end(),
                         {{"sbi", T::text}, {"sbi_omschrijving", T::text}, {"sbi_neven", T::text_list},
                          {"rechtsvorm", T::text}, {"hoofdvestiging", T::text}, {"datum_aanvang", T::text},
                          {"datum_einde", T::text}, {"vestiging_actief", T::text}, {"risicobranche", T::text},
                          {"n_meldingen", T::integer}, {"meldingen", T::text_list}, {"score", T::integer},
                          {"signalen", T::text_list}});

    std::vector<std::uint32_t> ordered(vbos);
    const auto key = [&](std::uint32_t i) {
        const auto& a = town.verblijfsobjecten[i].adres;
        return std::tie(a.straat, a.huisnummer, a.huisletter, a.toevoeging, a.postcode, town.verblijfsobjecten[i].id);
    };
    std::sort(ordered.begin(), ordered.end(), [&](auto a, auto b) { return key(a) < key(b); });

    for (const auto i : ordered) {
        const auto& vbo = town.verblijfsobjecten[i];
        int actief = 0, stichtingen = 0, auto_ = 0, risico = 0;
        for (const auto v : town.vestigingen_per_vbo.of(i)) {
            const auto& vestiging = town.vestigingen[v];
            if (!vestiging.actief_op(town.peildatum)) continue;
            ++actief;
            stichtingen += is_stichting(vestiging.rechtsvorm);
            auto_ += is_autobranche(policy, vestiging);
            risico += policy.risicobranche(vestiging) != nullptr;
        }
        // Meldingen up to the peildatum as counts per calendar year and categorie: never their text.
        std::map<std::pair<int, std::string>, int> per_jaar;
        int n_meldingen = 0;
        for (const auto m : town.meldingen_per_vbo.of(i)) {
            const auto& melding = town.meldingen[m];
            if (melding.datum > town.peildatum) continue;
            ++n_meldingen;
            ++per_jaar[{year_of(melding.datum), melding.categorie.str()}];
        }
        std::vector<std::string> meldingen;
        meldingen.reserve(per_jaar.size());
        for (const auto& [k, n] : per_jaar) meldingen.push_back(std::to_string(k.first) + " " + k.second + ": " + std::to_string(n));
        Cell score;
        std::vector<std::string> signalen;
        if (const auto* b = beeld.beoordeling(i)) {
            score = std::int64_t(b->score);
            for (const auto& c : b->bijdragen) signalen.push_back(c.signaal + " (+" + std::to_string(c.points) + ")");
        }
        const std::vector<Cell> object = {bag_id_text(vbo.id), town.pand_id(vbo), format_adres(vbo.adres), vbo.adres.postcode.str(),
                                          std::int64_t(vbo.adres.huisnummer), vbo.adres.huisletter.str(), vbo.adres.toevoeging.str(),
                                          vbo.adres.woonplaats.str(), format_gebruiksdoelen(vbo.gebruiksdoelen),
                                          std::int64_t(vbo.oppervlakte), std::int64_t(vbo.bouwjaar),
                                          std::string(vbo_status_name(vbo.status)), std::int64_t(actief),
                                          std::int64_t(stichtingen), std::int64_t(auto_), std::int64_t(risico)};
        const auto add_row = [&](const Vestiging* v) {
            FeatureRow row{{vbo.punt}, object};
            if (profiel == Profiel::handhaving) {
                row.cells.push_back(v ? Cell(v->handelsnaam) : Cell());
                row.cells.push_back(v ? Cell(v->kvk_nummer) : Cell());
                row.cells.push_back(v ? Cell(v->vestigingsnummer) : Cell());
            }
            if (v) {
                const auto* branche = policy.risicobranche(*v);
                row.cells.insert(row.cells.end(),
                                 {v->sbi_hoofd.str(), std::string(sbi_afdeling(v->sbi_hoofd)), v->sbi_neven, v->rechtsvorm.str(),
                                  ja_nee(v->hoofdvestiging), datum(v->aanvang), datum(v->einde),
                                  ja_nee(v->actief_op(town.peildatum)), branche ? branche->naam : std::string()});
            } else {
                row.cells.resize(row.cells.size() + 9);
            }
            row.cells.insert(row.cells.end(), {std::int64_t(n_meldingen), meldingen, score, signalen});
            table.rows.push_back(std::move(row));
        };
        const auto vestigingen = town.vestigingen_per_vbo.of(i);
        if (vestigingen.empty()) add_row(nullptr);
        for (const auto v : vestigingen) add_row(&town.vestigingen[v]);
    }
    return table;
}

}  // namespace onregel
