// CBS wijk- en buurtkaart (--buurten): every verblijfsobject gets the buurt its point lies in,
// through GEOS prepared polygons behind an STR-tree (the thread-safe _r API, one context).
//
// The kaart as CBS delivers it (GeoPackage, layer buurten; since 2022 with lower-case column names,
// before that BU_CODE, BU_NAAM, GM_CODE as in the shapefile) has, besides the buurten on land:
// - water buurten (water "JA", shapefile H2O): the larger waters, drawn as buurten of their own. They
//   are kept: a ligplaats in a harbour or lake lies in one and has no other buurt. A point on the edge
//   of land and water belongs to the land buurt.
// - the pseudo-buurt Buitenland, BU09989999 (gemeente 0998, water "B"): the Belgian enclaves around
//   Baarle-Nassau. No Dutch address lies in it; it is skipped, and counted with its reason.
#include <geos_c.h>
#include <utility>

#include "engine/errors.hpp"
#include "layers/read/readers.hpp"

namespace onregel {

namespace {

// Owns a GEOS context and the geometries made in it.
class Geos {
public:
    Geos() : context_(GEOS_init_r()) {}
    ~Geos() {
        for (auto* p : prepared_) GEOSPreparedGeom_destroy_r(context_, p);
        for (auto* g : geometries_) GEOSGeom_destroy_r(context_, g);
        if (tree_) GEOSSTRtree_destroy_r(context_, tree_);
        GEOS_finish_r(context_);
    }
    Geos(const Geos&) = delete;
    Geos& operator=(const Geos&) = delete;

    // Adds a polygon given as WKB; false when GEOS cannot read it. A water polygon is found only
    // where no land polygon is.
    bool add(const std::vector<unsigned char>& wkb, bool water) {
        GEOSWKBReader* reader = GEOSWKBReader_create_r(context_);
        GEOSGeometry* g = GEOSWKBReader_read_r(context_, reader, wkb.data(), wkb.size());
        GEOSWKBReader_destroy_r(context_, reader);
        if (!g) return false;
        geometries_.push_back(g);
        prepared_.push_back(GEOSPrepare_r(context_, g));
        water_.push_back(water);
        return true;
    }

    // The index of the first land polygon (in input order) that contains or touches p, else of the
    // first water polygon, if any.
    std::optional<std::size_t> find(Point p) {
        if (!tree_) build();
        GEOSGeometry* point = GEOSGeom_createPointFromXY_r(context_, p.x, p.y);
        Query query{this, point, {}};
        GEOSSTRtree_query_r(context_, tree_, point, &Geos::visit, &query);
        GEOSGeom_destroy_r(context_, point);
        return query.best;
    }

private:
    struct Query {
        Geos* self;
        const GEOSGeometry* point;
        std::optional<std::size_t> best;
    };
    static void visit(void* item, void* data) {
        auto* q = static_cast<Query*>(data);
        const auto i = static_cast<std::size_t>(reinterpret_cast<std::uintptr_t>(item));
        // Land before water, then the lowest index: the same answer in any tree order.
        const auto& water = q->self->water_;
        if (q->best && std::pair(water[*q->best], *q->best) <= std::pair(water[i], i)) return;
        if (GEOSPreparedIntersects_r(q->self->context_, q->self->prepared_[i], q->point) == 1) q->best = i;
    }
    void build() {
        tree_ = GEOSSTRtree_create_r(context_, 10);
        for (std::size_t i = 0; i < geometries_.size(); ++i)
            GEOSSTRtree_insert_r(context_, tree_, geometries_[i], reinterpret_cast<void*>(static_cast<std::uintptr_t>(i)));  // NOLINT(performance-no-int-to-ptr): GEOS stores the item as void*, ours is an index
    }

