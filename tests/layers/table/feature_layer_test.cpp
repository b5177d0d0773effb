// Layers written a block at a time: every block size gives the bytes of one whole block (GeoJSON,
// CSV, GeoPackage), made rows are made once each and in order, and a streamed file that fails
// half-way is not left behind.
#include <atomic>
#include <filesystem>
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "layers/source/crs.hpp"
#include "layers/table/feature_table.hpp"
#include "layers/store/files.hpp"
#include "layers/gpkg/gpkg_writer.hpp"
#include "layers/layers_test_util.hpp"

namespace onregel {
namespace {

// Points with nulls, lists and rows without geometry: every kind of cell crosses a block edge.
FeatureTable sample_table(std::size_t n) {
    using T = ColumnType;
    FeatureTable table{"punten", GeometryType::point,
                       {{"nr", T::integer}, {"naam", T::text}, {"waarde", T::real, 2}, {"labels", T::text_list}},
                       {}};
    for (std::size_t i = 0; i < n; ++i) {
        std::vector<Point> shape;
        if (i % 7 != 3) shape = {{120000.0 + 3.7 * static_cast<double>(i), 480000.0 - 1.3 * static_cast<double>(i)}};
        Cell waarde;
        if (i % 5 != 1) waarde = 0.25 * static_cast<double>(i);
        table.rows.push_back({std::move(shape), make_cells(std::int64_t(i), "punt " + std::to_string(i), std::move(waarde),
                                                           std::vector<std::string>(i % 3, "x" + std::to_string(i)))});
    }
    return table;
}

// The rows of `table`, made on demand `block_rows` at a time, as a generated layer would be.
FeatureLayer made_from(const FeatureTable& table, std::size_t block_rows) {
    return {table.name, table.geometry, table.columns, table.rows.size(),
            [&table](std::size_t r) { return table.rows[r]; }, block_rows};
}

TEST(FeatureLayer, BlocksCoverEveryRowOnceInOrder) {
    const auto table = sample_table(10);
    std::vector<std::atomic<int>> made(10);
    const FeatureLayer layer{table.name, table.geometry, table.columns, 10,
                             [&](std::size_t r) {
                                 ++made[r];
                                 return table.rows[r];
                             },
                             4};
    std::vector<std::pair<std::size_t, std::size_t>> blocks;
    std::vector<std::int64_t> numbers;
    layer.for_each_block([&](std::size_t first, std::span<const FeatureRow> rows) {
        blocks.emplace_back(first, rows.size());
        for (const auto& row : rows) numbers.push_back(std::get<std::int64_t>(row.cells[0]));
    });
    EXPECT_EQ(blocks, (std::vector<std::pair<std::size_t, std::size_t>>{{0, 4}, {4, 4}, {8, 2}}));
    EXPECT_EQ(numbers, (std::vector<std::int64_t>{0, 1, 2, 3, 4, 5, 6, 7, 8, 9}));
    for (std::size_t r = 0; r < made.size(); ++r) EXPECT_EQ(made[r], 1) << r;
}

TEST(FeatureLayer, EmptyLayerVisitsNothingAndWritesAnEmptyCollection) {
    const auto table = sample_table(0);
    const FeatureLayer layer{table.name, table.geometry, table.columns, 0,
                             [](std::size_t) -> FeatureRow { throw std::logic_error("no row to make"); }, 3};
    int blocks = 0;
    layer.for_each_block([&](std::size_t, std::span<const FeatureRow>) { ++blocks; });
    EXPECT_EQ(blocks, 0);
    EXPECT_EQ(feature_table_geojson(layer, RdToWgs84()), "{\"type\":\"FeatureCollection\",\"features\":[]}\n");
    EXPECT_EQ(feature_table_csv(layer, true), "nr,naam,waarde,labels,x,y\n");
    EXPECT_TRUE(first_rows(layer, 5).rows.empty());
}

TEST(FeatureLayer, AnyBlockSizeGivesTheBytesOfOneBlock) {
    const RdToWgs84 to_wgs84;
    const auto table = sample_table(23);
    const auto geojson = feature_table_geojson(FeatureLayer(table, 23), to_wgs84);
    const auto csv = feature_table_csv(FeatureLayer(table, 23), true);
    const auto dir = test::scratch_dir("feature-layer-blocks");
    // 1 and 4 do not divide 23; 23 is one block exactly, 64 one block with room to spare.
    for (std::size_t block : {1, 4, 23, 64}) {
        EXPECT_EQ(feature_table_geojson(FeatureLayer(table, block), to_wgs84), geojson) << block;
        EXPECT_EQ(feature_table_geojson(made_from(table, block), to_wgs84), geojson) << block;
        EXPECT_EQ(feature_table_csv(made_from(table, block), true), csv) << block;
        const auto path = dir / ("blocks-" + std::to_string(block) + ".geojson");
        write_geojson(path, made_from(table, block), to_wgs84);
        EXPECT_EQ(read_text_file(path), geojson) << block;
        EXPECT_EQ(std::filesystem::status(path).permissions(),
                  std::filesystem::perms::owner_read | std::filesystem::perms::owner_write);
    }
}

TEST(FeatureLayer, FirstRowsMakesTheTopOnly) {
    const auto table = sample_table(9);
    std::atomic<int> made = 0;
    const FeatureLayer layer{table.name, table.geometry, table.columns, 9,
                             [&](std::size_t r) {
                                 ++made;
                                 return table.rows[r];
                             },
                             4};
    const auto top = first_rows(layer, 2);
    EXPECT_EQ(made, 2);
    ASSERT_EQ(top.rows.size(), 2u);
    EXPECT_EQ(top.name, "punten");
    EXPECT_EQ(std::get<std::string>(top.rows[1].cells[1]), "punt 1");
    EXPECT_EQ(first_rows(table, 100).rows.size(), 9u);
}

TEST(WriteGeojson, AFailureHalfWayLeavesNoFile) {
    const auto table = sample_table(40);
    const FeatureLayer layer{table.name, table.geometry, table.columns, 40,
                             [&](std::size_t r) {
                                 if (r == 30) throw std::runtime_error("row 30 cannot be made");
                                 return table.rows[r];
                             },
                             8};
    const auto path = test::scratch_dir("feature-layer-failure") / "half.geojson";
    EXPECT_THROW(write_geojson(path, layer, RdToWgs84()), std::runtime_error);
    EXPECT_FALSE(std::filesystem::exists(path));
}

// A layer made in blocks gives the very GeoPackage of the same rows held whole, and GDAL reads every
// row of it back with its values.
TEST(WriteGpkg, MadeInBlocksGivesTheFileOfTheWholeTable) {
    const auto dir = test::scratch_dir("gpkg-blocks");
    const auto table = sample_table(2500);
    write_gpkg(dir / "whole.gpkg", {table}, {}, "2025-01-01T00:00:00.000Z");
    write_gpkg(dir / "blocks.gpkg", {made_from(table, 333)}, {}, "2025-01-01T00:00:00.000Z");
    EXPECT_EQ(read_text_file(dir / "blocks.gpkg"), read_text_file(dir / "whole.gpkg"));
    // The spatial index holds every row with a point, under that row's fid, with a box around it: the
    // rows go in many to a statement and their fids are counted from the first.
    const auto blocks = test::quoted((dir / "blocks.gpkg").string());
    std::size_t with_point = 0;
    for (const auto& row : table.rows) with_point += !row.shape.empty();
    const auto indexed = test::command_output("ogrinfo " + blocks + " -sql \"SELECT COUNT(*) AS n FROM rtree_punten_geom\"");
    EXPECT_NE(indexed.find("n (Integer) = " + std::to_string(with_point)), std::string::npos) << indexed;
    const auto misplaced = test::command_output(
        "ogrinfo " + blocks + " -sql \"SELECT COUNT(*) AS n FROM rtree_punten_geom r LEFT JOIN punten p ON p.fid = r.id "
        "WHERE p.geom IS NULL OR ST_MinX(p.geom) NOT BETWEEN r.minx AND r.maxx OR ST_MinY(p.geom) NOT BETWEEN r.miny AND r.maxy\"");
    EXPECT_NE(misplaced.find("n (Integer) = 0"), std::string::npos) << misplaced;

    const auto json = nlohmann::json::parse(test::command_output(
        "(ogr2ogr -f GeoJSON /vsistdout/ " + test::quoted((dir / "blocks.gpkg").string()) + " punten 2>/dev/null)"));
    const auto& features = json["features"];
    ASSERT_EQ(features.size(), table.rows.size());
    for (std::size_t r = 0; r < table.rows.size(); ++r) {
        const auto& row = table.rows[r];
        const auto& f = features[r];
        EXPECT_EQ(f["properties"]["nr"], r);
        EXPECT_EQ(f["properties"]["naam"], "punt " + std::to_string(r));
        if (const auto* waarde = std::get_if<double>(&row.cells[2])) EXPECT_EQ(f["properties"]["waarde"], *waarde) << r;
        else EXPECT_TRUE(f["properties"]["waarde"].is_null()) << r;
        EXPECT_EQ(f["properties"]["labels"], cell_text(table.columns[3], row.cells[3])) << r;
        if (row.shape.empty()) {
            EXPECT_TRUE(f["geometry"].is_null()) << r;
        } else {
            EXPECT_NEAR(f["geometry"]["coordinates"][0].get<double>(), row.shape[0].x, 1e-6) << r;
            EXPECT_NEAR(f["geometry"]["coordinates"][1].get<double>(), row.shape[0].y, 1e-6) << r;
        }
    }
}

TEST(WriteGpkg, AMadeIntegerBeyond32BitsIsRefused) {
    FeatureTable table{"groot", GeometryType::point, {{"n", ColumnType::integer}}, {}};
    table.rows.push_back({{{120000, 480000}}, make_cells(std::int64_t(1) << 40)});
    const auto path = test::scratch_dir("gpkg-wide") / "groot.gpkg";
    EXPECT_THROW(write_gpkg(path, {made_from(table, 10)}, {}, "2025-01-01T00:00:00.000Z"), std::logic_error);
    write_gpkg(path.parent_path() / "stored.gpkg", {table}, {}, "2025-01-01T00:00:00.000Z");  // a stored table widens the field
    const auto info = test::command_output("ogrinfo -al -so " + test::quoted((path.parent_path() / "stored.gpkg").string()));
    EXPECT_NE(info.find("n: Integer64 (0.0)"), std::string::npos) << info;
}

}  // namespace
}  // namespace onregel
