// The sample town end to end: every planted case is flagged with its signal, no benign look-alike
// is flagged with the signal it imitates, and planted cases rank above look-alikes.
// One test process generates and runs the town once (ctest runs each test in its own process).
#include <gtest/gtest.h>
#include <array>
#include <cctype>
#include <cmath>
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
    std::map<std::string, std::set<std::string>> paid;  // bag_id -> the signals that scored (points > 0)
    std::map<std::string, std::array<double, 2>> where;  // bag_id -> lon, lat of every flagged object
    std::string first;                                   // bag_id of rank 1
    nlohmann::json controles;
    std::map<std::string, std::vector<std::string>> bewijs;  // signal -> every reason it gave in locaties.geojson
};

SampleRun run_sample_town() {
    SampleRun r;
    // One directory per test: ctest runs the tests of this file side by side.
    r.dir = scratch(std::string("sample_town_") + ::testing::UnitTest::GetInstance()->current_test_info()->name());
    const auto sample = run_cli({"sample", "--out", (r.dir / "in").string()});
    EXPECT_EQ(sample.exit_code, 0) << sample.err;
    const auto in = [&](const char* f) { return (r.dir / "in" / f).string(); };
    const auto run = run_cli({"run", "--bag", in("bag.gpkg"), "--kvk", in("kvk_vestigingen.csv"), "--meldingen",
                              in("meldingen.csv"), "--vergunningen", in("vergunningen.csv"), "--erkenningen",
                              in("erkenningen.csv"), "--out", (r.dir / "out").string(), "--quiet", "--capaciteit", "6",
                              "--per-dag", "8"});
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
        for (const auto& [signal, points] : p["bijdragen"].items())
            if (points.get<int>() > 0 && signal != "integrale_bonus") r.paid[p["bag_id"]].insert(signal);
        r.where[p["bag_id"]] = {f["geometry"]["coordinates"][0].get<double>(), f["geometry"]["coordinates"][1].get<double>()};
        if (p["rank"] == 1) r.first = p["bag_id"];
    }
    r.controles = nlohmann::json::parse(slurp(r.dir / "out" / "controles.geojson"))["features"];
    for (const auto& f : geojson["features"])
        for (const auto& [signal, text] : f["properties"]["bewijs"].items()) r.bewijs[signal].push_back(text.get<std::string>());
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

// The proposal starts where the ranking does: stop 1 of day 1 is the top-ranked address. The town's
// only real excess of meldingen is its planted hot area, so whatever is flagged by the hot spot alone
// lies there (within 300 m of a planted hot spot object), and nothing else rides on it.
TEST(SampleTown, DayOneStartsAtTheTopAndHotSpotsAreRealExcess) {
    const auto town = run_sample_town();
    ASSERT_FALSE(HasFailure());
    ASSERT_FALSE(town.controles.empty());
    const auto& first = town.controles[0]["properties"];
    EXPECT_EQ(first["controledag"], 1);
    EXPECT_EQ(first["volgorde"], 1);
    EXPECT_EQ(first["bag_id"], town.first);

    std::vector<std::array<double, 2>> hot_area;
    for (const auto& t : town.truth)
        if (t.kind == "planted" && t.signal == "meldingen_hotspot") hot_area.push_back(town.where.at(t.bag_id));
    ASSERT_FALSE(hot_area.empty());
    int hot_spot_only = 0;
    for (const auto& [bag_id, signals] : town.paid) {
        if (signals != std::set<std::string>{"meldingen_hotspot"}) continue;
        ++hot_spot_only;
        const auto [lon, lat] = town.where.at(bag_id);
        double nearest = 1e9;  // metres, on a local flat approximation (52° N)
        for (const auto& [x, y] : hot_area) nearest = std::min(nearest, std::hypot((lon - x) * 68600, (lat - y) * 111200));
        EXPECT_LT(nearest, 300) << bag_id << " is flagged by the hot spot alone, far from the planted hot area";
    }
    EXPECT_GT(hot_spot_only, 0);
}

// The rule for a reason (docs/signals.md, "Reasons"): one sentence a handhaver can read aloud. It starts
// with a capital or a digit, holds no ';' (no joined rule fragments), no sentence break and no final full
// stop, and no word of statistics: the rule and its statistics are in the signal's beschrijving.
TEST(SampleTown, EveryReasonIsOnePlainDutchSentence) {
    const auto town = run_sample_town();
    ASSERT_FALSE(HasFailure());
    const std::vector<std::string> statistics = {"p-waarde", "p =",         "p <",  "fdr",     "gi*",    "getis", "poisson",
                                                 "binomia",  "significant", "lq",   "z-score", "toets", "benjamini",
                                                 "gewogen",  "verwachting", "kans", "cel "};
    for (const auto& s : make_signals()) EXPECT_TRUE(town.bewijs.contains(s->info().id)) << s->info().id << " gave no reason";
    int checked = 0;
    for (const auto& [signal, texts] : town.bewijs) {
        for (const auto& text : texts) {
            std::string lower = text;
            for (auto& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
            ASSERT_FALSE(text.empty()) << signal;
            EXPECT_TRUE(std::isupper(static_cast<unsigned char>(text[0])) || std::isdigit(static_cast<unsigned char>(text[0])))
                << signal << ": " << text;
            EXPECT_EQ(text.find(';'), std::string::npos) << signal << ": " << text;
            EXPECT_EQ(text.find('\n'), std::string::npos) << signal << ": " << text;
            EXPECT_EQ(text.find(". "), std::string::npos) << signal << ": " << text;
            EXPECT_NE(text.back(), '.') << signal << ": " << text;
            for (const auto& word : statistics) EXPECT_EQ(lower.find(word), std::string::npos) << signal << ": " << text;
            ++checked;
        }
    }
    EXPECT_GT(checked, 300);
}

}  // namespace
}  // namespace onregel::test
