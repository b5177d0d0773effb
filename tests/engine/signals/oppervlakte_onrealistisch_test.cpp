#include "engine/signals/oppervlakte_onrealistisch.hpp"

#include <gtest/gtest.h>

#include "town_builder.hpp"

namespace onregel::test {
namespace {

using OppervlakteOnrealistischOnBothSbi = BothSbi;

TEST_P(OppervlakteOnrealistischOnBothSbi, FiresOnAGarageInATinyObject) {
    auto b = town();
    b.vestiging(b.vbo(industriefunctie, 30), "4520");
    const auto hits = b.run(make_configured<OppervlakteOnrealistisch>());
    ASSERT_EQ(hits.size(), 1u);
    EXPECT_EQ(hits[0].niveau, 1);
    EXPECT_EQ(hits[0].bewijs, "Object van 30 m², te klein voor autohandel_reparatie (SBI " + b.sbi("4520") + ", minstens 50 m²)");
}

// The minimum is what the activity needs: an object of exactly that size is enough.
TEST_P(OppervlakteOnrealistischOnBothSbi, MinimumAreaBoundaries) {
    for (auto [sbi, minimum] : {std::pair{"4511", 50}, {"45205", 100}, {"5610", 30}}) {
        for (auto [m2, fires] : {std::pair{minimum - 1, true}, {minimum, false}, {minimum + 1, false}}) {
            auto b = town();
            b.vestiging(b.vbo(industriefunctie | winkelfunctie, m2), sbi);
            EXPECT_EQ(b.run(make_configured<OppervlakteOnrealistisch>()).size(), fires ? 1u : 0u) << sbi << " on " << m2 << " m²";
        }
    }
}

// "> 1 werkzame persoon per 4 m²" is exclusive: 10 people on 40 m² stay silent, on 39 m² fire.
TEST_P(OppervlakteOnrealistischOnBothSbi, PersonsPerAreaBoundaryIsExclusive) {
    for (auto [m2, fires] : {std::pair{39, true}, {40, false}, {41, false}}) {
        auto b = town();
        const auto v = b.vbo(kantoorfunctie, m2);
        b.vestiging(v, "7022").werkzame_personen = 6;
        b.vestiging(v, "6201").werkzame_personen = 4;
        b.vestiging(v, "6202").werkzame_personen = -1;  // unknown
        const auto hits = b.run(make_configured<OppervlakteOnrealistisch>());
        ASSERT_EQ(hits.size(), fires ? 1u : 0u) << m2 << " m²";
        if (fires) {
            EXPECT_EQ(hits[0].bewijs, "Object van 39 m² met 10 werkzame personen, 3,9 m² per persoon");
        }
    }
}

TEST_P(OppervlakteOnrealistischOnBothSbi, LargeStoreWithManyEmployeesIsLeftAlone) {
    auto b = town();
    b.vestiging(b.vbo(winkelfunctie, 4500), "4711").werkzame_personen = 180;
    EXPECT_TRUE(b.run(make_configured<OppervlakteOnrealistisch>()).empty());
}

// Level by shortfall (needed / available): 1 below twice, 2 below four times, 3 from four times.
TEST_P(OppervlakteOnrealistischOnBothSbi, LevelFollowsTheShortfall) {
    for (auto [m2, level] : {std::pair{26, 1}, {25, 2}, {13, 2}, {12, 3}}) {
        auto b = town();
        b.vestiging(b.vbo(industriefunctie, m2), "4520");
        const auto hits = b.run(make_configured<OppervlakteOnrealistisch>());
        ASSERT_EQ(hits.size(), 1u);
        EXPECT_EQ(hits[0].niveau, level) << m2 << " m²";
    }
}

TEST_P(OppervlakteOnrealistischOnBothSbi, EndedVestigingenDoNotCount) {
    auto b = town();
    const auto v = b.vbo(industriefunctie, 20);
    b.vestiging(v, "4520", day(2010, 1, 1), day(2024, 1, 1));
    b.vestiging(v, "7022", day(2010, 1, 1), day(2024, 1, 1)).werkzame_personen = 50;
    EXPECT_TRUE(b.run(make_configured<OppervlakteOnrealistisch>()).empty());
}

TEST_P(OppervlakteOnrealistischOnBothSbi, ConfigureTakesParameters) {
    const auto signal = make_configured<OppervlakteOnrealistisch>({{"min_m2_per_persoon", 10}});
    auto b = town();
    b.vestiging(b.vbo(kantoorfunctie, 90), "7022").werkzame_personen = 10;
    EXPECT_EQ(b.run(signal).size(), 1u);
}

ONREGEL_ON_BOTH_SBI(OppervlakteOnrealistischOnBothSbi);

}  // namespace
}  // namespace onregel::test
