// `config --check` says "ok" to exactly the configurations `run` accepts: both go through
// load_config, which applies the configuration to the signals (rules across parameters included).
#include <filesystem>
#include <set>
#include <string>

#include <gtest/gtest.h>

#include "cli_runner.hpp"

namespace onregel::test {
namespace {

namespace fs = std::filesystem;

std::string tiny(const std::string& file) { return std::string(ONREGEL_SOURCE_DIR) + "/tests/data/tiny/" + file; }

TEST(ConfigCheck, AgreesWithRunOnEveryConfigurationInTheTests) {
    const auto dir = scratch("config_check");
    int checked = 0;
    std::set<std::string> refused;
    for (const auto& entry : fs::recursive_directory_iterator(fs::path(ONREGEL_SOURCE_DIR) / "tests")) {
        if (entry.path().extension() != ".toml") continue;
        const auto file = entry.path().string();
        const auto check = run_cli({"config", "--check", file});
        const auto run = run_cli({"run", "--bag", tiny("bag.csv"), "--kvk", tiny("kvk.csv"), "--meldingen", tiny("meldingen.csv"),
                                  "--config", file, "--out", (dir / std::to_string(checked)).string(), "--quiet"});
        EXPECT_EQ(check.exit_code, run.exit_code) << file << "\ncheck: " << check.out << check.err << "\nrun: " << run.err;
        if (check.exit_code == 0) {
            EXPECT_EQ(check.out, file + ": in orde\n");
        } else {
            EXPECT_EQ(check.exit_code, 2) << file;
            EXPECT_EQ(check.err, run.err) << file;  // the same message, naming the same parameter
            refused.insert(entry.path().filename().string());
        }
        ++checked;
    }
    EXPECT_GE(checked, 12);
    // A rule across parameters (Signal::configure) is among them: config --check refuses it too.
    EXPECT_TRUE(refused.contains("config_levels_descending.toml"));
}

}  // namespace
}  // namespace onregel::test
