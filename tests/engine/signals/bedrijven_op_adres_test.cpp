#include "engine/signals/bedrijven_op_adres.hpp"

#include <gtest/gtest.h>

#include "town_builder.hpp"

namespace onregel::test {
namespace {

TEST(BedrijvenOpAdres, FiresOnManyFirmsInLittleSpace) {
    TownBuilder b;
    const auto v = b.vbo(kantoorfunctie, 35);
    b.vestigingen(v, 7, "6420");
    const auto hits = b.run(make_configured<BedrijvenOpAdres>());
    ASSERT_EQ(hits.size(), 1u);
    EXPECT_EQ(hits[0].vbo, v);
    EXPECT_EQ(hits[0].niveau, 1);
    EXPECT_EQ(hits[0].bewijs, "7 actieve vestigingen (SBI 6420) op 35 m², 5,0 m² per vestiging");
}

// "< 20 m² per vestiging" is exclusive: 5 vestigingen on 100 m² (20.0 each) stay silent.
TEST(BedrijvenOpAdres, FloorAreaBoundaryIsExclusive) {
    for (auto [m2, fires] : {std::pair{99, true}, {100, false}, {101, false}}) {
        TownBuilder b;
        b.vestigingen(b.vbo(kantoorfunctie, m2), 5, "7022");
        EXPECT_EQ(b.run(make_configured<BedrijvenOpAdres>()).size(), fires ? 1u : 0u) << m2 << " m²";
    }
}

// "≥ 5 active vestigingen" is inclusive.
TEST(BedrijvenOpAdres, CountBoundaryIsInclusive) {
    for (auto [n, fires] : {std::pair{4, false}, {5, true}, {6, true}}) {
        TownBuilder b;
        b.vestigingen(b.vbo(kantoorfunctie, 50), n, "7022");
        EXPECT_EQ(b.run(make_configured<BedrijvenOpAdres>()).size(), fires ? 1u : 0u) << n << " vestigingen";
    }
}

// "≥ 3 on a woonfunctie-only object" is inclusive, whatever the floor area.
TEST(BedrijvenOpAdres, HomeBoundaryIsInclusive) {
    for (auto [n, fires] : {std::pair{2, false}, {3, true}, {4, true}}) {
        TownBuilder b;
        b.vestigingen(b.vbo(woonfunctie, 140), n, "6201");
        const auto hits = b.run(make_configured<BedrijvenOpAdres>());
        ASSERT_EQ(hits.size(), fires ? 1u : 0u) << n << " vestigingen";
        if (fires) {
            EXPECT_EQ(hits[0].bewijs, count_text(n, "actieve vestiging", "actieve vestigingen") + " (SBI 6201) op een woning van 140 m²");
        }
    }
}

TEST(BedrijvenOpAdres, HomeWithAShopIsNotWoonfunctieOnly) {
    TownBuilder b;
    b.vestigingen(b.vbo(woonfunctie | winkelfunctie, 140), 3, "4711");
    EXPECT_TRUE(b.run(make_configured<BedrijvenOpAdres>()).empty());
}

// Level 1 from the threshold that fired, 2 from twice it, 3 from four times it.
TEST(BedrijvenOpAdres, LevelGrowsWithTheCount) {
    for (auto [n, level] : {std::pair{9, 1}, {10, 2}, {19, 2}, {20, 3}}) {
        TownBuilder b;
        b.vestigingen(b.vbo(kantoorfunctie, 30), n, "6420");
        const auto hits = b.run(make_configured<BedrijvenOpAdres>());
        ASSERT_EQ(hits.size(), 1u);
        EXPECT_EQ(hits[0].niveau, level) << n << " vestigingen";
    }
}

TEST(BedrijvenOpAdres, LargeOfficeBuildingWithAmpleSpaceIsLeftAlone) {
    TownBuilder b;
    b.vestigingen(b.vbo(kantoorfunctie, 4000), 60, "6202");
    EXPECT_TRUE(b.run(make_configured<BedrijvenOpAdres>()).empty());
}

TEST(BedrijvenOpAdres, EndedVestigingenDoNotCount) {
    TownBuilder b;
    const auto v = b.vbo(kantoorfunctie, 35);
    b.vestigingen(v, 4, "6420");
    b.vestiging(v, "6420", day(2020, 1, 1), day(2024, 6, 1));
    b.vestiging(v, "6420", day(2025, 6, 1));  // starts after the peildatum
    EXPECT_TRUE(b.run(make_configured<BedrijvenOpAdres>()).empty());
}

TEST(BedrijvenOpAdres, ConfigureTakesParameters) {
    const auto signal = make_configured<BedrijvenOpAdres>({{"min_vestigingen", 3}, {"max_m2_per_vestiging", 50}});
    TownBuilder b;
    b.vestigingen(b.vbo(kantoorfunctie, 120), 3, "7022");
    EXPECT_EQ(b.run(signal).size(), 1u);
}

}  // namespace
}  // namespace onregel::test
