// Faults and determinism: a run killed at any moment leaves the previous output intact, and the
// same inputs give the same bytes whatever the thread count or the user's locale.
#include <csignal>
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>
#include <thread>

#include "cli_runner.hpp"

namespace onregel::test {
namespace {

namespace fs = std::filesystem;

std::vector<std::string> tiny_args(const fs::path& out, const std::string& threads) {
    return {"run", "--bag", tiny("bag.csv"), "--kvk", tiny("kvk.csv"), "--meldingen", tiny("meldingen.csv"),
            "--out", out.string(), "--quiet", "--threads", threads};
}

// Every output file, with the manifest's run section (threads, timings) left out.
std::map<std::string, std::string> output_bytes(const fs::path& out) {
    std::map<std::string, std::string> files;
    for (const auto& entry : fs::recursive_directory_iterator(out)) {
        if (!entry.is_regular_file()) continue;
        auto bytes = slurp(entry.path());
        if (entry.path().filename() == "manifest.json") {
            auto manifest = nlohmann::json::parse(bytes);
            manifest.erase("uitvoering");
            bytes = manifest.dump(1);
        }
        files[fs::relative(entry.path(), out).string()] = bytes;
    }
    return files;
}

TEST(Determinism, SameBytesForOneTwoAndFourThreads) {
    const auto dir = scratch("determinism_threads");
    std::map<std::string, std::string> first;
    for (const char* threads : {"1", "2", "4"}) {
        const auto out = dir / (std::string("t") + threads);
        const auto result = run_cli(tiny_args(out, threads));
        ASSERT_EQ(result.exit_code, 0) << result.err;
        const auto files = output_bytes(out);
        if (first.empty()) first = files;
        else EXPECT_TRUE(files == first) << "--threads " << threads << " differs from --threads 1";
    }
    EXPECT_GE(first.size(), 4u);
}

TEST(Determinism, SameBytesUnderDutchAndCLocale) {
    ASSERT_EQ(std::system("locale -a | grep -qi '^nl_NL.utf8$'"), 0)
        << "the nl_NL.UTF-8 locale is not installed (scripts/install-deps --tests generates it)";
    const auto dir = scratch("determinism_locale");
    ASSERT_EQ(run_cli(tiny_args(dir / "c", "2"), "LC_ALL=C").exit_code, 0);
    const auto dutch = run_cli(tiny_args(dir / "nl", "2"), "LC_ALL=nl_NL.UTF-8 LANG=nl_NL.UTF-8");
    ASSERT_EQ(dutch.exit_code, 0) << dutch.err;
    EXPECT_TRUE(output_bytes(dir / "c") == output_bytes(dir / "nl"));
}

TEST(Faults, KilledRunsLeaveThePreviousOutputIntact) {
    const auto dir = scratch("kill");
    const auto sample = run_cli({"sample", "--out", (dir / "in").string()});
    ASSERT_EQ(sample.exit_code, 0) << sample.err;
    const auto in = [&](const char* f) { return (dir / "in" / f).string(); };
    const std::vector<std::string> args = {"run", "--bag", in("bag.gpkg"), "--kvk", in("kvk_vestigingen.csv"), "--meldingen",
                                           in("meldingen.csv"), "--out", (dir / "out").string(), "--quiet", "--overwrite"};
    ASSERT_EQ(run_cli(args).exit_code, 0);
    const auto before = output_bytes(dir / "out");

    // Kill at moments spread over the whole run, from start-up to the final rename.
    const auto start = std::chrono::steady_clock::now();
    ASSERT_EQ(run_cli(args).exit_code, 0);
    const auto run_ms = std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - start).count();
    for (int step = 1; step <= 12; ++step) {
        const pid_t pid = spawn_cli(args);
        std::this_thread::sleep_for(std::chrono::milliseconds(run_ms * step / 12));
        ::kill(pid, SIGKILL);
        int status = 0;
        ::waitpid(pid, &status, 0);
        ASSERT_TRUE(fs::exists(dir / "out" / "locaties.geojson")) << "kill at step " << step;
        EXPECT_TRUE(output_bytes(dir / "out") == before) << "kill at step " << step << " changed the output";
    }
    // The next run clears what the killed runs left in their staging directories.
    ASSERT_EQ(run_cli(args).exit_code, 0);
    EXPECT_TRUE(output_bytes(dir / "out") == before);
    for (const auto& entry : fs::directory_iterator(dir))
        EXPECT_TRUE(entry.path().filename() == "in" || entry.path().filename() == "out" ||
                    entry.path().filename() == "onregel-logboek.jsonl")
            << "left behind: " << entry.path();
}

}  // namespace
}  // namespace onregel::test
