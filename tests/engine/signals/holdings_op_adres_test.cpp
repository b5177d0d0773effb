#include "engine/signals/holdings_op_adres.hpp"

#include <gtest/gtest.h>

#include "town_builder.hpp"

namespace onregel::test {
namespace {

using HoldingsOpAdresOnBothSbi = BothSbi;

TEST_P(HoldingsOpAdresOnBothSbi, FiresOnHoldingsAtHome) {
    auto b = town();
    const auto v = b.vbo(woonfunctie, 120);
    b.vestigingen(v, 2, "6420");
    b.vestiging(v, "9499").rechtsvorm = "Stichting";
    const auto hits = b.run(make_configured<HoldingsOpAdres>());
    ASSERT_EQ(hits.size(), 1u);
    EXPECT_EQ(hits[0].niveau, 1);
    EXPECT_EQ(hits[0].bewijs,
              "3 holdings of stichtingen (Besloten Vennootschap, Stichting) op een woning van 120 m²");
}

TEST_P(HoldingsOpAdresOnBothSbi, FiveDigitHoldingCodeCounts) {
    auto b = town();
    b.vestigingen(b.vbo(woonfunctie, 120), 3, "70102");
    EXPECT_EQ(b.run(make_configured<HoldingsOpAdres>()).size(), 1u);
}

// "≥ 3 holdings" is inclusive.
TEST_P(HoldingsOpAdresOnBothSbi, CountBoundaryIsInclusive) {
    for (auto [n, fires] : {std::pair{2, false}, {3, true}, {4, true}}) {
        auto b = town();
        b.vestigingen(b.vbo(woonfunctie, 120), n, "6420");
        EXPECT_EQ(b.run(make_configured<HoldingsOpAdres>()).size(), fires ? 1u : 0u) << n << " holdings";
    }
}

// "< 50 m²" is exclusive: an office of exactly 50 m² is not small.
TEST_P(HoldingsOpAdresOnBothSbi, SmallObjectBoundaryIsExclusive) {
    for (auto [m2, fires] : {std::pair{49, true}, {50, false}, {51, false}}) {
        auto b = town();
        b.vestigingen(b.vbo(kantoorfunctie, m2), 3, "6420");
        EXPECT_EQ(b.run(make_configured<HoldingsOpAdres>()).size(), fires ? 1u : 0u) << m2 << " m²";
    }
}

TEST_P(HoldingsOpAdresOnBothSbi, OtherFirmsAtHomeDoNotCount) {
    auto b = town();
    const auto v = b.vbo(woonfunctie, 120);
    b.vestigingen(v, 2, "6420");
    b.vestigingen(v, 3, "6201");  // a consultant at home is not a holding
    EXPECT_TRUE(b.run(make_configured<HoldingsOpAdres>()).empty());
}

TEST_P(HoldingsOpAdresOnBothSbi, LevelGrowsWithTheCount) {
    for (auto [n, level] : {std::pair{5, 1}, {6, 2}, {12, 3}}) {
        auto b = town();
        b.vestigingen(b.vbo(woonfunctie, 120), n, "6420");
        const auto hits = b.run(make_configured<HoldingsOpAdres>());
        ASSERT_EQ(hits.size(), 1u);
        EXPECT_EQ(hits[0].niveau, level) << n;
    }
}

TEST_P(HoldingsOpAdresOnBothSbi, EndedVestigingenDoNotCount) {
    auto b = town();
    const auto v = b.vbo(woonfunctie, 120);
    b.vestigingen(v, 2, "6420");
    b.vestiging(v, "6420", day(2018, 1, 1), day(2024, 12, 31));
    EXPECT_TRUE(b.run(make_configured<HoldingsOpAdres>()).empty());
}

TEST_P(HoldingsOpAdresOnBothSbi, RechtsvormenComeFromThePolicy) {
    auto b = town();
    b.policy.holding_rechtsvormen = {"vereniging"};
    const auto v = b.vbo(woonfunctie, 120);
    for (int k = 0; k < 3; ++k) b.vestiging(v, "9499").rechtsvorm = "Vereniging met volledige rechtsbevoegdheid";
    EXPECT_EQ(b.run(make_configured<HoldingsOpAdres>()).size(), 1u);
}

TEST_P(HoldingsOpAdresOnBothSbi, ConfigureTakesParameters) {
    const auto signal = make_configured<HoldingsOpAdres>({{"min_holdings", 2}, {"max_oppervlakte", 200}});
    auto b = town();
    b.vestigingen(b.vbo(kantoorfunctie, 150), 2, "6420");
    EXPECT_EQ(b.run(signal).size(), 1u);
}

ONREGEL_ON_BOTH_SBI(HoldingsOpAdresOnBothSbi);

}  // namespace
}  // namespace onregel::test
