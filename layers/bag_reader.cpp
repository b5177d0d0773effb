// BAG from any OGR source with the bag-light column names: PDOK's bag-light.gpkg (verblijfsobject,
// ligplaats, standplaats, pand), a CSV with x/y, a PostGIS table.
#include <unordered_map>
#include <unordered_set>

#include "engine/errors.hpp"
#include "readers.hpp"

namespace onregel {

namespace {

std::int32_t read_int(OGRFeature& f, int column, const char* field, bool required) {
    const auto text = field_text(f, column);
    if (text.empty()) {
        if (required) throw RowError{std::string(field) + " ontbreekt", ""};
        return 0;
    }
    const auto v = parse_number(text);
    if (!v || *v != static_cast<double>(static_cast<std::int64_t>(*v)) || *v < -2e9 || *v > 2e9)
        throw RowError{std::string(field) + " is geen geheel getal", text};
    return static_cast<std::int32_t>(*v);  // the caller judges the sign
}

bool is_rd(const OGRSpatialReference* srs, const ReadOptions& options) {
    if (!srs) return options.input_srs.empty();
    const char* code = srs->GetAuthorityCode(nullptr);
    return code && std::string(code) == "28992";
}

// --gemeente as an attribute filter and --bbox as a spatial filter, so a national GeoPackage is
// not read row by row for one town. Rows the filters let through are checked exactly afterwards.
std::string select_rows(OGRLayer& layer, const Columns& columns, const ReadOptions& options, const std::string& source) {
    std::string selectie;
    if (!options.gemeente.empty()) {
        const int c = columns.required("bronhouder_identificatie");
        const std::string name = layer.GetLayerDefn()->GetFieldDefn(c)->GetNameRef();
        const std::string filter = "\"" + name + "\" = '" + options.gemeente + "'";
        if (layer.SetAttributeFilter(filter.c_str()) != OGRERR_NONE)
            throw input_error(source + ": layer '" + layer.GetName() + "': cannot select " + filter);
        selectie = name + " = " + options.gemeente;
    }
    if (options.bbox) {
        if (layer.GetGeomType() != wkbNone && is_rd(layer.GetSpatialRef(), options))
            layer.SetSpatialFilterRect(options.bbox->min_x, options.bbox->min_y, options.bbox->max_x, options.bbox->max_y);
        selectie += std::string(selectie.empty() ? "" : ", ") + "bbox";
    }
    return selectie;
}

struct AddressableReader {
    const ReadOptions& options;
    Town& town;
    Rejects& rejects;
    LayerStats& stats;
    std::unordered_map<std::string, std::int32_t> pand_index;
    std::unordered_set<std::uint64_t> seen;  // ids checked to be 16 digits, kept as numbers

