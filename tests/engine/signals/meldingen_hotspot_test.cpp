#include "engine/signals/meldingen_hotspot.hpp"

#include <gtest/gtest.h>

#include <algorithm>

#include "engine/analysis/hotspot_grid.hpp"
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

TEST(MeldingenHotspot, FiresInTheHotCellWithItsClass) {
    TownBuilder b;
    const auto centre = town_with_a_heap(b);
    const auto hits = b.run(MeldingenHotspot{});
    const auto it = std::find_if(hits.begin(), hits.end(), [&](const Hit& h) { return h.vbo == centre; });
    ASSERT_NE(it, hits.end());
    EXPECT_EQ(it->level, 3);
    EXPECT_EQ(it->bewijs.rfind("hotspotcel van 100 m met 13.0 gewogen meldingen: Gi* z = ", 0), 0u) << it->bewijs;
    // Level = the FDR class of the object's cell, and only objects in cells of class >= 1 fire.
    std::vector<Point> area, events;
    for (const auto& v : b.town.verblijfsobjecten) area.push_back(v.punt);
    for (const auto& m : b.town.meldingen) events.push_back(m.punt);
    const auto grid = grid_hotspots(area, events, {}, 100, 300);
    std::size_t expected = 0;
    for (std::uint32_t i = 0; i < area.size(); ++i) {
        const auto klasse = grid.cells[static_cast<std::size_t>(grid.find(area[i]))].klasse;
        if (klasse < 1) continue;
        ASSERT_LT(expected, hits.size());
        EXPECT_EQ(hits[expected].vbo, i);
        EXPECT_EQ(hits[expected].level, std::min<int>(klasse, 3));
        ++expected;
    }
    EXPECT_EQ(expected, hits.size());
    EXPECT_LT(hits.size(), 40u);  // the far corners of town stay quiet
}

TEST(MeldingenHotspot, SilentWithoutMeldingen) {
    TownBuilder b;
    for (int i = 0; i < 10; ++i) b.vbo_at(woonfunctie, 90, {100.0 * i, 0});
    EXPECT_TRUE(b.run(MeldingenHotspot{}).empty());
}

TEST(MeldingenHotspot, MeldingenAfterThePeildatumAreIgnored) {
    TownBuilder b;
    town_with_a_heap(b, peil + 1);
    EXPECT_TRUE(b.run(MeldingenHotspot{}).empty());
}

TEST(MeldingenHotspot, CategoriesOfWeightZeroAreIgnored) {
    TownBuilder b;
    b.policy.meldingen_gewicht = {{"parkeren", 0.0}};
    town_with_a_heap(b, peil, "parkeren");
    EXPECT_TRUE(b.run(MeldingenHotspot{}).empty());
}

TEST(MeldingenHotspot, ConfigureTakesParametersAndChecksTheBand) {
    MeldingenHotspot signal;
    signal.configure(params(signal, {{"cel_m", 200}, {"band_m", 600}}));
    TownBuilder b;
    const auto centre = town_with_a_heap(b);
    const auto hits = b.run(signal);
    ASSERT_FALSE(hits.empty());
    EXPECT_NE(hits[0].bewijs.find("hotspotcel van 200 m"), std::string::npos);
    EXPECT_TRUE(std::any_of(hits.begin(), hits.end(), [&](const Hit& h) { return h.vbo == centre; }));
    EXPECT_THROW(signal.configure(params(signal, {{"cel_m", 200}, {"band_m", 150}})), config_error);
}

}  // namespace
}  // namespace onregel::test
