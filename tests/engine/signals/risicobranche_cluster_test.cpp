#include "engine/signals/risicobranche_cluster.hpp"

#include <gtest/gtest.h>
#include <tbb/global_control.h>

#include "engine/config.hpp"
#include "engine/errors.hpp"
#include "engine/signals/registry.hpp"
#include "town_builder.hpp"

// The expected p-values are computed independently of the code under test, exactly, with python3:
//   from fractions import Fraction as F; from math import comb
//   tail = lambda x, n, s: sum(comb(n, k) * F(s)**k * (1 - F(s))**(n - k) for k in range(x, n + 1))
// The test looks at the others in the circle: an object with X of N risk addresses (itself included)
// has p = tail(X - 1, N - 1, share).

namespace onregel::test {
namespace {

using RisicobrancheClusterOnBothSbi = BothSbi;

// n addresses 5 m apart on a row from `start`, each with one active vestiging: all within 100 m of
// each other while n <= 21.
void row(TownBuilder& b, int n, Point start, const std::string& sbi) {
    for (int k = 0; k < n; ++k) b.vestiging(b.vbo_at(winkelfunctie, 120, {start.x + 5.0 * k, start.y}), sbi);
}

// n addresses 1 km apart, each with one active vestiging: the rest of the gemeente.
void elsewhere(TownBuilder& b, int n, const std::string& sbi) {
    for (int k = 0; k < n; ++k) b.vestiging(b.vbo(winkelfunctie, 120), sbi);
}

// Moves the objects from `first` on to gemeente `code` (the first four digits of the BAG id).
void in_gemeente(TownBuilder& b, std::uint32_t first, std::uint32_t code) {
    for (auto i = first; i < b.town.verblijfsobjecten.size(); ++i)
        b.object(i).id = code * 1'000'000'000'000ull + 10'000'000'000ull + i + 1;
}

// The bedrijventerrein: four car firms and two shisha lounges among eight units, in a gemeente
// with 91 ordinary addresses elsewhere (share 6/99).
TownBuilder terrain(TownBuilder b) {
    for (const char* sbi : {"4520", "4511", "4532", "7711", "5630", "5630", "2511", "4941"}) row(b, 1, {5.0 * b.town.verblijfsobjecten.size(), 0}, sbi);
    elsewhere(b, 91, "6201");
    return b;
}

TEST_P(RisicobrancheClusterOnBothSbi, FiresOnCarFirmsAndShishaOnASmallTerrain) {
    auto b = terrain(town());
    const auto hits = b.run(make_configured<RisicobrancheCluster>());
    ASSERT_EQ(hits.size(), 6u);  // the six risk-branch units, not the two ordinary ones
    for (std::uint32_t k = 0; k < 6; ++k) {
        EXPECT_EQ(hits[k].vbo, k);
        EXPECT_EQ(hits[k].niveau, 3);  // tail(5, 7, F(6, 99)) = 1.548e-05, BH over 6 objects
    }
    // Expected 8 * 6/99 = 0.48.
    EXPECT_EQ(hits[0].bewijs, "6 van de 8 bedrijfsadressen binnen 100 m hebben een vestiging in een "
                              "risicobranche (autobranche 4, cafes_shisha 2), waar je er naar het aandeel in de gemeente "
                              "(6,1%) ongeveer 0,5 zou verwachten");
}

// Four hairdressers among sixty shops in a centre, in a gemeente where 4 of 100 addresses are a risk
// branch: tail(3, 59, F(4, 100)) = 0.42 and a location quotient of (4/60)/(4/100) = 1.67.
TEST_P(RisicobrancheClusterOnBothSbi, FourKappersAmongSixtyShopsAreNormal) {
    auto b = town();
    for (int r = 0; r < 6; ++r) {
        row(b, r == 0 ? 4 : 0, {0, 8.0 * r}, "96021");
        row(b, r == 0 ? 6 : 10, {r == 0 ? 20.0 : 0, 8.0 * r}, "4771");
    }
    ASSERT_EQ(b.town.verblijfsobjecten.size(), 60u);
    elsewhere(b, 40, "4771");
    EXPECT_TRUE(b.run(make_configured<RisicobrancheCluster>()).empty());
}

// The same street, 4 risk addresses among 10, in two gemeenten: A has a risk-branch share of 4/80,
// B of 12/40. Each is judged by its own share: A tail(3, 9, F(4, 80)) = 0.0084, B tail(3, 9, F(12, 40)) = 0.54.
// BH over the 16 objects with a risk branch: A's four pass at 0.05 (4/16 * 0.05 = 0.0125), not at 0.01.
TEST_P(RisicobrancheClusterOnBothSbi, EachGemeenteIsItsOwnReference) {
    auto b = town();
    row(b, 4, {0, 0}, "4520");
    row(b, 6, {20, 0}, "4690");
    elsewhere(b, 70, "4690");
    const auto b_first = static_cast<std::uint32_t>(b.town.verblijfsobjecten.size());
    row(b, 4, {50000, 0}, "4520");
    row(b, 6, {50020, 0}, "4690");
    elsewhere(b, 8, "4520");
    elsewhere(b, 22, "4690");
    in_gemeente(b, b_first, 599);
    const auto hits = b.run(make_configured<RisicobrancheCluster>());
    ASSERT_EQ(hits.size(), 4u);
    for (std::uint32_t k = 0; k < 4; ++k) {
        EXPECT_EQ(hits[k].vbo, k);
        EXPECT_EQ(hits[k].niveau, 2);
    }
    EXPECT_NE(hits[0].bewijs.find("waar je er naar het aandeel in de gemeente (5,0%) ongeveer 0,5 zou verwachten"),
              std::string::npos)
        << hits[0].bewijs;
}

// Three risk addresses together in a gemeente with a share of 3/300: tail(2, 2, F(3, 300)) = 0.0001,
// significant, but fewer than min_risico (4) addresses.
TEST_P(RisicobrancheClusterOnBothSbi, MinRisicoIsAFloor) {
    auto b = town();
    row(b, 3, {0, 0}, "9604");
    elsewhere(b, 297, "6201");
    EXPECT_TRUE(b.run(make_configured<RisicobrancheCluster>()).empty());
    const auto signal = make_configured<RisicobrancheCluster>({{"min_risico", 3}});
    EXPECT_EQ(b.run(signal).size(), 3u);
}

// 70 risk addresses among 200 in a gemeente whose share is 70/350 = 0.2: tail(69, 199, F(70, 350)) =
// 9.8e-07, highly significant, but a location quotient of 0.35/0.2 = 1.75: too small an excess to visit.
TEST_P(RisicobrancheClusterOnBothSbi, MinLqIsAFloorOnTheExcess) {
    auto b = town();
    for (int r = 0; r < 14; ++r) {  // 14 rows of 15, 5 m apart: at most 95 m between any two
        row(b, r < 5 ? 14 : 0, {0, 5.0 * r}, "4520");
        row(b, r < 5 ? 1 : 15, {r < 5 ? 70.0 : 0.0, 5.0 * r}, "4690");
    }
    ASSERT_EQ(b.town.verblijfsobjecten.size(), 210u);  // 70 risk, 140 ordinary
    // Ten of the ordinary ones elsewhere instead, so 200 lie together and the gemeente has 350.
    for (std::uint32_t i = 200; i < 210; ++i) b.object(i).punt = {-100000.0 - 1000.0 * i, 0};
    elsewhere(b, 140, "4690");
    EXPECT_TRUE(b.run(make_configured<RisicobrancheCluster>()).empty());
    const auto signal = make_configured<RisicobrancheCluster>({{"min_lq", 1.7}});
    const auto hits = b.run(signal);
    ASSERT_EQ(hits.size(), 70u);
    EXPECT_NE(hits[0].bewijs.find("70 van de 200 bedrijfsadressen"), std::string::npos) << hits[0].bewijs;
}

// Four risk addresses among 4 + k, and elsewhere 12 lone risk addresses and 200 ordinary ones: BH over
// 16 objects puts the bar for the four at alpha / 4. tail(3, 3 + k, F(16, 216 + k)):
// k = 1: 0.0015 (<= 0.0025, level 3), k = 3: 0.0066 (<= 0.0125, level 2), k = 6: 0.0226 (<= 0.025,
// level 1), k = 8: 0.039 (not significant, though 4.7 times the expected number).
TEST_P(RisicobrancheClusterOnBothSbi, LevelFollowsTheFdrLevelReached) {
    for (auto [k, level] : {std::pair{1, 3}, {3, 2}, {6, 1}, {8, 0}}) {
        auto b = town();
        row(b, 4, {0, 0}, "5630");
        row(b, k, {20, 0}, "5610");
        elsewhere(b, 12, "5630");
        elsewhere(b, 200, "5610");
        const auto hits = b.run(make_configured<RisicobrancheCluster>());
        ASSERT_EQ(hits.size(), level == 0 ? 0u : 4u) << k;
        if (level > 0) { EXPECT_EQ(hits[0].niveau, level) << k; }
    }
}

// Addresses count, not vestigingen: six risk firms on one office are no cluster of places.
TEST_P(RisicobrancheClusterOnBothSbi, OneBusyAddressIsNoCluster) {
    auto b = town();
    b.vestigingen(b.vbo_at(kantoorfunctie, 900, {0, 0}), 6, "6420");
    elsewhere(b, 200, "6201");
    EXPECT_TRUE(b.run(make_configured<RisicobrancheCluster>()).empty());
}

// Homes are no business addresses: a risk branch registered at home neither fires nor counts, and
// home offices do not dilute the gemeente's share (else every shopping street would stand out).
TEST_P(RisicobrancheClusterOnBothSbi, HomesAreLeftOut) {
    auto b = terrain(town());
    const auto before = b.run(make_configured<RisicobrancheCluster>());
    for (int k = 0; k < 4; ++k) b.vestiging(b.vbo_at(woonfunctie, 90, {10, 10.0 + 5 * k}), k < 2 ? "6420" : "70221");
    for (int k = 0; k < 300; ++k) b.vestiging(b.vbo(woonfunctie, 90), "70221");
    const auto after = b.run(make_configured<RisicobrancheCluster>());
    ASSERT_EQ(after.size(), before.size());
    for (std::size_t h = 0; h < after.size(); ++h) EXPECT_EQ(after[h].bewijs, before[h].bewijs);
}

// An ended vestiging makes no risk address, and an address with only ended ones is not counted at all.
TEST_P(RisicobrancheClusterOnBothSbi, EndedVestigingenDoNotCount) {
    auto b = terrain(town());
    b.town.vestigingen[5].einde = day(2024, 1, 1);  // a shisha lounge and the metal works closed: 5 of 6 left
    b.town.vestigingen[6].einde = day(2024, 1, 1);
    const auto hits = b.run(make_configured<RisicobrancheCluster>());
    ASSERT_EQ(hits.size(), 5u);
    EXPECT_EQ(hits[0].bewijs.substr(0, 27), "5 van de 6 bedrijfsadressen");
}

TEST_P(RisicobrancheClusterOnBothSbi, StraalIsTheNeighbourhood) {
    auto b = terrain(town());
    for (auto& object : b.town.verblijfsobjecten) object.punt.x *= 2;  // the units 10 m apart, 0-70 m
    EXPECT_EQ(b.run(make_configured<RisicobrancheCluster>()).size(), 6u);
    // Within the smallest straal_m allowed, 10 m, each sees 2-3 addresses: below min_risico.
    EXPECT_TRUE(b.run(make_configured<RisicobrancheCluster>({{"straal_m", 10}})).empty());
}

TEST(RisicobrancheCluster, ConfigRejectsNonsense) {
    const auto signals = make_signals();
    for (const char* value : {"fdr_q = 0", "fdr_q = 0.5", "min_lq = 0.5", "min_risico = 1", "straal_m = 0", "min_risico = 2.5"})
        EXPECT_THROW(parse_config(std::string("[signalen.risicobranche_cluster]\n") + value + "\n", "test.toml", signals),
                     config_error)
            << value;
    EXPECT_NO_THROW(parse_config("[signalen.risicobranche_cluster]\nfdr_q = 0.05\nmin_lq = 1.5\n", "test.toml", signals));
}

// Many clusters in two gemeenten, evaluated on one thread and on four: the same hits in the same order.
TEST_P(RisicobrancheClusterOnBothSbi, SameHitsForOneAndFourThreads) {
    auto b = town();
    std::uint64_t state = 7;
    const auto next = [&](std::uint64_t n) {
        state = state * 6364136223846793005ull + 1442695040888963407ull;
        return (state >> 33) % n;
    };
    // A background with one risk address in twenty, and a hundred groups of six risk addresses.
    const std::vector<std::string> risk = {"4520", "5630", "96021"}, ordinary = {"4771", "4690", "6201", "2511", "4941"};
    for (int k = 0; k < 20000; ++k)
        b.vestiging(b.vbo_at(winkelfunctie, 100, {static_cast<double>(next(6000)), static_cast<double>(next(6000))}),
                    next(20) == 0 ? risk[next(3)] : ordinary[next(5)]);
    for (int c = 0; c < 100; ++c) {
        const Point centre{static_cast<double>(next(6000)), static_cast<double>(next(6000))};
        for (int k = 0; k < 6; ++k) b.vestiging(b.vbo_at(winkelfunctie, 100, {centre.x + 4.0 * k, centre.y}), risk[next(3)]);
    }
    in_gemeente(b, 10000, 599);
    std::vector<Hit> one, four;
    {
        tbb::global_control limit(tbb::global_control::max_allowed_parallelism, 1);
        one = b.run(make_configured<RisicobrancheCluster>());
    }
    {
        tbb::global_control limit(tbb::global_control::max_allowed_parallelism, 4);
        four = b.run(make_configured<RisicobrancheCluster>());
    }
    ASSERT_FALSE(one.empty());
    ASSERT_EQ(one.size(), four.size());
    for (std::size_t h = 0; h < one.size(); ++h) {
        EXPECT_EQ(one[h].vbo, four[h].vbo);
        EXPECT_EQ(one[h].niveau, four[h].niveau);
        EXPECT_EQ(one[h].bewijs, four[h].bewijs);
        if (h > 0) { EXPECT_LT(one[h - 1].vbo, one[h].vbo); }
    }
}

ONREGEL_ON_BOTH_SBI(RisicobrancheClusterOnBothSbi);

}  // namespace
}  // namespace onregel::test
