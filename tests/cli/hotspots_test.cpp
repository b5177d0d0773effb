// `onregel hotspots` on point layers, and the trend of the meldingen grid of `onregel run`.
#include <cmath>
#include <gtest/gtest.h>
#include <iomanip>
#include <nlohmann/json.hpp>

#include "../engine/signals/town_builder.hpp"
#include "cli_runner.hpp"
#include "app/hotspots/hotspots_output.hpp"
#include "engine/signals/meldingen_hotspot.hpp"

namespace onregel::test {
namespace {

namespace fs = std::filesystem;

std::vector<std::vector<std::string>> read_csv(const fs::path& path) {
    std::vector<std::vector<std::string>> rows;
    std::istringstream in(slurp(path));
    for (std::string line; std::getline(in, line);) {
        std::vector<std::string> fields;
        std::istringstream parts(line);
        for (std::string f; std::getline(parts, f, ',');) fields.push_back(f);
        rows.push_back(fields);
    }
    return rows;
}

// esda 2.5.1 G_Local, binary DistanceBand(15), star: the oracle fixture through the CLI, moved into the
// Netherlands (Gi* depends on distances only).
TEST(CliHotspots, PointsThemselvesMatchEsdaGiStar) {
    std::ifstream in(std::string(ONREGEL_SHARED_DIR) + "/oracles/esda_expected_values.json");
    const auto f = nlohmann::json::parse(in)["getisord_fixture"];
    const auto dir = scratch("hotspots_esda");
    std::ofstream csv(dir / "punten.csv");
    csv << "x,y,value\n";
    for (std::size_t i = 0; i < f["points"].size(); ++i)
        csv << 155000 + f["points"][i][0].get<int>() << "," << 463000 + f["points"][i][1].get<int>() << ","
            << f["y"][i].get<double>() << "\n";
    csv.close();
    const auto result = run_cli({"hotspots", "--methode", "gi", "--input", (dir / "punten.csv").string(), "--value", "value", "--cell", "0",
                                 "--band", "15", "--out", (dir / "gi.csv").string()});
    ASSERT_EQ(result.exit_code, 0) << result.err;
    const auto rows = read_csv(dir / "gi.csv");
    ASSERT_EQ(rows[0], (std::vector<std::string>{"waarde", "z", "p", "klasse", "x", "y"}));
    const auto expected = f["Zs_B_star"].get<std::vector<double>>();
    ASSERT_EQ(rows.size(), expected.size() + 1) << "one row per input point";
    for (std::size_t i = 0; i < expected.size(); ++i) {
        EXPECT_NEAR(std::stod(rows[i + 1][1]), expected[i], 1e-6) << "point " << i;
        EXPECT_EQ(std::stod(rows[i + 1][4]), 155000 + f["points"][i][0].get<double>()) << "same order as the input";
    }
}

// The default test: points against the addresses of a BAG. 10 x 10 cells with 2 homes and 1 point each;
// cell (2, 2) holds 40 homes and 20 points (dense, but what its homes explain), cell (7, 7) 12 points.
TEST(CliHotspots, ExcessOverTheAddressesOfABag) {
    const auto dir = scratch("hotspots_excess");
    std::ofstream bag(dir / "bag.csv"), points(dir / "punten.csv");
    bag << "identificatie,status,gebruiksdoel,oppervlakte,openbare_ruimte_naam,huisnummer,huisletter,toevoeging,postcode,"
           "woonplaats_naam,bouwjaar,pand_identificatie,pandstatus,x,y\n";
    points << "id,x,y\n";
    int n = 0, id = 0;
    for (int row = 0; row < 10; ++row)
        for (int column = 0; column < 10; ++column) {
            const bool dense = row == 2 && column == 2, hot = row == 7 && column == 7;
            const double x0 = 150000 + 100.0 * column, y0 = 450000 + 100.0 * row;
            for (int h = 0; h < (dense ? 40 : 2); ++h, ++n)
                bag << "0353010" << std::setw(9) << std::setfill('0') << n + 1 << ",Verblijfsobject in gebruik,woonfunctie,80,Celstraat,"
                    << n + 1 << ",,,3411AA,IJsselstein,1990,0353100" << std::setw(9) << n + 1 << ",Pand in gebruik," << x0 + 2 + 2 * h
                    << "," << y0 + 10 << "\n";
            for (int k = 0; k < (dense ? 20 : hot ? 12 : 1); ++k) points << ++id << "," << x0 + 3 + 4 * k << "," << y0 + 60 << "\n";
        }
    bag.close();
    points.close();
    const auto result = run_cli({"hotspots", "--input", (dir / "punten.csv").string(), "--bag", (dir / "bag.csv").string(),
                                 "--out", (dir / "cellen.geojson").string()});
    ASSERT_EQ(result.exit_code, 0) << result.err;
    EXPECT_NE(result.out.find("100 cellen: 1 met meer punten dan de adressen doen verwachten"), std::string::npos) << result.out;
    const auto cells = nlohmann::json::parse(slurp(dir / "cellen.geojson"));  // kept: a loop over a temporary's member dangles
    for (const auto& cell : cells["features"]) {
        const auto& p = cell["properties"];
        if (p["adressen"] == 40) {
            EXPECT_EQ(p["n_punten"], 20);
            EXPECT_EQ(p["klasse"], 0) << "dense, but what its 40 homes explain";
        }
        EXPECT_EQ(p["klasse"].get<int>() > 0, p["n_punten"] == 12) << p;
    }
    const auto without = run_cli({"hotspots", "--input", (dir / "punten.csv").string(), "--out", (dir / "o.geojson").string()});
    EXPECT_EQ(without.exit_code, 2);
    EXPECT_NE(without.err.find("geef --bag"), std::string::npos) << without.err;
}

// A 15 x 15 lattice of single points 200 m apart, and 40 points in one 100 m cell.
TEST(CliHotspots, FindsAPlantedCluster) {
    const auto dir = scratch("hotspots_cluster");
    std::ofstream csv(dir / "punten.csv");
    csv << "id,x,y\n";
    int id = 0;
    for (int i = 0; i < 15; ++i)
        for (int j = 0; j < 15; ++j) csv << ++id << "," << 150050 + 200 * i << "," << 450050 + 200 * j << "\n";
    for (int k = 0; k < 40; ++k) csv << ++id << "," << 150510 + 2 * k << "," << 450590 - 2 * k << "\n";
    csv.close();
    const auto result = run_cli({"hotspots", "--methode", "gi", "--input", (dir / "punten.csv").string(), "--cell", "100", "--band", "300",
                                 "--out", (dir / "cellen.geojson").string()});
    ASSERT_EQ(result.exit_code, 0) << result.err;
    const auto cells = nlohmann::json::parse(slurp(dir / "cellen.geojson"))["features"];
    EXPECT_EQ(cells.size(), 226u);
    int hot = 0;
    for (const auto& cell : cells) {
        const auto& p = cell["properties"];
        const auto& ring = cell["geometry"]["coordinates"][0];
        ASSERT_EQ(ring.size(), 5u);
        if (p["n_punten"] == 40) {
            EXPECT_EQ(p["klasse"], 3) << p;
            EXPECT_GT(p["z"].get<double>(), 5);
        }
        hot += p["klasse"].get<int>() > 0;
    }
    EXPECT_GE(hot, 1);
    EXPECT_LE(hot, 9) << "only the cluster and cells within the band of it";
}

TEST(CliHotspots, CellZeroNeedsAValueAndTheExtensionPicksTheFormat) {
    const auto dir = scratch("hotspots_usage");
    std::ofstream(dir / "p.csv") << "x,y\n150000,450000\n150010,450000\n";
    EXPECT_EQ(run_cli({"hotspots", "--methode", "gi", "--input", (dir / "p.csv").string(), "--cell", "0", "--out", (dir / "o.csv").string()}).exit_code, 2);
    EXPECT_EQ(run_cli({"hotspots", "--methode", "gi", "--input", (dir / "p.csv").string(), "--out", (dir / "o.txt").string()}).exit_code, 2);
    std::ofstream(dir / "buiten.csv") << "x,y\n1,2\n";
    const auto outside = run_cli({"hotspots", "--methode", "gi", "--input", (dir / "buiten.csv").string(), "--out", (dir / "o.csv").string()});
    EXPECT_EQ(outside.exit_code, 1);
    EXPECT_NE(outside.err.find("regel 2"), std::string::npos) << outside.err;
}

// Meldingen per year, counted back from the peildatum: 1, 2, 4, 6, 9 in one cell, the reverse in another.
// The data begins a little over five years back, so the five whole years make the series and the
// part-year before them (30 meldingen in the falling cell) counts in the cell but not in the trend.
TEST(MeldingenHotspots, TrendPerCellFromYearlyCounts) {
    TownBuilder b(day(2025, 1, 1));
    const auto rising = b.vbo_at(woonfunctie, 80, {150050, 450050});
    const auto falling = b.vbo_at(woonfunctie, 80, {152050, 450050});
    const auto still = b.vbo_at(woonfunctie, 80, {154050, 450050});
    const int counts[] = {1, 2, 4, 6, 9};
    for (int back = 0; back < 5; ++back) {
        for (int k = 0; k < counts[4 - back]; ++k) b.melding(static_cast<std::int32_t>(rising), b.town.peildatum - 365 * back - 10);
        for (int k = 0; k < counts[back]; ++k) b.melding(static_cast<std::int32_t>(falling), b.town.peildatum - 365 * back - 10);
        for (int k = 0; k < 3; ++k) b.melding(static_cast<std::int32_t>(still), b.town.peildatum - 365 * back - 10);
    }
    for (int k = 0; k < 30; ++k) b.melding(static_cast<std::int32_t>(falling), b.town.peildatum - 365 * 5 - 20);  // part-year
    b.melding(static_cast<std::int32_t>(still), b.town.peildatum + 5);  // after the peildatum: not counted
    const auto out = meldingen_hotspots(b.town, b.policy, meldingen_hotspot_defaults(), Profiel::handhaving);
    ASSERT_EQ(out.table.rows.size(), 3u);
    // Rows run west to east here: rising, falling, steady.
    const auto trend = [&](std::size_t r) { return std::get<std::string>(out.table.rows[r].cells[1]); };
    const auto count = [&](std::size_t r) { return std::get<std::int64_t>(out.table.rows[r].cells[2]); };
    EXPECT_EQ(trend(0), "stijgend");
    EXPECT_EQ(trend(1), "dalend");
    EXPECT_EQ(trend(2), "geen");
    EXPECT_EQ(count(0), 22);
    EXPECT_EQ(count(1), 52) << "the part-year's meldingen are in the count, not in the trend";
    EXPECT_EQ(count(2), 15);
    const auto loo = meldingen_hotspots(b.town, b.policy, [] { auto o = meldingen_hotspot_defaults(); o.min_observed = 16; return o; }(), Profiel::loo);
    EXPECT_EQ(loo.onderdrukt, 1u) << "the steady cell has 15 meldingen, under k = 16";
    EXPECT_EQ(loo.table.rows.size(), 2u);
}

// Data of three years cannot show a trend: the test says so instead of "geen".
TEST(MeldingenHotspots, TooFewYearsForATrend) {
    TownBuilder b(day(2025, 1, 1));
    const auto home = b.vbo_at(woonfunctie, 80, {150050, 450050});
    for (int back = 0; back < 3; ++back)
        for (int k = 0; k <= back * 5; ++k) b.melding(static_cast<std::int32_t>(home), b.town.peildatum - 365 * back - 10);
    const auto out = meldingen_hotspots(b.town, b.policy, meldingen_hotspot_defaults(), Profiel::handhaving);
    ASSERT_EQ(out.table.rows.size(), 1u);
    EXPECT_EQ(std::get<std::string>(out.table.rows[0].cells[1]), "te weinig jaren");
}

}  // namespace
}  // namespace onregel::test
