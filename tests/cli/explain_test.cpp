// `onregel explain` on the tiny fixture: every ranked address can be explained, the contributions add up
// to the score; an address without signal shows its BAG facts; an unknown one names the nearest
// addresses in its street.
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>
#include <fstream>
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
    for (const char* query : {"3401AA 1", "3401 aa 1", "3401AC 12a", "3401ac 12 A", "3401AC 12-a", "3401AB 2-1", "Kerkstraat 12a",
                              "kerkstraat 12 A, IJsselstein", "Kerkstraat 12a, 3401 AC IJsselstein", "Boxenlaan 2-1"}) {
        const auto result = run_cli({"explain", "--out", out.string(), query});
        EXPECT_EQ(result.exit_code, 0) << query << ": " << result.err;
        EXPECT_EQ(result.out.find("Geen signaal"), std::string::npos) << query << ": on the list";
    }
    const auto box = run_cli({"explain", "--out", out.string(), "Boxenlaan 2-1"});
    EXPECT_NE(box.out.find("kelderbox"), std::string::npos);
    EXPECT_NE(box.out.find("max_oppervlakte = 25"), std::string::npos) << "the parameters in force are shown";
    EXPECT_EQ(box.out.find("1 punten"), std::string::npos) << box.out;
}

TEST(CliExplain, AKnownAddressWithoutSignalShowsItsBagFacts) {
    const auto out = tiny_output();
    for (const char* query : {"Kerkstraat 14", "3401AC 14", "3401 AC 14", "0353010000000006"}) {
        const auto result = run_cli({"explain", "--out", out.string(), query});
        EXPECT_EQ(result.exit_code, 0) << query << ": " << result.err;
        EXPECT_EQ(result.out,
                  "Kerkstraat 14, 3401AC IJsselstein\n"
                  "  BAG verblijfsobject 0353010000000006 in pand 0353100000000005, status Verblijfsobject in gebruik\n"
                  "  gebruiksdoel woonfunctie, 120 m², bouwjaar 1932, 0 actieve vestigingen, 0 meldingen\n\n"
                  "Geen signaal: het adres staat in de BAG, maar niet bij de " +
                      std::to_string(nlohmann::json::parse(slurp(out / "locaties.geojson"))["features"].size()) +
                      " locaties met een signaal (peildatum 2024-07-01, profiel loo).\n")
            << query;
    }
}

TEST(CliExplain, AnUnknownAddressNamesTheNearestAddressesInTheSameStreet) {
    const auto out = tiny_output();
    for (const char* query : {"Kerkstraat 15", "3401AC 15"}) {
        const auto result = run_cli({"explain", "--out", out.string(), query});
        EXPECT_EQ(result.exit_code, 1) << query;
        EXPECT_EQ(result.err, "onregel: fout in de invoer: onbekend adres: '" + std::string(query) +
                                  "' staat niet in de BAG van de run. Dichtstbij in dezelfde straat:\n"
                                  "  Kerkstraat 14, 3401AC IJsselstein (BAG 0353010000000006)\n"
                                  "  Kerkstraat 12A, 3401AC IJsselstein (BAG 0353010000000003)\n")
            << query;
    }
    const auto street = run_cli({"explain", "--out", out.string(), "Kerkstrat 14"});
    EXPECT_EQ(street.exit_code, 1);
    EXPECT_NE(street.err.find("De straat Kerkstrat komt in de BAG niet voor; bedoelde u Kerkstraat?"), std::string::npos)
        << street.err;
    const auto id = run_cli({"explain", "--out", out.string(), "0353010000000099"});
    EXPECT_EQ(id.exit_code, 1);
    EXPECT_NE(id.err.find("onbekend adres: BAG-id 0353010000000099 staat niet in de BAG van de run"), std::string::npos) << id.err;
    const auto nonsense = run_cli({"explain", "--out", out.string(), "geen adres"});
    EXPECT_EQ(nonsense.exit_code, 1);
    EXPECT_NE(nonsense.err.find("'geen adres' is geen adres"), std::string::npos) << nonsense.err;
}

TEST(CliExplain, InputsThatMovedAreGivenOnTheCommandLine) {
    const auto out = tiny_output();
    auto manifest = nlohmann::json::parse(slurp(out / "manifest.json"));
    manifest["invoer"]["bag"]["bron"] = (out / "weg.csv").string();
    std::ofstream(out / "manifest.json") << manifest.dump(1);
    const auto lost = run_cli({"explain", "--out", out.string(), "Kerkstraat 14"});
    EXPECT_EQ(lost.exit_code, 1);
    EXPECT_NE(lost.err.find("geef de invoer met --bag, --kvk en --meldingen"), std::string::npos) << lost.err;
    const auto given = run_cli({"explain", "--out", out.string(), "--bag", tiny("bag.csv"), "Kerkstraat 14"});
    EXPECT_EQ(given.exit_code, 0) << given.err;
    EXPECT_NE(given.out.find("Geen signaal"), std::string::npos) << given.out;
    EXPECT_EQ(run_cli({"explain", "--out", out.string(), "Kerkstraat 12a"}).exit_code, 0) << "the list needs no BAG";
}

}  // namespace
}  // namespace onregel::test
