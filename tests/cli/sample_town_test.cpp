// The sample town end to end: every planted case is flagged with its signal, no benign look-alike
// is flagged with the signal it imitates, and planted cases rank above look-alikes.
// One test process generates and runs the town once (ctest runs each test in its own process).
#include <gtest/gtest.h>
#include <map>
#include <nlohmann/json.hpp>
#include <set>

#include "cli_runner.hpp"
#include "engine/signals/registry.hpp"

namespace onregel::test {
namespace {

namespace fs = std::filesystem;

struct Truth {
    std::string bag_id, kind, signal;
};

struct SampleRun {
    fs::path dir;
    std::vector<Truth> truth;
    std::map<std::string, std::pair<int, std::set<std::string>>> flagged;  // bag_id -> (rank, signals)
};

SampleRun run_sample_town() {
    SampleRun r;
    r.dir = scratch("sample_town");
    const auto sample = run_cli({"sample", "--out", (r.dir / "in").string()});
    EXPECT_EQ(sample.exit_code, 0) << sample.err;
    const auto in = [&](const char* f) { return (r.dir / "in" / f).string(); };
    const auto run = run_cli({"run", "--bag", in("bag.gpkg"), "--kvk", in("kvk_vestigingen.csv"), "--meldingen",
                              in("meldingen.csv"), "--vergunningen", in("vergunningen.csv"), "--erkenningen",
                              in("erkenningen.csv"), "--out", (r.dir / "out").string(), "--quiet"});
    EXPECT_EQ(run.exit_code, 0) << run.err;

    std::istringstream csv(slurp(r.dir / "in" / "ground_truth.csv"));
    std::string line;
    std::getline(csv, line);
    EXPECT_EQ(line, "bag_id,kind,expected_signal");
    while (std::getline(csv, line)) {
        std::istringstream fields(line);
        Truth t;
        std::getline(fields, t.bag_id, ',');
        std::getline(fields, t.kind, ',');
        std::getline(fields, t.signal, ',');
        r.truth.push_back(t);
    }
    const auto geojson = nlohmann::json::parse(slurp(r.dir / "out" / "locaties.geojson"));
    for (const auto& f : geojson["features"]) {
        const auto& p = f["properties"];
        r.flagged[p["bag_id"]] = {p["rank"].get<int>(), p["signalen"].get<std::set<std::string>>()};
    }
    return r;
}

TEST(SampleTown, PlantedCasesFlaggedLookalikesLeftAloneAndRankedBelow) {
    const auto town = run_sample_town();
    ASSERT_FALSE(HasFailure());

    SCOPED_TRACE("every signal has three planted cases, every look-alike kind three instances");
    std::map<std::string, int> planted, lookalike;
    for (const auto& t : town.truth) ++(t.kind == "planted" ? planted : lookalike)[t.signal];
    for (const auto& s : make_signals()) EXPECT_GE(planted[s->info().id], 3) << s->info().id;
    int lookalikes = 0;
    for (const auto& [signal, n] : lookalike) lookalikes += n;
    EXPECT_GE(lookalikes, 12) << "four kinds of benign look-alike, three of each";

    int worst_planted = 0, best_lookalike = 1 << 30;
    for (const auto& t : town.truth) {
        const auto it = town.flagged.find(t.bag_id);
        const bool hit = it != town.flagged.end();
        if (t.kind == "planted") {
            EXPECT_TRUE(hit) << t.bag_id << " (" << t.signal << ") is not flagged at all";
            if (!hit) continue;
            EXPECT_TRUE(it->second.second.count(t.signal)) << t.bag_id << " is not flagged with " << t.signal;
            worst_planted = std::max(worst_planted, it->second.first);
        } else if (hit) {
            EXPECT_FALSE(it->second.second.count(t.signal)) << "look-alike " << t.bag_id << " fires " << t.signal;
            best_lookalike = std::min(best_lookalike, it->second.first);
        }
    }
    EXPECT_LT(worst_planted, best_lookalike) << "a look-alike ranks above a planted case";
}

}  // namespace
}  // namespace onregel::test