    // One layer of addressable objects. `with_use`: the verblijfsobject layer, which has gebruiksdoel
    // and oppervlakte; ligplaatsen and standplaatsen have neither.
    void read(GDALDataset& dataset, OGRLayer& layer, const std::string& source, bool with_use) {
        const Columns columns(layer, source);
        const int c_id = columns.required("identificatie");
        const int c_doel = with_use ? columns.required("gebruiksdoel") : -1;
        const int c_opp = with_use ? columns.required("oppervlakte") : -1;
        const int c_nummer = columns.required("huisnummer");
        const int c_postcode = columns.required("postcode");
        const int c_status = columns.optional("status");
        const int c_straat = columns.optional("openbare_ruimte_naam");
        const int c_letter = columns.optional("huisletter");
        const int c_toev = columns.optional("toevoeging");
        const int c_plaats = columns.optional("woonplaats_naam");
        const int c_bouwjaar = columns.optional("bouwjaar");
        const int c_pand = columns.optional("pand_identificatie");
        const int c_pandstatus = columns.optional("pandstatus");
        const PointReader points(layer, columns, source, options);
        if (const auto n = layer.GetFeatureCount(FALSE); n > 0) {  // only when the source knows it cheaply
            town.verblijfsobjecten.reserve(town.verblijfsobjecten.size() + static_cast<std::size_t>(n));
            seen.reserve(seen.size() + static_cast<std::size_t>(n));
        }
        const auto selectie = select_rows(layer, columns, options, source);
        if (stats.crs.empty()) stats.crs = points.crs();
        if (stats.selectie.empty()) stats.selectie = selectie;

        read_rows(dataset, layer, "bag", source, rejects, stats, [&](OGRFeature& f, std::string& row_id) {
            Verblijfsobject v;
            v.id = row_id = field_text(f, c_id);
            if (const auto problem = bag_id_problem(v.id); !problem.empty()) throw RowError{problem, v.id};
            const auto number = *bag_id_number(v.id);
            if (seen.count(number)) throw RowError{"dubbel BAG-id", v.id};
            const auto punt = points.read(f);
            if (!punt) throw RowError{"geen locatie", ""};
            if (options.bbox && !options.bbox->contains(*punt)) throw RowSkipped{buiten_selectie};
            v.punt = *punt;
            if (with_use) {
                const auto doel = field_text(f, c_doel);
                try {
                    v.gebruiksdoelen = parse_gebruiksdoelen(doel);
                } catch (const input_error&) {
                    throw RowError{"onbekend gebruiksdoel", doel};
                }
            }
            if (const auto status = field_text(f, c_status); !status.empty() && !with_use) {
                v.status = plaats_status(status);
            } else if (!status.empty()) {
                try {
                    v.status = parse_vbo_status(status);
                } catch (const input_error&) {
                    throw RowError{"onbekende status", status};
                }
            }
            if (with_use) {
                if (v.gebruiksdoelen == 0) throw RowError{"gebruiksdoel ontbreekt", ""};
                v.oppervlakte = read_int(f, c_opp, "oppervlakte", true);
                if (v.oppervlakte <= 0) throw RowError{"oppervlakte is niet positief", field_text(f, c_opp)};
            }
            v.bouwjaar = read_int(f, c_bouwjaar, "bouwjaar", false);
            if (v.bouwjaar < 0) throw RowError{"bouwjaar is negatief", field_text(f, c_bouwjaar)};
            // BAG has nummeraanduidingen without a postcode: the object is kept, reachable by id and location.
            const auto postcode_text = field_text(f, c_postcode);
            const auto postcode = normalise_postcode(postcode_text);
            if (!postcode && !postcode_text.empty()) throw RowError{"ongeldige postcode", postcode_text};
            const auto nummer = parse_huisnummer(field_text(f, c_nummer), field_text(f, c_letter), field_text(f, c_toev));
            if (!nummer) throw RowError{"ongeldig huisnummer", field_text(f, c_nummer)};
            v.adres = {field_text(f, c_straat), nummer->nummer, nummer->huisletter, nummer->toevoeging,
                       postcode.value_or(""), field_text(f, c_plaats)};
            v.pand_id = field_text(f, c_pand);
            if (!v.pand_id.empty()) {
                auto [it, added] = pand_index.emplace(v.pand_id, static_cast<std::int32_t>(town.panden.size()));
                if (added) town.panden.push_back({v.pand_id, v.bouwjaar, field_text(f, c_pandstatus), {}});
                v.pand = it->second;
            }
            seen.insert(number);
            town.verblijfsobjecten.push_back(std::move(v));
            ++stats.used;
        });
    }

