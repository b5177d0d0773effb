// `onregel sample` writes the town's three years of controles as register.gpkg: the same rows for the
// same seed (as ogr2ogr reads them back), none for the null world, and a register that `run --register`
// on the sample takes as its own: the due hercontrole first, a recently visited clean address left out,
// and the meldingen per quarter exactly as the run counts them.
#include <gtest/gtest.h>
#include <sys/stat.h>
#include <algorithm>
#include <map>
#include <nlohmann/json.hpp>
#include <set>

#include "cli_runner.hpp"

namespace onregel::test {
namespace {

namespace fs = std::filesystem;

const char* const tables[] = {"runs", "run_signalen", "controles", "interventies", "meldingen_per_kwartaal"};

std::vector<std::string> run_args(const fs::path& in, const fs::path& out) {
    const auto file = [&](const char* f) { return (in / f).string(); };
    return {"run",
            "--bag",
            file("bag.gpkg"),
            "--kvk",
            file("kvk_vestigingen.csv"),
            "--meldingen",
            file("meldingen.csv"),
            "--vergunningen",
            file("vergunningen.csv"),
            "--erkenningen",
            file("erkenningen.csv"),
            "--out",
            out.string(),
            "--quiet",
            "--capaciteit",
            "6"};
}

std::string text(const nlohmann::json& value) { return value.is_string() ? value.get<std::string>() : std::string(); }

std::set<std::string> items(const std::string& list) {  // "a;b" as the register stores lists
    std::set<std::string> out;
    std::size_t start = 0;
    while (start <= list.size()) {
        const auto end = std::min(list.find(';', start), list.size());
        if (end > start) out.insert(list.substr(start, end - start));
        start = end + 1;
    }
    return out;
}

TEST(CliSampleHistory, TheSameSeedWritesTheSameRegister) {
    const auto dir = scratch("sample_history_same");
    for (const char* name : {"a", "b"}) {
        const auto r = run_cli({"sample", "--out", (dir / name).string()});
        ASSERT_EQ(r.exit_code, 0) << r.err;
        EXPECT_NE(r.out.find("register.gpkg: 12 runs, "), std::string::npos) << r.out;
    }
    struct stat st {};
    ASSERT_EQ(::stat((dir / "a" / "register.gpkg").c_str(), &st), 0);
    EXPECT_EQ(st.st_mode & 0777, 0600u) << "private like every output";
    for (const char* table : tables) {
        const auto a = ogr_layer(dir / "a" / "register.gpkg", table);
        EXPECT_FALSE(a["features"].empty()) << table;
        EXPECT_EQ(a.dump(), ogr_layer(dir / "b" / "register.gpkg", table).dump()) << table;
    }
    const auto other = run_cli({"sample", "--out", (dir / "c").string(), "--seed", "2"});
    ASSERT_EQ(other.exit_code, 0) << other.err;
    EXPECT_NE(ogr_layer(dir / "a" / "register.gpkg", "controles").dump(),
              ogr_layer(dir / "c" / "register.gpkg", "controles").dump());
}

TEST(CliSampleHistory, TheNullWorldHasNoHistory) {
    const auto dir = scratch("sample_history_null");
    ASSERT_EQ(run_cli({"sample", "--out", dir.string()}).exit_code, 0);
    ASSERT_TRUE(fs::exists(dir / "register.gpkg"));
    const auto r = run_cli({"sample", "--out", dir.string(), "--null"});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    EXPECT_FALSE(fs::exists(dir / "register.gpkg")) << "a register of the normal town does not describe the null world";
    EXPECT_EQ(r.out.find("register.gpkg"), std::string::npos) << r.out;
}

TEST(CliSampleHistory, RunWithTheSampleRegisterPutsTheDueHercontroleFirstAndRestsACleanVisit) {
    const auto dir = scratch("sample_history_run");
    ASSERT_EQ(run_cli({"sample", "--out", (dir / "in").string()}).exit_code, 0);
    const auto reg = dir / "in" / "register.gpkg";
    const auto interventies = ogr_layer(reg, "interventies");
    const auto controles = ogr_layer(reg, "controles");
    const auto meldingen = ogr_layer(reg, "meldingen_per_kwartaal");

    const std::string peildatum = "2026-09-30";
    std::vector<std::pair<std::string, std::string>> due;  // (start, bag_id)
    for (const auto& f : interventies["features"]) {
        const auto& p = f["properties"];
        if (p["soort"] == "hercontrole" && text(p["afloop"]).empty() && text(p["start"]) <= peildatum)
            due.emplace_back(text(p["start"]), text(p["bag_id"]));
    }
    ASSERT_FALSE(due.empty()) << "the history leaves a hercontrole due on the peildatum";
    std::sort(due.begin(), due.end());

    // The last visit per address: a clean one in the last twelve months rests the address.
    std::map<std::string, nlohmann::json> last;
    for (const auto& f : controles["features"]) {
        const auto& p = f["properties"];
        auto& l = last[text(p["bag_id"])];
        if (l.is_null() || text(l["datum"]) < text(p["datum"])) l = p;
    }

    const auto without = run_cli(run_args(dir / "in", dir / "zonder"));
    ASSERT_EQ(without.exit_code, 0) << without.err;
    auto with_args = run_args(dir / "in", dir / "met");
    with_args.insert(with_args.end(), {"--register", reg.string()});
    const auto with = run_cli(with_args);
    ASSERT_EQ(with.exit_code, 0) << with.err;

    const auto proposal = [&](const char* out) {
        std::map<std::string, nlohmann::json> rows;
        const auto geojson = nlohmann::json::parse(slurp(dir / out / "controles.geojson"));
        for (const auto& f : geojson["features"]) rows[text(f["properties"]["bag_id"])] = f["properties"];
        return rows;
    };
    const auto zonder = proposal("zonder"), met = proposal("met");
    const auto first = nlohmann::json::parse(slurp(dir / "met" / "controles.geojson"))["features"][0]["properties"];
    EXPECT_EQ(text(first["bag_id"]), due.front().second);
    EXPECT_EQ(first["selectie"], "hercontrole");
    EXPECT_EQ(first["controledag"], 1);
    EXPECT_NE(text(first["historie"]).find("hercontrole op "), std::string::npos) << first["historie"];
    EXPECT_EQ(zonder.count(due.front().second), 0u) << "without the register it would not be visited now";

    int resting = 0;
    for (const auto& [bag_id, row] : zonder) {
        if (row["selectie"] != "ranking" || !last.count(bag_id)) continue;
        const auto& visit = last.at(bag_id);
        const auto then = items(text(visit["signalen"]));
        const bool recent = text(visit["datum"]) > "2025-09-30";
        const bool clean = text(visit["constateringen"]) == "geen_bevinding";
        const bool no_new_signal =
            std::all_of(row["signalen"].begin(), row["signalen"].end(), [&](const auto& s) { return then.count(text(s)) > 0; });
        if (!recent || !clean || !no_new_signal || visit["signalen_bekend"] != 1) continue;
        ++resting;
        EXPECT_EQ(met.count(bag_id), 0u) << bag_id << ": visited " << text(visit["datum"]) << ", nothing found, no new signal";
    }
    EXPECT_GE(resting, 1) << "the history holds a recent clean visit at an address the ranking proposes";

    const auto manifest = nlohmann::json::parse(slurp(dir / "met" / "manifest.json"));
    const auto& register_ = manifest["register"];
    EXPECT_EQ(register_["hercontroles_verschuldigd"], due.size());
    EXPECT_GE(register_["in_rust"].get<int>(), resting);
    const auto& m = register_["wijzigingen"]["meldingen_per_kwartaal"];
    EXPECT_EQ(m["nieuw"], 0) << "the run counts the meldingen per quarter as the history has them";
    EXPECT_EQ(m["gewijzigd"], 0);
    EXPECT_EQ(m["ongewijzigd"], meldingen["features"].size());
}

}  // namespace
}  // namespace onregel::test
