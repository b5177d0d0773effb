#include "engine/analysis/straatlabels.hpp"

#include <cmath>
#include <numeric>
#include <vector>

#include <gtest/gtest.h>

namespace onregel {
namespace {

Verblijfsobject vbo(std::string straat, double x, double y, std::int32_t pand, std::string woonplaats = "IJsselstein") {
    Verblijfsobject v;
    v.punt = {x, y};
    v.pand = pand;
    v.adres.straat = std::move(straat);
    v.adres.woonplaats = std::move(woonplaats);
    return v;
}

// Every pand 0 .. n-1 is on the map.
std::vector<std::uint32_t> all_panden(std::uint32_t n) {
    std::vector<std::uint32_t> panden(n);
    std::iota(panden.begin(), panden.end(), 0u);
    return panden;
}

// Houses on both sides of a street running at `degrees` from east through (1000, 2000), every 10 m
// over 200 m, 20 m apart across the street: pand k for house k.
std::vector<Verblijfsobject> street(const std::string& naam, double degrees, std::int32_t first_pand = 0) {
    const double a = degrees * 3.141592653589793 / 180;
    std::vector<Verblijfsobject> vbos;
    for (int i = 0; i <= 20; ++i)
        for (double side : {-10.0, 10.0}) {
            const double along = 10.0 * i - 100;
            vbos.push_back(vbo(naam, 1000 + along * std::cos(a) - side * std::sin(a), 2000 + along * std::sin(a) + side * std::cos(a),
                               first_pand + static_cast<std::int32_t>(vbos.size())));
        }
    return vbos;
}

TEST(Straatlabels, LabelSitsOnTheMiddleOfTheStreetAlongIt) {
    const auto vbos = street("Molenstraat", 0);
    const auto labels = straatlabels(vbos, all_panden(42));
    ASSERT_EQ(labels.size(), 1u);
    EXPECT_EQ(labels[0].naam, "Molenstraat");
    EXPECT_EQ(labels[0].woonplaats, "IJsselstein");
    EXPECT_EQ(labels[0].adressen, 42u);
    // Between the two rows of houses, not on either of them.
    EXPECT_NEAR(labels[0].punt.x, 1000, 1e-6);
    EXPECT_NEAR(labels[0].punt.y, 2000, 1e-6);
    EXPECT_NEAR(labels[0].hoek, 0, 1e-6);
    EXPECT_NEAR(labels[0].lengte, 200, 1e-6);
}

// Text is never upside down: a street at 120° reads at -60°, one at -150° at 30°.
TEST(Straatlabels, AngleFollowsTheStreetAndReadsLeftToRight) {
    for (const auto& [degrees, expected] : std::vector<std::pair<double, double>>{{30, 30}, {120, -60}, {-150, 30}, {90, 90}}) {
        const auto labels = straatlabels(street("Kerkstraat", degrees), all_panden(42));
        ASSERT_EQ(labels.size(), 1u);
        EXPECT_NEAR(labels[0].hoek, expected, 1e-6) << "street at " << degrees << "°";
        EXPECT_NEAR(labels[0].lengte, 200, 1e-6);
    }
}

// A block of 60 flats at the east end counts as one place: the label stays in the middle of the street.
TEST(Straatlabels, APandCountsOncePerStreet) {
    auto vbos = street("Lindelaan", 0);
    for (int flat = 0; flat < 60; ++flat) vbos.push_back(vbo("Lindelaan", 1110 + 0.1 * flat, 2000, 42));
    const auto labels = straatlabels(vbos, all_panden(43));
    ASSERT_EQ(labels.size(), 1u);
    EXPECT_EQ(labels[0].adressen, 102u);
    EXPECT_LT(std::abs(labels[0].punt.x - 1000), 5);
    EXPECT_NEAR(labels[0].hoek, 0, 1);
}

// An L-shaped street: the label lies on one arm, where the houses are, not in the empty corner.
TEST(Straatlabels, ABendingStreetIsLabelledOnItself) {
    std::vector<Verblijfsobject> vbos;
    for (int i = 0; i <= 40; ++i) vbos.push_back(vbo("Hoeksteeg", 10.0 * i, 0, i));         // 400 m east
    for (int i = 1; i <= 20; ++i) vbos.push_back(vbo("Hoeksteeg", 0, 10.0 * i, 40 + i));    // 200 m north
    const auto labels = straatlabels(vbos, all_panden(61));
    ASSERT_EQ(labels.size(), 1u);
    EXPECT_LT(std::abs(labels[0].punt.y), 1e-6);  // on the long arm
    EXPECT_GT(labels[0].punt.x, 50);              // away from the corner
    EXPECT_NEAR(labels[0].hoek, 0, 1e-6);
    EXPECT_NEAR(labels[0].lengte, 240, 1e-6);     // the addresses within straatlabel_radius of the central one
}

// Only objects in the given panden count; objects without a pand or street name never do. One name in
// two woonplaatsen is two streets, sorted by woonplaats.
TEST(Straatlabels, OnlyTheGivenPandenAndOneLabelPerOpenbareRuimte) {
    std::vector<Verblijfsobject> vbos = {
        vbo("Dorpsstraat", 0, 0, 0, "Lopik"), vbo("Dorpsstraat", 10, 0, 1, "Lopik"),
        vbo("Dorpsstraat", 500, 0, 2, "Benschop"),
        vbo("Achterweg", 900, 0, 3),              // pand 3 not on the map
        vbo("Zonder pand", 50, 0, -1),
        vbo("", 60, 0, 1),
    };
    const std::vector<std::uint32_t> panden = {0, 1, 2};
    const auto labels = straatlabels(vbos, panden);
    ASSERT_EQ(labels.size(), 2u);
    EXPECT_EQ(labels[0].woonplaats, "Benschop");
    EXPECT_EQ(labels[0].adressen, 1u);
    EXPECT_EQ(labels[0].hoek, 0);    // one address: no direction
    EXPECT_EQ(labels[0].lengte, 0);
    EXPECT_EQ(labels[0].punt.x, 500);
    EXPECT_EQ(labels[1].woonplaats, "Lopik");
    EXPECT_EQ(labels[1].adressen, 2u);
    EXPECT_NEAR(labels[1].punt.x, 5, 1e-9);
    EXPECT_NEAR(labels[1].lengte, 10, 1e-9);
    EXPECT_TRUE(straatlabels(vbos, {}).empty());
}

}  // namespace
}  // namespace onregel
