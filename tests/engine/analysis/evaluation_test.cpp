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

// Expected values from python3's standard library, not from the code under test:
//   from statistics import NormalDist; from math import sqrt
//   z = NormalDist().inv_cdf(0.975); p = x / n
//   c = (p + z*z/(2*n)) / (1 + z*z/n); h = z / (1 + z*z/n) * sqrt(p*(1-p)/n + z*z/(4*n*n))
//   (x, n) = (7, 40): [0.087454, 0.319500]; (1, 12): [0.014865, 0.353880]; (0, 25): [0, 0.133192]
TEST(Wilson, MatchesAnIndependentComputation) {
    const auto a = wilson(7, 40);
    EXPECT_DOUBLE_EQ(a.waarde, 0.175);
    EXPECT_NEAR(a.laag, 0.087454, 1e-6);
    EXPECT_NEAR(a.hoog, 0.319500, 1e-6);
    const auto b = wilson(1, 12);
    EXPECT_NEAR(b.laag, 0.014865, 1e-6);
    EXPECT_NEAR(b.hoog, 0.353880, 1e-6);
    const auto c = wilson(0, 25);
    EXPECT_DOUBLE_EQ(c.laag, 0.0);
    EXPECT_NEAR(c.hoog, 0.133192, 1e-6);
}

// Ranked objects R0..R(n-1), the first `hits` with a bevinding, and likewise the steekproef.
std::pair<std::vector<Bekend>, std::vector<Resultaat>> visits(int ranked, int ranked_hits, int steekproef, int steekproef_hits) {
    std::pair<std::vector<Bekend>, std::vector<Resultaat>> out;
    for (int i = 0; i < ranked; ++i) {
        out.first.push_back({"R" + std::to_string(i), Groep::gerangschikt, i + 1, {"a"}});
        out.second.push_back({"R" + std::to_string(i), i < ranked_hits});
    }
    for (int i = 0; i < steekproef; ++i) {
        out.first.push_back({"S" + std::to_string(i), Groep::steekproef, 0, {}});
        out.second.push_back({"S" + std::to_string(i), i < steekproef_hits});
    }
    return out;
}

// Katz's log interval, by python3 as above: rr = (x1/n1) / (x2/n2), se = sqrt(1/x1 - 1/n1 + 1/x2 - 1/n2),
// [rr exp(-z se), rr exp(z se)]. 12/30 against 3/25: rr = 3.333333, [1.057110, 10.510838].
// PAI with A = 1361, a = 100 (f = a/A): 1 / (f + (1 - f) / rr) = 2.845494, [1.052693, 6.187168].
TEST(Evaluation, LiftAndPaiCarryKatzIntervals) {
    const auto rr = lift(wilson(12, 30), wilson(3, 25));
    EXPECT_EQ(rr.vergelijking, Vergelijking::mogelijk);
    ASSERT_TRUE(rr.verhouding);
    EXPECT_NEAR(rr.verhouding->waarde, 3.333333, 1e-6);
    EXPECT_NEAR(rr.verhouding->laag, 1.057110, 1e-6);
    EXPECT_NEAR(rr.verhouding->hoog, 10.510838, 1e-6);

    const auto [bekend, resultaten] = visits(30, 12, 25, 3);
    const auto e = evaluate_uitkomsten(resultaten, bekend, 1361, 100);
    ASSERT_TRUE(e.lift.verhouding);
    EXPECT_NEAR(e.lift.verhouding->laag, 1.057110, 1e-6);
    ASSERT_TRUE(e.pai);
    EXPECT_NEAR(e.pai->waarde, 2.845494, 1e-6);
    EXPECT_NEAR(e.pai->laag, 1.052693, 1e-6);
    EXPECT_NEAR(e.pai->hoog, 6.187168, 1e-6);
    ASSERT_EQ(e.per_signaal.size(), 1u);
    ASSERT_TRUE(e.per_signaal[0].lift.verhouding) << "signal a flagged all 30";
    EXPECT_NEAR(e.per_signaal[0].lift.verhouding->hoog, 10.510838, 1e-6);
}

