#include "engine/analysis/hotspot_grid.hpp"

#include <cmath>
#include <random>

#include <gtest/gtest.h>
#include <tbb/global_control.h>

#include "engine/analysis/tail_probability.hpp"
#include "engine/errors.hpp"
#include "engine/signals/meldingen_hotspot.hpp"

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

// The excess test's town: 10 x 10 cells of 100 m from (x0, 0), `per_cell` objects and `meldingen`
// meldingen in each, all of gemeente `code`.
struct ExposureTown {
    std::vector<Point> vbos, meldingen;
    std::vector<std::uint32_t> gemeente;

    void cell(double x, double y, int objects, int reports, std::uint32_t code) {
        for (int k = 0; k < objects; ++k) {
            vbos.push_back({x + 5 + (k % 9) * 10, y + 5 + (k / 9 % 9) * 10});
            gemeente.push_back(code);
        }
        for (int k = 0; k < reports; ++k) meldingen.push_back({x + 50 + (k % 40), y + 50});
    }
    void block(double x0, int per_cell, int reports, std::uint32_t code) {
        for (int row = 0; row < 10; ++row)
            for (int column = 0; column < 10; ++column) cell(x0 + column * 100, row * 100, per_cell, reports, code);
    }
    // Each melding from a source of its own.
    std::vector<std::uint64_t> sources() const {
        std::vector<std::uint64_t> out(meldingen.size());
        for (std::size_t i = 0; i < out.size(); ++i) out[i] = i;
        return out;
    }
    const HotspotCell& at(const HotspotGrid& grid, double x, double y) const {
        const auto c = grid.find({x, y});
        if (c < 0) throw std::out_of_range("no cell");
        return grid.cells[static_cast<std::size_t>(c)];
    }
};

// Meldingen dense where people live are no hot spot; more than the people explain is.
// The signal's defaults with some fields changed.
template <typename Change>
ExcessOptions defaults_with(Change change) {
    auto options = meldingen_hotspot_defaults();
    change(options);
    return options;
}

TEST(ExcessHotspots, ExcessOverExposureNotDensity) {
    ExposureTown town;
    for (int row = 0; row < 10; ++row)
        for (int column = 0; column < 10; ++column) {
            const bool dense = row == 2 && column == 2, hot = row == 5 && column == 5;
            town.cell(column * 100.0, row * 100.0, dense ? 200 : 20, dense ? 10 : hot ? 12 : 1, 353);
        }
    const auto grid = excess_hotspots(town.vbos, town.gemeente, town.meldingen, town.sources(), meldingen_hotspot_defaults());
    ASSERT_EQ(grid.cells.size(), 100u);
    // 120 meldingen over 2180 objects.
    const double rate = 120.0 / 2180.0;
    const auto& hot = town.at(grid, 550, 550);
    EXPECT_EQ(hot.count, 12);
    EXPECT_EQ(hot.objecten, 20);
    EXPECT_NEAR(hot.verwacht, 20 * rate, 1e-12);
    EXPECT_EQ(hot.p, poisson_upper_tail(12, hot.verwacht));
    EXPECT_EQ(hot.klasse, 3);
    const auto& dense = town.at(grid, 250, 250);
    EXPECT_EQ(dense.count, 10);
    EXPECT_NEAR(dense.verwacht, 200 * rate, 1e-12);
    EXPECT_EQ(dense.klasse, 0) << "ten meldingen among 200 addresses are what the gemeente's rate gives";
    int hot_cells = 0;
    double expected = 0;
    for (const auto& c : grid.cells) {
        hot_cells += c.klasse > 0;
        expected += c.verwacht;
    }
    EXPECT_EQ(hot_cells, 1);
    EXPECT_NEAR(expected, 120, 1e-9) << "the expectations add up to what was observed";
}

// Thirty reports from one address are that address's matter: the cell is tested on its distinct
// sources, and one source is what any cell of twenty addresses may have.
TEST(ExcessHotspots, ManyMeldingenFromOneSourceAreNoHotSpot) {
    ExposureTown town;
    town.block(0, 20, 1, 353);
    auto sources = town.sources();
    for (int k = 0; k < 30; ++k) {
        town.meldingen.push_back({555, 555});
        sources.push_back(1000);
    }
    const auto grid = excess_hotspots(town.vbos, town.gemeente, town.meldingen, sources, meldingen_hotspot_defaults());
    const auto& cell = town.at(grid, 550, 550);
    EXPECT_EQ(cell.count, 31);
    EXPECT_EQ(cell.bronnen, 2);
    EXPECT_NEAR(cell.verwacht, 20 * 101.0 / 2000, 1e-12);
    EXPECT_EQ(cell.klasse, 0);
    for (const auto& c : grid.cells) EXPECT_EQ(c.klasse, 0);
}

// Each gemeente is its own reference: a gemeente with three times the meldingen everywhere has no hot
// spot, and does not make its neighbour's look cold or hot.
TEST(ExcessHotspots, EachGemeenteIsItsOwnReference) {
    ExposureTown town;
    town.block(0, 20, 1, 353);
    town.block(5000, 20, 3, 344);
    town.meldingen.insert(town.meldingen.end(), 11, {550, 550});  // 12 in that cell of 0353
    const auto grid = excess_hotspots(town.vbos, town.gemeente, town.meldingen, town.sources(), meldingen_hotspot_defaults());
    for (const auto& c : grid.cells) {
        const bool is_hot_cell = c.column == 5 && c.row == 5;
        EXPECT_EQ(c.klasse > 0, is_hot_cell) << c.column << "," << c.row;
        if (c.column >= 50) {
            EXPECT_NEAR(c.verwacht, 3, 1e-12);
        }
    }
}

