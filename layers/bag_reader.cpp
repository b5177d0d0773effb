#include <unordered_map>

#include "engine/errors.hpp"
#include "readers.hpp"

namespace onregel {

namespace {

bool is_bag_id(const std::string& id) {
    return id.size() == 16 && id.find_first_not_of("0123456789") == std::string::npos;
}

// A spreadsheet turns 16-digit ids into 3.53E+15 or drops the leading zero: say so plainly.
std::string bag_id_problem(const std::string& id) {
    if (id.empty()) return "BAG-id ontbreekt";
    if (id.find_first_of("eE") != std::string::npos && id.find_first_of(".,") != std::string::npos)
        return "BAG-id door spreadsheet verminkt (wetenschappelijke notatie)";
    if (id.size() < 16 && id.find_first_not_of("0123456789") == std::string::npos)
        return "BAG-id te kort (voorloopnullen verloren?)";
    return "BAG-id is geen 16 cijfers";
}

std::int32_t read_int(OGRFeature& f, int column, const char* field, bool required) {
    const auto text = field_text(f, column);
    if (text.empty()) {
        if (required) throw RowError{std::string(field) + " ontbreekt", ""};
        return 0;
    }
    const auto v = parse_number(text);
    if (!v || *v != static_cast<double>(static_cast<std::int64_t>(*v)) || *v < 0 || *v > 2e9)
        throw RowError{std::string(field) + " is geen geheel getal", text};
    return static_cast<std::int32_t>(*v);
}

}  // namespace

void read_bag(const std::string& source, Town& town, Rejects& rejects, LayerStats& stats) {
    auto dataset = open_vector(source);
    auto& layer = pick_layer(*dataset, "verblijfsobject", source);
    const Columns columns(layer, source);
    const int c_id = columns.required("identificatie");
    const int c_doel = columns.required("gebruiksdoel");
    const int c_opp = columns.required("oppervlakte");
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
    const PointReader points(layer, columns, source);

    std::unordered_map<std::string, std::int32_t> pand_index;
    std::unordered_map<std::string, std::uint32_t> seen;
    read_rows(*dataset, layer, "bag", source, rejects, stats, [&](OGRFeature& f, std::string& row_id) {
        Verblijfsobject v;
        v.id = row_id = field_text(f, c_id);
        if (!is_bag_id(v.id)) throw RowError{bag_id_problem(v.id), v.id};
        if (seen.count(v.id)) throw RowError{"dubbel BAG-id", v.id};
        const auto doel = field_text(f, c_doel);
        try {
            v.gebruiksdoelen = parse_gebruiksdoelen(doel);
        } catch (const input_error&) {
            throw RowError{"onbekend gebruiksdoel", doel};
        }
        if (const auto status = field_text(f, c_status); !status.empty()) {
            try {
                v.status = parse_vbo_status(status);
            } catch (const input_error&) {
                throw RowError{"onbekende status", status};
            }
        }
        if (v.gebruiksdoelen == 0) throw RowError{"gebruiksdoel ontbreekt", ""};
        v.oppervlakte = read_int(f, c_opp, "oppervlakte", true);
        if (v.oppervlakte <= 0) throw RowError{"oppervlakte is niet positief", field_text(f, c_opp)};
        v.bouwjaar = read_int(f, c_bouwjaar, "bouwjaar", false);
        const auto postcode_text = field_text(f, c_postcode);
        const auto postcode = normalise_postcode(postcode_text);
        if (!postcode) throw RowError{"ongeldige postcode", postcode_text};
        const auto nummer = parse_huisnummer(field_text(f, c_nummer), field_text(f, c_letter), field_text(f, c_toev));
        if (!nummer) throw RowError{"ongeldig huisnummer", field_text(f, c_nummer)};
        v.adres = {field_text(f, c_straat), nummer->nummer, nummer->huisletter, nummer->toevoeging, *postcode,
                   field_text(f, c_plaats)};
        const auto punt = points.read(f);
        if (!punt) throw RowError{"geen locatie", ""};
        v.punt = *punt;
        v.pand_id = field_text(f, c_pand);
        if (!v.pand_id.empty()) {
            auto [it, added] = pand_index.emplace(v.pand_id, static_cast<std::int32_t>(town.panden.size()));
            if (added) town.panden.push_back({v.pand_id, v.bouwjaar, field_text(f, c_pandstatus), {}});
            v.pand = it->second;
        }
        seen.emplace(v.id, static_cast<std::uint32_t>(town.verblijfsobjecten.size()));
        town.verblijfsobjecten.push_back(std::move(v));
        ++stats.used;
    });

    // The pand layer adds outlines and status; panden without verblijfsobjecten are not needed.
    auto* pand_layer = dataset->GetLayerByName("pand");
    if (!pand_layer) return;
    const Columns pand_columns(*pand_layer, source);
    const int p_id = pand_columns.required("identificatie");
    const int p_status = pand_columns.optional("status");
    const int p_bouwjaar = pand_columns.optional("bouwjaar");
    OGRSpatialReference* srs = pand_layer->GetSpatialRef();
    const ToRd to_rd(srs, 28992, source);
    pand_layer->ResetReading();
    for (FeaturePtr f{pand_layer->GetNextFeature()}; f; f.reset(pand_layer->GetNextFeature())) {
        auto it = pand_index.find(field_text(*f, p_id));
        if (it == pand_index.end()) continue;
        auto& pand = town.panden[static_cast<std::size_t>(it->second)];
        if (p_status >= 0) pand.status = field_text(*f, p_status);
        if (p_bouwjaar >= 0 && !field_text(*f, p_bouwjaar).empty()) pand.bouwjaar = read_int(*f, p_bouwjaar, "bouwjaar", false);
        const OGRGeometry* geometry = f->GetGeometryRef();
        const OGRPolygon* polygon = nullptr;
        if (geometry && wkbFlatten(geometry->getGeometryType()) == wkbPolygon) polygon = geometry->toPolygon();
        else if (geometry && wkbFlatten(geometry->getGeometryType()) == wkbMultiPolygon && !geometry->toMultiPolygon()->IsEmpty())
            polygon = geometry->toMultiPolygon()->getGeometryRef(0);
        if (!polygon || !polygon->getExteriorRing()) continue;
        const OGRLinearRing* ring = polygon->getExteriorRing();
        pand.omtrek.clear();
        for (int k = 0; k < ring->getNumPoints(); ++k) {
            double x = ring->getX(k), y = ring->getY(k);
            if (to_rd.apply(x, y)) pand.omtrek.push_back({x, y});
        }
    }
}

}  // namespace onregel
