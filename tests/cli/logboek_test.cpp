// The logboek dataverwerkingen: one line per run, successful or not, in a private append-only file,
// naming who, when, which inputs (with hashes), the profile and what was written — and no data.
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>
#include <sys/stat.h>

#include "cli_runner.hpp"

namespace onregel::test {
namespace {

namespace fs = std::filesystem;

std::vector<nlohmann::json> lines_of(const fs::path& path) {
    std::vector<nlohmann::json> lines;
    std::istringstream in(slurp(path));
    for (std::string line; std::getline(in, line);) lines.push_back(nlohmann::json::parse(line));
    return lines;
}

TEST(Logboek, EveryRunAppendsOneLineOkOrNot) {
    const auto dir = scratch("logboek");
    const std::vector<std::string> args = {"run", "--bag", tiny("bag.csv"), "--kvk", tiny("kvk.csv"), "--meldingen",
                                           tiny("meldingen.csv"), "--out", (dir / "out").string(), "--quiet"};
    ASSERT_EQ(run_cli(args).exit_code, 0);
    EXPECT_EQ(run_cli(args).exit_code, 2);  // --out exists: refused, and logged
    const auto log = dir / "onregel-logboek.jsonl";
    // Two lines a run: started before anything is read, finished once the output is there (or not); a
    // run refused before it starts has only the second.
    const auto lines = lines_of(log);
    ASSERT_EQ(lines.size(), 3u);
    for (const char* key : {"tijd", "gebruiker", "host", "onregel", "commando", "profiel", "invoer", "resultaat", "proces"})
        EXPECT_TRUE(lines[1].contains(key)) << key;
    EXPECT_EQ(lines[0]["resultaat"], "gestart");
    EXPECT_EQ(lines[0]["proces"], lines[1]["proces"]);
    EXPECT_EQ(lines[1]["resultaat"], "ok");
    EXPECT_EQ(lines[1]["invoer"]["kvk"]["sha256"].get<std::string>().size(), 64u);
    EXPECT_NE(lines[1]["uitvoer"]["bestanden"].dump().find("locaties.geojson"), std::string::npos);
    EXPECT_EQ(lines[2]["resultaat"].get<std::string>().rfind("fout: ", 0), 0u) << "refused before it started";
    EXPECT_EQ(lines[2]["invoer"]["kvk"]["bron"], tiny("kvk.csv"));
    struct stat st {};
    ASSERT_EQ(::stat(log.c_str(), &st), 0);
    EXPECT_EQ(st.st_mode & 0777, 0600u);
    const auto text = slurp(log);
    EXPECT_EQ(text.find("TINY-CANARY"), std::string::npos);
    EXPECT_EQ(text.find("Alfa Holding"), std::string::npos) << "the logboek holds no data rows";
}

TEST(Logboek, PrivateWhateverTheFileWasAndNotThroughALink) {
    const auto dir = scratch("logboek_mode");
    const auto log = dir / "onregel-logboek.jsonl";
    std::ofstream(log) << "";
    ::chmod(log.c_str(), 0666);
    const std::vector<std::string> args = {"run", "--bag", tiny("bag.csv"), "--kvk", tiny("kvk.csv"), "--out",
                                           (dir / "out").string(), "--quiet"};
    ASSERT_EQ(run_cli(args).exit_code, 0);
    struct stat st {};
    ASSERT_EQ(::stat(log.c_str(), &st), 0);
    EXPECT_EQ(st.st_mode & 0777, 0600u);

    const auto linked = scratch("logboek_link");
    std::ofstream(linked / "elders.jsonl") << "";
    fs::create_symlink(linked / "elders.jsonl", linked / "onregel-logboek.jsonl");
    const auto refused = run_cli({"run", "--bag", tiny("bag.csv"), "--kvk", tiny("kvk.csv"), "--out", (linked / "out").string(), "--quiet"});
    EXPECT_EQ(refused.exit_code, 3) << "the environment: a logboek that is a link";
    EXPECT_NE(refused.err.find("symbolische koppeling"), std::string::npos) << refused.err;
    EXPECT_EQ(slurp(linked / "elders.jsonl"), "");
    EXPECT_FALSE(fs::exists(linked / "out"));
}

TEST(Logboek, TheConfigChoosesWhereItGoes) {
    const auto dir = scratch("logboek_config");
    const auto log = dir / "elders" / "logboek.jsonl";
    fs::create_directories(log.parent_path());
    std::ofstream(dir / "config.toml") << "logboek = \"" << log.string() << "\"\n";
    ASSERT_EQ(run_cli({"run", "--bag", tiny("bag.csv"), "--kvk", tiny("kvk.csv"), "--out", (dir / "out").string(), "--quiet",
                       "--config", (dir / "config.toml").string()})
                  .exit_code,
              0);
    ASSERT_EQ(lines_of(log).size(), 2u);
    EXPECT_NE(lines_of(log)[1]["config"]["sha256"].get<std::string>(), "");
    EXPECT_FALSE(fs::exists(dir / "onregel-logboek.jsonl"));
}

}  // namespace
}  // namespace onregel::test