    GEOSContextHandle_t context_;
    std::vector<GEOSGeometry*> geometries_;
    std::vector<const GEOSPreparedGeometry*> prepared_;
    std::vector<bool> water_;
    GEOSSTRtree* tree_ = nullptr;
};

// Gemeente 0998 "Buitenland" holds the pseudo-buurt BU09989999 (water "B"): no buurt of the Netherlands.
constexpr const char* buitenland = "pseudo-buurt Buitenland (gemeente 0998, geen Nederlands grondgebied)";

}  // namespace

void read_buurten(const std::string& source, const std::vector<Verblijfsobject>& vbos, const ReadOptions& options,
                  std::vector<std::string>& buurt, std::map<std::string, std::string>& buurtnamen, Rejects& rejects,
                  LayerStats& stats) {
    auto dataset = open_vector(source);
    auto& layer = pick_layer(*dataset, "buurten", source);
    const Columns columns(layer, source);
    // The names since 2022, else those of the years before (the shapefile's); the first is asked for without either.
    const auto column = [&](std::string_view name, std::string_view before) {
        const int i = columns.first_of({name, before});
        return i >= 0 ? i : columns.required(name);
    };
    const int c_code = column("buurtcode", "BU_CODE");
    const int c_naam = column("buurtnaam", "BU_NAAM");
    const int c_gemeente = column("gemeentecode", "GM_CODE");
    const int c_water = columns.first_of({"water", "H2O"});
    const ToRd to_rd(layer.GetSpatialRef(), options.input_srs, source);
    stats.crs = to_rd.description();
    OGRSpatialReference rd;
    rd.importFromEPSG(28992);
    rd.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);

    Geos geos;
    std::vector<std::string> codes;
    std::vector<unsigned char> wkb;
    read_ogr_rows(*dataset, layer, "buurten", source, rejects, stats, [&](OGRFeature& f, std::string& row_id) {
        const auto code = row_id = field_text(f, c_code);
        if (code.empty()) throw RowError{Reden::buurtcode_ontbreekt, ""};
        if (buurtnamen.count(code)) throw RowError{Reden::buurtcode_dubbel, code};
        // CBS writes GM0221; --gemeente takes 0221.
        const auto gemeente = field_text(f, c_gemeente);
        const auto water = field_text(f, c_water);
        if (gemeente == "GM0998" || gemeente == "0998" || EQUAL(water.c_str(), "B")) throw RowSkipped{buitenland};
        if (!options.gemeente.empty() && gemeente != options.gemeente && gemeente != "GM" + options.gemeente)
            throw RowSkipped{buiten_selectie};
        OGRGeometry* g = f.GetGeometryRef();
        if (!g || g->IsEmpty()) throw RowError{Reden::geen_geometrie, ""};
        const auto type = wkbFlatten(g->getGeometryType());
        if (type != wkbPolygon && type != wkbMultiPolygon) throw RowError{Reden::geometrie_geen_vlak, g->getGeometryName()};
        if (!to_rd.identity() && g->transformTo(&rd) != OGRERR_NONE) throw RowError{Reden::coordinaat_niet_om_te_rekenen, code};
        g->flattenTo2D();  // recent kaarten (2026) carry z coordinates; a point in the plane is what is asked
        wkb.resize(static_cast<std::size_t>(g->WkbSize()));
        g->exportToWkb(wkbNDR, wkb.data(), wkbVariantIso);
        if (!geos.add(wkb, EQUAL(water.c_str(), "JA"))) throw RowError{Reden::geometrie_onbruikbaar, code};
        codes.push_back(code);
        buurtnamen.emplace(code, field_text(f, c_naam));
        ++stats.used;
    });

    buurt.assign(vbos.size(), std::string());
    std::size_t outside = 0;
    for (std::size_t i = 0; i < vbos.size(); ++i) {
        if (const auto b = geos.find(vbos[i].punt)) buurt[i] = codes[*b];
        else ++outside;
    }
    if (outside)
        stats.waarschuwingen.push_back(std::to_string(outside) + " verblijfsobject(en) liggen in geen enkele buurt van " + source +
                                       " (andere gemeente of ander jaar van de buurtkaart?)");
}

}  // namespace onregel