    // The pand layer adds outlines and status; panden without verblijfsobjecten are not needed.
    void read_panden(OGRLayer& layer, const std::string& source) {
        if (pand_index.empty()) return;
        const Columns columns(layer, source);
        const int p_id = columns.required("identificatie");
        const int p_status = columns.optional("status");
        const int p_bouwjaar = columns.first_of({"bouwjaar", "oorspronkelijkBouwjaar"});
        const ToRd to_rd(layer.GetSpatialRef(), options.input_srs, source);
        if ((options.bbox || !options.gemeente.empty()) && is_rd(layer.GetSpatialRef(), options)) {
            // Only the panden around the selected objects: one envelope, checked by the source's index.
            OGREnvelope around;
            for (const auto& v : town.verblijfsobjecten) around.Merge(v.punt.x, v.punt.y);
            layer.SetSpatialFilterRect(around.MinX - 200, around.MinY - 200, around.MaxX + 200, around.MaxY + 200);
        }
        layer.ResetReading();
        for (FeaturePtr f{layer.GetNextFeature()}; f; f.reset(layer.GetNextFeature())) try {
            auto it = pand_index.find(field_text(*f, p_id));
            if (it == pand_index.end()) continue;
            auto& pand = town.panden[static_cast<std::size_t>(it->second)];
            if (p_status >= 0) pand.status = field_text(*f, p_status);
            if (const auto jaar = parse_number(field_text(*f, p_bouwjaar)); jaar && *jaar > 0 && *jaar < 3000)
                pand.bouwjaar = static_cast<std::int32_t>(*jaar);
            pand.omtrek = outline(f->GetGeometryRef(), to_rd);
        } catch (const RowError&) {
            // A broken pand row only costs its outline; the verblijfsobjecten are already read.
        }
    }
};

// A GeoPackage records when its tables were written (gpkg_contents.last_change): for PDOK's
// bag-light that is the date of the BAG it holds.
std::optional<Date> geopackage_date(GDALDataset& dataset) {
    const auto* driver = dataset.GetDriver();
    if (!driver || !EQUAL(driver->GetDescription(), "GPKG")) return std::nullopt;
    OGRLayer* result = dataset.ExecuteSQL("SELECT MAX(last_change) FROM gpkg_contents", nullptr, nullptr);
    if (!result) return std::nullopt;
    std::optional<Date> date;
    if (FeaturePtr f{result->GetNextFeature()}; f) try {
            date = field_date(*f, 0);
        } catch (const input_error&) {
        }
    dataset.ReleaseResultSet(result);
    return date;
}

}  // namespace

std::vector<Point> outline(const OGRGeometry* geometry, const ToRd& to_rd) {
    const OGRPolygon* polygon = nullptr;
    if (geometry && wkbFlatten(geometry->getGeometryType()) == wkbPolygon) polygon = geometry->toPolygon();
    else if (geometry && wkbFlatten(geometry->getGeometryType()) == wkbMultiPolygon && !geometry->toMultiPolygon()->IsEmpty())
        polygon = geometry->toMultiPolygon()->getGeometryRef(0);
    std::vector<Point> points;
    if (!polygon || !polygon->getExteriorRing()) return points;
    const OGRLinearRing* ring = polygon->getExteriorRing();
    points.reserve(static_cast<std::size_t>(ring->getNumPoints()));
    for (int k = 0; k < ring->getNumPoints(); ++k) {
        double x = ring->getX(k), y = ring->getY(k);
        if (to_rd.apply(x, y)) points.push_back({x, y});
    }
    return points;
}

void read_bag(const std::string& source, const ReadOptions& options, Town& town, std::vector<NevenAdres>&,
              Rejects& rejects, LayerStats& stats) {
    auto dataset = open_vector(source);
    AddressableReader reader{options, town, rejects, stats, {}, {}};
    reader.read(*dataset, pick_layer(*dataset, "verblijfsobject", source), source, true);
    // bag-light carries ligplaatsen and standplaatsen as their own layers: addressable objects too.
    for (const char* name : {"ligplaats", "standplaats"})
        if (auto* layer = dataset->GetLayerByName(name)) reader.read(*dataset, *layer, source, false);
    if (auto* pand_layer = dataset->GetLayerByName("pand")) reader.read_panden(*pand_layer, source);
    stats.stand = geopackage_date(*dataset);
}

}  // namespace onregel
