// CLI golden and behaviour tests: the real binary on the tiny fixture in tests/data/tiny.
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>
#include <sys/stat.h>

#include "cli_runner.hpp"

namespace onregel::test {
namespace {

namespace fs = std::filesystem;

std::vector<std::string> tiny_run(const fs::path& out, std::vector<std::string> extra = {}) {
    std::vector<std::string> args = {"run", "--bag", tiny("bag.csv"), "--kvk", tiny("kvk.csv"), "--meldingen",
                                     tiny("meldingen.csv"), "--out", out.string(), "--quiet"};
    args.insert(args.end(), extra.begin(), extra.end());
    return args;
}

TEST(CliRun, LocatiesMatchGoldenFile) {
    const auto dir = scratch("golden");
    const auto result = run_cli(tiny_run(dir / "out"));
    ASSERT_EQ(result.exit_code, 0) << result.err;
    const auto expected = fs::path(ONREGEL_SOURCE_DIR) / "tests/data/tiny/expected";
    // rejects.csv names its sources as given; the golden copy is independent of the checkout's path.
    auto rejects = slurp(dir / "out" / "rejects.csv");
    for (auto at = rejects.find(tiny("")); at != std::string::npos; at = rejects.find(tiny(""))) rejects.replace(at, tiny("").size(), "tiny/");
    const std::pair<std::string, std::string> files[] = {{"locaties.geojson", slurp(dir / "out" / "locaties.geojson")},
                                                         {"rejects.csv", rejects}};
    for (const auto& [name, actual] : files) {
        if (std::getenv("ONREGEL_UPDATE_GOLDEN")) std::ofstream(expected / name, std::ios::binary) << actual;
        EXPECT_EQ(actual, slurp(expected / name)) << name << ": set ONREGEL_UPDATE_GOLDEN=1 to accept a deliberate change";
    }
}

TEST(CliRun, ScoresAreTheSumOfTheirContributionsAndPointsLieInTheNetherlands) {
    const auto dir = scratch("sums");
    ASSERT_EQ(run_cli(tiny_run(dir / "out")).exit_code, 0);
    const auto geojson = nlohmann::json::parse(slurp(dir / "out" / "locaties.geojson"));
    ASSERT_EQ(geojson["type"], "FeatureCollection");
    ASSERT_FALSE(geojson["features"].empty());
    int previous_score = 1 << 30, rank = 0;
    for (const auto& f : geojson["features"]) {
        const auto& p = f["properties"];
        int sum = 0;
        for (const auto& [id, points] : p["bijdragen"].items()) sum += points.get<int>();
        EXPECT_EQ(sum, p["score"].get<int>()) << p["bag_id"];
        EXPECT_EQ(p["rank"].get<int>(), ++rank);
        EXPECT_LE(p["score"].get<int>(), previous_score);
        previous_score = p["score"].get<int>();
        const double lon = f["geometry"]["coordinates"][0], lat = f["geometry"]["coordinates"][1];
        EXPECT_TRUE(lon > 3.2 && lon < 7.3 && lat > 50.7 && lat < 53.6) << lon << " " << lat;
        EXPECT_FALSE(p.contains("handelsnamen")) << "the loo profile carries no handelsnamen";
    }
}

TEST(CliRun, EveryInputRowIsUsedOrRejected) {
    const auto dir = scratch("accounting");
    ASSERT_EQ(run_cli(tiny_run(dir / "out")).exit_code, 0);
    const auto manifest = nlohmann::json::parse(slurp(dir / "out" / "manifest.json"));
    for (const auto& [layer, entry] : manifest["invoer"].items())
        EXPECT_EQ(entry["rijen"].get<int>(), entry["gebruikt"].get<int>() + entry["afgewezen"].get<int>()) << layer;
    EXPECT_EQ(manifest["invoer"]["kvk"]["rijen"], 20);
}

TEST(CliRun, SameBytesForOneAndTwoThreads) {
    const auto dir = scratch("threads");
    ASSERT_EQ(run_cli(tiny_run(dir / "one", {"--threads", "1"})).exit_code, 0);
    ASSERT_EQ(run_cli(tiny_run(dir / "two", {"--threads", "2"})).exit_code, 0);
    for (const char* file : {"locaties.geojson", "rejects.csv"})
        EXPECT_EQ(slurp(dir / "one" / file), slurp(dir / "two" / file)) << file;
    auto one = nlohmann::json::parse(slurp(dir / "one" / "manifest.json"));
    auto two = nlohmann::json::parse(slurp(dir / "two" / "manifest.json"));
    one.erase("uitvoering");  // threads and timings
    two.erase("uitvoering");
    EXPECT_EQ(one, two);
}

TEST(CliRun, OutputsArePrivate) {
    const auto dir = scratch("private");
    ASSERT_EQ(run_cli(tiny_run(dir / "out")).exit_code, 0);
    struct stat st {};
    ASSERT_EQ(::stat((dir / "out").c_str(), &st), 0);
    EXPECT_EQ(st.st_mode & 0777, 0700u);
    for (const auto& entry : fs::recursive_directory_iterator(dir / "out")) {
        ASSERT_EQ(::stat(entry.path().c_str(), &st), 0);
        EXPECT_EQ(st.st_mode & 0777, entry.is_directory() ? 0700u : 0600u) << entry.path();
    }
}

TEST(CliRun, ExistingOutputNeedsOverwriteAndSurvivesAFailedRun) {
    const auto dir = scratch("overwrite");
    ASSERT_EQ(run_cli(tiny_run(dir / "out")).exit_code, 0);
    const auto before = slurp(dir / "out" / "locaties.geojson");
    const auto again = run_cli(tiny_run(dir / "out"));
    EXPECT_EQ(again.exit_code, 2);
    EXPECT_NE(again.err.find("--overwrite"), std::string::npos) << again.err;
    // A run that fails on its input leaves the previous output as it was.
    auto broken = tiny_run(dir / "out", {"--overwrite"});
    broken[4] = tiny("missing_column_kvk.csv");
    const auto failed = run_cli(broken);
    EXPECT_EQ(failed.exit_code, 1);
    EXPECT_EQ(slurp(dir / "out" / "locaties.geojson"), before);
    for (const auto& entry : fs::directory_iterator(dir))
        EXPECT_TRUE(entry.path().filename() == "out" || entry.path().filename() == "onregel-logboek.jsonl")
            << "staging directory left behind: " << entry.path();
}

TEST(CliRun, OverwriteReplacesOnlyAnOutputOfOnregel) {
    const auto dir = scratch("overwrite_marker");
    fs::create_directories(dir / "mijnmap");
    std::ofstream(dir / "mijnmap" / "notities.docx") << "belangrijk";
    const auto refused = run_cli(tiny_run(dir / "mijnmap", {"--overwrite"}));
    EXPECT_EQ(refused.exit_code, 2);
    EXPECT_NE(refused.err.find("geen uitvoermap van onregel"), std::string::npos) << refused.err;
    EXPECT_EQ(slurp(dir / "mijnmap" / "notities.docx"), "belangrijk");
    ASSERT_EQ(run_cli(tiny_run(dir / "out")).exit_code, 0);
    EXPECT_TRUE(fs::is_regular_file(dir / "out" / ".onregel-uitvoer"));
    EXPECT_EQ(run_cli(tiny_run(dir / "out", {"--overwrite"})).exit_code, 0) << "its own output it replaces";
}

TEST(CliRun, OutThroughASymlinkIsRefused) {
    const auto dir = scratch("out_symlink");
    ASSERT_EQ(run_cli(tiny_run(dir / "target")).exit_code, 0);
    fs::create_directory_symlink(dir / "target", dir / "link");
    const auto refused = run_cli(tiny_run(dir / "link", {"--overwrite"}));
    EXPECT_EQ(refused.exit_code, 2);
    EXPECT_NE(refused.err.find("symbolische koppeling"), std::string::npos) << refused.err;
    EXPECT_TRUE(fs::is_symlink(dir / "link"));
}

TEST(CliRun, AFifoAsInputIsRefusedNotWaitedOn) {
    const auto dir = scratch("fifo");
    ASSERT_EQ(::mkfifo((dir / "kvk.csv").c_str(), 0600), 0);
    auto args = tiny_run(dir / "out");
    args[4] = (dir / "kvk.csv").string();
    const auto result = run_cli(args, "timeout 60");
    EXPECT_EQ(result.exit_code, 1) << result.err;
    EXPECT_NE(result.err.find("named pipe"), std::string::npos) << result.err;
    EXPECT_FALSE(fs::exists(dir / "out"));
}

TEST(CliRun, DirectoriesItMakesArePrivateWhateverTheUmask) {
    const auto dir = scratch("umask");
    const auto result = run_cli(tiny_run(dir / "nieuw" / "out"), "umask 000;");
    ASSERT_EQ(result.exit_code, 0) << result.err;
    struct stat st {};
    ASSERT_EQ(::stat((dir / "nieuw").c_str(), &st), 0);
    EXPECT_EQ(st.st_mode & 0777, 0700u);
    ASSERT_EQ(::stat((dir / "nieuw" / "onregel-logboek.jsonl").c_str(), &st), 0);
    EXPECT_EQ(st.st_mode & 0777, 0600u);
}

TEST(CliRun, MissingColumnNamesFileLayerColumnAndWhatWasFound) {
    const auto dir = scratch("missing");
    auto args = tiny_run(dir / "out");
    args[4] = tiny("missing_column_kvk.csv");
    const auto result = run_cli(args);
    EXPECT_EQ(result.exit_code, 1);
    EXPECT_NE(result.err.find("missing_column_kvk.csv"), std::string::npos) << result.err;
    EXPECT_NE(result.err.find("'sbiHoofdactiviteit'"), std::string::npos) << result.err;
    EXPECT_NE(result.err.find("gevonden: vestigingsnummer"), std::string::npos) << result.err;
    EXPECT_FALSE(fs::exists(dir / "out"));
}

TEST(CliRun, MissingInputFileIsAnInputError) {
    const auto dir = scratch("nofile");
    auto args = tiny_run(dir / "out");
    args[2] = tiny("does_not_exist.gpkg");
    const auto result = run_cli(args);
    EXPECT_EQ(result.exit_code, 1);
    EXPECT_NE(result.err.find("does_not_exist.gpkg"), std::string::npos) << result.err;
}

TEST(CliRun, BadConfigIsAUsageErrorBeforeAnyInputIsRead) {
    const auto dir = scratch("badconfig");
    std::ofstream(dir / "bad.toml") << "[signalen.kelderbox]\nmax_oppervlakte = 5000\n";
    auto args = tiny_run(dir / "out", {"--config", (dir / "bad.toml").string()});
    args[2] = tiny("does_not_exist.gpkg");  // never opened: the config fails first
    const auto result = run_cli(args);
    EXPECT_EQ(result.exit_code, 2);
    EXPECT_NE(result.err.find("max_oppervlakte = 5000"), std::string::npos) << result.err;
    EXPECT_NE(result.err.find("1 tot en met 1000"), std::string::npos) << result.err;
}

TEST(CliRun, UsageErrorsExitTwo) {
    EXPECT_EQ(run_cli({"run", "--bag", "x"}).exit_code, 2);
    EXPECT_EQ(run_cli({"no-such-command"}).exit_code, 2);
    EXPECT_EQ(run_cli({"run", "--help"}).exit_code, 0);
}

TEST(CliConfig, DefaultConfigParsesBackAndListsEverySignal) {
    const auto result = run_cli({"config", "--default"});
    ASSERT_EQ(result.exit_code, 0);
    const auto dir = scratch("config");
    std::ofstream(dir / "default.toml") << result.out;
    const auto check = run_cli({"config", "--check", (dir / "default.toml").string()});
    EXPECT_EQ(check.exit_code, 0) << check.err;
    const auto signals = run_cli({"signals"});
    ASSERT_EQ(signals.exit_code, 0);
    for (const char* id : {"bedrijven_op_adres", "kelderbox"}) {
        EXPECT_NE(signals.out.find(id), std::string::npos);
        EXPECT_NE(result.out.find(std::string("[signalen.") + id + "]"), std::string::npos);
    }
}

}  // namespace
}  // namespace onregel::test
