#include "engine/signals/meldingen_hotspot.hpp"

#include <gtest/gtest.h>

#include <algorithm>

#include "engine/errors.hpp"
#include "town_builder.hpp"

namespace onregel::test {
namespace {

const Date peil = day(2025, 1, 1);

// A 20 x 20 block of homes, one per 100 m cell; meldingen heaped on the 3 x 3 cells around (1050, 1050)
// and a few scattered elsewhere (one lands in the middle). Returns the home in the middle of the heap.
std::uint32_t town_with_a_heap(TownBuilder& b, Date datum = peil, const std::string& categorie = "overlast") {
    std::uint32_t centre = 0;
    for (int i = 0; i < 20; ++i)
        for (int j = 0; j < 20; ++j) {
            const auto v = b.vbo_at(woonfunctie, 90, {50.0 + 100 * i, 50.0 + 100 * j});
            if (i == 10 && j == 10) centre = v;
        }
    for (int i = 9; i <= 11; ++i)
        for (int j = 9; j <= 11; ++j)
            for (int k = 0; k < 12; ++k) b.melding(-1, datum, categorie, Point{20.0 + 100 * i + k, 30.0 + 100 * j});
    for (int k = 0; k < 20; ++k) b.melding(-1, datum, categorie, Point{50.0 + 100 * ((k * 7) % 20), 50.0 + 100 * ((k * 3) % 20)});
    return centre;
}

TEST(MeldingenHotspot, FiresWhereMeldingenExceedWhatTheAddressesExplain) {
    TownBuilder b;
    const auto centre = town_with_a_heap(b);
    const auto hits = b.run(make_configured<MeldingenHotspot>());
    const auto it = std::find_if(hits.begin(), hits.end(), [&](const Hit& h) { return h.vbo == centre; });
    ASSERT_NE(it, hits.end());
    EXPECT_EQ(it->niveau, 3);
    // 128 meldingen, each at a place of its own, over 400 homes: 0.32 expected in a cell of one home.
    EXPECT_EQ(it->bewijs, "13 plekken met meldingen (13 meldingen) in dit vak van 100 bij 100 m met 1 adres, waar je er "
                          "ongeveer 0,3 zou verwachten");
    // Level = the class of the object's cell, and only objects in cells of class >= 1 fire.
    const auto grid = meldingen_excess(b.town, b.policy, make_configured<MeldingenHotspot>().options());
    std::size_t expected = 0;
    for (std::uint32_t i = 0; i < b.town.verblijfsobjecten.size(); ++i) {
        const auto klasse = grid.cells[static_cast<std::size_t>(grid.find(b.town.verblijfsobjecten[i].punt))].klasse;
        if (klasse < 1) continue;
        ASSERT_LT(expected, hits.size());
        EXPECT_EQ(hits[expected].vbo, i);
        EXPECT_EQ(hits[expected].niveau, klasse);
        ++expected;
    }
    EXPECT_EQ(expected, hits.size());
    EXPECT_EQ(hits.size(), 9u) << "the nine cells of the heap, nothing else";
}

// Where meldingen follow the addresses (a block of flats with as many reports per address as the rest
// of town), there is nothing to find, however dense.
TEST(MeldingenHotspot, DensityAloneIsNoHotSpot) {
    TownBuilder b;
    for (int i = 0; i < 20; ++i)
        for (int j = 0; j < 20; ++j) {
            const bool flats = i == 10 && j == 10;
            for (int k = 0; k < (flats ? 60 : 3); ++k) b.vbo_at(woonfunctie, 70, {100.0 * i + 10 + k, 100.0 * j + 10});
            if (flats || (i + j) % 4 == 0)
                for (int k = 0; k < (flats ? 12 : 2); ++k) b.melding(-1, peil, "overlast", Point{100.0 * i + 20 + k, 100.0 * j + 20});
        }
    EXPECT_TRUE(b.run(make_configured<MeldingenHotspot>()).empty());
}

// A cell needs min_meldingen (the loo k-threshold) to fire, however far past its expectation.
TEST(MeldingenHotspot, FewerThanMinMeldingenNeverFire) {
    TownBuilder b;
    std::uint32_t quiet = 0;
    for (int i = 0; i < 20; ++i)
        for (int j = 0; j < 20; ++j) quiet = b.vbo_at(woonfunctie, 90, {50.0 + 100 * i, 50.0 + 100 * j});
    for (int k = 0; k < 5; ++k) b.melding(-1, peil, "overlast", Point{1910.0 + 15 * k, 1920});  // five places in its cell
    const auto six = make_configured<MeldingenHotspot>({{"min_meldingen", 6}});
    EXPECT_TRUE(b.run(six).empty());
    const auto hits = b.run(make_configured<MeldingenHotspot>());
    ASSERT_EQ(hits.size(), 1u);
    EXPECT_EQ(hits[0].vbo, quiet);
}

TEST(MeldingenHotspot, SilentWithoutMeldingen) {
    TownBuilder b;
    for (int i = 0; i < 10; ++i) b.vbo_at(woonfunctie, 90, {100.0 * i, 0});
    EXPECT_TRUE(b.run(make_configured<MeldingenHotspot>()).empty());
}

TEST(MeldingenHotspot, MeldingenAfterThePeildatumAreIgnored) {
    TownBuilder b;
    town_with_a_heap(b, peil + 1);
    EXPECT_TRUE(b.run(make_configured<MeldingenHotspot>()).empty());
}

TEST(MeldingenHotspot, CategoriesOfWeightZeroAreIgnored) {
    TownBuilder b;
    b.policy.meldingen_gewicht = {{"parkeren", 0.0}};
    town_with_a_heap(b, peil, "parkeren");
    EXPECT_TRUE(b.run(make_configured<MeldingenHotspot>()).empty());
}

TEST(MeldingenHotspot, ConfigureTakesParameters) {
    const auto signal = make_configured<MeldingenHotspot>({{"cel_m", 200}, {"min_verhouding", 3}, {"fdr_q", 0.05}});
    EXPECT_EQ(signal.options().cell, 200);
    EXPECT_EQ(signal.options().min_ratio, 3);
    EXPECT_EQ(signal.options().fdr_q, 0.05);
    EXPECT_EQ(signal.options().min_observed, 5);
    TownBuilder b;
    const auto centre = town_with_a_heap(b);
    const auto hits = b.run(signal);
    ASSERT_FALSE(hits.empty());
    EXPECT_NE(hits[0].bewijs.find("in dit vak van 200 bij 200 m"), std::string::npos) << hits[0].bewijs;
    EXPECT_TRUE(std::any_of(hits.begin(), hits.end(), [&](const Hit& h) { return h.vbo == centre; }));
}

}  // namespace
}  // namespace onregel::test
