#include "engine/signals/woonadres_bedrijvigheid.hpp"

#include <gtest/gtest.h>

#include "town_builder.hpp"

namespace onregel::test {
namespace {

using WoonadresBedrijvigheidOnBothSbi = BothSbi;

TEST_P(WoonadresBedrijvigheidOnBothSbi, FiresOnAGarageAtHome) {
    auto b = town();
    b.vestiging(b.vbo(woonfunctie, 110), "45201");
    const auto hits = b.run(make_configured<WoonadresBedrijvigheid>());
    ASSERT_EQ(hits.size(), 1u);
    EXPECT_EQ(hits[0].niveau, 1);
    EXPECT_EQ(hits[0].bewijs, "Woning met 1 actieve vestiging die bedrijfsruimte vraagt: autobranche (SBI " + b.sbi("45201") + ")");
}

TEST_P(WoonadresBedrijvigheidOnBothSbi, SeveralBranchesInOneSentence) {
    auto b = town();
    const auto v = b.vbo(woonfunctie, 110);
    b.vestiging(v, "5610");
    b.vestiging(v, "45201");
    const auto hits = b.run(make_configured<WoonadresBedrijvigheid>());
    ASSERT_EQ(hits.size(), 1u);
    EXPECT_EQ(hits[0].bewijs, "Woning met 2 actieve vestigingen die bedrijfsruimte vragen: autobranche (SBI " + b.sbi("45201") +
                                  ") en horeca (SBI " + b.sbi("5610") + ")");
}

TEST_P(WoonadresBedrijvigheidOnBothSbi, EveryDefaultBranchFires) {
    for (const char* sbi : {"4511", "7711", "1071", "3312", "4941", "4690", "5610"}) {
        auto b = town();
        b.vestiging(b.vbo(woonfunctie, 110), sbi);
        EXPECT_EQ(b.run(make_configured<WoonadresBedrijvigheid>()).size(), 1u) << sbi;
    }
}

TEST_P(WoonadresBedrijvigheidOnBothSbi, ConsultantAtHomeIsLeftAlone) {
    auto b = town();
    const auto v = b.vbo(woonfunctie, 110);
    b.vestiging(v, "6201");
    b.vestiging(v, "70221");
    b.vestiging(v, "7410");
    EXPECT_TRUE(b.run(make_configured<WoonadresBedrijvigheid>()).empty());
}

TEST_P(WoonadresBedrijvigheidOnBothSbi, OnlyWoonfunctieOnlyObjects) {
    auto b = town();
    b.vestiging(b.vbo(woonfunctie | winkelfunctie, 110), "4520");
    b.vestiging(b.vbo(industriefunctie, 300), "4520");
    EXPECT_TRUE(b.run(make_configured<WoonadresBedrijvigheid>()).empty());
}

// "≥ min_vestigingen" is inclusive (raised to 2 to see both sides); level doubles from twice it.
TEST_P(WoonadresBedrijvigheidOnBothSbi, CountBoundaryAndLevel) {
    const auto signal = make_configured<WoonadresBedrijvigheid>({{"min_vestigingen", 2}});
    for (auto [n, level] : {std::pair{1, 0}, {2, 1}, {3, 1}, {4, 2}, {8, 3}}) {
        auto b = town();
        b.vestigingen(b.vbo(woonfunctie, 110), n, "4941");
        const auto hits = b.run(signal);
        ASSERT_EQ(hits.size(), level ? 1u : 0u) << n;
        if (level) {
            EXPECT_EQ(hits[0].niveau, level) << n;
        }
    }
}

TEST_P(WoonadresBedrijvigheidOnBothSbi, EndedVestigingenDoNotCount) {
    auto b = town();
    b.vestiging(b.vbo(woonfunctie, 110), "4520", day(2015, 1, 1), day(2024, 1, 1));
    EXPECT_TRUE(b.run(make_configured<WoonadresBedrijvigheid>()).empty());
}

TEST_P(WoonadresBedrijvigheidOnBothSbi, BranchesComeFromThePolicy) {
    auto b = town();
    b.policy.bedrijfsruimte = {{"bouw", {{"41"}, {"41"}}}};
    b.vestiging(b.vbo(woonfunctie, 110), "4120");
    b.vestiging(b.vbo(woonfunctie, 110), "4520");
    const auto hits = b.run(make_configured<WoonadresBedrijvigheid>());
    ASSERT_EQ(hits.size(), 1u);
    EXPECT_EQ(hits[0].vbo, 0u);
}

ONREGEL_ON_BOTH_SBI(WoonadresBedrijvigheidOnBothSbi);

}  // namespace
}  // namespace onregel::test
