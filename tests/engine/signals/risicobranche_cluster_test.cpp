#include "engine/signals/risicobranche_cluster.hpp"

#include <gtest/gtest.h>

#include "town_builder.hpp"

namespace onregel::test {
namespace {

// n objects at one spot, each with an active vestiging in the given branch.
void objects_at(TownBuilder& b, int n, Point p, const std::string& sbi) {
    for (int k = 0; k < n; ++k) b.vestiging(b.vbo_at(winkelfunctie, 120, p), sbi);
}

TEST(RisicobrancheCluster, FiresOnFourRiskObjectsTogether) {
    TownBuilder b;
    objects_at(b, 2, {0, 0}, "4520");
    objects_at(b, 1, {20, 0}, "96021");
    objects_at(b, 1, {0, 20}, "4511");
    objects_at(b, 3, {5000, 0}, "4520");  // too few elsewhere
    const auto hits = b.run(RisicobrancheCluster{});
    ASSERT_EQ(hits.size(), 4u);
    EXPECT_EQ(hits[0].level, 1);
    EXPECT_EQ(hits[0].bewijs, "cluster 1 van 4 adressen met een risicobranche binnen 75 m van elkaar "
                              "(autobranche, kappers); hier: autobranche");
    EXPECT_EQ(hits[2].bewijs.substr(hits[2].bewijs.find("hier")), "hier: kappers");
}

// eps 75 m is inclusive (sklearn's convention).
TEST(RisicobrancheCluster, EpsBoundaryIsInclusive) {
    for (auto [d, fires] : {std::pair{74.0, true}, {75.0, true}, {76.0, false}}) {
        TownBuilder b;
        objects_at(b, 3, {0, 0}, "4520");
        objects_at(b, 1, {d, 0}, "4520");
        EXPECT_EQ(b.run(RisicobrancheCluster{}).size(), fires ? 4u : 0u) << d << " m";
    }
}

// min 4 objects (the object itself included) is inclusive.
TEST(RisicobrancheCluster, MinPointsBoundaryIsInclusive) {
    for (auto [n, fires] : {std::pair{3, false}, {4, true}, {5, true}}) {
        TownBuilder b;
        objects_at(b, n, {0, 0}, "9604");
        EXPECT_EQ(b.run(RisicobrancheCluster{}).size(), fires ? static_cast<std::size_t>(n) : 0u) << n;
    }
}

// Level by cluster size: 1 from min_punten, 2 from twice, 3 from four times (4, 8, 16).
TEST(RisicobrancheCluster, LevelFollowsClusterSize) {
    for (auto [n, level] : {std::pair{7, 1}, {8, 2}, {15, 2}, {16, 3}}) {
        TownBuilder b;
        objects_at(b, n, {0, 0}, "4520");
        const auto hits = b.run(RisicobrancheCluster{});
        ASSERT_EQ(hits.size(), static_cast<std::size_t>(n));
        EXPECT_EQ(hits[0].level, level) << n;
    }
}

TEST(RisicobrancheCluster, OtherBranchesAndOneBusyObjectAreLeftAlone) {
    TownBuilder b;
    objects_at(b, 6, {0, 0}, "6201");
    b.vestigingen(b.vbo_at(kantoorfunctie, 900, {3000, 0}), 6, "4520");  // each object counts once
    EXPECT_TRUE(b.run(RisicobrancheCluster{}).empty());
}

TEST(RisicobrancheCluster, EndedVestigingenDoNotCount) {
    TownBuilder b;
    objects_at(b, 3, {0, 0}, "4520");
    b.vestiging(b.vbo_at(winkelfunctie, 120, {0, 0}), "4520", day(2015, 1, 1), day(2024, 1, 1));
    EXPECT_TRUE(b.run(RisicobrancheCluster{}).empty());
}

TEST(RisicobrancheCluster, ConfigureTakesParameters) {
    RisicobrancheCluster signal;
    signal.configure(params(signal, {{"eps_m", 200}, {"min_punten", 3}}));
    TownBuilder b;
    objects_at(b, 2, {0, 0}, "4520");
    objects_at(b, 1, {150, 0}, "4520");
    EXPECT_EQ(b.run(signal).size(), 3u);
}

}  // namespace
}  // namespace onregel::test
