#include "engine/signals/boxencomplex.hpp"

#include <gtest/gtest.h>

#include "engine/errors.hpp"
#include "town_builder.hpp"

namespace onregel::test {
namespace {

// A pand with n boxes of m2 in a row 4 m apart, starting at (0, 0); returns the first box.
std::uint32_t complex(TownBuilder& b, int n, std::int32_t m2 = 15) {
    const auto pand = b.pand();
    std::uint32_t first = 0;
    for (int k = 0; k < n; ++k) {
        const auto v = b.vbo_at(overige_gebruiksfunctie, m2, {4.0 * k, 0}, pand);
        if (k == 0) first = v;
    }
    return first;
}

TEST(Boxencomplex, FiresOnTheBusiestBox) {
    TownBuilder b;
    const auto first = complex(b, 12);
    b.vestiging(first + 3, "4520");
    b.vestiging(first + 5, "4520");
    b.vestiging(first + 5, "4690");
    const auto hits = b.run(make_configured<Boxencomplex>());
    ASSERT_EQ(hits.size(), 1u);
    EXPECT_EQ(hits[0].vbo, first + 5);
    EXPECT_EQ(hits[0].niveau, 1);
    EXPECT_EQ(hits[0].bewijs,
              "Complex van 12 boxen in pand " + bag_id_text(b.town.panden[0].id) + " met 2 boxen met een actieve vestiging");
}

TEST(Boxencomplex, ComplexWithoutActivityIsLeftAlone) {
    TownBuilder b;
    complex(b, 40);
    EXPECT_TRUE(b.run(make_configured<Boxencomplex>()).empty());
}

// "≥ 10 verblijfsobjecten" is inclusive; "≤ 25 m²" is inclusive.
TEST(Boxencomplex, BoxCountBoundaryIsInclusive) {
    for (auto [n, fires] : {std::pair{9, false}, {10, true}, {11, true}}) {
        TownBuilder b;
        b.vestiging(complex(b, n), "4520");
        EXPECT_EQ(b.run(make_configured<Boxencomplex>()).size(), fires ? 1u : 0u) << n << " boxen";
    }
    for (auto [m2, fires] : {std::pair{24, true}, {25, true}, {26, false}}) {
        TownBuilder b;
        b.vestiging(complex(b, 10, m2), "4520");
        EXPECT_EQ(b.run(make_configured<Boxencomplex>()).size(), fires ? 1u : 0u) << m2 << " m²";
    }
}

// Meldingen count within 50 m of a box, boundary included.
TEST(Boxencomplex, MeldingenNearTheBoxesCount) {
    for (auto [x, fires] : {std::pair{-49.0, true}, {-50.0, true}, {-51.0, false}}) {
        TownBuilder b;
        complex(b, 10);
        b.melding(-1, day(2024, 3, 1), "overlast", Point{x, 0});
        EXPECT_EQ(b.run(make_configured<Boxencomplex>()).size(), fires ? 1u : 0u) << x;
    }
}

// Activity = boxes with an active vestiging + meldingen; level 2 from 3, level 3 from 6.
TEST(Boxencomplex, LevelFollowsActivity) {
    for (auto [meldingen, level] : {std::pair{1, 1}, {2, 2}, {4, 2}, {5, 3}}) {
        TownBuilder b;
        const auto first = complex(b, 10);
        b.vestiging(first, "4520");
        for (int k = 0; k < meldingen; ++k) b.melding(static_cast<std::int32_t>(first + 1), day(2024, 1, 1));
        const auto hits = b.run(make_configured<Boxencomplex>());
        ASSERT_EQ(hits.size(), 1u);
        EXPECT_EQ(hits[0].niveau, level) << meldingen;
    }
}

TEST(Boxencomplex, EndedVestigingenAndLaterMeldingenDoNotCount) {
    TownBuilder b;
    const auto first = complex(b, 10);
    b.vestiging(first, "4520", day(2019, 1, 1), day(2024, 1, 1));
    b.melding(static_cast<std::int32_t>(first), day(2025, 3, 1));
    EXPECT_TRUE(b.run(make_configured<Boxencomplex>()).empty());
}

TEST(Boxencomplex, ConfigureTakesParametersAndChecksTheLevels) {
    const auto signal = make_configured<Boxencomplex>({{"min_boxen", 3}});
    TownBuilder b;
    b.vestiging(complex(b, 3), "4520");
    EXPECT_EQ(b.run(signal).size(), 1u);
    EXPECT_THROW(make_configured<Boxencomplex>({{"niveau2", 7}, {"niveau3", 6}}), config_error);
}

}  // namespace
}  // namespace onregel::test
