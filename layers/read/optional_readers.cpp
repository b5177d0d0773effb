// The optional layers: omgevingsvergunning aanvragen, RDW erkenningen and past controle uitkomsten.
#include <unordered_set>

#include "engine/errors.hpp"
#include "layers/read/readers.hpp"

namespace onregel {

namespace {

AddressColumns address_columns(const Columns& columns) {
    return {columns.optional("postcode"), columns.optional("huisnummer"), columns.optional("huisletter"),
            columns.optional("toevoeging")};
}

template <class Row>
Date required_date(Row& f, int column, const char* field) {
    std::optional<Date> date;
    try {
        date = field_date(f, column);
    } catch (const input_error&) {
        throw RowError{Reden::datum_ongeldig, field_text(f, column), field};
    }
    if (!date) throw RowError{Reden::veld_ontbreekt, "", field};
    return *date;
}

}  // namespace

void read_vergunningen(const std::string& source, const AddressIndex& index, const ReadOptions& options, Town& town,
                       Rejects& rejects, LayerStats& stats) {
    auto dataset = open_vector(source);
    auto& layer = pick_layer(*dataset, "vergunningen", source);
    const Columns columns(layer, source);
    const int c_zaak = columns.required("zaaknummer");
    const int c_datum = columns.required("datum_aanvraag");
    const int c_aanvrager = columns.required("aanvrager");
    const int c_kosten = columns.required("bouwkosten");
    const int c_soort = columns.optional("soort");
    const int c_bag = columns.optional("bag_id");
    const auto address = address_columns(columns);
    std::unordered_set<std::string> seen;
    MangledIds mangled;
    read_rows(*dataset, layer, "vergunningen", source, options, rejects, stats, [&](auto& f, std::string& row_id) {
        Vergunning v;
        v.zaaknummer = row_id = field_text(f, c_zaak);
        if (v.zaaknummer.empty()) throw RowError{Reden::zaaknummer_ontbreekt, ""};
        if (!seen.insert(v.zaaknummer).second) throw RowError{Reden::zaaknummer_dubbel, v.zaaknummer};
        v.datum_aanvraag = required_date(f, c_datum, "datum_aanvraag");
        v.aanvrager = field_text(f, c_aanvrager);
        const auto kosten = field_text(f, c_kosten);
        const auto euro = parse_number(kosten);
        if (!euro || *euro < 0 || *euro > 1e12) throw RowError{Reden::bouwkosten_geen_bedrag, kosten};
        v.bouwkosten = static_cast<std::int64_t>(*euro);
        v.soort = field_text(f, c_soort);
        const Wanted wanted{field_text(f, c_bag), read_address(f, address), std::nullopt};
        mangled.check(wanted.bag_id);
        const auto match = locate(index, wanted, options.match_radius);
        if (!match) throw_unmatched(index, wanted, options);
        v.vbo = static_cast<std::int32_t>(match->vbo);
        stats.saw_date(v.datum_aanvraag);
        stats.saw_match(match_route_name(match->route));
        ++stats.used;
        town.vergunningen.push_back(std::move(v));
    });
    mangled.report(stats, "bag_id");
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
    const auto address = address_columns(columns);
    const PointReader points(layer, columns, source, options);
    stats.crs = points.crs();
    read_rows(*dataset, layer, "erkenningen", source, options, rejects, stats, [&](auto& f, std::string& row_id) {
        Erkenning e;
        e.naam = row_id = field_text(f, c_naam);
        e.soort = field_text(f, c_soort);
        // An erkenning is about a place: a location alone is enough, an address is matched when present.
        const Wanted wanted{field_text(f, c_bag), read_address(f, address), points.read(f)};
        if (options.bbox && wanted.punt && !options.bbox->contains(*wanted.punt)) throw RowSkipped{buiten_selectie};
        const auto match = locate(index, wanted, options.match_radius);
        if (match) {
            e.vbo = static_cast<std::int32_t>(match->vbo);
            e.punt = match->route == MatchRoute::coordinaat ? *wanted.punt : index.point_of(match->vbo);
        } else if (wanted.punt) {
            e.punt = *wanted.punt;
        } else {
            throw_unmatched(index, wanted, options);
        }
        stats.saw_match(match ? match_route_name(match->route) : "alleen_locatie");
        ++stats.used;
        town.erkenningen.push_back(std::move(e));
    });
    town.has_erkenningen = true;
}

void read_uitkomsten(const std::string& source, const AddressIndex& index, const ReadOptions& options,
                     std::vector<Uitkomst>& uitkomsten, Rejects& rejects, LayerStats& stats) {
    auto dataset = open_vector(source);
    auto& layer = pick_layer(*dataset, "uitkomsten", source);
    const Columns columns(layer, source);
    // Or the controles sheet of `run`, filled in: datum_bezoek and bevinding (ja/nee).
    int c_datum = columns.first_of({"datum", "datum_bezoek"}), c_uitkomst = columns.first_of({"uitkomst", "bevinding"});
    if (c_datum < 0) c_datum = columns.required("datum");
    if (c_uitkomst < 0) c_uitkomst = columns.required("uitkomst");
    const int c_categorie = columns.optional("categorie");
    const int c_bag = columns.optional("bag_id");
    const auto address = address_columns(columns);
    if (c_bag < 0 && !address.present()) columns.required("bag_id");  // names what was found
    MangledIds mangled;
    read_rows(*dataset, layer, "uitkomsten", source, options, rejects, stats, [&](auto& f, std::string& row_id) {
        Uitkomst u;
        if (field_text(f, c_datum).empty() && field_text(f, c_uitkomst).empty()) throw RowSkipped{niet_bezocht};
        const Wanted wanted{field_text(f, c_bag), read_address(f, address), std::nullopt};
        u.id = row_id = !wanted.bag_id.empty() ? wanted.bag_id
                        : wanted.adres       ? written_address(wanted.adres->postcode, wanted.adres->nummer)
                                             : "";
        const auto datum = past_date(f, c_datum, "datum");
        if (!datum) throw RowError{Reden::veld_ontbreekt, "", "datum"};
        u.datum = *datum;
        const auto uitkomst = field_text(f, c_uitkomst);
        if (uitkomst == "bevinding" || EQUAL(uitkomst.c_str(), "ja")) u.bevinding = true;
        else if (uitkomst != "geen_bevinding" && !EQUAL(uitkomst.c_str(), "nee")) throw RowError{Reden::uitkomst_onbekend, uitkomst};
        u.categorie = field_text(f, c_categorie);
        mangled.check(wanted.bag_id);
        const auto match = locate(index, wanted, options.match_radius);
        if (!match) throw_unmatched(index, wanted, options);
        u.vbo = static_cast<std::int32_t>(match->vbo);
        u.match = match->method();
        stats.saw_date(u.datum);
        stats.saw_match(match_route_name(match->route));
        ++stats.used;
        uitkomsten.push_back(std::move(u));
    });
    mangled.report(stats, "bag_id");
}

}  // namespace onregel
