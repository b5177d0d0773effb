// The exit-code contract: 1 the input data, 2 usage or configuration, 3 the environment. A write that
// cannot happen is the machine's problem, not the data's: the tests run as root, so the unwritable
// place is a path through a regular file.
#include <filesystem>
#include <string>

#include <gtest/gtest.h>

#include "cli_runner.hpp"

namespace onregel::test {
namespace {

namespace fs = std::filesystem;

std::string data(const std::string& file) { return std::string(ONREGEL_SOURCE_DIR) + "/tests/data/" + file; }

std::vector<std::string> tiny_run(const std::string& out) {
    return {"run", "--bag", data("tiny/bag.csv"), "--kvk", data("tiny/kvk.csv"), "--out", out, "--quiet"};
}

TEST(ExitCodes, AnOutputThatCannotBeWrittenIsTheEnvironment) {
    const auto dir = scratch("exit_codes");
    const auto file = dir / "a_file";
    std::ofstream(file) << "not a directory\n";
    const auto under_file = (file / "out").string();

    const auto run = run_cli(tiny_run(under_file));
    EXPECT_EQ(run.exit_code, 3) << run.err;
    EXPECT_NE(run.err.find("Not a directory"), std::string::npos) << run.err;

    const auto gebied = run_cli({"gebied", "--bag", data("gebied/bag.csv"), "--kvk", data("gebied/kvk.csv"), "--gebied",
                                 data("gebied/gebieden.geojson"), "--out", under_file});
    EXPECT_EQ(gebied.exit_code, 3) << gebied.err;
    const auto sample = run_cli({"sample", "--out", under_file});
    EXPECT_EQ(sample.exit_code, 3) << sample.err;
    const auto hotspots = run_cli({"hotspots", "--input", data("evaluate/run/locaties.geojson"), "--methode", "gi", "--out",
                                   under_file + ".csv"});
    EXPECT_EQ(hotspots.exit_code, 3) << hotspots.err;
}

TEST(ExitCodes, MissingViewerAssetsAreTheEnvironment) {
    const auto dir = scratch("exit_codes_viewer");
    const auto result = run_cli(tiny_run((dir / "out").string()), "ONREGEL_VIEWER_DIR=" + (dir / "geen_viewer").string());
    EXPECT_EQ(result.exit_code, 3) << result.err;
    EXPECT_NE(result.err.find("de kaart (viewer met Leaflet) is niet gevonden"), std::string::npos) << result.err;
    EXPECT_FALSE(fs::exists(dir / "out"));
}

TEST(ExitCodes, InputAndConfigurationKeepTheirCodes) {
    const auto dir = scratch("exit_codes_kept");
    EXPECT_EQ(run_cli({"run", "--bag", data("tiny/missing.csv"), "--kvk", data("tiny/kvk.csv"), "--out",
                       (dir / "a").string(), "--quiet"}).exit_code, 1);
    EXPECT_EQ(run_cli({"run", "--bag", data("tiny/bag.csv")}).exit_code, 2);
}

}  // namespace
}  // namespace onregel::test
