#include "engine/signals/verloop.hpp"

#include <gtest/gtest.h>

#include "engine/signals/support.hpp"
#include "town_builder.hpp"

namespace onregel::test {
namespace {

// Peildatum 2025-01-01: the 24-month window holds dates after 2023-01-01 up to the peildatum.
TEST(Verloop, FiresOnFourWisselingen) {
    TownBuilder b;
    const auto v = b.vbo(kantoorfunctie, 80);
    b.vestiging(v, "4520", day(2018, 1, 1), day(2023, 6, 1));  // ended in the window
    b.vestiging(v, "4520", day(2023, 7, 1));                  // started in the window
    b.vestiging(v, "4719", day(2023, 9, 1), day(2024, 12, 1));
    b.vestiging(v, "4719", day(2024, 12, 15));
    const auto hits = b.run(make_configured<Verloop>());
    ASSERT_EQ(hits.size(), 1u);
    EXPECT_EQ(hits[0].niveau, 1);
    EXPECT_EQ(hits[0].bewijs,
              "4 vestigingen begonnen of stopten in de laatste 24 maanden: SBI 4520 van 2018-01-01 tot 2023-06-01, "
              "SBI 4520 van 2023-07-01 tot nu, SBI 4719 van 2023-09-01 tot 2024-12-01, SBI 4719 van 2024-12-15 tot nu");
}

// "Within 24 months": a date exactly 24 months before the peildatum is outside, a day later inside.
TEST(Verloop, WindowBoundaryIsExclusive) {
    for (auto [start, fires] : {std::pair{day(2022, 12, 31), false}, {day(2023, 1, 1), false}, {day(2023, 1, 2), true}}) {
        TownBuilder b;
        const auto v = b.vbo(kantoorfunctie, 80);
        b.vestiging(v, "4520", start);
        for (int k = 0; k < 3; ++k) b.vestiging(v, "4520", day(2024, 1, 1));
        EXPECT_EQ(b.run(make_configured<Verloop>()).size(), fires ? 1u : 0u) << format_date(start);
    }
}

// "≥ 4" is inclusive.
TEST(Verloop, CountBoundaryIsInclusive) {
    for (auto [n, fires] : {std::pair{3, false}, {4, true}, {5, true}}) {
        TownBuilder b;
        const auto v = b.vbo(kantoorfunctie, 80);
        for (int k = 0; k < n; ++k) b.vestiging(v, "4520", day(2024, 1, 1));
        EXPECT_EQ(b.run(make_configured<Verloop>()).size(), fires ? 1u : 0u) << n;
    }
}

// "≥ 3 that each lived < 12 months within 36 months": lifetimes at the boundary of 12 months.
TEST(Verloop, ShortLivedRule) {
    for (auto [einde, fires] : {std::pair{day(2021, 3, 31), true}, {day(2021, 4, 1), false}, {day(2021, 4, 2), false}}) {
        TownBuilder b;
        b.town.peildatum = day(2024, 1, 1);
        const auto v = b.vbo(kantoorfunctie, 80);
        // Before the 24-month window, so only the short-lived rule can fire.
        b.vestiging(v, "5610", day(2020, 12, 1), day(2021, 3, 1));
        b.vestiging(v, "5610", day(2020, 11, 1), day(2021, 3, 15));
        b.vestiging(v, "5610", day(2020, 4, 1), einde);  // lived 12 months when it ended on 2021-04-01
        EXPECT_EQ(b.run(make_configured<Verloop>()).size(), fires ? 1u : 0u) << format_date(einde);
    }
}

TEST(Verloop, ShortLivedMustHaveEndedWithin36Months) {
    for (auto [einde, fires] : {std::pair{day(2022, 1, 1), false}, {day(2022, 1, 2), true}}) {
        TownBuilder b;
        const auto v = b.vbo(kantoorfunctie, 80);
        b.vestiging(v, "5610", day(2021, 6, 1), einde);
        b.vestiging(v, "5610", day(2022, 2, 1), day(2022, 8, 1));
        b.vestiging(v, "5610", day(2022, 6, 1), day(2022, 11, 1));
        EXPECT_EQ(b.run(make_configured<Verloop>()).size(), fires ? 1u : 0u) << format_date(einde);
    }
}

TEST(Verloop, StableObjectsAndTheFutureAreLeftAlone) {
    TownBuilder b;
    const auto v = b.vbo(kantoorfunctie, 400);
    for (int k = 0; k < 10; ++k) b.vestiging(v, "6201", day(2010, 1, 1));   // long-standing tenants
    for (int k = 0; k < 4; ++k) b.vestiging(v, "6201", day(2025, 3, 1));    // after the peildatum
    EXPECT_TRUE(b.run(make_configured<Verloop>()).empty());
}

// Level by the rule that fires most strongly: 1 from its threshold, 2 from twice, 3 from four times.
TEST(Verloop, LevelFollowsTheStrongestRule) {
    for (auto [n, level] : {std::pair{7, 1}, {8, 2}, {16, 3}}) {
        TownBuilder b;
        const auto v = b.vbo(kantoorfunctie, 80);
        for (int k = 0; k < n; ++k) b.vestiging(v, "4520", day(2024, 1, 1));
        const auto hits = b.run(make_configured<Verloop>());
        ASSERT_EQ(hits.size(), 1u);
        EXPECT_EQ(hits[0].niveau, level) << n;
        if (n == 16) {  // 6 shown
            EXPECT_NE(hits[0].bewijs.find(" en 10 meer"), std::string::npos);
        }
    }
}

TEST(Verloop, ConfigureTakesParameters) {
    const auto signal = make_configured<Verloop>({{"venster_maanden", 120}, {"min_wisselingen", 2}});
    TownBuilder b;
    const auto v = b.vbo(kantoorfunctie, 80);
    b.vestiging(v, "4520", day(2016, 1, 1));
    b.vestiging(v, "4520", day(2017, 1, 1));
    EXPECT_EQ(b.run(signal).size(), 1u);
}

TEST(AddMonths, ClampsToTheEndOfTheMonth) {
    EXPECT_EQ(add_months(day(2024, 3, 31), -1), day(2024, 2, 29));
    EXPECT_EQ(add_months(day(2025, 1, 1), -24), day(2023, 1, 1));
    EXPECT_EQ(add_months(day(2024, 11, 15), 3), day(2025, 2, 15));
}

}  // namespace
}  // namespace onregel::test
