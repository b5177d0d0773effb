#include "engine/signals/kelderbox.hpp"

#include <gtest/gtest.h>

#include "town_builder.hpp"

namespace onregel::test {
namespace {

TEST(Kelderbox, FiresOnABoxWithAVestiging) {
    TownBuilder b;
    const auto v = b.vbo(overige_gebruiksfunctie, 18);
    b.vestiging(v, "4520");
    const auto hits = b.run(make_configured<Kelderbox>());
    ASSERT_EQ(hits.size(), 1u);
    EXPECT_EQ(hits[0].niveau, 1);
    EXPECT_EQ(hits[0].bewijs, "Box van 18 m² met 1 actieve vestiging");
}

TEST(Kelderbox, FiresOnABoxWithAMelding) {
    TownBuilder b;
    b.melding(static_cast<std::int32_t>(b.vbo(overige_gebruiksfunctie, 18)), day(2024, 5, 1));
    const auto hits = b.run(make_configured<Kelderbox>());
    ASSERT_EQ(hits.size(), 1u);
    EXPECT_EQ(hits[0].bewijs, "Box van 18 m² met 1 melding sinds 2024");
}

// The sentence of issue #19: facts first, counted in words a handhaver reads aloud.
TEST(Kelderbox, SaysTheBoxItsVestigingenAndMeldingenInOneSentence) {
    TownBuilder b;
    const auto v = b.vbo(overige_gebruiksfunctie, 21);
    b.vestigingen(v, 2, "4520");
    b.melding(static_cast<std::int32_t>(v), day(2024, 3, 1));
    b.melding(static_cast<std::int32_t>(v), day(2024, 9, 1));
    b.melding(static_cast<std::int32_t>(v), day(2025, 2, 1));  // after the peildatum: not counted
    b.melding(static_cast<std::int32_t>(v), day(2023, 11, 1));
    const auto hits = b.run(make_configured<Kelderbox>());
    ASSERT_EQ(hits.size(), 1u);
    EXPECT_EQ(hits[0].bewijs, "Box van 21 m² met 2 actieve vestigingen en 3 meldingen sinds 2023");
}

// "≤ 25 m²" is inclusive.
TEST(Kelderbox, FloorAreaBoundaryIsInclusive) {
    for (auto [m2, fires] : {std::pair{24, true}, {25, true}, {26, false}}) {
        TownBuilder b;
        b.vestiging(b.vbo(overige_gebruiksfunctie, m2), "4520");
        EXPECT_EQ(b.run(make_configured<Kelderbox>()).size(), fires ? 1u : 0u) << m2 << " m²";
    }
}

// "≥ 1 active vestiging or ≥ 1 melding" (inclusive; raised to 2 here to see both sides).
TEST(Kelderbox, CountBoundariesAreInclusive) {
    const auto signal = make_configured<Kelderbox>({{"min_vestigingen", 2}, {"min_meldingen", 2}});
    for (int n : {1, 2, 3}) {
        TownBuilder b;
        b.vestigingen(b.vbo(overige_gebruiksfunctie, 20), n, "4520");
        EXPECT_EQ(b.run(signal).size(), n >= 2 ? 1u : 0u) << n << " vestigingen";
        TownBuilder c;
        const auto box = static_cast<std::int32_t>(c.vbo(overige_gebruiksfunctie, 20));
        for (int k = 0; k < n; ++k) c.melding(box, day(2024, 1, 1));
        EXPECT_EQ(c.run(signal).size(), n >= 2 ? 1u : 0u) << n << " meldingen";
    }
}

TEST(Kelderbox, OnlyOverigeGebruiksfunctieCounts) {
    TownBuilder b;
    b.vestiging(b.vbo(overige_gebruiksfunctie | woonfunctie, 20), "4520");
    b.vestiging(b.vbo(winkelfunctie, 20), "4520");
    EXPECT_TRUE(b.run(make_configured<Kelderbox>()).empty());
}

TEST(Kelderbox, GarageboxWithoutRegistrationsOrReportsIsLeftAlone) {
    TownBuilder b;
    for (int k = 0; k < 20; ++k) b.vbo(overige_gebruiksfunctie, 15);
    EXPECT_TRUE(b.run(make_configured<Kelderbox>()).empty());
}

// Level 1: one kind of activity; 2: both; 3: both and four or more in all.
TEST(Kelderbox, LevelGrowsWithBothKindsOfActivity) {
    for (auto [vestigingen, meldingen, level] : {std::tuple{2, 0, 1}, {1, 1, 2}, {2, 1, 2}, {2, 2, 3}}) {
        TownBuilder b;
        const auto box = b.vbo(overige_gebruiksfunctie, 20);
        b.vestigingen(box, vestigingen, "4520");
        for (int k = 0; k < meldingen; ++k) b.melding(static_cast<std::int32_t>(box), day(2024, 1, 1));
        const auto hits = b.run(make_configured<Kelderbox>());
        ASSERT_EQ(hits.size(), 1u);
        EXPECT_EQ(hits[0].niveau, level) << vestigingen << " vestigingen, " << meldingen << " meldingen";
    }
}

TEST(Kelderbox, EndedVestigingenAndLaterMeldingenDoNotCount) {
    TownBuilder b;
    const auto box = b.vbo(overige_gebruiksfunctie, 20);
    b.vestiging(box, "4520", day(2019, 1, 1), day(2023, 1, 1));
    b.melding(static_cast<std::int32_t>(box), day(2025, 2, 1));
    EXPECT_TRUE(b.run(make_configured<Kelderbox>()).empty());
}

TEST(Kelderbox, ConfigureTakesParameters) {
    const auto signal = make_configured<Kelderbox>({{"max_oppervlakte", 40}});
    TownBuilder b;
    b.vestiging(b.vbo(overige_gebruiksfunctie, 35), "4520");
    EXPECT_EQ(b.run(signal).size(), 1u);
}

}  // namespace
}  // namespace onregel::test
