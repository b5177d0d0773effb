// The output side: the batch RD -> WGS84 transform, GeoJSON in blocks, the JSON writer's numbers and
// strings, what the viewer carries (top of the ranking, panden nearby, simplified outlines) and the
// GeoPackage as GDAL's own tools read it back.
#include <algorithm>
#include <nlohmann/json.hpp>
#include <numeric>
#include <string>
#include <tbb/global_control.h>
#include <vector>

#include <gtest/gtest.h>

#include "layers/source/crs.hpp"
#include "layers/table/feature_table.hpp"
#include "layers/gpkg/gpkg_writer.hpp"
#include "layers/table/json_writer.hpp"
#include "app/run/outputs.hpp"
#include "layers/layers_test_util.hpp"

namespace onregel {
namespace {

std::vector<Point> square(double x0, double y0, double size) { return square_ring(x0, y0, size); }

FeatureTable point_table(std::size_t n) {
    FeatureTable table{"punten", GeometryType::point, {{"nr", ColumnType::integer}, {"naam", ColumnType::text}}, {}};
    for (std::size_t i = 0; i < n; ++i)
        table.rows.push_back({{{120000.0 + 3.7 * static_cast<double>(i), 480000.0 - 1.3 * static_cast<double>(i)}},
                              {std::int64_t(i), "punt \"" + std::to_string(i) + "\""}});
    return table;
}

TEST(RdToWgs84, BatchGivesTheSameCoordinatesAsOnePointAtATime) {
    const RdToWgs84 to_wgs84;
    std::vector<Point> points;
    for (double x = 10000; x < 280000; x += 13537.3)
        for (double y = 300000; y < 620000; y += 17011.9) points.push_back({x, y});
    std::vector<LonLat> batch(points.size());
    to_wgs84.transform(points, batch);
    for (std::size_t i = 0; i < points.size(); ++i) {
        const auto one = to_wgs84(points[i]);
        EXPECT_EQ(one.lon, batch[i].lon) << i;  // bit for bit
        EXPECT_EQ(one.lat, batch[i].lat) << i;
    }
    // The origin of RD New, Onze Lieve Vrouwetoren in Amersfoort.
    const auto amersfoort = to_wgs84({155000, 463000});
    EXPECT_NEAR(amersfoort.lon, 5.38720, 1e-4);
    EXPECT_NEAR(amersfoort.lat, 52.15517, 1e-4);
    std::vector<LonLat> wrong(1);
    EXPECT_THROW(to_wgs84.transform(points, wrong), std::logic_error);
}

TEST(RdToWgs84, RepeatedPointsInAnyOrderGetTheirOwnCoordinates) {
    // The batch sends each distinct point through PROJ once: shuffled, repeated (a closed ring, shared
    // corners) and +0.0 beside -0.0, every point must still get what it gets alone.
    const RdToWgs84 to_wgs84;
    std::vector<Point> points;
    for (int k = 0; k < 40; ++k) {
        const double x = 150000 + 97.3 * ((k * 17) % 40), y = 460000 - 41.9 * ((k * 23) % 40);
        points.push_back({x, y});
        points.push_back({x + 5, y});
        points.push_back({x, y});  // again, as a ring's last point
    }
    points.push_back({0.0, 300000});
    points.push_back({-0.0, 300000});
    std::rotate(points.begin(), points.begin() + 7, points.end());
    std::vector<LonLat> batch(points.size());
    to_wgs84.transform(points, batch);
    for (std::size_t i = 0; i < points.size(); ++i) {
        const auto one = to_wgs84(points[i]);
        EXPECT_EQ(one.lon, batch[i].lon) << i;
        EXPECT_EQ(one.lat, batch[i].lat) << i;
    }
    EXPECT_NE(batch[0].lon, batch[1].lon);  // distinct points stay distinct
}

TEST(FeatureTableGeojson, PiecesAndBlocksKeepRowOrderForAnyThreadCount) {
    const RdToWgs84 to_wgs84;
    const auto table = point_table(70000);  // pieces of 512 rows in blocks of 32768: three blocks
    std::string one, two;
    {
        tbb::global_control limit(tbb::global_control::max_allowed_parallelism, 1);
        one = feature_table_geojson(table, to_wgs84);
    }
    {
        tbb::global_control limit(tbb::global_control::max_allowed_parallelism, 2);
        two = feature_table_geojson(table, to_wgs84);
    }
    EXPECT_EQ(one, two);
    const auto json = nlohmann::json::parse(one);
    ASSERT_EQ(json["features"].size(), table.rows.size());
    for (std::size_t i : {std::size_t{0}, std::size_t{511}, std::size_t{512}, std::size_t{32767}, std::size_t{32768}, std::size_t{69999}}) {
        const auto& f = json["features"][i];
        EXPECT_EQ(f["properties"]["nr"], i);
        EXPECT_EQ(f["properties"]["naam"], "punt \"" + std::to_string(i) + "\"");
        const auto expected = to_wgs84(table.rows[i].shape.front());
        EXPECT_NEAR(f["geometry"]["coordinates"][0].get<double>(), expected.lon, 5e-7);
        EXPECT_NEAR(f["geometry"]["coordinates"][1].get<double>(), expected.lat, 5e-7);
    }
    EXPECT_EQ(one.back(), '\n');
}

TEST(JsonWriter, NumbersAndStrings) {
    std::string out;
    JsonWriter json(out);
    json.begin_array()
        .value(-0.0000001, 6)
        .value(-0.0, 2)
        .value(-1.26, 1)
        .value(52.01358, 6)
        .value(1e300, 0)
        .value("a\"b\\c\n\t<\x01\x7f é")
        .end_array();
    EXPECT_EQ(out.substr(0, 37), "[0.000000,0.00,-1.3,52.013580,1000000");
    EXPECT_EQ(out.substr(out.find(",\"")), ",\"a\\\"b\\\\c\\n\\t\\u003c\\u0001\\u007f é\"]");
    EXPECT_EQ(nlohmann::json::parse(out)[5], "a\"b\\c\n\t<\x01\x7f é");
}

Town town_with_panden() {
    Town town;
    // Pand 0 at the origin; 1 and 2 just inside and outside 250 m of (0, 0) by their nearest corner;
    // 3 without an outline; 4 far away.
    town.panden.push_back({1, 1990, "", square(-5, -5, 10)});
    town.panden.push_back({2, 1990, "", square(249, -5, 10)});
    town.panden.push_back({3, 1990, "", square(251, -5, 10)});
    town.panden.push_back({4, 1990, "", {}});
    town.panden.push_back({5, 1990, "", square(5000, 5000, 10)});
    return town;
}

TEST(PandenNear, BoundingBoxWithinTheRadius) {
    const auto town = town_with_panden();
    const std::vector<Point> origin = {{0, 0}};
    EXPECT_EQ(panden_near(town, origin, 250), (std::vector<std::uint32_t>{0, 1}));
    const std::vector<Point> both = {{0, 0}, {5100, 5100}};
    EXPECT_EQ(panden_near(town, both, 250), (std::vector<std::uint32_t>{0, 1, 4}));
    EXPECT_TRUE(panden_near(town, {}, 250).empty());
}

TEST(ViewerSelection, TopOfTheRankingAndThePandenAroundItAndTheControles) {
    const auto town = town_with_panden();
    FeatureTable locaties{"locaties", GeometryType::point, {{"rank", ColumnType::integer}}, {}};
    locaties.rows.push_back({{{0, 0}}, {std::int64_t(1)}});
    locaties.rows.push_back({{{5005, 5005}}, {std::int64_t(2)}});
    FeatureTable controles{"controles", GeometryType::point, {{"controledag", ColumnType::integer}}, {}};

    auto shown = viewer_selection(town, locaties, controles, 1);
    EXPECT_EQ(shown.locaties, 1u);
    EXPECT_EQ(shown.panden, (std::vector<std::uint32_t>{0, 1}));
    shown = viewer_selection(town, locaties, controles, 2000);
    EXPECT_EQ(shown.locaties, 2u);
    EXPECT_EQ(shown.panden, (std::vector<std::uint32_t>{0, 1, 4}));
    controles.rows.push_back({{{260, 0}}, {std::int64_t(1)}});
    EXPECT_EQ(viewer_selection(town, locaties, controles, 1).panden, (std::vector<std::uint32_t>{0, 1, 2}));
}

TEST(PandenGeojson, SelectedOutlinesSimplifiedWithSixDecimals) {
    auto town = town_with_panden();
    town.panden[0].omtrek.insert(town.panden[0].omtrek.begin() + 1, {0, -5.2});  // within 0.5 m of the south side
    const RdToWgs84 to_wgs84;
    const std::vector<std::uint32_t> selection = {0, 3, 4};
    const auto text = panden_geojson(town, selection, to_wgs84);
    const auto json = nlohmann::json::parse(text);
    ASSERT_EQ(json["features"].size(), 2u);  // pand 3 has no outline
    EXPECT_EQ(json["features"][0]["properties"]["pand_id"], "0000000000000001");
    EXPECT_EQ(json["features"][0]["geometry"]["coordinates"][0].size(), 5u);
    EXPECT_EQ(json["features"][1]["properties"]["pand_id"], "0000000000000005");
    const auto first = text.find("[[[") + 3;
    const auto number = text.substr(first, text.find(',', first) - first);
    EXPECT_EQ(number.size() - number.find('.') - 1, 6u) << number;
    std::vector<std::uint32_t> all(town.panden.size());
    std::iota(all.begin(), all.end(), 0u);
    EXPECT_EQ(nlohmann::json::parse(panden_geojson(town, all, to_wgs84))["features"].size(), 4u);
}

TEST(WriteGpkg, GdalReadsTheLayersAndTheSpatialIndexBack) {
    const auto dir = test::scratch_dir("gpkg");
    const auto points = point_table(3000);
    // Integer columns are 32-bit unless a value needs more.
    FeatureTable vlakken{"vlakken", GeometryType::polygon, {{"naam", ColumnType::text}, {"groot", ColumnType::integer}}, {}};
    for (int i = 0; i < 10; ++i)
        vlakken.rows.push_back({square(120000 + 20 * i, 480000, 10), {"vlak " + std::to_string(i), std::int64_t(i) << 32}});
    const auto path = dir / "uit.gpkg";
    write_gpkg(path, {points, vlakken}, {}, "2025-01-01T00:00:00.000Z");

    const auto info = test::command_output("ogrinfo -al -so " + test::quoted(path.string()));
    EXPECT_NE(info.find("Layer name: punten"), std::string::npos) << info;
    EXPECT_NE(info.find("Feature Count: 3000"), std::string::npos) << info;
    EXPECT_NE(info.find("nr: Integer (0.0)"), std::string::npos) << info;
    EXPECT_NE(info.find("Layer name: vlakken"), std::string::npos) << info;
    EXPECT_NE(info.find("Feature Count: 10"), std::string::npos) << info;
    EXPECT_NE(info.find("groot: Integer64 (0.0)"), std::string::npos) << info;
    const auto big = test::command_output("ogrinfo " + test::quoted(path.string()) + " -sql \"SELECT MAX(groot) AS m FROM vlakken\"");
    EXPECT_NE(big.find("m (Integer64) = 38654705664"), std::string::npos) << big;
    // The R-tree is complete: a spatial filter through it finds exactly the features inside.
    const auto filtered = test::command_output("ogrinfo -so -spat 119999 479960 120100 480100 " + test::quoted(path.string()) + " punten");
    EXPECT_NE(filtered.find("Feature Count: 28"), std::string::npos) << filtered;
    const auto rtree = test::command_output("ogrinfo " + test::quoted(path.string()) + " -sql \"SELECT COUNT(*) AS n FROM rtree_punten_geom\"");
    EXPECT_NE(rtree.find("n (Integer) = 3000"), std::string::npos) << rtree;
    const auto check = test::command_output("ogrinfo " + test::quoted(path.string()) + " -sql \"PRAGMA integrity_check\"");
    EXPECT_NE(check.find("= ok"), std::string::npos) << check;
    // The rows go in below GDAL, straight through SQLite: GDAL's own GeoPackage validator accepts the
    // file, the extent is recorded, and GDAL's feature-count triggers are back in place for later edits.
    const auto valid = test::command_output("python3 /usr/lib/python3/dist-packages/osgeo_utils/samples/validate_gpkg.py " +
                                            test::quoted(path.string()) + " 2>&1; echo rc=$?");
    EXPECT_NE(valid.find("rc=0"), std::string::npos) << valid;
    EXPECT_NE(info.find("Extent: (120000.000000, 480000.000000) - (120190.000000, 480010.000000)"), std::string::npos) << info;
    test::command_output("ogrinfo -q " + test::quoted(path.string()) + " -sql \"DELETE FROM punten WHERE fid = 1\" 2>&1");
    const auto count = test::command_output("ogrinfo " + test::quoted(path.string()) +
                                            " -sql \"SELECT feature_count AS n FROM gpkg_ogr_contents WHERE table_name = 'punten'\"");
    EXPECT_NE(count.find("n (Integer64) = 2999"), std::string::npos) << count;
}

}  // namespace
}  // namespace onregel
