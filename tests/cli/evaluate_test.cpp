// `onregel evaluate` on the hand-computed fixture in tests/data/evaluate: a previous run's directory
// (run/) and the outcomes of its controles (uitkomsten.csv).
//
// The run: ranked R1..R6 = 0353010000000101..106 (rank 1..6) with signals R1 {a,b}, R2 {a}, R3 {b},
// R4 {a,c}, R5 {c}, R6 {b}; steekproef S1..S4 = 0353010000000201..204; 100 objects, 10 flagged.
// The 14 outcome rows: R2 is reported twice (by address: bevinding, by id: geen -> one bevinding), S3 by
// its address written "3401 ab"; three rows are unusable: an unknown BAG id, an unknown address and the
// uitkomst "misschien". Used: 11.
//   ranked: R1 R2 R4 found, R3 R5 R6 not: 3/6 = 0.5, Wilson [0.1876, 0.8124]
//   steekproef: S1 found, S2 S3 S4 not: 1/4 = 0.25, Wilson [0.0456, 0.6994]; lift 2
//   precision@5 = 3/5 = 0.6 (rank 1..5: yes yes no yes no), precision@6 = 0.5
//   PAI = (0.5 x 10 / (0.5 x 10 + 0.25 x 90)) / (10 / 100) = (5 / 27.5) / 0.1 = 1.8182
//   per signal: a 3/3, lift 4; b 1/3, lift 1.3333; c 1/2, lift 2
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "cli_runner.hpp"

namespace onregel::test {
namespace {

namespace fs = std::filesystem;

fs::path fixture(const std::string& name) { return fs::path(ONREGEL_SOURCE_DIR) / "tests/data/evaluate" / name; }

TEST(CliEvaluate, HandComputedFixture) {
    const auto dir = scratch("evaluate");
    fs::copy(fixture("run"), dir / "run");
    const auto result = run_cli({"evaluate", "--out", (dir / "run").string(), "--uitkomsten", fixture("uitkomsten.csv").string()});
    ASSERT_EQ(result.exit_code, 0) << result.err;
    const auto e = nlohmann::json::parse(slurp(dir / "run" / "evaluatie.json"));
    EXPECT_EQ(e["uitkomsten"]["rijen"], 14);
    EXPECT_EQ(e["uitkomsten"]["gebruikt"], 11);
    int afgewezen = 0;
    for (const auto& [reden, n] : e["uitkomsten"]["afgewezen"].items()) afgewezen += n.get<int>();
    EXPECT_EQ(afgewezen, 3) << e["uitkomsten"]["afgewezen"];
    EXPECT_EQ(e["uitkomsten"]["van"], "2025-02-03");
    EXPECT_EQ(e["uitkomsten"]["tot"], "2025-02-10");
    EXPECT_EQ(e["gerangschikt"]["gecontroleerd"], 6);
    EXPECT_EQ(e["gerangschikt"]["bevindingen"], 3);
    EXPECT_EQ(e["gerangschikt"]["aandeel"], 0.5);
    EXPECT_NEAR(e["gerangschikt"]["interval_95"][0].get<double>(), 0.1876, 1e-4);
    EXPECT_NEAR(e["gerangschikt"]["interval_95"][1].get<double>(), 0.8124, 1e-4);
    EXPECT_EQ(e["steekproef"]["gecontroleerd"], 4);
    EXPECT_EQ(e["steekproef"]["bevindingen"], 1);
    EXPECT_EQ(e["steekproef"]["voorgesteld"], 4);
    EXPECT_NEAR(e["steekproef"]["interval_95"][0].get<double>(), 0.0456, 1e-4);
    EXPECT_NEAR(e["steekproef"]["interval_95"][1].get<double>(), 0.6994, 1e-4);
    EXPECT_EQ(e["lift"], 2.0);
    ASSERT_EQ(e["precisie_at_k"].size(), 2u);
    EXPECT_EQ(e["precisie_at_k"][0]["k"], 5);
    EXPECT_EQ(e["precisie_at_k"][0]["aandeel"], 0.6);
    EXPECT_EQ(e["precisie_at_k"][1]["aandeel"], 0.5);
    EXPECT_NEAR(e["pai"].get<double>(), 1.8182, 1e-4);
    ASSERT_EQ(e["per_signaal"].size(), 3u);
    EXPECT_EQ(e["per_signaal"][0]["signaal"], "a");
    EXPECT_EQ(e["per_signaal"][0]["bevindingen"], 3);
    EXPECT_EQ(e["per_signaal"][0]["lift"], 4.0);
    EXPECT_EQ(e["per_signaal"][1]["lift"], 1.3333);
    EXPECT_EQ(e["per_signaal"][2]["gecontroleerd"], 2);

    const auto md = slurp(dir / "run" / "evaluatie.md");
    EXPECT_EQ(md, result.out);
    EXPECT_NE(md.find("3 van 6 met een bevinding (50,0%"), std::string::npos) << md;
    EXPECT_NE(md.find("1 van 4 met een bevinding (25,0%"), std::string::npos) << md;
    EXPECT_NE(md.find("2,0 keer zo vaak"), std::string::npos) << md;
    EXPECT_NE(md.find("De intervallen overlappen"), std::string::npos) << md;
    EXPECT_NE(md.find("beveelt niets aan"), std::string::npos) << md;
}

TEST(CliEvaluate, ADirectoryWithoutARunIsAnError) {
    const auto dir = scratch("evaluate_empty");
    const auto result = run_cli({"evaluate", "--out", dir.string(), "--uitkomsten", fixture("uitkomsten.csv").string()});
    EXPECT_EQ(result.exit_code, 1);
    EXPECT_NE(result.err.find("manifest.json"), std::string::npos) << result.err;
}

}  // namespace
}  // namespace onregel::test
