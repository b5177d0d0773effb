#include "layers/read/gebieden.hpp"

#include <algorithm>
#include <cstdint>
#include <geos_c.h>
#include <memory>
#include <set>

#include "engine/errors.hpp"
#include "engine/text.hpp"
#include "layers/source/gdal_source.hpp"

namespace onregel {

namespace {

// ---------- reading the areas ----------

// A file name any file system and spreadsheet program accepts: ASCII letters, digits, - and _, the
// rest (spaces, slashes, accents) one underscore; unique among the areas ("-2", "-3" for repeats).
std::string bestandsnaam(const std::string& naam, std::size_t n, std::set<std::string>& used) {
    std::string out;
    for (const char c : naam) {
        const bool keep = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '_';
        if (keep) out += c;
        else if (!out.empty() && out.back() != '_') out += '_';
    }
    while (!out.empty() && (out.back() == '_' || out.back() == '-')) out.pop_back();
    if (out.size() > 80) out.resize(80);
    if (out.empty()) out = "gebied_" + std::to_string(n);
    std::string unique = out;
    for (int k = 2; used.count(unique); ++k) unique = out + "-" + std::to_string(k);
    used.insert(unique);
    return unique;
}

std::vector<std::vector<Point>> polygon_rings(const OGRPolygon& polygon, const std::string& where) {
    std::vector<std::vector<Point>> rings;
    for (const OGRLinearRing* ring : polygon) {
        std::vector<Point> points;
        for (const auto& p : *ring) {
            const Point point{p.getX(), p.getY()};
            if (!inside_netherlands(point))
                throw input_error(where + ": ligt niet in Nederland (" + format_decimal(point.x, 1) + ", " +
                                  format_decimal(point.y, 1) +
                                  " in RD New); GeoJSON zonder \"crs\" wordt als WGS84 (lengte/breedte) gelezen");
            points.push_back(point);
        }
        if (points.size() < 4) throw input_error(where + ": een ring van het vlak heeft minder dan drie hoekpunten");
        rings.push_back(std::move(points));
    }
    return rings;
}

// ---------- point in polygon ----------

// The areas as GEOS prepared geometries behind an STR-tree, in one context (the _r API).
class AreaIndex {
public:
    explicit AreaIndex(const std::vector<Gebied>& gebieden) : context_(GEOS_init_r()) {
        tree_ = GEOSSTRtree_create_r(context_, 10);
        for (std::size_t i = 0; i < gebieden.size(); ++i) {
            GEOSGeometry* g = multipolygon(gebieden[i].vlakken);
            // A polygon drawn by hand may cross itself; GEOS answers predicates only on valid ones.
            if (GEOSisValid_r(context_, g) != 1) {
                GEOSGeometry* valid = GEOSMakeValid_r(context_, g);
                GEOSGeom_destroy_r(context_, g);
                if (!valid) throw input_error("gebied " + gebieden[i].naam + ": het vlak is ongeldig en niet te herstellen");
                g = valid;
            }
            geometries_.push_back(g);
            prepared_.push_back(GEOSPrepare_r(context_, g));
            GEOSSTRtree_insert_r(context_, tree_, g, reinterpret_cast<void*>(static_cast<std::uintptr_t>(i)));  // NOLINT(performance-no-int-to-ptr): GEOS stores the item as void*, ours is an index
        }
    }
    ~AreaIndex() {
        for (auto* p : prepared_) GEOSPreparedGeom_destroy_r(context_, p);
        GEOSSTRtree_destroy_r(context_, tree_);
        for (auto* g : geometries_) GEOSGeom_destroy_r(context_, g);
        GEOS_finish_r(context_);
    }
    AreaIndex(const AreaIndex&) = delete;
    AreaIndex& operator=(const AreaIndex&) = delete;

    // The areas that cover p (inside or on the boundary), ascending.
    std::vector<std::uint32_t> covering(Point p) {
        GEOSGeometry* point = GEOSGeom_createPointFromXY_r(context_, p.x, p.y);
        Query query{this, point, {}};
        GEOSSTRtree_query_r(context_, tree_, point, &AreaIndex::visit, &query);
        GEOSGeom_destroy_r(context_, point);
        std::sort(query.found.begin(), query.found.end());  // the tree visits in its own order
        return query.found;
    }

private:
    struct Query {
        AreaIndex* self;
        const GEOSGeometry* point;
        std::vector<std::uint32_t> found;
    };
    static void visit(void* item, void* data) {
        auto* q = static_cast<Query*>(data);
        const auto i = static_cast<std::uint32_t>(reinterpret_cast<std::uintptr_t>(item));
        if (GEOSPreparedCovers_r(q->self->context_, q->self->prepared_[i], q->point) == 1) q->found.push_back(i);
    }

