#include "engine/signals/gebruiksdoel_mismatch.hpp"

#include <gtest/gtest.h>

#include "town_builder.hpp"

namespace onregel::test {
namespace {

using GebruiksdoelMismatchOnBothSbi = BothSbi;

TEST_P(GebruiksdoelMismatchOnBothSbi, FiresOnAGarageInAnOffice) {
    auto b = town();
    b.vestiging(b.vbo(kantoorfunctie, 200), "4520");
    const auto hits = b.run(make_configured<GebruiksdoelMismatch>());
    ASSERT_EQ(hits.size(), 1u);
    EXPECT_EQ(hits[0].niveau, 1);
    EXPECT_EQ(hits[0].bewijs, "Activiteit autobranche (SBI " + b.sbi("4520") + ") past niet bij het gebruiksdoel kantoorfunctie");
}

TEST_P(GebruiksdoelMismatchOnBothSbi, OfficeWorkInABoxFires) {
    auto b = town();
    b.vestiging(b.vbo(overige_gebruiksfunctie | celfunctie, 60), "7022");
    const auto hits = b.run(make_configured<GebruiksdoelMismatch>());
    ASSERT_EQ(hits.size(), 1u);
    EXPECT_EQ(hits[0].bewijs,
              "Activiteit kantoorwerk (SBI " + b.sbi("7022") +
                  ") past bij geen van de gebruiksdoelen celfunctie en overige gebruiksfunctie");
}

TEST_P(GebruiksdoelMismatchOnBothSbi, ConsultantAtHomeIsLeftAlone) {
    auto b = town();
    const auto v = b.vbo(woonfunctie, 110);
    b.vestiging(v, "6201");
    b.vestiging(v, "7022");
    b.vestiging(v, "7410");
    EXPECT_TRUE(b.run(make_configured<GebruiksdoelMismatch>()).empty());
}

TEST_P(GebruiksdoelMismatchOnBothSbi, OneFittingGebruiksdoelIsEnough) {
    auto b = town();
    b.vestiging(b.vbo(kantoorfunctie | industriefunctie, 400), "4520");
    b.vestiging(b.vbo(winkelfunctie | woonfunctie, 90), "4711");
    EXPECT_TRUE(b.run(make_configured<GebruiksdoelMismatch>()).empty());
}

TEST_P(GebruiksdoelMismatchOnBothSbi, ActivitiesNotInTheTableAreNotJudged) {
    auto b = town();
    b.vestiging(b.vbo(kantoorfunctie, 100), "0111");
    EXPECT_TRUE(b.run(make_configured<GebruiksdoelMismatch>()).empty());
}

// Longest prefix wins: in SBI 2008 a webshop (4791) fits a home although retail (47) does not. SBI
// 2025 codes a webshop by what it sells, as a shop, so there retail at home is not judged at all.
TEST_P(GebruiksdoelMismatchOnBothSbi, LongestPrefixWins) {
    auto b = town();
    b.vestiging(b.vbo(woonfunctie, 100), "47911");
    b.vestiging(b.vbo(woonfunctie, 100), "4771");
    const auto hits = b.run(make_configured<GebruiksdoelMismatch>());
    if (GetParam() == SbiVersie::sbi2025) {
        EXPECT_TRUE(hits.empty());
        return;
    }
    ASSERT_EQ(hits.size(), 1u);
    EXPECT_EQ(hits[0].vbo, 1u);
}

// A premises-needing branch on a home is woonadres_bedrijvigheid's: one fact scores once.
TEST_P(GebruiksdoelMismatchOnBothSbi, LeavesPremisesBranchesAtHomeToWoonadresBedrijvigheid) {
    auto b = town();
    b.vestiging(b.vbo(woonfunctie, 100), "4520");
    EXPECT_TRUE(b.run(make_configured<GebruiksdoelMismatch>()).empty());
}

// Threshold "≥ min_vestigingen" inclusive (raised to 2); level 2 from twice it.
TEST_P(GebruiksdoelMismatchOnBothSbi, CountBoundaryAndLevel) {
    const auto signal = make_configured<GebruiksdoelMismatch>({{"min_vestigingen", 2}});
    for (auto [n, level] : {std::pair{1, 0}, {2, 1}, {3, 1}, {4, 2}, {8, 3}}) {
        auto b = town();
        b.vestigingen(b.vbo(kantoorfunctie, 500), n, "5610");
        const auto hits = b.run(signal);
        ASSERT_EQ(hits.size(), level ? 1u : 0u) << n;
        if (level) {
            EXPECT_EQ(hits[0].niveau, level) << n;
        }
    }
}

TEST_P(GebruiksdoelMismatchOnBothSbi, EndedVestigingenDoNotCount) {
    auto b = town();
    b.vestiging(b.vbo(kantoorfunctie, 200), "4520", day(2010, 1, 1), day(2020, 1, 1));
    EXPECT_TRUE(b.run(make_configured<GebruiksdoelMismatch>()).empty());
}

TEST_P(GebruiksdoelMismatchOnBothSbi, TableComesFromThePolicy) {
    auto b = town();
    b.policy.gebruiksdoelen = {{{"kapper", {{"9602"}, {"9621"}}}, winkelfunctie}};
    b.vestiging(b.vbo(kantoorfunctie, 80), "96021");
    b.vestiging(b.vbo(kantoorfunctie, 80), "4520");
    const auto hits = b.run(make_configured<GebruiksdoelMismatch>());
    ASSERT_EQ(hits.size(), 1u);
    EXPECT_EQ(hits[0].vbo, 0u);
}

ONREGEL_ON_BOTH_SBI(GebruiksdoelMismatchOnBothSbi);

}  // namespace
}  // namespace onregel::test
