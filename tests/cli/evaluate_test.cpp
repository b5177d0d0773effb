// `onregel evaluate` on the hand-computed fixture in tests/data/evaluate: a previous run's directory
// (run/) and the outcomes of its controles (uitkomsten.csv).
//
// The run: ranked R1..R6 = 0353010000000101..106 (rank 1..6) with signals R1 {a,b}, R2 {a}, R3 {b},
// R4 {a,c}, R5 {c}, R6 {b}; steekproef S1..S4 = 0353010000000201..204; 100 objects, 10 flagged.
// The 14 outcome rows: R2 is reported twice (by address: bevinding, by id: geen -> one bevinding), S3 by
// its address written "3401 ab"; three rows are unusable: an unknown BAG id, an unknown address and the
// uitkomst "misschien". Used: 11.
//   ranked: R1 R2 R4 found, R3 R5 R6 not: 3/6 = 0.5, Wilson [0.1876, 0.8124]
//   steekproef: S1 found, S2 S3 S4 not: 1/4 = 0.25, Wilson [0.0456, 0.6994]
//   four steekproef visits are too few (at least 10): no lift, no PAI, per signal neither
//   precision@5 = 3/5 = 0.6 (rank 1..5: yes yes no yes no), precision@6 = 0.5
//   per signal: a 3/3; b 1/3; c 1/2
#include <gtest/gtest.h>
#include <gdal_priv.h>
#include <nlohmann/json.hpp>
#include <ogrsf_frmts.h>

#include "cli_runner.hpp"

