#include <unordered_set>

#include "engine/errors.hpp"
#include "readers.hpp"

namespace onregel {

// Only id, date, category, source and location are read. `omschrijving` and `melder` are never
// fetched from the row: free text about people does not enter the model.
void read_meldingen(const std::string& source, const AddressIndex& index, const ReadOptions& options, Town& town,
                    Rejects& rejects, LayerStats& stats) {
    auto dataset = open_vector(source);
    auto& layer = pick_layer(*dataset, "meldingen", source);
    const Columns columns(layer, source);
    const int c_id = columns.required("id");
    const int c_datum = columns.first_of({"datum", "created_at"});
    if (c_datum < 0) columns.required("datum");
    const int c_categorie = columns.first_of({"categorie", "category"});
    const int c_bron = columns.first_of({"bron", "source"});
    const AddressColumns address{columns.optional("postcode"), columns.optional("huisnummer"),
                                 columns.optional("huisletter"), columns.optional("toevoeging")};
    const PointReader points(layer, columns, source);

    std::unordered_set<std::string> seen;
    read_rows(*dataset, layer, "meldingen", source, rejects, stats, [&](OGRFeature& f, std::string& row_id) {
        Melding m;
        m.id = row_id = field_text(f, c_id);
        if (m.id.empty()) throw RowError{"id ontbreekt", ""};
        if (!seen.insert(m.id).second) throw RowError{"dubbel id", m.id};
        const auto datum = field_text(f, c_datum);
        std::optional<Date> date;
        try {
            date = parse_date(datum);
        } catch (const input_error&) {
            throw RowError{"ongeldige datum", datum};
        }
        if (!date) throw RowError{"datum ontbreekt", ""};
        m.datum = *date;
        m.categorie = field_text(f, c_categorie);
        if (m.categorie.empty()) m.categorie = "onbekend";
        m.bron = field_text(f, c_bron);
        if (const auto p = points.read(f)) {
            m.punt = *p;
            m.match = MatchMethod::coordinaat;
            if (auto i = index.nearest(*p, options.match_radius)) m.vbo = static_cast<std::int32_t>(*i);
        } else if (const auto written = read_address(f, address)) {
            const auto match = index.by_address(written->first, written->second);
            if (!match) throw RowError{"adres niet gevonden in BAG", written->first + " " + std::to_string(written->second.nummer)};
            m.vbo = static_cast<std::int32_t>(match->vbo);
            m.match = match->method;
            m.punt = index.point_of(match->vbo);
        } else {
            throw RowError{"geen locatie", ""};
        }
        ++stats.match_methods[m.vbo >= 0 ? std::string(match_method_name(m.match)) : "alleen_locatie"];
        ++stats.used;
        town.meldingen.push_back(std::move(m));
    });
}

}  // namespace onregel
