// `onregel gebied`: areas from any polygon source, the basisdataset per area (ids as text through
// the XLSX, formulas neutralised), the informatiebeeld beside the gemeente, and the profile of the
// sample town's bedrijventerrein. GDAL files are read back with GDAL's own ogr2ogr.
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>
#include <set>

#include "cli_runner.hpp"

namespace onregel::test {
namespace {

namespace fs = std::filesystem;

std::string gebied_data(const std::string& file) { return std::string(ONREGEL_SOURCE_DIR) + "/tests/data/gebied/" + file; }

std::vector<std::string> fixture_run(const std::string& gebied, const fs::path& out, std::vector<std::string> extra = {}) {
    std::vector<std::string> args = {"gebied", "--bag", gebied_data("bag.csv"), "--kvk", gebied_data("kvk.csv"),
                                     "--meldingen", gebied_data("meldingen.csv"), "--gebied", gebied, "--out", out.string()};
    args.insert(args.end(), extra.begin(), extra.end());
    return args;
}

// Every byte of every file in the output, viewer included.
void expect_nowhere(const fs::path& dir, const std::vector<std::string>& needles) {
    for (const auto& entry : fs::recursive_directory_iterator(dir)) {
        if (!entry.is_regular_file()) continue;
        const auto content = slurp(entry.path());
        for (const auto& needle : needles) EXPECT_EQ(content.find(needle), std::string::npos) << needle << " in " << entry.path();
    }
}

std::set<std::string> bag_ids(const nlohmann::json& features) {
    std::set<std::string> ids;
    for (const auto& f : features) ids.insert(f["properties"]["bag_id"].get<std::string>());
    return ids;
}

const nlohmann::json& kengetal(const nlohmann::json& gebied, const std::string& id) {
    for (const auto& k : gebied["kengetallen"])
        if (k["id"] == id) return k;
    throw std::runtime_error("no kengetal " + id);
}

// The pand 0353100000000101 has four objects in a row at x = 131000, 131010, 131020, 131030; the first
// area (WGS84, as geojson.io draws it) runs from x = 130990 to 131015 in RD, so it holds the first two
// and the office 0353010000000105 at 131005 — never the whole pand, never nothing.
TEST(CliGebied, PolygonThroughAPandTakesExactlyTheObjectsInside) {
    const auto dir = scratch("gebied_cut");
    const auto result = run_cli(fixture_run(gebied_data("gebieden.geojson"), dir / "out"));
    ASSERT_EQ(result.exit_code, 0) << result.err;
    const auto out = dir / "out";
    for (const char* file : {"Bedrijventerrein_De_Kleine_Weide_Noord.xlsx", "Bedrijventerrein_De_Kleine_Weide_Noord.csv",
                             "gebied_2.xlsx", "gebied_2.csv", "informatiebeeld.json", "informatiebeeld.md",
                             "informatiebeeld.html", "gebieden.geojson", "viewer/index.html", "viewer/data.js"})
        EXPECT_TRUE(fs::exists(out / file)) << file;

    const auto xlsx = ogr_layer(out / "Bedrijventerrein_De_Kleine_Weide_Noord.xlsx", "basisdataset")["features"];
    EXPECT_EQ(bag_ids(xlsx), (std::set<std::string>{"0353010000000101", "0353010000000102", "0353010000000105"}));
    // One row per vestiging, one per object without: 101 has two, 102 one (ended), 105 none.
    ASSERT_EQ(xlsx.size(), 4u);
    for (const auto& f : xlsx) {
        const auto& p = f["properties"];
        ASSERT_TRUE(p["bag_id"].is_string()) << p;
        EXPECT_EQ(p["bag_id"].get<std::string>().size(), 16u) << "all 16 digits, the leading zero included";
        ASSERT_TRUE(p["pand_id"].is_string()) << p;
        EXPECT_EQ(p["pand_id"].get<std::string>().substr(0, 4), "0353");
        if (p["bag_id"] == "0353010000000105") {
            EXPECT_EQ(p["adres"], "'=1+2 straat 3, 3401XB IJsselstein") << "neutralised in the spreadsheet";
        }
        if (p["bag_id"] == "0353010000000101") {
            EXPECT_EQ(p["n_vestigingen_actief"], 2);
            EXPECT_EQ(p["n_stichtingen"], 1);
            EXPECT_EQ(p["n_autobranche"], 1);
            EXPECT_EQ(p["n_risicobranche"], 2);
            EXPECT_EQ(p["meldingen"], "2024 overlast: 1");
        }
        if (p["sbi"] == "4520") {
            EXPECT_EQ(p["sbi_omschrijving"], "Handel in en reparatie van auto's");
            EXPECT_EQ(p["datum_aanvang"], "2021-02-01");
            EXPECT_EQ(p["risicobranche"], "autobranche");
        }
        EXPECT_FALSE(p.contains("handelsnaam")) << "profile loo";
    }
    const auto csv = slurp(out / "Bedrijventerrein_De_Kleine_Weide_Noord.csv");
    EXPECT_NE(csv.find("\n0353010000000101,0353100000000101,"), std::string::npos) << csv;
    EXPECT_NE(csv.find("\"'=1+2 straat 3, 3401XB IJsselstein\""), std::string::npos) << csv;
    EXPECT_EQ(bag_ids(ogr_layer(out / "gebied_2.xlsx", "basisdataset")["features"]),
              (std::set<std::string>{"0353010000000106", "0353010000000107"}));

    const auto beeld = nlohmann::json::parse(slurp(out / "informatiebeeld.json"));
    ASSERT_EQ(beeld["gebieden"].size(), 2u);
    const auto& weide = beeld["gebieden"][0];
    EXPECT_EQ(weide["naam"], "Bedrijventerrein De Kleine Weide/Noord");
    EXPECT_EQ(beeld["gebieden"][1]["naam"], "gebied 2");
    EXPECT_EQ(kengetal(weide, "objecten")["gebied"], 3);
    EXPECT_EQ(kengetal(weide, "objecten")["gemeente"], 7);
    EXPECT_EQ(kengetal(weide, "panden")["gebied"], 2);
    EXPECT_EQ(kengetal(weide, "vestigingen")["gebied"], 2) << "the vestiging that ended in 2023 is not active";
    EXPECT_EQ(kengetal(weide, "vestigingen")["gemeente"], 4);
    EXPECT_EQ(kengetal(weide, "risicobranche")["gebied"], 1.0);
    EXPECT_EQ(kengetal(weide, "risicobranche")["gemeente"], 0.5);
    // Meldingen: G1 on object 101, G2 without address at a point inside the area; G3 elsewhere.
    EXPECT_EQ(weide["cijfers"]["meldingen_per_categorie"], (nlohmann::json{{"drugs", 1}, {"overlast", 1}}));
    EXPECT_EQ(beeld["peildatum"], "2024-03-01");
    // The meldingen begin on 2023-05-01, after the last year (2023-03-02 – 2024-03-01) begins: no year
    // is in the series, so no count per year, no rate and no trend.
    EXPECT_EQ(beeld["meldingen_vanaf"], "2023-05-01");
    EXPECT_EQ(weide["cijfers"]["meldingen_per_jaar"], nlohmann::json::array({nullptr, nullptr, nullptr, nullptr, nullptr}));
    EXPECT_EQ(weide["cijfers"]["meldingen_trend"]["trend"], "te weinig jaren");
    EXPECT_EQ(weide["cijfers"]["meldingen_trend"]["jaren"], 0);
    EXPECT_TRUE(weide["cijfers"]["meldingen_trend"]["p"].is_null());
    EXPECT_TRUE(kengetal(weide, "meldingen")["gebied"].is_null());
    const auto md = slurp(out / "informatiebeeld.md");
    EXPECT_NE(md.find("De meldingen in de invoer beginnen op 2023-05-01; geen van de jaren hierboven begint op of na die datum."),
              std::string::npos) << md;
    EXPECT_NE(md.find("Trend van de meldingen: te weinig jaren voor een trend (geen jaar met gegevens; Mann–Kendall heeft er "
                      "minstens 5 nodig)."),
              std::string::npos) << md;

    const auto gebieden = nlohmann::json::parse(slurp(out / "gebieden.geojson"))["features"];
    ASSERT_EQ(gebieden.size(), 2u);
    EXPECT_EQ(gebieden[0]["geometry"]["type"], "MultiPolygon");
    EXPECT_EQ(gebieden[0]["properties"]["xlsx"], "Bedrijventerrein_De_Kleine_Weide_Noord.xlsx");
    EXPECT_EQ(gebieden[0]["properties"]["objecten"], 3);
    const double lon = gebieden[0]["geometry"]["coordinates"][0][0][0][0];
    EXPECT_NEAR(lon, 5.0375, 0.001) << "WGS84";
    EXPECT_NE(slurp(out / "viewer/data.js").find("\"gebieden\":"), std::string::npos);

    const auto html = slurp(out / "informatiebeeld.html");
    EXPECT_EQ(html.find("<script"), std::string::npos);
    for (const char* fetch : {"http://", "https://", "src=", "<link"}) EXPECT_EQ(html.find(fetch), std::string::npos) << fetch;
    EXPECT_NE(md.find("## Bedrijventerrein De Kleine Weide/Noord"), std::string::npos);

    expect_nowhere(out, {"PRIVACY-CANARY", "Garage Snel", "Stichting Beheer", "10000101", "000000000101"});
}

TEST(CliGebied, GeoPackageInRdGivesTheSameBasisdataset) {
    const auto dir = scratch("gebied_gpkg");
    const auto gpkg = dir / "gebieden.gpkg";
    const auto command = "ogr2ogr -f GPKG -t_srs EPSG:28992 " + shell_quote(gpkg.string()) + " " +
                         shell_quote(gebied_data("gebieden.geojson")) + " -nln gebieden 2>&1";
    ASSERT_EQ(std::system(command.c_str()), 0);
    ASSERT_EQ(run_cli(fixture_run(gebied_data("gebieden.geojson"), dir / "wgs84")).exit_code, 0);
    const auto result = run_cli(fixture_run(gpkg.string(), dir / "rd"));
    ASSERT_EQ(result.exit_code, 0) << result.err;
    for (const char* file : {"Bedrijventerrein_De_Kleine_Weide_Noord.csv", "gebied_2.csv"})
        EXPECT_EQ(slurp(dir / "wgs84" / file), slurp(dir / "rd" / file)) << file;
    const auto gebieden = [&](const char* run) { return nlohmann::json::parse(slurp(dir / run / "informatiebeeld.json"))["gebieden"]; };
    EXPECT_EQ(gebieden("wgs84"), gebieden("rd"));
}

TEST(CliGebied, HandhavingProfileAddsHandelsnamenAndNaamKolomNamesTheAreas) {
    const auto dir = scratch("gebied_handhaving");
    const auto result = run_cli(fixture_run(gebied_data("gebieden.geojson"), dir / "out",
                                            {"--profiel", "handhaving", "--naam-kolom", "stroke"}));
    ASSERT_EQ(result.exit_code, 0) << result.err;
    // --naam-kolom stroke: the first area has none (its name falls back), the second is "#555555".
    EXPECT_TRUE(fs::exists(dir / "out" / "gebied_1.xlsx"));
    EXPECT_TRUE(fs::exists(dir / "out" / "555555.xlsx"));
    const auto rows = ogr_layer(dir / "out" / "gebied_1.xlsx", "basisdataset")["features"];
    std::set<std::string> namen, kvk;
    for (const auto& f : rows) {
        if (f["properties"]["handelsnaam"].is_string()) namen.insert(f["properties"]["handelsnaam"].get<std::string>());
        if (f["properties"]["kvk_nummer"].is_string()) kvk.insert(f["properties"]["kvk_nummer"].get<std::string>());
    }
    EXPECT_EQ(namen, (std::set<std::string>{"Garage Snel B.V.", "Stichting Beheer Weide", "Oud Bedrijf B.V."}));
    EXPECT_TRUE(kvk.count("10000101"));
    expect_nowhere(dir / "out", {"PRIVACY-CANARY"});
}

TEST(CliGebied, UnusableAreasAreInputErrors) {
    const auto dir = scratch("gebied_errors");
    // RD coordinates in a GeoJSON without "crs" are read as WGS84 and land far outside the Netherlands.
    std::ofstream(dir / "rd_zonder_crs.geojson")
        << R"({"type":"FeatureCollection","features":[{"type":"Feature","properties":{"naam":"x"},)"
           R"("geometry":{"type":"Polygon","coordinates":[[[130990,446990],[131015,446990],[131015,447050],[130990,446990]]]}}]})";
    auto result = run_cli(fixture_run((dir / "rd_zonder_crs.geojson").string(), dir / "a"));
    EXPECT_EQ(result.exit_code, 1);
    EXPECT_NE(result.err.find("WGS84"), std::string::npos) << result.err;
    std::ofstream(dir / "punt.geojson")
        << R"({"type":"FeatureCollection","features":[{"type":"Feature","properties":{"naam":"x"},)"
           R"("geometry":{"type":"Point","coordinates":[5.03,52.01]}}]})";
    result = run_cli(fixture_run((dir / "punt.geojson").string(), dir / "b"));
    EXPECT_EQ(result.exit_code, 1);
    EXPECT_NE(result.err.find("geen vlak"), std::string::npos) << result.err;
    EXPECT_FALSE(fs::exists(dir / "b")) << "nothing written";
}

// The sample town's bedrijventerrein lies west of the centre (131900, 447300): the 250 m cells
// (-2, -1..1), (-3, -2..2) and (-4, 0) of engine/sample/layout.cpp (direction 4, a 70° wedge).
// Drawn as a QGIS user would, in RD New, around those cells.
TEST(CliGebied, SampleBedrijventerreinShowsItsPlantedIrregularities) {
    const auto dir = scratch("gebied_sample");
    ASSERT_EQ(run_cli({"sample", "--out", (dir / "in").string(), "--quiet"}).exit_code, 0);
    std::ofstream(dir / "bedrijventerrein.geojson")
        << R"({"type":"FeatureCollection","crs":{"type":"name","properties":{"name":"urn:ogc:def:crs:EPSG::28992"}},)"
           R"("features":[{"type":"Feature","properties":{"naam":"Bedrijventerrein West"},"geometry":{"type":"Polygon",)"
           R"("coordinates":[[[131525,446925],[131525,447675],[131275,447675],[131275,447925],[130775,447925],)"
           R"([130775,446675],[131275,446675],[131275,446925],[131525,446925]]]}}]})";
    const auto in = [&](const char* f) { return (dir / "in" / f).string(); };
    const auto result = run_cli({"gebied", "--bag", in("bag.gpkg"), "--kvk", in("kvk_vestigingen.csv"), "--meldingen",
                                 in("meldingen.csv"), "--gebied", (dir / "bedrijventerrein.geojson").string(), "--out",
                                 (dir / "out").string()});
    ASSERT_EQ(result.exit_code, 0) << result.err;
    const auto beeld = nlohmann::json::parse(slurp(dir / "out" / "informatiebeeld.json"));
    const auto& terrein = beeld["gebieden"][0];
    const auto& c = terrein["cijfers"];
    EXPECT_GT(c["objecten"].get<int>(), 500);
    EXPECT_EQ(c["niet_woon"], c["objecten"]) << "no homes on the bedrijventerrein";
    EXPECT_GT(c["objecten_met_signaal"].get<int>(), 0);
    const auto& risico = kengetal(terrein, "risicobranche");
    EXPECT_GT(risico["gebied"].get<double>(), risico["gemeente"].get<double>()) << risico;
    const auto& signalen = kengetal(terrein, "signalen");
    EXPECT_GT(signalen["gebied"].get<double>(), signalen["gemeente"].get<double>()) << signalen;
    const auto& auto_ = kengetal(terrein, "autobranche");
    EXPECT_GT(auto_["gebied"].get<double>(), auto_["gemeente"].get<double>()) << auto_;

    // The sample's meldingen begin within the five years (issue #17: 0, 0, 81, 130, 171 read as
    // "stijgend"): a year has a count only when it begins on or after the first melding, and a trend
    // needs five such years.
    const auto vanaf = beeld["meldingen_vanaf"].get<std::string>();
    for (const auto* cijfers : {&beeld["gemeente"], &c}) {
        const auto& per_jaar = (*cijfers)["meldingen_per_jaar"];
        ASSERT_EQ(per_jaar.size(), 5u);
        std::size_t jaren = 0;
        for (std::size_t k = 0; k < 5; ++k) {
            const bool in_reeks = beeld["jaren"][k]["van"].get<std::string>() >= vanaf;
            EXPECT_EQ(per_jaar[k].is_null(), !in_reeks) << k << " " << per_jaar;
            jaren += in_reeks;
        }
        EXPECT_EQ((*cijfers)["meldingen_trend"]["jaren"], jaren);
        if (jaren < 5) {
            EXPECT_EQ((*cijfers)["meldingen_trend"]["trend"], "te weinig jaren");
        }
    }

    // A planted irregularity in a bedrijfsunit (gebruiksdoel_mismatch: horeca in an industriefunctie)
    // is in the basisdataset with its signal.
    std::set<std::string> planted;
    std::istringstream truth(slurp(dir / "in" / "ground_truth.csv"));
    for (std::string line; std::getline(truth, line);)
        if (line.find(",planted,") != std::string::npos) planted.insert(line.substr(0, line.find(',')));
    int found = 0;
    std::istringstream csv(slurp(dir / "out" / "Bedrijventerrein_West.csv"));
    for (std::string line; std::getline(csv, line);)
        found += planted.count(line.substr(0, line.find(','))) && line.find("(+") != std::string::npos;
    EXPECT_GT(found, 0) << "no planted case of the bedrijventerrein in its basisdataset";
    expect_nowhere(dir / "out", {"PRIVACY-CANARY"});
}

}  // namespace
}  // namespace onregel::test
