#include "engine/signals/meldingen.hpp"

#include <gtest/gtest.h>

#include "engine/errors.hpp"
#include "town_builder.hpp"

namespace onregel::test {
namespace {

const Date peil = day(2025, 1, 1);

std::int32_t object(TownBuilder& b) { return static_cast<std::int32_t>(b.vbo_at(woonfunctie, 90, {1000, 1000})); }

TEST(Meldingen, FiresOnAMeldingAtTheObject) {
    TownBuilder b;
    const auto v = object(b);
    b.melding(v, peil, "overlast");
    b.melding(v, day(2024, 1, 2), "afval");
    b.melding(v, day(2024, 6, 1), "overlast");
    const auto hits = b.run(make_configured<Meldingen>());
    ASSERT_EQ(hits.size(), 1u);
    EXPECT_EQ(hits[0].niveau, 1);
    EXPECT_EQ(hits[0].bewijs, "3 meldingen sinds 2024: 1 over afval en 2 over overlast");
}

// Location-only meldingen count within 25 m, boundary included; each melding counts once.
TEST(Meldingen, NearbyLocationOnlyMeldingenCount) {
    for (auto [dx, fires] : {std::pair{24.0, true}, {25.0, true}, {26.0, false}}) {
        TownBuilder b;
        object(b);
        b.melding(-1, peil, "overlast", Point{1000 + dx, 1000});
        EXPECT_EQ(b.run(make_configured<Meldingen>()).size(), fires ? 1u : 0u) << dx << " m";
    }
}

TEST(Meldingen, MeldingenMatchedToANeighbourDoNotCount) {
    TownBuilder b;
    const auto v = object(b);
    const auto neighbour = static_cast<std::int32_t>(b.vbo_at(woonfunctie, 90, {1010, 1000}));
    b.melding(neighbour, peil);
    const auto hits = b.run(make_configured<Meldingen>());
    ASSERT_EQ(hits.size(), 1u);
    EXPECT_EQ(hits[0].vbo, static_cast<std::uint32_t>(neighbour));
    EXPECT_NE(hits[0].vbo, static_cast<std::uint32_t>(v));
}

// A melding 365 days old weighs half: two of them reach the default niveau1 of 1 (inclusive), one does not.
TEST(Meldingen, RecencyHalvesTheWeightEachYear) {
    for (auto [n, fires] : {std::pair{1, false}, {2, true}}) {
        TownBuilder b;
        const auto v = object(b);
        for (int k = 0; k < n; ++k) b.melding(v, peil - 365);
        EXPECT_EQ(b.run(make_configured<Meldingen>()).size(), fires ? 1u : 0u) << n;
    }
}

// Levels at weighted counts ≥ 1, ≥ 3, ≥ 6, inclusive: meldingen on the peildatum weigh exactly 1.
TEST(Meldingen, LevelBoundariesAreInclusive) {
    struct Case {
        int today, yesterday, level;
    };
    for (auto c : {Case{2, 0, 1}, Case{2, 1, 1}, Case{3, 0, 2}, Case{5, 1, 2}, Case{6, 0, 3}}) {
        TownBuilder b;
        const auto v = object(b);
        for (int k = 0; k < c.today; ++k) b.melding(v, peil);
        for (int k = 0; k < c.yesterday; ++k) b.melding(v, peil - 1);  // weighs just below 1
        const auto hits = b.run(make_configured<Meldingen>());
        ASSERT_EQ(hits.size(), 1u);
        EXPECT_EQ(hits[0].niveau, c.level) << c.today << " + " << c.yesterday;
    }
}

TEST(Meldingen, MeldingenAfterThePeildatumAreIgnored) {
    TownBuilder b;
    b.melding(object(b), peil + 1);
    EXPECT_TRUE(b.run(make_configured<Meldingen>()).empty());
}

TEST(Meldingen, CategoryWeightsComeFromThePolicy) {
    TownBuilder b;
    b.policy.meldingen_gewicht = {{"drugs", 3.0}, {"parkeren", 0.0}};
    const auto v = object(b);
    b.melding(v, peil, "drugs");
    b.melding(v, peil, "parkeren");
    const auto hits = b.run(make_configured<Meldingen>());
    ASSERT_EQ(hits.size(), 1u);
    EXPECT_EQ(hits[0].niveau, 2);
    EXPECT_EQ(hits[0].bewijs, "1 melding over drugs sinds 2025");
}

TEST(Meldingen, ConfigureTakesParametersAndChecksTheLevels) {
    const auto signal = make_configured<Meldingen>({{"straal_m", 100}, {"halfwaardetijd_dagen", 30}});
    TownBuilder b;
    object(b);
    b.melding(-1, peil, "overlast", Point{1080, 1000});
    EXPECT_EQ(b.run(signal).size(), 1u);
    EXPECT_THROW(make_configured<Meldingen>({{"niveau1", 4}}), config_error);
}

}  // namespace
}  // namespace onregel::test
