// Meldingen from CSV or GeoJSON, including Amsterdam's Signalen export (created_at, category as an
// object with main/sub, source, a WGS84 point and an address object); Signalen's other forms (API
// list, datawarehouse dump, public geography) are first turned into such a GeoJSON (signalen.hpp).
// Only id, date, category, source and location are read: `omschrijving`, `melder` (and Signalen's
// `text`, `reporter`) are never fetched from the row, so free text about people does not enter the model.
#include <nlohmann/json.hpp>
#include <unordered_set>

#include "engine/errors.hpp"
#include "engine/text.hpp"
#include "layers/read/json_source.hpp"
#include "layers/read/readers.hpp"
#include "layers/read/signalen.hpp"

namespace onregel {

namespace {

using json = nlohmann::json;

// A nested object as GDAL hands it over (JSON text), or nothing when the field is plain text.
json nested(const std::string& text) {
    if (text.empty() || text.front() != '{') return json();
    return json::parse(text, nullptr, false);
}

// The first of `keys` that has a value.
std::string first_text(const json& object, std::initializer_list<const char*> keys) {
    for (const char* key : keys)
        if (auto text = json_text(object, key); !text.empty()) return text;
    return {};
}

// The rows of the dataset at `path`; `source` names it in messages and the manifest (they differ for
// a Signalen export converted in memory).
void read_rows_of(const std::string& path, const std::string& source, const AddressIndex& index, const ReadOptions& options,
                  Town& town, Rejects& rejects, LayerStats& stats) {
    auto dataset = open_vector(path);
    auto& layer = pick_layer(*dataset, "meldingen", source);
    const Columns columns(layer, source);
    const int c_id = columns.required("id");
    const int c_datum = columns.first_of({"datum", "created_at"});
    if (c_datum < 0) columns.required("datum");
    const int c_categorie = columns.first_of({"categorie", "category", "main_category"});
    const int c_bron = columns.first_of({"bron", "source"});
    const int c_adres = columns.first_of({"address", "adres"});  // Signalen: an object
    const AddressColumns address{columns.optional("postcode"), columns.optional("huisnummer"),
                                 columns.optional("huisletter"), columns.first_of({"toevoeging", "huisnummer_toevoeging"})};
    PointReaders points(layer, columns, source, options);
    stats.crs = points.local().crs();

    // A row read and matched on any thread; the id seen before and the counts are left to `finish`,
    // which takes the rows in order.
    struct Prepared {
        Melding m;
        std::optional<RowError> error;      // after the id
        std::optional<RowSkipped> skipped;  // outside the selection
        Wanted wanted;
        std::optional<Match> match;
        bool punt_onbruikbaar = false, adres_onbruikbaar = false;  // and placed by the other
    };
    const auto prepare = [&](auto& f) {
        Prepared p;
        Melding& m = p.m;
        try {
            m.id = field_text(f, c_id);
            if (m.id.empty()) return p;
            const auto date = past_date(f, c_datum, "datum");
            if (!date) throw RowError{Reden::veld_ontbreekt, "", "datum"};
            m.datum = *date;
            const auto categorie = field_text(f, c_categorie);
            const auto category = nested(categorie);
            m.categorie = category.is_object() ? first_text(category, {"main", "sub", "name"}) : categorie;
            if (m.categorie.empty()) m.categorie = "onbekend";
            m.bron = field_text(f, c_bron);

            // Every location the row gives is tried before it is rejected: an unusable coordinate with
            // a good address is placed by the address, and the other way round.
            Wanted& wanted = p.wanted;
            std::optional<RowError> adres_error, punt_error;
            try {
                wanted.adres = read_address(f, address);
                if (!wanted.adres)
                    if (const auto a = nested(field_text(f, c_adres)); a.is_object())
                        wanted.adres = parse_address(json_text(a, "postcode"), json_text(a, "huisnummer"),
                                                     json_text(a, "huisletter"), first_text(a, {"huisnummer_toevoeging", "toevoeging"}));
            } catch (RowError& e) {
                adres_error = std::move(e);
            }
            try {
                wanted.punt = points.local().read(f);
            } catch (RowError& e) {
                punt_error = std::move(e);
            }
            if (!wanted.punt && !wanted.adres) throw punt_error ? *punt_error : adres_error ? *adres_error : RowError{Reden::geen_locatie, ""};
            p.punt_onbruikbaar = punt_error.has_value();
            p.adres_onbruikbaar = adres_error.has_value();
            if (options.bbox && wanted.punt && !options.bbox->contains(*wanted.punt)) throw RowSkipped{buiten_selectie};
            p.match = locate(index, wanted, options.match_radius);
        } catch (RowError& e) {
            p.error = std::move(e);
        } catch (const RowSkipped& s) {
            p.skipped = s;
        }
        return p;
    };

    std::unordered_set<std::string> seen;
    std::size_t by_address_only = 0, by_point_only = 0;
    const auto finish = [&](Prepared& p, std::string& row_id) {
        Melding& m = p.m;
        row_id = m.id;
        if (p.error && m.id.empty()) throw std::move(*p.error);  // the id itself could not be read
        if (m.id.empty()) throw RowError{Reden::id_ontbreekt, ""};
        if (!seen.insert(m.id).second) throw RowError{Reden::id_dubbel, m.id};
        if (p.error) throw std::move(*p.error);
        if (p.skipped) throw RowSkipped(*p.skipped);
        // An address names the door; a point is tied to the nearest object within the radius, and
        // kept as a location when there is none.
        if (p.match) {
            m.vbo = static_cast<std::int32_t>(p.match->vbo);
            m.match = p.match->method();
            m.punt = p.wanted.punt.value_or(index.point_of(p.match->vbo));
        } else if (p.wanted.punt) {
            m.punt = *p.wanted.punt;
            m.match = MatchMethod::coordinaat;
        } else {
            throw_unmatched(index, p.wanted, options);
        }
        stats.saw_date(m.datum);
        stats.saw_match(p.match ? match_route_name(p.match->route) : "alleen_locatie");
        ++stats.used;
        by_address_only += p.punt_onbruikbaar;
        by_point_only += p.adres_onbruikbaar;
        town.meldingen.push_back(std::move(m));
    };
    read_rows_parallel(*dataset, layer, "meldingen", source, options, rejects, stats, prepare, finish, [&](std::size_t rows) {
        if (!options.selects()) town.meldingen.reserve(town.meldingen.size() + rows);
        seen.reserve(rows);
    });
    if (by_address_only)
        stats.waarschuwingen.push_back(count_text(static_cast<std::int64_t>(by_address_only), "melding met een onbruikbare coördinaat is",
                                                  "meldingen met een onbruikbare coördinaat zijn") +
                                       " op het adres geplaatst");
    if (by_point_only)
        stats.waarschuwingen.push_back(count_text(static_cast<std::int64_t>(by_point_only), "melding met een onleesbaar adres is",
                                                  "meldingen met een onleesbaar adres zijn") +
                                       " op de coördinaat geplaatst");
}

}  // namespace

void read_meldingen(const std::string& source, const AddressIndex& index, const ReadOptions& options, Town& town,
                    Rejects& rejects, LayerStats& stats) {
    const auto signalen = signalen_export(source);
    if (!signalen) return read_rows_of(source, source, index, options, town, rejects, stats);
    stats.waarschuwingen = signalen->waarschuwingen;
    stats.ook_gelezen = signalen->ook_gelezen;
    if (signalen->rijen > 0) read_rows_of(signalen->path(), source, index, options, town, rejects, stats);
    stats.bron = source;
    stats.driver = signalen->vorm();
    stats.crs = "lon/lat: EPSG:4326 (WGS84)";
}

}  // namespace onregel
