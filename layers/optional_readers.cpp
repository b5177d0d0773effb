// The optional layers: omgevingsvergunning aanvragen and RDW erkenningen.
#include <unordered_set>

#include "engine/errors.hpp"
#include "readers.hpp"

namespace onregel {

namespace {

// bag_id when given and known, else the written address; RowError when neither leads to an object.
Match locate(OGRFeature& f, int c_bag, const AddressColumns& address, const AddressIndex& index) {
    const auto bag_id = field_text(f, c_bag);
    if (!bag_id.empty())
        if (auto i = index.by_id(bag_id)) return {*i, MatchMethod::bag_id};
    if (const auto written = read_address(f, address)) {
        if (auto m = index.by_address(written->first, written->second)) return *m;
        throw RowError{"adres niet gevonden in BAG", written->first + " " + std::to_string(written->second.nummer)};
    }
    throw RowError{bag_id.empty() ? "geen adres" : "BAG-id onbekend", bag_id};
}

}  // namespace

void read_vergunningen(const std::string& source, const AddressIndex& index, Town& town, Rejects& rejects,
                       LayerStats& stats) {
    auto dataset = open_vector(source);
    auto& layer = pick_layer(*dataset, "vergunningen", source);
    const Columns columns(layer, source);
    const int c_zaak = columns.required("zaaknummer");
    const int c_datum = columns.required("datum_aanvraag");
    const int c_aanvrager = columns.required("aanvrager");
    const int c_kosten = columns.required("bouwkosten");
    const int c_soort = columns.optional("soort");
    const int c_bag = columns.optional("bag_id");
    const AddressColumns address{columns.optional("postcode"), columns.optional("huisnummer"),
                                 columns.optional("huisletter"), columns.optional("toevoeging")};
    std::unordered_set<std::string> seen;
    read_rows(*dataset, layer, "vergunningen", source, rejects, stats, [&](OGRFeature& f, std::string& row_id) {
        Vergunning v;
        v.zaaknummer = row_id = field_text(f, c_zaak);
        if (v.zaaknummer.empty()) throw RowError{"zaaknummer ontbreekt", ""};
        if (!seen.insert(v.zaaknummer).second) throw RowError{"dubbel zaaknummer", v.zaaknummer};
        const auto datum = field_text(f, c_datum);
        std::optional<Date> date;
        try {
            date = parse_date(datum);
        } catch (const input_error&) {
            throw RowError{"ongeldige datum_aanvraag", datum};
        }
        if (!date) throw RowError{"datum_aanvraag ontbreekt", ""};
        v.datum_aanvraag = *date;
        v.aanvrager = field_text(f, c_aanvrager);
        const auto kosten = field_text(f, c_kosten);
        const auto euro = parse_number(kosten);
        if (!euro || *euro < 0 || *euro > 1e12) throw RowError{"bouwkosten is geen bedrag", kosten};
        v.bouwkosten = static_cast<std::int64_t>(*euro);
        v.soort = field_text(f, c_soort);
        const auto match = locate(f, c_bag, address, index);
        v.vbo = static_cast<std::int32_t>(match.vbo);
        ++stats.match_methods[std::string(match_method_name(match.method))];
        ++stats.used;
        town.vergunningen.push_back(std::move(v));
    });
    town.has_vergunningen = true;
}

void read_erkenningen(const std::string& source, const AddressIndex& index, const ReadOptions& options, Town& town,
                      Rejects& rejects, LayerStats& stats) {
    auto dataset = open_vector(source);
    auto& layer = pick_layer(*dataset, "erkenningen", source);
    const Columns columns(layer, source);
    const int c_naam = columns.first_of({"naam", "handelsnaam", "naam_bedrijf"});
    const int c_soort = columns.first_of({"soort", "erkenning", "soort_erkenning"});
    const int c_bag = columns.optional("bag_id");
    const AddressColumns address{columns.optional("postcode"), columns.optional("huisnummer"),
                                 columns.optional("huisletter"), columns.optional("toevoeging")};
    const PointReader points(layer, columns, source);
    read_rows(*dataset, layer, "erkenningen", source, rejects, stats, [&](OGRFeature& f, std::string& row_id) {
        Erkenning e;
        e.naam = row_id = field_text(f, c_naam);
        e.soort = field_text(f, c_soort);
        // An erkenning is about a place: a location alone is enough, an address is matched when present.
        const auto point = points.read(f);
        std::optional<Match> match;
        try {
            match = locate(f, c_bag, address, index);
        } catch (const RowError&) {
            if (!point) throw;
        }
        if (match) {
            e.vbo = static_cast<std::int32_t>(match->vbo);
            e.punt = index.point_of(match->vbo);
        } else {
            e.punt = *point;
            if (auto i = index.nearest(*point, options.match_radius)) e.vbo = static_cast<std::int32_t>(*i);
        }
        ++stats.match_methods[e.vbo >= 0 ? (match ? std::string(match_method_name(match->method)) : "coordinaat") : "alleen_locatie"];
        ++stats.used;
        town.erkenningen.push_back(std::move(e));
    });
    town.has_erkenningen = true;
}

}  // namespace onregel
