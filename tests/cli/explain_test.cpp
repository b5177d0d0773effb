// `onregel explain` on the tiny fixture: every ranked address can be explained, the contributions
// add up to the score, and an unknown address names the nearest ranked ones.
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>
#include <regex>

#include "cli_runner.hpp"

namespace onregel::test {
namespace {

namespace fs = std::filesystem;

fs::path tiny_output() {
    // One directory per test: ctest runs the tests of this file side by side.
    const auto dir = scratch(std::string("explain_") + ::testing::UnitTest::GetInstance()->current_test_info()->name());
    const auto run = run_cli({"run", "--bag", tiny("bag.csv"), "--kvk", tiny("kvk.csv"), "--meldingen", tiny("meldingen.csv"),
                              "--out", (dir / "out").string(), "--quiet"});
    EXPECT_EQ(run.exit_code, 0) << run.err;
    return dir / "out";
}

TEST(CliExplain, EveryRankedObjectIsExplainedWithContributionsThatSumToItsScore) {
    const auto out = tiny_output();
    const auto geojson = nlohmann::json::parse(slurp(out / "locaties.geojson"));
    ASSERT_FALSE(geojson["features"].empty());
    for (const auto& f : geojson["features"]) {
        const auto& p = f["properties"];
        const auto result = run_cli({"explain", "--out", out.string(), p["bag_id"].get<std::string>()});
        ASSERT_EQ(result.exit_code, 0) << result.err;
        EXPECT_NE(result.out.find(p["adres"].get<std::string>()), std::string::npos) << result.out;
        int sum = 0;
        const std::regex line(R"(^  \+(\d+)  (\w+))");
        std::istringstream lines(result.out);
        for (std::string l; std::getline(lines, l);) {
            std::smatch m;
            if (!std::regex_search(l, m, line)) continue;
            sum += std::stoi(m[1]);
            EXPECT_TRUE(p["bijdragen"].contains(m[2].str())) << m[2];
        }
        EXPECT_EQ(sum, p["score"].get<int>()) << result.out;
        EXPECT_NE(result.out.find("Totaal: " + std::to_string(p["score"].get<int>())), std::string::npos);
        EXPECT_NE(result.out.find("feiten: "), std::string::npos);
        EXPECT_EQ(result.out.find("niveau 0"), std::string::npos) << result.out;
        if (p["bijdragen"].contains("holdings_op_adres") && p["bijdragen"]["holdings_op_adres"] == 0) {
            EXPECT_NE(result.out.find("+0  holdings_op_adres  (telt niet mee"), std::string::npos) << result.out;
        }
    }
}

TEST(CliExplain, AddressesAreFoundTheWayPeopleWriteThem) {
    const auto out = tiny_output();
    for (const char* query : {"3401AA 1", "3401 aa 1", "3401AC 12a", "3401ac 12 A", "3401AC 12-a", "3401AB 2-1"}) {
        const auto result = run_cli({"explain", "--out", out.string(), query});
        EXPECT_EQ(result.exit_code, 0) << query << ": " << result.err;
    }
    const auto box = run_cli({"explain", "--out", out.string(), "3401AB 2-1"});
    EXPECT_NE(box.out.find("kelderbox"), std::string::npos);
    EXPECT_NE(box.out.find("max_oppervlakte = 25"), std::string::npos) << "the parameters in force are shown";
}

TEST(CliExplain, UnknownAddressExitsOneAndSuggestsTheNearestRankedAddresses) {
    const auto out = tiny_output();
    const auto result = run_cli({"explain", "--out", out.string(), "3401AC 14"});
    EXPECT_EQ(result.exit_code, 1);
    EXPECT_NE(result.err.find("nearest ranked addresses"), std::string::npos) << result.err;
    EXPECT_NE(result.err.find("Kerkstraat 12A"), std::string::npos) << result.err;
    EXPECT_EQ(run_cli({"explain", "--out", out.string(), "0353010000000004"}).exit_code, 1) << "not ranked";
    EXPECT_EQ(run_cli({"explain", "--out", out.string(), "not an address"}).exit_code, 1);
}

}  // namespace
}  // namespace onregel::test