// A cell on a border: its expectation sums each gemeente's rate over that gemeente's objects in it.
TEST(ExcessHotspots, BorderCellsShareTheirExpectation) {
    ExposureTown town;
    town.block(0, 20, 1, 353);
    town.block(2000, 20, 2, 344);
    town.cell(5000, 0, 10, 0, 353);
    town.cell(5000, 0, 10, 0, 344);
    const auto grid = excess_hotspots(town.vbos, town.gemeente, town.meldingen, town.sources(), meldingen_hotspot_defaults());
    const auto& border = town.at(grid, 5050, 50);
    EXPECT_EQ(border.objecten, 20);
    EXPECT_NEAR(border.verwacht, 10 * (100.0 / 2010) + 10 * (200.0 / 2010), 1e-12);
}

TEST(ExcessHotspots, FloorsAndLevels) {
    ExposureTown town;
    town.block(0, 20, 0, 353);
    // 4 meldingen in one quiet cell: far past expectation, but under the minimum of 5.
    town.meldingen.insert(town.meldingen.end(), 4, {550, 550});
    town.meldingen.insert(town.meldingen.end(), 96, {1e9, 1e9});  // far away, outside any object's cell
    auto grid = excess_hotspots(town.vbos, town.gemeente, town.meldingen, town.sources(), meldingen_hotspot_defaults());
    EXPECT_EQ(town.at(grid, 550, 550).klasse, 0);
    grid = excess_hotspots(town.vbos, town.gemeente, town.meldingen, town.sources(), defaults_with([](ExcessOptions& o) { o.min_observed = 4; }));
    EXPECT_EQ(town.at(grid, 550, 550).klasse, 3);
    EXPECT_EQ(town.at(grid, 550, 550).verwacht, 4.0 / 100) << "meldingen in cells without objects set no rate";
    EXPECT_EQ(grid.cells.back().klasse, 0) << "a cell without objects is not tested";
    grid = excess_hotspots(town.vbos, town.gemeente, town.meldingen, town.sources(), defaults_with([](ExcessOptions& o) { o.min_observed = 4; o.min_ratio = 200; }));
    EXPECT_EQ(town.at(grid, 550, 550).klasse, 0) << "4 against 0.04 expected is 100 times, under 200";
    EXPECT_THROW(excess_hotspots(town.vbos, town.gemeente, town.meldingen, town.sources(), defaults_with([](ExcessOptions& o) { o.cell = 0; })), config_error);
    EXPECT_THROW(excess_hotspots(town.vbos, town.gemeente, town.meldingen, town.sources(), defaults_with([](ExcessOptions& o) { o.fdr_q = 1; })), config_error);
}

// Level by the BH level reached over m tested cells: p <= q k / m at q/10, q/2, q.
TEST(ExcessHotspots, LevelFollowsTheFdrLevelReached) {
    // 50 cells of 20 objects with 2 meldingen each, and one cell per case below: rate = total / objects.
    for (const auto& [reports, klasse] : {std::pair{7, 0}, std::pair{8, 1}, std::pair{9, 2}, std::pair{10, 3}}) {
        ExposureTown town;
        for (int k = 0; k < 50; ++k) town.cell(k * 100.0, 0, 20, 2, 353);
        town.cell(0, 1000, 20, reports, 353);
        const auto grid = excess_hotspots(town.vbos, town.gemeente, town.meldingen, town.sources(), meldingen_hotspot_defaults());
        const auto& c = town.at(grid, 50, 1050);
        // With 51 cells the smallest p passes BH at level a when p <= a / 51.
        const double p = poisson_upper_tail(reports, 20.0 * (100 + reports) / 1020);
        EXPECT_EQ(c.p, p);
        const int expected = p <= 0.01 / 51 ? 3 : p <= 0.05 / 51 ? 2 : p <= 0.10 / 51 ? 1 : 0;
        EXPECT_EQ(expected, klasse) << reports << " meldingen, p = " << p;
        EXPECT_EQ(c.klasse, klasse) << reports;
    }
}

TEST(ExcessHotspots, SameResultForAnyThreadCount) {
    std::mt19937_64 random(3);
    std::uniform_real_distribution<double> coordinate(100000, 130000);
    std::normal_distribution<double> near_centre(115000, 800);
    std::vector<Point> vbos(200000), meldingen(30000);
    std::vector<std::uint32_t> gemeente(vbos.size());
    for (std::size_t i = 0; i < vbos.size(); ++i) {
        vbos[i] = {coordinate(random), coordinate(random)};
        gemeente[i] = vbos[i].x < 115000 ? 1 : 2;
    }
    std::vector<std::uint64_t> sources(meldingen.size());
    for (std::size_t i = 0; i < meldingen.size(); ++i) {
        meldingen[i] = {near_centre(random), near_centre(random)};
        sources[i] = i / 2;  // two meldingen from each source
    }
    HotspotGrid serial;
    {
        tbb::global_control one(tbb::global_control::max_allowed_parallelism, 1);
        serial = excess_hotspots(vbos, gemeente, meldingen, sources, meldingen_hotspot_defaults());
    }
    const auto parallel = excess_hotspots(vbos, gemeente, meldingen, sources, meldingen_hotspot_defaults());
    ASSERT_EQ(serial.cells.size(), parallel.cells.size());
    int hot = 0;
    for (std::size_t i = 0; i < serial.cells.size(); ++i) {
        ASSERT_EQ(serial.cells[i].verwacht, parallel.cells[i].verwacht) << i;
        ASSERT_EQ(serial.cells[i].p, parallel.cells[i].p) << i;
        ASSERT_EQ(serial.cells[i].klasse, parallel.cells[i].klasse) << i;
        hot += serial.cells[i].klasse == 3;
    }
    EXPECT_GT(hot, 100);
}

}  // namespace
}  // namespace onregel