// The hand-computed fixture (tests/data/evaluate/ holds the same case for the CLI):
//   ranked R1..R6 (rang 1..6), signals R1 {a,b}, R2 {a}, R3 {b}, R4 {a,c}, R5 {c}, R6 {b};
//   steekproef S1..S4; A = 100 objects of which a = 10 flagged.
//   outcomes: R1 bevinding; R2 bevinding and geen (counts once, as bevinding); R3, R5, R6 geen;
//   R4 bevinding; S1 bevinding; S2-S4 geen; X (not in the run) bevinding.
//   ranked 3/6 = 0.5, Wilson [0.1876, 0.8124]; steekproef 1/4 = 0.25, Wilson [0.0456, 0.6994];
//   onbekend 1. Four steekproef visits are fewer than min_bezoeken: no lift, no PAI.
//   precision@5: rang 1..5 = T T F T F -> 3/5 = 0.6; precision@6 = 3/6 = 0.5.
//   per signal: a 3/3 = 1; b 1/3; c 1/2; none with a lift.
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
    EXPECT_EQ(e.lift.vergelijking, Vergelijking::steekproef_te_klein);
    EXPECT_FALSE(e.lift.verhouding);
    ASSERT_EQ(e.precisie.size(), 2u);
    EXPECT_EQ(e.precisie[0].first, 5);
    EXPECT_EQ(e.precisie[0].second.treffers, 3);
    EXPECT_DOUBLE_EQ(e.precisie[0].second.waarde, 0.6);
    EXPECT_EQ(e.precisie[1].first, 6);
    EXPECT_DOUBLE_EQ(e.precisie[1].second.waarde, 0.5);
    EXPECT_FALSE(e.pai);
    ASSERT_EQ(e.per_signaal.size(), 3u);
    EXPECT_EQ(e.per_signaal[0].signaal, "a");
    EXPECT_EQ(e.per_signaal[0].aandeel.treffers, 3);
    EXPECT_DOUBLE_EQ(e.per_signaal[0].aandeel.waarde, 1.0);
    EXPECT_EQ(e.per_signaal[1].signaal, "b");
    EXPECT_EQ(e.per_signaal[1].aandeel.n, 3);
    EXPECT_EQ(e.per_signaal[2].signaal, "c");
    EXPECT_DOUBLE_EQ(e.per_signaal[2].aandeel.waarde, 0.5);
    for (const auto& s : e.per_signaal) EXPECT_FALSE(s.lift.verhouding) << s.signaal;
}

// The defect of issue #17: with a steekproef that found nothing the estimated share of bevindingen at
// flagged objects is 1, so PAI came out as A/a = 1361/100 = 13.61 whatever the ranking found.
TEST(Evaluation, ASteekproefWithoutBevindingGivesNoPai) {
    const auto [bekend, resultaten] = visits(50, 20, 40, 0);
    const auto e = evaluate_uitkomsten(resultaten, bekend, 1361, 100);
    EXPECT_EQ(e.steekproef.n, 40);
    EXPECT_NEAR(e.steekproef.hoog, 0.087622, 1e-6) << "python3 as above: Wilson 0/40";
    EXPECT_EQ(e.lift.vergelijking, Vergelijking::steekproef_zonder_bevinding);
    EXPECT_FALSE(e.lift.verhouding);
    EXPECT_FALSE(e.pai) << "not 13.61";
    EXPECT_FALSE(e.per_signaal[0].lift.verhouding);
}

TEST(Evaluation, TooFewVisitsGiveNoRatio) {
    {
        const auto [bekend, resultaten] = visits(50, 20, 3, 1);
        const auto e = evaluate_uitkomsten(resultaten, bekend, 1361, 100);
        EXPECT_EQ(e.lift.vergelijking, Vergelijking::steekproef_te_klein);
        EXPECT_FALSE(e.lift.verhouding);
        EXPECT_FALSE(e.pai);
    }
    {
        const auto [bekend, resultaten] = visits(9, 5, 20, 2);
        const auto e = evaluate_uitkomsten(resultaten, bekend, 1361, 100);
        EXPECT_EQ(e.lift.vergelijking, Vergelijking::groep_te_klein);
        EXPECT_FALSE(e.pai);
    }
    {
        const auto [bekend, resultaten] = visits(12, 0, 20, 2);
        const auto e = evaluate_uitkomsten(resultaten, bekend, 1361, 100);
        EXPECT_EQ(e.lift.vergelijking, Vergelijking::groep_zonder_bevinding);
        EXPECT_FALSE(e.lift.verhouding);
        EXPECT_FALSE(e.pai);
    }
    {
        const auto [bekend, resultaten] = visits(10, 1, 10, 1);
        const auto e = evaluate_uitkomsten(resultaten, bekend, 1361, 100);
        EXPECT_EQ(e.lift.vergelijking, Vergelijking::mogelijk) << "exactly the minimum in both";
        ASSERT_TRUE(e.lift.verhouding);
        EXPECT_DOUBLE_EQ(e.lift.verhouding->waarde, 1.0);
        ASSERT_TRUE(e.pai);
        EXPECT_NEAR(e.pai->waarde, 1.0, 1e-12) << "no better than chance";
    }
    {
        const auto [bekend, resultaten] = visits(20, 5, 20, 2);
        EXPECT_FALSE(evaluate_uitkomsten(resultaten, bekend, 0, 0).pai) << "a manifest without counts";
    }
}

}  // namespace
}  // namespace onregel