    GEOSGeometry* ring(const std::vector<Point>& points) {
        GEOSCoordSequence* seq = GEOSCoordSeq_create_r(context_, static_cast<unsigned>(points.size()), 2);
        for (std::size_t i = 0; i < points.size(); ++i)
            GEOSCoordSeq_setXY_r(context_, seq, static_cast<unsigned>(i), points[i].x, points[i].y);
        return GEOSGeom_createLinearRing_r(context_, seq);
    }
    GEOSGeometry* multipolygon(const std::vector<std::vector<std::vector<Point>>>& vlakken) {
        std::vector<GEOSGeometry*> polygons;
        for (const auto& rings : vlakken) {
            std::vector<GEOSGeometry*> holes;
            for (std::size_t r = 1; r < rings.size(); ++r) holes.push_back(ring(rings[r]));
            polygons.push_back(GEOSGeom_createPolygon_r(context_, ring(rings[0]), holes.data(), static_cast<unsigned>(holes.size())));
        }
        return GEOSGeom_createCollection_r(context_, GEOS_MULTIPOLYGON, polygons.data(), static_cast<unsigned>(polygons.size()));
    }

    GEOSContextHandle_t context_;
    GEOSSTRtree* tree_ = nullptr;
    std::vector<GEOSGeometry*> geometries_;
    std::vector<const GEOSPreparedGeometry*> prepared_;
};

}  // namespace

std::vector<Gebied> read_gebieden(const std::string& source, const std::string& naam_kolom) {
    auto dataset = open_vector(source);
    auto& layer = pick_layer(*dataset, "gebieden", source);
    const Columns columns(layer, source);
    const int c_naam = naam_kolom.empty() ? columns.first_of({"naam", "name", "buurtnaam"}) : columns.required(naam_kolom);
    const ToRd to_rd(layer.GetSpatialRef(), "", source);
    OGRSpatialReference rd;
    rd.importFromEPSG(28992);
    rd.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);

    std::vector<Gebied> gebieden;
    std::set<std::string> used;
    layer.ResetReading();
    for (FeaturePtr f{layer.GetNextFeature()}; f; f.reset(layer.GetNextFeature())) {
        const std::size_t n = gebieden.size() + 1;
        Gebied gebied;
        try {
            gebied.naam = c_naam >= 0 ? field_text(*f, c_naam) : "";
        } catch (const RowError& e) {
            throw input_error(source + ": " + row_label(*dataset, *f) + ": " + e.tekst());
        }
        if (gebied.naam.empty()) gebied.naam = "gebied " + std::to_string(n);
        const std::string where = source + ": " + row_label(*dataset, *f) + " (" + gebied.naam + ")";
        const OGRGeometry* g = f->GetGeometryRef();
        const auto type = g ? wkbFlatten(g->getGeometryType()) : wkbNone;
        if (type != wkbPolygon && type != wkbMultiPolygon)
            throw input_error(where + ": geen vlak (polygon of multipolygon) maar " + (g ? g->getGeometryName() : "geen geometrie"));
        std::unique_ptr<OGRGeometry> copy(g->clone());
        if (!to_rd.identity() && copy->transformTo(&rd) != OGRERR_NONE)
            throw input_error(where + ": niet om te rekenen naar RD New (" + to_rd.description() + "; GeoJSON zonder \"crs\" wordt als WGS84 gelezen)");
        copy->closeRings();
        if (type == wkbPolygon) {
            gebied.vlakken.push_back(polygon_rings(*copy->toPolygon(), where));
        } else {
            for (const OGRPolygon* p : *copy->toMultiPolygon()) gebied.vlakken.push_back(polygon_rings(*p, where));
        }
        if (gebied.vlakken.empty()) throw input_error(where + ": leeg vlak");
        gebied.bestand = bestandsnaam(gebied.naam, n, used);
        gebieden.push_back(std::move(gebied));
    }
    if (gebieden.empty()) throw input_error(source + ": geen enkel gebied (vlak) gevonden");
    return gebieden;
}

std::vector<GebiedLeden> gebied_leden(const std::vector<Gebied>& gebieden, const Town& town) {
    AreaIndex index(gebieden);
    std::vector<GebiedLeden> leden(gebieden.size());
    std::vector<std::vector<std::uint32_t>> areas_of_vbo(town.verblijfsobjecten.size());
    for (std::uint32_t i = 0; i < town.verblijfsobjecten.size(); ++i) {
        areas_of_vbo[i] = index.covering(town.verblijfsobjecten[i].punt);
        for (const auto a : areas_of_vbo[i]) leden[a].vbos.push_back(i);
    }
    for (std::uint32_t m = 0; m < town.meldingen.size(); ++m) {
        const auto& melding = town.meldingen[m];
        const auto areas = melding.vbo >= 0 ? areas_of_vbo[static_cast<std::size_t>(melding.vbo)] : index.covering(melding.punt);
        for (const auto a : areas) leden[a].meldingen.push_back(m);
    }
    return leden;
}

}  // namespace onregel
