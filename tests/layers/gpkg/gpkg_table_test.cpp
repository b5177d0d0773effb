// GpkgTable reads a GeoPackage table straight through SQLite: every geometry GDAL writes decodes to
// the coordinates OGR itself reads back, hand-made blobs in the other byte order and with envelopes
// decode too, and damaged blobs are a RowError, never a read past their end.
#include <gtest/gtest.h>

#include <bit>
#include <gdal_priv.h>
#include <ogrsf_frmts.h>

#include "engine/errors.hpp"
#include "layers/source/gdal_source.hpp"
#include "layers/gpkg/gpkg_table.hpp"
#include "layers/layers_test_util.hpp"

namespace onregel {
namespace {

const char* const geometries[] = {
    "POINT (155000.5 463000.25)",
    "POINT Z (155001 463001 7)",
    "POINT EMPTY",
    "POLYGON ((0 0,10 0,10 10,0 10,0 0),(2 2,3 2,3 3,2 2))",
    "POLYGON ZM ((1 1 5 9,4 1 5 9,4 4 5 9,1 1 5 9))",
    "MULTIPOLYGON (((20 20,30 20,30 30,20 20)),((40 40,50 40,50 50,40 40)))",
    "POLYGON EMPTY",
    "LINESTRING (0 0,1 1)",
    "",  // no geometry: NULL
};

// A GeoPackage written by GDAL with one row per entry of `geometries`: naam = its WKT, n = its index.
std::string written_by_gdal() {
    register_gdal_once();
    const auto path = (test::scratch_dir("gpkg_table") / "vormen.gpkg").string();
    std::filesystem::remove(path);
    DatasetPtr dataset{GetGDALDriverManager()->GetDriverByName("GPKG")->Create(path.c_str(), 0, 0, 0, GDT_Unknown, nullptr)};
    OGRSpatialReference rd;
    rd.importFromEPSG(28992);
    OGRLayer* layer = dataset->CreateLayer("vormen", &rd, wkbUnknown, nullptr);
    OGRFieldDefn naam("naam", OFTString), n("n", OFTInteger);
    layer->CreateField(&naam);
    layer->CreateField(&n);
    for (int i = 0; i < static_cast<int>(std::size(geometries)); ++i) {
        FeaturePtr f{OGRFeature::CreateFeature(layer->GetLayerDefn())};
        f->SetField("naam", geometries[i]);
        f->SetField("n", i);
        if (*geometries[i]) {
            OGRGeometry* g = nullptr;
            EXPECT_EQ(OGRGeometryFactory::createFromWkt(geometries[i], nullptr, &g), OGRERR_NONE) << geometries[i];
            f->SetGeometryDirectly(g);
        }
        EXPECT_EQ(layer->CreateFeature(f.get()), OGRERR_NONE);
    }
    return path;
}

std::vector<Point> ring_of(const OGRPolygon* polygon) {
    std::vector<Point> ring;
    if (!polygon || polygon->IsEmpty()) return ring;
    const auto* exterior = polygon->getExteriorRing();
    for (int k = 0; k < exterior->getNumPoints(); ++k) ring.push_back({exterior->getX(k), exterior->getY(k)});
    return ring;
}

bool same(const std::vector<Point>& a, const std::vector<Point>& b) {
    return std::equal(a.begin(), a.end(), b.begin(), b.end(), [](Point p, Point q) { return p.x == q.x && p.y == q.y; });
}

TEST(GpkgTable, DecodesEveryGeometryAsOgrReadsIt) {
    const auto path = written_by_gdal();
    GpkgTable table(path, "vormen", "fid", {"naam", "n", "geom"}, "", 1, 100);
    auto dataset = open_vector(path);
    OGRLayer& layer = pick_layer(*dataset, "vormen", path);
    int rows = 0;
    while (table.next()) {
        const FeaturePtr f{layer.GetFeature(table.fid())};
        ASSERT_TRUE(f);
        const std::string wkt(table.text(0));
        EXPECT_EQ(wkt, f->GetFieldAsString("naam"));
        EXPECT_EQ(table.integer(1), rows);
        const auto blob = table.blob(2);
        const OGRGeometry* g = f->GetGeometryRef();
        const auto type = g ? wkbFlatten(g->getGeometryType()) : wkbNone;
        if (type == wkbPoint) {
            const auto p = gpkg_point(blob);
            if (g->IsEmpty()) {
                EXPECT_FALSE(p) << wkt;
            } else {
                ASSERT_TRUE(p) << wkt;
                EXPECT_EQ(p->x, g->toPoint()->getX()) << wkt;
                EXPECT_EQ(p->y, g->toPoint()->getY()) << wkt;
            }
        } else if (type == wkbPolygon || type == wkbMultiPolygon) {
            const auto* polygon = type == wkbPolygon ? g->toPolygon()
                                  : g->IsEmpty()     ? nullptr
                                                     : g->toMultiPolygon()->getGeometryRef(0);
            const auto expected = ring_of(polygon);
            const auto ring = gpkg_outer_ring(blob);
            EXPECT_TRUE(same(ring, expected)) << wkt << ": " << ring.size() << " points";
            if (!g->IsEmpty()) {
                EXPECT_THROW(gpkg_point(blob), RowError) << wkt << ": a polygon is no point";
            }
        } else if (g) {
            EXPECT_TRUE(gpkg_outer_ring(blob).empty()) << wkt;
        } else {
            EXPECT_TRUE(blob.empty());
            EXPECT_FALSE(gpkg_point(blob));
        }
        ++rows;
    }
    EXPECT_EQ(rows, static_cast<int>(std::size(geometries)));
}

TEST(GpkgTable, SelectsTheFidRangeAndTheFilterInFidOrder) {
    const auto path = written_by_gdal();
    GpkgTable table(path, "vormen", "fid", {"n", "naam"}, "n % 2 = 0", 2, 7);
    std::vector<std::int64_t> fids;
    while (table.next()) {
        fids.push_back(table.fid());
        EXPECT_EQ(table.text(0), std::to_string(table.fid() - 1)) << "an INTEGER column read as text";
        EXPECT_FALSE(table.integer(1)) << "a TEXT column is no integer";
    }
    EXPECT_EQ(fids, (std::vector<std::int64_t>{3, 5, 7}));
}

TEST(GpkgTable, NamesTheFileAndTableItCannotRead) {
    const auto path = written_by_gdal();
    try {
        GpkgTable table(path, "bestaat_niet", "fid", {"geom"}, "", 1, 1);
        FAIL() << "no error";
    } catch (const input_error& e) {
        EXPECT_NE(std::string(e.what()).find(path), std::string::npos) << e.what();
        EXPECT_NE(std::string(e.what()).find("bestaat_niet"), std::string::npos) << e.what();
    }
}

// Hand-made blobs: what GDAL does not write but the GeoPackage standard allows, and damage.
std::vector<unsigned char> bytes(std::initializer_list<int> values) { return {values.begin(), values.end()}; }
void append_double_be(std::vector<unsigned char>& out, double value) {
    const auto bits = std::bit_cast<std::uint64_t>(value);
    for (int i = 7; i >= 0; --i) out.push_back(static_cast<unsigned char>(bits >> (8 * i)));
}

TEST(GpkgTable, BigEndianBlobsWithAnEnvelope) {
    // Header: GP, version 0, flags 0b010 (big-endian, 32-byte xy envelope), srs_id 28992.
    auto blob = bytes({'G', 'P', 0, 0x02, 0x00, 0x00, 0x71, 0x40});
    for (double v : {155000.0, 155000.0, 463000.0, 463000.0}) append_double_be(blob, v);
    const auto point_header = bytes({0x00, 0x00, 0x00, 0x00, 0x01});  // big-endian WKB point
    blob.insert(blob.end(), point_header.begin(), point_header.end());
    append_double_be(blob, 155000.0);
    append_double_be(blob, 463000.0);
    const auto p = gpkg_point(blob);
    ASSERT_TRUE(p);
    EXPECT_EQ(p->x, 155000.0);
    EXPECT_EQ(p->y, 463000.0);

    // The empty flag: no WKB needed.
    EXPECT_FALSE(gpkg_point(bytes({'G', 'P', 0, 0x11, 0, 0, 0, 0})));
}

TEST(GpkgTable, DamagedBlobsAreARowError) {
    auto valid = bytes({'G', 'P', 0, 0x01, 0x40, 0x71, 0, 0, 0x01, 0x03, 0, 0, 0, 0x01, 0, 0, 0, 0x04, 0, 0, 0});
    for (int i = 0; i < 4 * 16; ++i) valid.push_back(0);  // 4 points at 0 0
    EXPECT_EQ(gpkg_outer_ring(valid).size(), 4u);
    for (std::size_t cut = 0; cut < valid.size(); ++cut) {
        const std::vector<unsigned char> truncated(valid.begin(), valid.begin() + static_cast<std::ptrdiff_t>(cut));
        if (cut == 0) EXPECT_TRUE(gpkg_outer_ring(truncated).empty()) << "no bytes: no geometry";
        else EXPECT_THROW(gpkg_outer_ring(truncated), RowError) << cut << " bytes";
    }
    auto huge_ring = valid;
    huge_ring[17] = 0xff, huge_ring[18] = 0xff, huge_ring[19] = 0xff, huge_ring[20] = 0x7f;
    EXPECT_THROW(gpkg_outer_ring(huge_ring), RowError) << "more points than the blob holds";
    auto not_gp = valid;
    not_gp[0] = 'X';
    EXPECT_THROW(gpkg_outer_ring(not_gp), RowError);
    auto extended = valid;
    extended[3] |= 0x20;
    EXPECT_THROW(gpkg_outer_ring(extended), RowError) << "an extended GeoPackage geometry";
    auto bad_envelope = valid;
    bad_envelope[3] |= 0x0e;  // envelope code 7
    EXPECT_THROW(gpkg_outer_ring(bad_envelope), RowError);
}

}  // namespace
}  // namespace onregel
