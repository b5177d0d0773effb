#include "engine/analysis/fdr.hpp"

#include <cmath>
#include <vector>

#include <gtest/gtest.h>

namespace onregel {
namespace {

// Benjamini & Hochberg (1995), section 4.2: 15 p-values; at q = 0.05 the procedure rejects the four
// smallest (0.0095 <= 4 x 0.05/15 = 0.0133, while 0.0201 > 5 x 0.05/15 and no later p_(k) passes).
TEST(BenjaminiHochberg, PaperExample) {
    const std::vector<double> p{0.0201, 0.6528, 0.0001, 0.0344, 0.0278, 0.0095, 0.4262, 0.0004,
                                0.7590, 0.0298, 1.0,    0.0019, 0.3240, 0.5719, 0.0459};
    const auto significant = benjamini_hochberg(p, 0.05);
    const std::vector<std::uint8_t> expected{0, 0, 1, 0, 0, 1, 0, 1, 0, 0, 0, 1, 0, 0, 0};
    EXPECT_EQ(significant, expected);
}

// Step-up: 0.02 fails its own bound (1 x 0.05/4 = 0.0125) but the largest p passes (0.04 <= 0.05),
// which carries every smaller p with it.
TEST(BenjaminiHochberg, StepUpCarriesSmallerP) {
    const std::vector<double> p{0.04, 0.02, 0.036, 0.024};
    EXPECT_EQ(benjamini_hochberg(p, 0.05), (std::vector<std::uint8_t>{1, 1, 1, 1}));
    EXPECT_EQ(benjamini_hochberg(p, 0.01), (std::vector<std::uint8_t>{0, 0, 0, 0}));
    EXPECT_EQ(benjamini_hochberg(std::vector<double>{NAN, 0.001}, 0.05), (std::vector<std::uint8_t>{0, 1}));
    EXPECT_TRUE(benjamini_hochberg({}, 0.05).empty());
}

TEST(HotspotClasses, FixedConfidenceLevels) {
    const std::vector<double> p{0.01, 0.0100001, 0.05, 0.0500001, 0.10, 0.1000001, 0.001, 0.001};
    const std::vector<double> z{3, 3, -2, -2, 1.7, 1.6, 0, -4};
    const std::vector<std::int8_t> expected{3, 2, -2, -1, 1, 0, 0, -3};
    EXPECT_EQ(hotspot_classes(z, p, false), expected);
}

// m = 10. BH bounds k x alpha / 10:
//   alpha 0.01: only 0.0005 <= 0.001                              -> threshold 0.0005
//   alpha 0.05: 0.012 <= 0.015 (k=3); 0.03 > 0.02, nothing later  -> threshold 0.012
//   alpha 0.10: 0.045 <= 0.05 (k=5); 0.07 > 0.06, nothing later   -> threshold 0.045
// Without FDR the same p give 3, 3, 2, 2, 2, 1, 0, ...
TEST(HotspotClasses, FalseDiscoveryRateByHand) {
    const std::vector<double> p{0.0005, 0.004, 0.012, 0.03, 0.045, 0.07, 0.2, 0.5, 0.8, 0.9};
    const std::vector<double> z{4, -3, 2.5, -2.2, 2, 1.8, 1.2, -0.6, 0.3, 0.1};
    EXPECT_EQ(hotspot_classes(z, p, true), (std::vector<std::int8_t>{3, -2, 2, -1, 1, 0, 0, 0, 0, 0}));
    EXPECT_EQ(hotspot_classes(z, p, false), (std::vector<std::int8_t>{3, -3, 2, -2, 2, 1, 0, 0, 0, 0}));
}

}  // namespace
}  // namespace onregel
