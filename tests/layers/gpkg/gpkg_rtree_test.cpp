// The bulk-loaded GeoPackage R-tree: SQLite's own checker accepts it, window queries through it find
// exactly the features inside, and it stays correct when GDAL edits the table afterwards.
#include <gtest/gtest.h>

#include <memory>
#include <random>
#include <set>
#include <sqlite3.h>

#include "layers/gpkg/gpkg_writer.hpp"
#include "layers/layers_test_util.hpp"

namespace onregel {
namespace {

using Database = std::unique_ptr<sqlite3, decltype(&sqlite3_close)>;

Database open(const std::filesystem::path& path) {
    sqlite3* handle = nullptr;
    EXPECT_EQ(sqlite3_open_v2(path.c_str(), &handle, SQLITE_OPEN_READONLY, nullptr), SQLITE_OK);
    return {handle, &sqlite3_close};
}

// The first column of every row of `sql`, as text.
std::vector<std::string> column(sqlite3* db, const std::string& sql) {
    sqlite3_stmt* statement = nullptr;
    EXPECT_EQ(sqlite3_prepare_v2(db, sql.c_str(), -1, &statement, nullptr), SQLITE_OK) << sqlite3_errmsg(db);
    std::vector<std::string> values;
    while (sqlite3_step(statement) == SQLITE_ROW)
        values.emplace_back(reinterpret_cast<const char*>(sqlite3_column_text(statement, 0)));
    sqlite3_finalize(statement);
    return values;
}

// Points 0.3 m off whole metres: not exact in the index's 32-bit floats, yet no window with whole-metre
// edges is within their rounding of one.
FeatureTable random_points(int n, unsigned seed) {
    FeatureTable table{"punten", GeometryType::point, {{"nr", ColumnType::integer}}, {}};
    std::mt19937 random(seed);
    std::uniform_int_distribution<int> x(100000, 102000), y(450000, 451000);
    for (int i = 0; i < n; ++i) table.rows.push_back({{{x(random) + 0.3, y(random) + 0.3}}, make_cells(std::int64_t{i})});
    return table;
}

class BulkRtree : public ::testing::TestWithParam<int> {};

TEST_P(BulkRtree, SqliteAcceptsItAndWindowsFindExactlyTheFeaturesInside) {
    const int n = GetParam();
    const auto path = test::scratch_dir("rtree-" + std::to_string(n)) / "uit.gpkg";
    const auto points = random_points(n, static_cast<unsigned>(n));
    FeatureTable vlakken{"vlakken", GeometryType::polygon, {{"nr", ColumnType::integer}}, {}};
    for (int i = 0; i < n / 10; ++i)
        vlakken.rows.push_back({square_ring(100000 + 7 * i, 450000 + 3 * (i % 50), 5), make_cells(std::int64_t{i})});
    vlakken.rows.push_back({{}, make_cells(std::int64_t{-1})});  // no geometry: not in the index
    // The points in blocks of 997 rows: the boxes of every block reach the index.
    write_gpkg(path, {FeatureLayer(points, 997), vlakken}, {}, "2025-01-01T00:00:00.000Z");

    const auto db = open(path);
    for (const char* rtree : {"rtree_punten_geom", "rtree_vlakken_geom"})
        EXPECT_EQ(column(db.get(), std::string("SELECT rtreecheck('") + rtree + "')"), std::vector<std::string>{"ok"}) << rtree;
    EXPECT_EQ(column(db.get(), "SELECT COUNT(*) FROM rtree_punten_geom"), std::vector<std::string>{std::to_string(n)});
    EXPECT_EQ(column(db.get(), "SELECT COUNT(*) FROM rtree_vlakken_geom"), std::vector<std::string>{std::to_string(n / 10)});
    EXPECT_EQ(column(db.get(), "SELECT table_name FROM gpkg_extensions WHERE extension_name = 'gpkg_rtree_index' ORDER BY 1"),
              (std::vector<std::string>{"punten", "vlakken"}));
    EXPECT_EQ(column(db.get(), "SELECT COUNT(*) FROM sqlite_master WHERE type = 'trigger' AND name LIKE 'rtree_punten_geom_%'"),
              std::vector<std::string>{"6"});

    // Every box contains its feature: minima rounded down, maxima up (GDAL provides the ST_ functions).
    for (const char* layer : {"punten", "vlakken"}) {
        const std::string sql = std::string("SELECT COUNT(*) AS outside FROM ") + layer + " t JOIN rtree_" + layer +
                                "_geom r ON r.id = t.fid WHERE r.minx > ST_MinX(t.geom) OR r.maxx < ST_MaxX(t.geom) OR "
                                "r.miny > ST_MinY(t.geom) OR r.maxy < ST_MaxY(t.geom)";
        const auto output = test::command_output("ogrinfo -q " + test::quoted(path.string()) + " -sql \"" + sql + "\"");
        EXPECT_NE(output.find("outside (Integer) = 0"), std::string::npos) << layer << ": " << output;
    }

    std::mt19937 random(7);
    std::uniform_int_distribution<int> x(99900, 102100), y(449900, 451100), size(1, 400);
    for (int window = 0; window < 30; ++window) {
        const int x0 = x(random), y0 = y(random), x1 = x0 + size(random), y1 = y0 + size(random);
        std::set<std::string> expected;
        for (std::size_t i = 0; i < points.rows.size(); ++i) {
            const auto& p = points.rows[i].shape.front();
            if (p.x >= x0 && p.x <= x1 && p.y >= y0 && p.y <= y1) expected.insert(std::to_string(i + 1));
        }
        const auto found = column(db.get(), "SELECT id FROM rtree_punten_geom WHERE maxx >= " + std::to_string(x0) +
                                                " AND minx <= " + std::to_string(x1) + " AND maxy >= " + std::to_string(y0) +
                                                " AND miny <= " + std::to_string(y1));
        EXPECT_EQ(std::set<std::string>(found.begin(), found.end()), expected) << "window " << window;
    }
}

INSTANTIATE_TEST_SUITE_P(Sizes, BulkRtree, ::testing::Values(0, 1, 51, 52, 2602, 30000));

TEST(BulkRtree, GdalEditsAfterwardsKeepTheIndexInStep) {
    const auto dir = test::scratch_dir("rtree-edit");
    const auto path = dir / "uit.gpkg";
    const auto points = random_points(5000, 3);
    write_gpkg(path, {points}, {}, "2025-01-01T00:00:00.000Z");
    const auto copy = dir / "kopie.gpkg";
    std::filesystem::copy_file(path, copy);
    const auto gpkg = test::quoted(path.string());
    // Through GDAL, which provides the ST_ functions the triggers call.
    ASSERT_EQ(std::system(("ogrinfo -q " + gpkg + " -sql \"DELETE FROM punten WHERE fid <= 100\" > /dev/null").c_str()), 0);
    ASSERT_EQ(std::system(("ogrinfo -q " + gpkg + " -sql \"UPDATE punten SET geom = (SELECT geom FROM punten WHERE fid = 200)"
                           " WHERE fid = 300\" > /dev/null").c_str()),
              0);
    test::ogr2ogr("-append " + gpkg + " " + test::quoted(copy.string()) + " punten -nln punten");

    const auto db = open(path);
    EXPECT_EQ(column(db.get(), "SELECT rtreecheck('rtree_punten_geom')"), std::vector<std::string>{"ok"});
    EXPECT_EQ(column(db.get(), "SELECT COUNT(*) FROM rtree_punten_geom"), std::vector<std::string>{"9900"});
    EXPECT_EQ(column(db.get(), "SELECT COUNT(*) FROM rtree_punten_geom r JOIN punten p ON p.fid = r.id"),
              std::vector<std::string>{"9900"});
    EXPECT_EQ(column(db.get(), "SELECT minx = (SELECT minx FROM rtree_punten_geom WHERE id = 200) FROM rtree_punten_geom "
                               "WHERE id = 300"),
              std::vector<std::string>{"1"});
}

}  // namespace
}  // namespace onregel
