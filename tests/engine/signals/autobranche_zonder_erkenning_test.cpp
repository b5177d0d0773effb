#include "engine/signals/autobranche_zonder_erkenning.hpp"

#include <gtest/gtest.h>

#include "engine/errors.hpp"
#include "town_builder.hpp"

namespace onregel::test {
namespace {

using AutobrancheZonderErkenningOnBothSbi = BothSbi;

// A garage at (0, 0) and an erkenning d metres east of it, on an object of its own.
TownBuilder garage_with_erkenning_at(TownBuilder b, double d) {
    b.vestiging(b.vbo_at(industriefunctie, 300, {0, 0}), "45201");
    b.erkenning(-1, {d, 0});
    return b;
}

TEST_P(AutobrancheZonderErkenningOnBothSbi, FiresOnARepairShopWithoutErkenning) {
    auto b = garage_with_erkenning_at(town(), 5000);
    const auto hits = b.run(make_configured<AutobrancheZonderErkenning>());
    ASSERT_EQ(hits.size(), 1u);
    EXPECT_EQ(hits[0].niveau, 2);
    EXPECT_EQ(hits[0].bewijs,
              "1 actieve vestiging (SBI " + b.sbi("45201") + ") zonder RDW-erkenning op het adres of binnen 250 m");
}

TEST_P(AutobrancheZonderErkenningOnBothSbi, ErkenningOnTheObjectOrInThePandIsEnough) {
    auto b = town();
    const auto pand = b.pand();
    const auto garage = b.vbo_at(industriefunctie, 300, {0, 0}, pand);
    const auto office = b.vbo_at(kantoorfunctie, 40, {0, 2000}, pand);  // far from the garage's point
    b.vestiging(garage, "45201");
    b.erkenning(static_cast<std::int32_t>(office), {0, 2000});
    const auto other = b.vbo(industriefunctie, 200);
    b.vestiging(other, "4520");
    b.erkenning(static_cast<std::int32_t>(other), {0, 9000});  // matched by address, geocoded elsewhere
    EXPECT_TRUE(b.run(make_configured<AutobrancheZonderErkenning>()).empty());
}

// An erkenning within 25 m counts as on the address (inclusive).
TEST_P(AutobrancheZonderErkenningOnBothSbi, AddressToleranceIsInclusive) {
    for (auto [d, fires] : {std::pair{24.0, false}, {25.0, false}, {26.0, true}}) {
        auto b = garage_with_erkenning_at(town(), d);
        const auto hits = b.run(make_configured<AutobrancheZonderErkenning>());
        ASSERT_EQ(hits.size(), fires ? 1u : 0u) << d;
        if (fires) {
            EXPECT_NE(hits[0].bewijs.find("de dichtstbijzijnde erkenning (APK) op 26 m"), std::string::npos);
        }
    }
}

// Level 1 with an erkenning within 250 m (inclusive), 2 without, 3 without and two or more vestigingen.
TEST_P(AutobrancheZonderErkenningOnBothSbi, LevelFollowsTheNearestErkenning) {
    for (auto [d, level] : {std::pair{249.0, 1}, {250.0, 1}, {251.0, 2}}) {
        auto b = garage_with_erkenning_at(town(), d);
        const auto hits = b.run(make_configured<AutobrancheZonderErkenning>());
        ASSERT_EQ(hits.size(), 1u);
        EXPECT_EQ(hits[0].niveau, level) << d;
    }
    auto b = garage_with_erkenning_at(town(), 5000);
    b.vestiging(0, "45203");
    const auto hits = b.run(make_configured<AutobrancheZonderErkenning>());
    ASSERT_EQ(hits.size(), 1u);
    EXPECT_EQ(hits[0].niveau, 3);
}

TEST_P(AutobrancheZonderErkenningOnBothSbi, OtherBranchesAndEndedVestigingenAreLeftAlone) {
    auto b = town();
    b.vestiging(b.vbo(industriefunctie, 300), "4511");  // car sales need no erkenning
    b.vestiging(b.vbo(industriefunctie, 300), "4520", day(2010, 1, 1), day(2024, 1, 1));
    b.erkenning(-1, {0, 0});
    EXPECT_TRUE(b.run(make_configured<AutobrancheZonderErkenning>()).empty());
}

TEST_P(AutobrancheZonderErkenningOnBothSbi, SilentWithoutTheLayer) {
    auto b = town();
    b.vestiging(b.vbo(industriefunctie, 300), "45201");
    EXPECT_FALSE(b.town.has_erkenningen);
    EXPECT_TRUE(b.run(make_configured<AutobrancheZonderErkenning>()).empty());
}

TEST_P(AutobrancheZonderErkenningOnBothSbi, ConfigureTakesParameters) {
    const auto signal = make_configured<AutobrancheZonderErkenning>({{"straal_m", 100}});
    auto b = garage_with_erkenning_at(town(), 80);
    EXPECT_TRUE(b.run(signal).empty());
    EXPECT_THROW(make_configured<AutobrancheZonderErkenning>({{"straal_m", 300}, {"nabij_m", 200}}), config_error);
}

ONREGEL_ON_BOTH_SBI(AutobrancheZonderErkenningOnBothSbi);

}  // namespace
}  // namespace onregel::test