namespace onregel::test {
namespace {

namespace fs = std::filesystem;

fs::path fixture(const std::string& name) { return fs::path(ONREGEL_SOURCE_DIR) / "tests/data/evaluate" / name; }

TEST(CliEvaluate, HandComputedFixture) {
    const auto dir = scratch("evaluate");
    fs::copy(fixture("run"), dir / "run");
    const auto result = run_cli({"evaluate", "--out", (dir / "run").string(), "--uitkomsten", fixture("uitkomsten.csv").string()});
    ASSERT_EQ(result.exit_code, 0) << result.err;
    const auto e = nlohmann::json::parse(slurp(dir / "run" / "evaluatie.json"));
    EXPECT_EQ(e["uitkomsten"]["rijen"], 14);
    EXPECT_EQ(e["uitkomsten"]["gebruikt"], 11);
    int afgewezen = 0;
    for (const auto& [reden, n] : e["uitkomsten"]["afgewezen"].items()) afgewezen += n.get<int>();
    EXPECT_EQ(afgewezen, 3) << e["uitkomsten"]["afgewezen"];
    EXPECT_EQ(e["uitkomsten"]["van"], "2025-02-03");
    EXPECT_EQ(e["uitkomsten"]["tot"], "2025-02-10");
    EXPECT_EQ(e["gerangschikt"]["gecontroleerd"], 6);
    EXPECT_EQ(e["gerangschikt"]["bevindingen"], 3);
    EXPECT_EQ(e["gerangschikt"]["aandeel"], 0.5);
    EXPECT_NEAR(e["gerangschikt"]["interval_95"][0].get<double>(), 0.1876, 1e-4);
    EXPECT_NEAR(e["gerangschikt"]["interval_95"][1].get<double>(), 0.8124, 1e-4);
    EXPECT_EQ(e["steekproef"]["gecontroleerd"], 4);
    EXPECT_EQ(e["steekproef"]["bevindingen"], 1);
    EXPECT_EQ(e["steekproef"]["voorgesteld"], 4);
    EXPECT_NEAR(e["steekproef"]["interval_95"][0].get<double>(), 0.0456, 1e-4);
    EXPECT_NEAR(e["steekproef"]["interval_95"][1].get<double>(), 0.6994, 1e-4);
    EXPECT_TRUE(e["lift"].is_null());
    EXPECT_TRUE(e["lift_interval_95"].is_null());
    EXPECT_EQ(e["vergelijking"], "steekproef_te_klein");
    ASSERT_EQ(e["precisie_at_k"].size(), 2u);
    EXPECT_EQ(e["precisie_at_k"][0]["k"], 5);
    EXPECT_EQ(e["precisie_at_k"][0]["aandeel"], 0.6);
    EXPECT_EQ(e["precisie_at_k"][1]["aandeel"], 0.5);
    EXPECT_TRUE(e["pai"].is_null());
    EXPECT_TRUE(e["pai_interval_95"].is_null());
    ASSERT_EQ(e["per_signaal"].size(), 3u);
    EXPECT_EQ(e["per_signaal"][0]["signaal"], "a");
    EXPECT_EQ(e["per_signaal"][0]["bevindingen"], 3);
    EXPECT_EQ(e["per_signaal"][2]["gecontroleerd"], 2);
    for (const auto& s : e["per_signaal"]) {
        EXPECT_TRUE(s["lift"].is_null()) << s;
        EXPECT_EQ(s["vergelijking"], "steekproef_te_klein") << s;
    }

    const auto md = slurp(dir / "run" / "evaluatie.md");
    EXPECT_EQ(md, result.out);
    EXPECT_NE(md.find("3 van 6 met een bevinding (50,0%"), std::string::npos) << md;
    EXPECT_NE(md.find("1 van 4 met een bevinding (25,0%"), std::string::npos) << md;
    EXPECT_NE(md.find("- Te weinig steekproefbezoeken (n = 4) om de ranglijst met toeval te vergelijken: minstens 10 nodig.\n"),
              std::string::npos) << md;
    EXPECT_EQ(md.find("keer zo vaak iets"), std::string::npos) << "no ratio: " << md;
    EXPECT_EQ(md.find("PAI ="), std::string::npos) << md;
    EXPECT_NE(md.find("14 regels, waarvan 11"), std::string::npos) << md;
    EXPECT_NE(md.find("3 regels konden niet"), std::string::npos) << md;
    EXPECT_NE(md.find("beveelt niets aan"), std::string::npos) << md;
}

// A run directory with `ranked` objects on the ranglijst (signal a) and `steekproef` drawn ones, and
// outcomes for all of them: the first `ranked_hits` and `steekproef_hits` with a bevinding. The
// manifest counts 1361 objects of which 100 flagged, as the sample town that showed the defect.
fs::path generated_run(const fs::path& dir, int ranked, int ranked_hits, int steekproef, int steekproef_hits) {
    const auto run = dir / "run";
    fs::create_directories(run);
    std::ofstream(run / "manifest.json") << R"({"peildatum": "2025-01-01", "aantallen": {"verblijfsobjecten": 1361, "gemarkeerde_objecten": 100}})";
    const auto bag_id = [](int i) { return "03530100000" + std::to_string(10000 + i); };
    nlohmann::json features = nlohmann::json::array();
    std::ofstream controles(run / "controles.csv"), uitkomsten(dir / "uitkomsten.csv");
    controles << "bag_id,postcode,huisnummer,huisletter,toevoeging,steekproef\n";
    uitkomsten << "bag_id,postcode,huisnummer,huisletter,toevoeging,datum,uitkomst,categorie\n";
    for (int i = 0; i < ranked + steekproef; ++i) {
        const bool ranglijst = i < ranked;
        if (ranglijst)
            features.push_back({{"type", "Feature"}, {"geometry", {{"type", "Point"}, {"coordinates", {5.04, 52.02}}}},
                                {"properties", {{"rank", i + 1}, {"bag_id", bag_id(i)}, {"postcode", "3401AA"}, {"huisnummer", i + 1},
                                                {"huisletter", ""}, {"toevoeging", ""}, {"signalen", {"a"}}}}});
        else
            controles << bag_id(i) << ",3401AA," << i + 1 << ",,,ja\n";
        const bool hit = ranglijst ? i < ranked_hits : i - ranked < steekproef_hits;
        uitkomsten << bag_id(i) << ",,,,,2025-02-03," << (hit ? "bevinding" : "geen_bevinding") << ",\n";
    }
    std::ofstream(run / "locaties.geojson") << nlohmann::json{{"type", "FeatureCollection"}, {"features", features}}.dump();
    return run;
}

// The defect of issue #17: the steekproef found nothing, and PAI came out as 1361 / 100 = 13,61.
TEST(CliEvaluate, ASteekproefWithoutBevindingGivesNoRatio) {
    const auto dir = scratch("evaluate_no_hits");
    const auto run = generated_run(dir, 50, 20, 40, 0);
    const auto result = run_cli({"evaluate", "--out", run.string(), "--uitkomsten", (dir / "uitkomsten.csv").string()});
    ASSERT_EQ(result.exit_code, 0) << result.err;
    const auto e = nlohmann::json::parse(slurp(run / "evaluatie.json"));
    EXPECT_EQ(e["steekproef"]["gecontroleerd"], 40);
    EXPECT_EQ(e["steekproef"]["bevindingen"], 0);
    EXPECT_TRUE(e["pai"].is_null()) << e["pai"];
    EXPECT_TRUE(e["pai_interval_95"].is_null());
    EXPECT_TRUE(e["lift"].is_null());
    EXPECT_EQ(e["vergelijking"], "steekproef_zonder_bevinding");
    EXPECT_TRUE(e["per_signaal"][0]["lift"].is_null());
    EXPECT_NE(result.out.find("De steekproef vond niets (0 van 40)"), std::string::npos) << result.out;
    EXPECT_EQ(result.out.find("13,61"), std::string::npos) << result.out;
    EXPECT_EQ(result.out.find("PAI ="), std::string::npos) << result.out;
    EXPECT_EQ(result.out.find("keer zo vaak iets"), std::string::npos) << result.out;
}

// 12 of 30 ranked and 3 of 25 steekproef objects with a bevinding; by python3 (statistics, math):
// lift 3.333333 with Katz interval [1.057110, 10.510838], PAI (f = 100/1361) 2.845494 [1.052693, 6.187168].
TEST(CliEvaluate, LiftAndPaiComeWithTheirIntervals) {
    const auto dir = scratch("evaluate_lift");
    const auto run = generated_run(dir, 30, 12, 25, 3);
    const auto result = run_cli({"evaluate", "--out", run.string(), "--uitkomsten", (dir / "uitkomsten.csv").string()});
    ASSERT_EQ(result.exit_code, 0) << result.err;
    const auto e = nlohmann::json::parse(slurp(run / "evaluatie.json"));
    EXPECT_EQ(e["vergelijking"], "mogelijk");
    EXPECT_EQ(e["lift"], 3.3333);
    EXPECT_EQ(e["lift_interval_95"], nlohmann::json::array({1.0571, 10.5108}));
    EXPECT_EQ(e["pai"], 2.8455);
    EXPECT_EQ(e["pai_interval_95"], nlohmann::json::array({1.0527, 6.1872}));
    EXPECT_EQ(e["per_signaal"][0]["lift_interval_95"], nlohmann::json::array({1.0571, 10.5108}));
    EXPECT_NE(result.out.find("3,33 keer zo vaak iets als de steekproef (95%-interval 1,06 tot 10,51). Het hele interval ligt boven 1"),
              std::string::npos) << result.out;
    EXPECT_NE(result.out.find("PAI = 2,85 (95%-interval 1,05 tot 6,19): 7,3% van de adressen"), std::string::npos) << result.out;
    EXPECT_NE(result.out.find("| a | 30 | 12 | 40,0% (24,6% – 57,7%) | 3,33 (1,06 – 10,51) |"), std::string::npos) << result.out;
}

TEST(CliEvaluate, ADirectoryWithoutARunIsAnError) {
    const auto dir = scratch("evaluate_empty");
    const auto result = run_cli({"evaluate", "--out", dir.string(), "--uitkomsten", fixture("uitkomsten.csv").string()});
    EXPECT_EQ(result.exit_code, 1);
    EXPECT_NE(result.err.find("manifest.json"), std::string::npos) << result.err;
}

// The handhavers' side of the round trip: controles.xlsx filled in and saved as Excel would, the
// date a date cell, through GDAL's XLSX driver. Rows 1-3 visited (ja, nee, "Ja"), the others left empty.
void fill_in_xlsx(const fs::path& from, const fs::path& to) {
    GDALAllRegister();
    std::unique_ptr<GDALDataset> source(GDALDataset::Open(from.c_str(), GDAL_OF_VECTOR | GDAL_OF_READONLY));
    ASSERT_TRUE(source);
    OGRLayer* in = source->GetLayerByName("controles");
    ASSERT_TRUE(in);
    std::unique_ptr<GDALDataset> target(GetGDALDriverManager()->GetDriverByName("XLSX")->Create(to.c_str(), 0, 0, 0, GDT_Unknown, nullptr));
    ASSERT_TRUE(target);
    OGRLayer* out = target->CreateLayer("controles", nullptr, wkbNone, nullptr);
    ASSERT_TRUE(out);
    const auto* defn = in->GetLayerDefn();
    for (int i = 0; i < defn->GetFieldCount(); ++i) {
        OGRFieldDefn field(defn->GetFieldDefn(i));
        if (std::string(field.GetNameRef()) == "datum_bezoek") field.SetType(OFTDate);
        ASSERT_EQ(out->CreateField(&field), OGRERR_NONE);
    }
    const char* bevinding[] = {"ja", "nee", "Ja"};
    int row = 0;
    in->ResetReading();
    for (std::unique_ptr<OGRFeature> f(in->GetNextFeature()); f; f.reset(in->GetNextFeature()), ++row) {
        OGRFeature copy(out->GetLayerDefn());
        for (int i = 0; i < defn->GetFieldCount(); ++i)
            if (f->IsFieldSetAndNotNull(i)) copy.SetField(i, f->GetFieldAsString(i));
        if (row < 3) {
            copy.SetField("datum_bezoek", 2025, 2, 3 + row);
            copy.SetField("bevinding", bevinding[row]);
            copy.SetField("constateringen", "Twee bedrijven, geen bewoning; zie rapport");
        }
        ASSERT_EQ(out->CreateFeature(&copy), OGRERR_NONE);
    }
}

// The same for controles.csv, as Excel writes it back: its own `;`, byte order mark and quotes.
std::string fill_in_csv(std::string csv) {
    // datum_bezoek, bevinding, constateringen, vervolg and partners end each row.
    const std::string empty = ";\"\";\"\";\"\";\"\";\"\"\r\n";
    const char* filled[] = {";\"2025-02-03\";\"ja\";\"\";\"\";\"\"\r\n", ";\"2025-02-04\";\"nee\";\"\";\"\";\"\"\r\n",
                            ";\"2025-02-05\";\"Ja\";\"\";\"\";\"\"\r\n"};
    std::size_t at = csv.find("\r\n") + 2;  // after the header
    for (const char* row : filled) {
        at = csv.find(empty, at);
        if (at == std::string::npos) break;
        csv.replace(at, empty.size(), row);
        at = csv.find("\r\n", at) + 2;
    }
    return csv;
}

// issue #19: the controles sheet goes to the door and comes back as --uitkomsten, as XLSX and as CSV.
TEST(CliEvaluate, TheControlesSheetComesBackFilledIn) {
    const auto dir = scratch("evaluate_controles");
    const auto run = dir / "run";
    const auto made = run_cli({"run", "--bag", tiny("bag.csv"), "--kvk", tiny("kvk.csv"), "--meldingen", tiny("meldingen.csv"),
                               "--out", run.string(), "--quiet", "--capaciteit", "2", "--per-dag", "3"});
    ASSERT_EQ(made.exit_code, 0) << made.err;

    // GDAL's own CSV driver reads the Dutch-Excel CSV: `;`, the byte order mark, ids as ="...".
    const auto csv = slurp(run / "controles.csv");
    ASSERT_EQ(csv.rfind("\xEF\xBB\xBF\"controledag\";\"volgorde\";\"bag_id\";", 0), 0u) << csv.substr(0, 80);
    const auto read = ogr_layer(run / "controles.csv", "controles")["features"];
    ASSERT_EQ(read.size(), 5u);
    const auto& first = read[0]["properties"];
    EXPECT_EQ(first["bag_id"].get<std::string>().substr(0, 6), "=\"0353") << first;
    for (const char* column : {"redenen", "datum_bezoek", "bevinding", "constateringen", "vervolg"})
        EXPECT_TRUE(first.contains(column)) << column;

    fill_in_xlsx(run / "controles.xlsx", dir / "ingevuld.xlsx");
    std::ofstream(dir / "ingevuld.csv", std::ios::binary) << fill_in_csv(csv);

    nlohmann::json results[2];
    for (int k = 0; k < 2; ++k) {
        const auto source = dir / (k == 0 ? "ingevuld.xlsx" : "ingevuld.csv");
        SCOPED_TRACE(source.string());
        const auto result = run_cli({"evaluate", "--out", run.string(), "--uitkomsten", source.string()});
        ASSERT_EQ(result.exit_code, 0) << result.err;
        const auto e = nlohmann::json::parse(slurp(run / "evaluatie.json"));
        EXPECT_EQ(e["uitkomsten"]["rijen"], 3) << e["uitkomsten"];
        EXPECT_EQ(e["uitkomsten"]["niet_bezocht"], 2);
        EXPECT_EQ(e["uitkomsten"]["gebruikt"], 3) << e["uitkomsten"];
        EXPECT_TRUE(e["uitkomsten"]["afgewezen"].empty()) << e["uitkomsten"];
        EXPECT_EQ(e["uitkomsten"]["van"], "2025-02-03");
        EXPECT_EQ(e["uitkomsten"]["tot"], "2025-02-05");
        EXPECT_EQ(e["gerangschikt"]["gecontroleerd"].get<int>() + e["steekproef"]["gecontroleerd"].get<int>(), 3);
        EXPECT_EQ(e["gerangschikt"]["bevindingen"].get<int>() + e["steekproef"]["bevindingen"].get<int>(), 2);
        EXPECT_NE(result.out.find("2 regels zonder datum en uitkomst zijn overgeslagen"), std::string::npos) << result.out;
        results[k] = e;
    }
    results[0]["uitkomsten"].erase("bron");
    results[1]["uitkomsten"].erase("bron");
    EXPECT_EQ(results[0], results[1]) << "the XLSX and the CSV give the same evaluation";
}

}  // namespace
}  // namespace onregel::test
