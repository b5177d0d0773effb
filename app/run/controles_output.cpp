#include "app/run/controles_output.hpp"

namespace onregel {

namespace {

// Why the visited address is on the list, in the words of its signals' bewijs, and a pointer to the
// other flagged addresses of its pand: the visit covers the pand (it is visited once).
std::vector<std::string> redenen(const Beoordeling& adres, std::size_t andere) {
    std::vector<std::string> out;
    for (const auto& c : adres.bijdragen)
        if (c.signaal != integrale_bonus_id) out.push_back(c.bewijs);
    if (andere == 1)
        out.push_back("In hetzelfde pand heeft nog 1 ander adres een signaal");
    else if (andere > 1)
        out.push_back("In hetzelfde pand hebben nog " + std::to_string(andere) + " andere adressen een signaal");
    return out;
}

}  // namespace

std::vector<Column> controles_columns(Profiel profiel) {
    using T = ColumnType;
    std::vector<Column> columns = {{"controledag", T::integer, 0, "The day of the visit, 1 to --capaciteit"},
                                   {"volgorde", T::integer, 0, "Walking order within the day, from 1"}};
    const auto object = object_columns("BAG id of the verblijfsobject to visit (16 digits, text)");
    columns.insert(columns.end(), object.begin(), object.end());
    columns.insert(
        columns.end(),
        {{"selectie", T::text, 0,
          "How the address was chosen: `ranking`, `steekproef` (drawn at random among unflagged ones, for comparison) or "
          "`hercontrole` (due in the register, `run --register`)"},
         {"pand_rang", T::integer, 0, "Rank of its pand in `panden_ranking`; empty for a steekproef or an unflagged hercontrole"},
         {"score", T::integer, 0, "The score of this address itself (the pand's highest); empty when it has no signal"},
         {"redenen", T::sentences, 0,
          "Why it is visited: the `bewijs` sentence of each of its signals, and how many other addresses of the pand "
          "have one; for a steekproef or a hercontrole, that it is one"},
         {"signalen", T::text_list, 0,
          "The ids of the signals that flag the address; `register import` keeps them, so a later signal ends the rust"},
         {"historie", T::text, 0,
          "What the register knows of the address: past controles with their constateringen and interventies (`run --register`)"}});
    if (profiel == Profiel::handhaving)
        columns.insert(columns.end(),
                       {{"handelsnamen", T::text_list, 0, "Handelsnamen of the active vestigingen (profile `handhaving` only)"},
                        {"kvk_nummers", T::text_list, 0, "Their KvK numbers (profile `handhaving` only)"}});
    columns.insert(columns.end(),
                   {{"datum_bezoek", T::text, 0, "Empty, for the handhavers: the date of the visit (read back by `evaluate`)"},
                    {"bevinding", T::text, 0, "Empty, for the handhavers: `ja` or `nee` (read back by `evaluate`)"},
                    {"constateringen", T::text, 0,
                     "Empty, for the handhavers: what was found, keys or names of [register.constateringen] separated by `;`"},
                    {"vervolg", T::text, 0,
                     "Empty, for the handhavers: the interventies that follow, from [register.interventies], each with a date "
                     "when it is not the visit's (`hercontrole 1-6-2027`)"},
                    {"partners", T::text, 0, "Empty, for the handhavers: the partners present (politie; omgevingsdienst)"}});
    return columns;
}

FeatureTable controles_table(const Town& town, const std::vector<Beoordeling>& ranked, const std::vector<PandScore>& panden,
                             const std::vector<Controle>& controles, Profiel profiel, const RegisterStand* stand) {
    FeatureTable table{"controles", GeometryType::point, controles_columns(profiel), {}};
    for (const auto& c : controles) {
        const auto& vbo = town.verblijfsobjecten[c.vbo];
        Cell rang, score;
        std::vector<std::string> waarom, signalen;
        if (c.selectie == Selectie::steekproef) waarom.emplace_back(steekproef_reden);
        if (c.selectie == Selectie::hercontrole) waarom.emplace_back(hercontrole_reden);
        if (c.pand_rang > 0) {
            const auto& pand = panden[static_cast<std::size_t>(c.pand_rang - 1)];
            const auto& adres = ranked[pand.objecten[0]];  // the visited object: the pand's highest-ranked
            if (adres.vbo != c.vbo)
                throw std::logic_error("controle of " + bag_id_text(vbo.id) + " is not its pand's first object");
            rang = std::int64_t(c.pand_rang);
            score = std::int64_t(adres.score);
            const auto signaal = redenen(adres, pand.objecten.size() - 1);
            waarom.insert(waarom.end(), signaal.begin(), signaal.end());
            for (const auto& b : adres.bijdragen)
                if (b.signaal != integrale_bonus_id) signalen.push_back(b.signaal);
        }
        FeatureRow row{
            {vbo.punt},
            make_cells(std::int64_t(c.dag), std::int64_t(c.volgorde), bag_id_text(vbo.id), town.pand_id(vbo),
                       format_adres(vbo.adres), vbo.adres.postcode, std::int64_t(vbo.adres.huisnummer), vbo.adres.huisletter,
                       vbo.adres.toevoeging, format_gebruiksdoelen(vbo.gebruiksdoelen), std::string(selectie_name(c.selectie)),
                       std::move(rang), std::move(score), std::move(waarom), std::move(signalen),
                       stand && !stand->historie[c.vbo].empty() ? Cell(stand->historie[c.vbo]) : Cell())};
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
        row.cells.resize(table.columns.size());  // the handhavers' columns, empty
        table.rows.push_back(std::move(row));
    }
    return table;
}

}  // namespace onregel
