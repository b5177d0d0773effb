#include "engine/signals/vergunning_opknippen.hpp"

#include <gtest/gtest.h>

#include "town_builder.hpp"

namespace onregel::test {
namespace {

TEST(VergunningOpknippen, FiresOnTwoAanvragenThatTogetherPassTheThreshold) {
    TownBuilder b;
    const auto v = static_cast<std::int32_t>(b.vbo(winkelfunctie, 300));
    b.vergunning(v, day(2024, 1, 10), 300000);
    b.vergunning(v, day(2024, 6, 1), 250000);
    const auto hits = b.run(make_configured<VergunningOpknippen>());
    ASSERT_EQ(hits.size(), 1u);
    EXPECT_EQ(hits[0].niveau, 1);
    EXPECT_EQ(hits[0].bewijs, "2 aanvragen voor dit object binnen 12 maanden, elk onder € 500.000, samen € 550.000: "
                              "Z1 (2024-01-10, € 300.000), Z2 (2024-06-01, € 250.000)");
}

// Each "below €500,000" (exclusive), together "at or above it" (inclusive).
TEST(VergunningOpknippen, AmountBoundaries) {
    for (auto [second, fires] : {std::pair{249999, false}, {250000, true}, {250001, true}}) {
        TownBuilder b;
        const auto v = static_cast<std::int32_t>(b.vbo(winkelfunctie, 300));
        b.vergunning(v, day(2024, 1, 10), 250000);
        b.vergunning(v, day(2024, 2, 10), second);
        EXPECT_EQ(b.run(make_configured<VergunningOpknippen>()).size(), fires ? 1u : 0u) << second;
    }
    for (auto [first, fires] : {std::pair{499999, true}, {500000, false}, {500001, false}}) {
        TownBuilder b;
        const auto v = static_cast<std::int32_t>(b.vbo(winkelfunctie, 300));
        b.vergunning(v, day(2024, 1, 10), first);
        b.vergunning(v, day(2024, 2, 10), 10000);
        EXPECT_EQ(b.run(make_configured<VergunningOpknippen>()).size(), fires ? 1u : 0u) << first;
    }
}

// "Within 12 months": less than 12 months apart; exactly 12 months is outside.
TEST(VergunningOpknippen, WindowBoundaryIsExclusive) {
    for (auto [second, fires] : {std::pair{day(2025, 1, 9), true}, {day(2025, 1, 10), false}, {day(2025, 1, 11), false}}) {
        TownBuilder b;
        b.town.peildatum = day(2025, 6, 1);
        const auto v = static_cast<std::int32_t>(b.vbo(winkelfunctie, 300));
        b.vergunning(v, day(2024, 1, 10), 300000);
        b.vergunning(v, second, 300000);
        EXPECT_EQ(b.run(make_configured<VergunningOpknippen>()).size(), fires ? 1u : 0u) << format_date(second);
    }
}

TEST(VergunningOpknippen, OneAanvragerOnSeveralObjects) {
    TownBuilder b;
    const auto v1 = static_cast<std::int32_t>(b.vbo(winkelfunctie, 300));
    const auto v2 = static_cast<std::int32_t>(b.vbo(winkelfunctie, 300));
    b.vergunning(v1, day(2024, 3, 1), 400000, "A17");
    b.vergunning(v2, day(2024, 4, 1), 400000, "A17");
    b.vergunning(-1, day(2024, 5, 1), 400000, "B2");  // another aanvrager, no object
    const auto hits = b.run(make_configured<VergunningOpknippen>());
    ASSERT_EQ(hits.size(), 2u);
    EXPECT_EQ(hits[0].vbo, 0u);
    EXPECT_EQ(hits[1].vbo, 1u);
    EXPECT_EQ(hits[1].bewijs.rfind("2 aanvragen van dezelfde aanvrager", 0), 0u);
    EXPECT_EQ(hits[1].bewijs.find("A17"), std::string::npos);  // the aanvrager is only used for grouping
}

// Level = number of aanvragen - 1, at most 3.
TEST(VergunningOpknippen, LevelCountsTheAanvragen) {
    for (auto [n, level] : {std::pair{2, 1}, {3, 2}, {4, 3}, {6, 3}}) {
        TownBuilder b;
        const auto v = static_cast<std::int32_t>(b.vbo(winkelfunctie, 300));
        for (int k = 0; k < n; ++k) b.vergunning(v, day(2024, 1, 1) + 20 * k, 260000);
        const auto hits = b.run(make_configured<VergunningOpknippen>());
        ASSERT_EQ(hits.size(), 1u);
        EXPECT_EQ(hits[0].niveau, level) << n;
    }
}

TEST(VergunningOpknippen, OneLargeAanvraagAndTheFutureAreLeftAlone) {
    TownBuilder b;
    const auto v = static_cast<std::int32_t>(b.vbo(winkelfunctie, 300));
    b.vergunning(v, day(2024, 1, 1), 2000000);
    b.vergunning(v, day(2024, 2, 1), 100000);
    b.vergunning(v, day(2025, 2, 1), 450000);  // after the peildatum
    EXPECT_TRUE(b.run(make_configured<VergunningOpknippen>()).empty());
}

TEST(VergunningOpknippen, SilentWithoutTheLayer) {
    TownBuilder b;
    const auto v = static_cast<std::int32_t>(b.vbo(winkelfunctie, 300));
    b.vergunning(v, day(2024, 1, 10), 300000);
    b.vergunning(v, day(2024, 6, 1), 250000);
    b.town.has_vergunningen = false;
    EXPECT_TRUE(b.run(make_configured<VergunningOpknippen>()).empty());
}

TEST(VergunningOpknippen, ConfigureTakesParameters) {
    const auto signal = make_configured<VergunningOpknippen>({{"drempel_euro", 100000}, {"min_aanvragen", 3}});
    TownBuilder b;
    const auto v = static_cast<std::int32_t>(b.vbo(winkelfunctie, 300));
    for (int k = 0; k < 3; ++k) b.vergunning(v, day(2024, 1, 1) + k, 40000);
    EXPECT_EQ(b.run(signal).size(), 1u);
}

}  // namespace
}  // namespace onregel::test
