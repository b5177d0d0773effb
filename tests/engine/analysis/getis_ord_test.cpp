#include "engine/analysis/getis_ord.hpp"

#include <cmath>
#include <fstream>
#include <random>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>
#include <tbb/global_control.h>

#include "engine/errors.hpp"

namespace onregel {
namespace {

nlohmann::json oracle(const std::string& name) {
    std::ifstream in(std::string(ONREGEL_SHARED_DIR) + "/oracles/" + name);
    EXPECT_TRUE(in) << name;
    return nlohmann::json::parse(in);
}

struct Fixture {
    std::vector<Point> points;
    std::vector<double> y;
    double band = 15;  // "DistanceBand threshold=15 (binary, d<=15, no self)"
};

Fixture esda_fixture(const nlohmann::json& f) {
    Fixture fixture;
    for (const auto& p : f["points"]) fixture.points.push_back({p[0].get<double>(), p[1].get<double>()});
    fixture.y = f["y"].get<std::vector<double>>();
    return fixture;
}

void expect_z(const GetisOrd& result, const std::vector<double>& expected, double tolerance) {
    ASSERT_EQ(result.z.size(), expected.size());
    for (std::size_t i = 0; i < expected.size(); ++i) {
        EXPECT_NEAR(result.z[i], expected[i], tolerance) << "point " << i;
        EXPECT_NEAR(result.p[i], two_sided_p(expected[i]), tolerance) << "point " << i;  // |dp/dz| < 1
    }
}

// esda 2.5.1 G_Local on libpysal DistanceBand(threshold=15), transform "B" (binary weights).
TEST(GetisOrd, GiStarMatchesEsdaBinary) {
    const auto f = oracle("esda_expected_values.json")["getisord_fixture"];
    const auto fixture = esda_fixture(f);
    expect_z(getis_ord(fixture.points, fixture.y, fixture.band, true), f["Zs_B_star"].get<std::vector<double>>(), 1e-9);
}

TEST(GetisOrd, GiMatchesEsdaBinary) {
    const auto f = oracle("esda_expected_values.json")["getisord_fixture"];
    const auto fixture = esda_fixture(f);
    expect_z(getis_ord(fixture.points, fixture.y, fixture.band, false), f["Zs_B_nostar"].get<std::vector<double>>(), 1e-9);
}

// The same fixture through the textbook formulas (ArcGIS Gi*, Ord & Getis 1995 Gi) in plain numpy,
// rounded to 8 decimals.
TEST(GetisOrd, MatchesIndependentNumpyFormulas) {
    const auto fixture = esda_fixture(oracle("esda_expected_values.json")["getisord_fixture"]);
    const auto numpy = oracle("independent_numpy_check.json");
    expect_z(getis_ord(fixture.points, fixture.y, fixture.band, true),
             numpy["gi_star_binary_arcgis_formula"].get<std::vector<double>>(), 5e-9);
    expect_z(getis_ord(fixture.points, fixture.y, fixture.band, false),
             numpy["gi_binary_ord_getis_1995"].get<std::vector<double>>(), 5e-9);
}

TEST(GetisOrd, TwoSidedPFromTheNormal) {
    EXPECT_DOUBLE_EQ(two_sided_p(0), 1.0);
    EXPECT_NEAR(two_sided_p(1.959963984540054), 0.05, 1e-15);
    EXPECT_NEAR(two_sided_p(-2.5758293035489004), 0.01, 1e-15);
}

// z is a standardised score: an affine change of the values (a > 0) leaves it unchanged.
TEST(GetisOrd, InvariantUnderAffineChangeOfValues) {
    const auto fixture = esda_fixture(oracle("esda_expected_values.json")["getisord_fixture"]);
    std::vector<double> shifted;
    for (double v : fixture.y) shifted.push_back(3.5 * v - 11);
    for (bool star : {true, false}) {
        const auto a = getis_ord(fixture.points, fixture.y, fixture.band, star);
        const auto b = getis_ord(fixture.points, shifted, fixture.band, star);
        for (std::size_t i = 0; i < a.z.size(); ++i) EXPECT_NEAR(a.z[i], b.z[i], 1e-12) << i;
    }
}

TEST(GetisOrd, UndefinedStatisticGivesZeroAndOne) {
    const std::vector<Point> points{{0, 0}, {10, 0}, {20, 0}, {30, 0}};
    // All values equal (0.1 does not sum exactly): no variance.
    const std::vector<double> flat(points.size(), 0.1);
    for (bool star : {true, false}) {
        const auto result = getis_ord(points, flat, 15, star);
        for (std::size_t i = 0; i < points.size(); ++i) {
            EXPECT_EQ(result.z[i], 0) << i;
            EXPECT_EQ(result.p[i], 1) << i;
        }
    }
    // Gi leaves the point out: for point 3 the other values are all equal, though it has a neighbour.
    const std::vector<double> one_apart{0.1, 0.1, 0.1, 7};
    const auto gi = getis_ord(points, one_apart, 15, false);
    EXPECT_EQ(gi.z[3], 0);
    EXPECT_NE(gi.z[1], 0);
    // Everyone a neighbour of everyone (Gi*): nothing to compare against.
    const auto everyone = getis_ord(points, one_apart, 1000, true);
    for (double z : everyone.z) EXPECT_EQ(z, 0);
    EXPECT_TRUE(getis_ord({}, {}, 15, true).z.empty());
    EXPECT_THROW(getis_ord(points, flat, 0, true), config_error);
}

TEST(GetisOrd, SameBitsForAnyThreadCount) {
    std::mt19937_64 random(7);
    std::uniform_real_distribution<double> coordinate(0, 5000);
    std::poisson_distribution<int> count(2);
    std::vector<Point> points(100000);
    std::vector<double> values(points.size());
    for (std::size_t i = 0; i < points.size(); ++i) {
        points[i] = {coordinate(random), coordinate(random)};
        values[i] = count(random) + 0.1;
    }
    GetisOrd serial;
    {
        tbb::global_control one(tbb::global_control::max_allowed_parallelism, 1);
        serial = getis_ord(points, values, 60, true);
    }
    const auto parallel = getis_ord(points, values, 60, true);
    EXPECT_EQ(serial.z, parallel.z);
    EXPECT_EQ(serial.p, parallel.p);
}

}  // namespace
}  // namespace onregel
