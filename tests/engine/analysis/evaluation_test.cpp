#include "engine/analysis/evaluation.hpp"

#include <gtest/gtest.h>

namespace onregel {
namespace {

// Reference values of the Wilson score interval at 95% (z = 1.959964), e.g. Newcombe (1998), table I.
TEST(Wilson, MatchesPublishedIntervals) {
    const auto half = wilson(3, 6);
    EXPECT_DOUBLE_EQ(half.waarde, 0.5);
    EXPECT_NEAR(half.laag, 0.1876, 1e-4);
    EXPECT_NEAR(half.hoog, 0.8124, 1e-4);
    const auto all = wilson(3, 3);
    EXPECT_NEAR(all.laag, 0.4385, 1e-4);
    EXPECT_DOUBLE_EQ(all.hoog, 1.0);
    const auto none = wilson(0, 10);
    EXPECT_DOUBLE_EQ(none.laag, 0.0);
    EXPECT_NEAR(none.hoog, 0.2775, 1e-4);
    const auto empty = wilson(0, 0);
    EXPECT_EQ(empty.n, 0);
    EXPECT_DOUBLE_EQ(empty.hoog, 0.0);
}

// The hand-computed fixture (tests/data/evaluate/ holds the same case for the CLI):
//   ranked R1..R6 (rang 1..6), signals R1 {a,b}, R2 {a}, R3 {b}, R4 {a,c}, R5 {c}, R6 {b};
//   steekproef S1..S4; A = 100 objects of which a = 10 flagged.
//   outcomes: R1 bevinding; R2 bevinding and geen (counts once, as bevinding); R3, R5, R6 geen;
//   R4 bevinding; S1 bevinding; S2-S4 geen; X (not in the run) bevinding.
//   ranked 3/6 = 0.5, Wilson [0.1876, 0.8124]; steekproef 1/4 = 0.25, Wilson [0.0456, 0.6994];
//   lift 0.5 / 0.25 = 2; onbekend 1.
//   precision@5: rang 1..5 = T T F T F -> 3/5 = 0.6; precision@6 = 3/6 = 0.5.
//   PAI: n = 0.5 x 10 = 5, N = 5 + 0.25 x 90 = 27.5, (5 / 27.5) / (10 / 100) = 1.818182.
//   per signal: a 3/3 = 1, lift 4; b 1/3, lift 4/3; c 1/2, lift 2.
TEST(Evaluation, HandComputedFixture) {
    const std::vector<Bekend> bekend = {
        {"R1", Groep::gerangschikt, 1, {"a", "b"}}, {"R2", Groep::gerangschikt, 2, {"a"}},
        {"R3", Groep::gerangschikt, 3, {"b"}},      {"R4", Groep::gerangschikt, 4, {"a", "c"}},
        {"R5", Groep::gerangschikt, 5, {"c"}},      {"R6", Groep::gerangschikt, 6, {"b"}},
        {"S1", Groep::steekproef, 0, {}},           {"S2", Groep::steekproef, 0, {}},
        {"S3", Groep::steekproef, 0, {}},           {"S4", Groep::steekproef, 0, {}}};
    const std::vector<Resultaat> resultaten = {{"R6", false}, {"R1", true},  {"R2", true},  {"S1", true},
                                               {"R2", false}, {"R3", false}, {"X", true},   {"R4", true},
                                               {"S2", false}, {"R5", false}, {"S3", false}, {"S4", false}};
    const auto e = evaluate_uitkomsten(resultaten, bekend, 100, 10);
    EXPECT_EQ(e.gerangschikt.n, 6);
    EXPECT_EQ(e.gerangschikt.treffers, 3);
    EXPECT_NEAR(e.gerangschikt.laag, 0.1876, 1e-4);
    EXPECT_EQ(e.steekproef.n, 4);
    EXPECT_EQ(e.steekproef.treffers, 1);
    EXPECT_NEAR(e.steekproef.laag, 0.0456, 1e-4);
    EXPECT_NEAR(e.steekproef.hoog, 0.6994, 1e-4);
    EXPECT_EQ(e.onbekend, 1);
    ASSERT_TRUE(e.lift);
    EXPECT_DOUBLE_EQ(*e.lift, 2.0);
    ASSERT_EQ(e.precisie.size(), 2u);
    EXPECT_EQ(e.precisie[0].first, 5);
    EXPECT_EQ(e.precisie[0].second.treffers, 3);
    EXPECT_DOUBLE_EQ(e.precisie[0].second.waarde, 0.6);
    EXPECT_EQ(e.precisie[1].first, 6);
    EXPECT_DOUBLE_EQ(e.precisie[1].second.waarde, 0.5);
    ASSERT_TRUE(e.pai);
    EXPECT_NEAR(*e.pai, 1.818182, 1e-6);
    ASSERT_EQ(e.per_signaal.size(), 3u);
    EXPECT_EQ(e.per_signaal[0].signaal, "a");
    EXPECT_EQ(e.per_signaal[0].aandeel.treffers, 3);
    EXPECT_DOUBLE_EQ(*e.per_signaal[0].lift, 4.0);
    EXPECT_EQ(e.per_signaal[1].signaal, "b");
    EXPECT_EQ(e.per_signaal[1].aandeel.n, 3);
    EXPECT_NEAR(*e.per_signaal[1].lift, 4.0 / 3.0, 1e-12);
    EXPECT_EQ(e.per_signaal[2].signaal, "c");
    EXPECT_DOUBLE_EQ(e.per_signaal[2].aandeel.waarde, 0.5);
}

TEST(Evaluation, WithoutABaseRateThereIsNoLiftOrPai) {
    const std::vector<Bekend> bekend = {{"R1", Groep::gerangschikt, 1, {"a"}}, {"S1", Groep::steekproef, 0, {}}};
    const std::vector<Resultaat> only_ranked = {{"R1", true}};
    const auto e = evaluate_uitkomsten(only_ranked, bekend, 10, 1);
    EXPECT_FALSE(e.pai) << "no steekproef visited";
    EXPECT_FALSE(e.lift);
    const std::vector<Resultaat> empty_steekproef = {{"R1", true}, {"S1", false}};
    const auto f = evaluate_uitkomsten(empty_steekproef, bekend, 10, 1);
    EXPECT_FALSE(f.lift) << "the steekproef found nothing: a ratio would be infinite";
    EXPECT_FALSE(f.per_signaal[0].lift);
    ASSERT_TRUE(f.pai);
    EXPECT_DOUBLE_EQ(*f.pai, 10.0) << "every bevinding at the 1 in 10 flagged objects";
}

}  // namespace
}  // namespace onregel
