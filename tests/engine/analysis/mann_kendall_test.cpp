#include "engine/analysis/mann_kendall.hpp"

#include <cmath>
#include <fstream>
#include <vector>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

namespace onregel {
namespace {

// scipy-based oracle: S, tie-corrected var(S), continuity-corrected z and two-sided p.
TEST(MannKendall, MatchesOracle) {
    std::ifstream in(std::string(ONREGEL_SHARED_DIR) + "/oracles/mann_kendall_oracle.json");
    ASSERT_TRUE(in);
    const auto oracle = nlohmann::json::parse(in);
    ASSERT_EQ(oracle.size(), 3u);
    for (const auto& [name, c] : oracle.items()) {
        const auto result = mann_kendall(c["x"].get<std::vector<double>>());
        const auto near = [](double expected) { return 1e-9 * std::max(1.0, std::abs(expected)); };
        EXPECT_NEAR(result.s, c["S"].get<double>(), near(c["S"].get<double>())) << name;
        EXPECT_NEAR(result.var_s, c["varS"].get<double>(), near(c["varS"].get<double>())) << name;
        EXPECT_NEAR(result.z, c["z_cc"].get<double>(), near(c["z_cc"].get<double>())) << name;
        EXPECT_NEAR(result.p, c["p_two_sided"].get<double>(), 1e-9) << name;
    }
}

TEST(MannKendall, DownwardTrendMirrorsUpward) {
    const std::vector<double> up{1, 2, 2, 4, 3, 6, 7};
    const std::vector<double> down(up.rbegin(), up.rend());
    const auto a = mann_kendall(up), b = mann_kendall(down);
    // Hand count: 21 pairs, one tied (2 = 2), one discordant (4 > 3), 19 concordant: S = 18.
    EXPECT_EQ(a.s, 18);
    EXPECT_EQ(b.s, -18);
    // var = (7*6*19 - 2*1*9) / 18 = 780 / 18.
    EXPECT_DOUBLE_EQ(a.var_s, 780.0 / 18);
    EXPECT_DOUBLE_EQ(a.z, -b.z);
    EXPECT_DOUBLE_EQ(a.z, 17 / std::sqrt(780.0 / 18));
    EXPECT_DOUBLE_EQ(a.p, b.p);
}

TEST(MannKendall, NoInformationGivesNoTrend) {
    for (const std::vector<double>& series : {std::vector<double>{}, {4}, {2, 2, 2, 2}}) {
        const auto result = mann_kendall(series);
        EXPECT_EQ(result.s, 0);
        EXPECT_EQ(result.z, 0);
        EXPECT_EQ(result.p, 1);
    }
}

}  // namespace
}  // namespace onregel
