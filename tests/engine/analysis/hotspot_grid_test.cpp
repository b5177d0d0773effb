#include "engine/analysis/hotspot_grid.hpp"

#include <cmath>
#include <random>

#include <gtest/gtest.h>
#include <tbb/global_control.h>

#include "engine/errors.hpp"

namespace onregel {
namespace {

// A 20 x 20 block town of 100 m cells, one verblijfsobject per cell, with ten meldingen in each of the
// nine cells around cell (105, 205) and one stray melding far from it.
struct Town {
    std::vector<Point> vbos, meldingen;
};

Town hand_built_town() {
    Town town;
    for (int row = 200; row < 220; ++row)
        for (int column = 100; column < 120; ++column) town.vbos.push_back({column * 100.0 + 30, row * 100.0 + 70});
    for (int row = 204; row <= 206; ++row)
        for (int column = 104; column <= 106; ++column)
            for (int k = 0; k < 10; ++k) town.meldingen.push_back({column * 100.0 + 5 + 9 * k, row * 100.0 + 50});
    town.meldingen.push_back({11750, 21850});  // cell (117, 218)
    return town;
}

TEST(HotspotGrid, ClusterIsHotAndTheRestNeutral) {
    const auto town = hand_built_town();
    const auto grid = grid_hotspots(town.vbos, town.meldingen, {}, 100, 300);
    ASSERT_EQ(grid.cells.size(), 400u);
    for (std::size_t i = 1; i < grid.cells.size(); ++i) {
        const auto& a = grid.cells[i - 1];
        const auto& b = grid.cells[i];
        EXPECT_TRUE(a.row < b.row || (a.row == b.row && a.column < b.column));
    }
    double events = 0;
    for (const auto& c : grid.cells) {
        events += c.count;
        EXPECT_EQ(c.centre.x, (c.column + 0.5) * 100);
        EXPECT_EQ(c.centre.y, (c.row + 0.5) * 100);
        const bool in_cluster = std::abs(c.column - 105) <= 1 && std::abs(c.row - 205) <= 1;
        EXPECT_EQ(c.count, in_cluster ? 10 : (c.column == 117 && c.row == 218));
        // Nearest cluster cell, in cells: beyond 3 cells (300 m) no cluster cell is a neighbour.
        const auto dc = std::max<std::int64_t>(0, std::abs(c.column - 105) - 1);
        const auto dr = std::max<std::int64_t>(0, std::abs(c.row - 205) - 1);
        if (in_cluster) {
            EXPECT_EQ(c.klasse, 3) << c.column << "," << c.row;
            EXPECT_GT(c.z, 5);
        } else if (dc * dc + dr * dr > 9) {
            EXPECT_EQ(c.klasse, 0) << c.column << "," << c.row;
        }
        EXPECT_GE(c.klasse, 0) << c.column << "," << c.row;
    }
    EXPECT_EQ(events, 91);
}

TEST(HotspotGrid, StudyAreaAndFind) {
    const auto town = hand_built_town();
    auto meldingen = town.meldingen;
    meldingen.push_back({50000, 50000});  // outside every verblijfsobject cell: still in the study area
    const std::vector<double> weights(meldingen.size(), 0.5);
    const auto grid = grid_hotspots(town.vbos, meldingen, weights, 100, 300);
    ASSERT_EQ(grid.cells.size(), 401u);
    const auto far = grid.find({50099.9, 50000});
    ASSERT_GE(far, 0);
    EXPECT_EQ(grid.cells[static_cast<std::size_t>(far)].count, 0.5);
    EXPECT_EQ(grid.cells[static_cast<std::size_t>(far)].column, 500);
    const auto hot = grid.find({10550, 20550});
    ASSERT_GE(hot, 0);
    EXPECT_EQ(grid.cells[static_cast<std::size_t>(hot)].count, 5);
    EXPECT_EQ(grid.find({10550, 19999}), -1);  // row 199: no verblijfsobject, no melding
    EXPECT_EQ(HotspotGrid{}.find({0, 0}), -1);
    EXPECT_THROW(grid_hotspots(town.vbos, meldingen, {}, 0, 300), config_error);
    EXPECT_THROW(grid_hotspots(town.vbos, meldingen, {}, 100, 0), config_error);
}

// find() through its hash table says what a search of the sorted cells says, for points in and out of
// the study area, on both sides of zero and after the cells were indexed again.
TEST(HotspotGrid, FindAgreesWithTheSortedCells) {
    std::mt19937_64 random(5);
    std::uniform_real_distribution<double> coordinate(-20000, 20000);
    std::vector<Point> vbos(50000), probes(100000);
    for (auto& p : vbos) p = {coordinate(random), coordinate(random)};
    for (auto& p : probes) p = {coordinate(random), coordinate(random)};
    auto grid = grid_hotspots(vbos, std::span(vbos).first(100), {}, 100, 300);
    const auto search = [&](Point p) -> std::int32_t {
        const std::pair<std::int64_t, std::int64_t> key{static_cast<std::int64_t>(std::floor(p.y / 100)),
                                                        static_cast<std::int64_t>(std::floor(p.x / 100))};
        for (std::size_t i = 0; i < grid.cells.size(); ++i)
            if (std::pair(grid.cells[i].row, grid.cells[i].column) == key) return static_cast<std::int32_t>(i);
        return -1;
    };
    int found = 0, missing = 0;
    for (std::size_t k = 0; k < 2000; ++k) {
        const auto& p = k % 2 ? vbos[k] : probes[k];
        const auto expected = search(p);
        ASSERT_EQ(grid.find(p), expected) << p.x << "," << p.y;
        (expected >= 0 ? found : missing) += 1;
    }
    EXPECT_GT(found, 1000);
    EXPECT_GT(missing, 100);
    grid.cells.resize(grid.cells.size() / 2);
    grid.index_cells();
    for (std::size_t k = 0; k < 2000; ++k) ASSERT_EQ(grid.find(vbos[k]), search(vbos[k])) << k;
}

// Large enough (about 90 000 cells) that the Gi* neighbour queries really run on several threads.
TEST(HotspotGrid, SameResultForAnyThreadCount) {
    std::mt19937_64 random(3);
    std::uniform_real_distribution<double> coordinate(100000, 130000);
    std::normal_distribution<double> near_centre(115000, 800);
    std::vector<Point> vbos(200000), meldingen(30000);
    for (auto& p : vbos) p = {coordinate(random), coordinate(random)};
    for (auto& p : meldingen) p = {near_centre(random), near_centre(random)};
    HotspotGrid serial;
    {
        tbb::global_control one(tbb::global_control::max_allowed_parallelism, 1);
        serial = grid_hotspots(vbos, meldingen, {}, 100, 300);
    }
    const auto parallel = grid_hotspots(vbos, meldingen, {}, 100, 300);
    ASSERT_EQ(serial.cells.size(), parallel.cells.size());
    int hot = 0;
    for (std::size_t i = 0; i < serial.cells.size(); ++i) {
        ASSERT_EQ(serial.cells[i].z, parallel.cells[i].z) << i;
        ASSERT_EQ(serial.cells[i].p, parallel.cells[i].p) << i;
        ASSERT_EQ(serial.cells[i].klasse, parallel.cells[i].klasse) << i;
        hot += serial.cells[i].klasse == 3;
    }
    EXPECT_GT(hot, 100);
}

}  // namespace
}  // namespace onregel
