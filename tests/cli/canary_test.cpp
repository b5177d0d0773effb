// Privacy canary: the free text of meldingen (omschrijving, melder) is read and dropped, so it reaches
// nothing any command writes or prints. Tokens made at test time go through validate, run (both
// profiles, with a controle proposal), explain, evaluate, hotspots and gebied, in used and in rejected
// rows; then every byte under the output directories (the GeoPackage raw, each member of every XLSX
// inflated, the logboek, rejects.csv, viewer/data.js) and everything printed is searched for them.
// A street name, which does belong in the outputs, is searched the same way and must be found: the
// search is not blind.
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>
#include <random>

#include "cli_runner.hpp"
#include "written.hpp"

namespace onregel::test {
namespace {

namespace fs = std::filesystem;

// Letters and digits from a random seed: found nowhere unless the run copied them there.
std::string token() {
    static std::mt19937_64 random{std::random_device{}()};
    const std::string alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    std::string t = "Qz";
    for (int i = 0; i < 22; ++i) t += alphabet[random() % alphabet.size()];
    return t;
}

struct MeldingRow {
    std::string id, datum, xy, adres;  // xy: "x,y" or ","; adres: "postcode,huisnummer,huisletter,toevoeging"
};

TEST(PrivacyCanary, FreeTextOfMeldingenReachesNoOutputOfAnyCommand) {
    const auto dir = scratch("canary_all_commands");
    const auto in = dir / "in", uit = dir / "uit";  // everything under uit/ is searched
    fs::create_directories(in);
    fs::create_directories(uit);
    const auto omschrijving = token(), melder = token(), straat = token();

    // The tiny town, every street renamed to the control token.
    auto bag = slurp(tiny("bag.csv"));
    for (const std::string name : {"Benschopperstraat", "Boxenlaan", "Kerkstraat", "Kantorenweg"})
        for (auto at = bag.find(name); at != std::string::npos; at = bag.find(name)) bag.replace(at, name.size(), straat);
    std::ofstream(in / "bag.csv", std::ios::binary) << bag;

    // Six meldingen around the kelderboxen (a hot spot cell of at least five, for the loo profile's
    // threshold), one on an address, and three rejected: a bad date, no location, a repeated id.
    const std::vector<MeldingRow> rows = {
        {"K1", "2024-05-01", "132101.0,447451.0", ",,,"}, {"K2", "2024-05-03", "132103.0,447449.0", ",,,"},
        {"K3", "2024-05-09", "132098.0,447455.0", ",,,"}, {"K4", "2024-06-11", "132106.0,447452.0", ",,,"},
        {"K5", "2024-06-20", "132104.0,447458.0", ",,,"}, {"K6", "2024-07-02", "132099.0,447446.0", ",,,"},
        {"K7", "2024-07-04", ",", "3401AC,12,a,"},         {"K8", "2024-13-01", "132101.0,447451.0", ",,,"},
        {"K9", "2024-08-01", ",", ",,,"},                   {"K1", "2024-08-02", "132101.0,447451.0", ",,,"}};
    const auto free_text = [&](const MeldingRow& r) {
        // Quoted with a separator, quotes and a line break inside, the token on both lines: a reader
        // that split the field would put either half somewhere else.
        return "\"" + omschrijving + " (" + r.id + "), busje laadt \"\"dozen\"\"\n's nachts, zegt " + omschrijving + "\"," +
               melder + "@voorbeeld.nl";
    };
    std::ofstream meldingen(in / "meldingen.csv", std::ios::binary), punten(in / "punten.csv", std::ios::binary);
    for (auto* file : {&meldingen, &punten}) *file << "id,datum,categorie,bron,x,y,postcode,huisnummer,huisletter,toevoeging,omschrijving,melder\n";
    for (const auto& r : rows) {
        const auto line = r.id + "," + r.datum + ",drugs,inwoner," + r.xy + "," + r.adres + "," + free_text(r) + "\n";
        meldingen << line;
        if (r.xy != ",") punten << line;  // hotspots needs a point on every row
    }
    meldingen.close();
    punten.close();
    std::ofstream(in / "gebied.geojson")
        << R"({"type": "FeatureCollection", "features": [{"type": "Feature", "properties": {"naam": "Heel IJsselstein"},)"
           R"( "geometry": {"type": "Polygon", "coordinates": [[[4.95, 51.95], [5.15, 51.95], [5.15, 52.08], [4.95, 52.08], [4.95, 51.95]]]}}]})";

    Written written;
    const auto cli = [&](const std::vector<std::string>& args, int expected_exit = 0) {
        const auto result = run_cli(args);
        std::string command = "onregel";
        for (const auto& a : args) command += " " + a;
        EXPECT_EQ(result.exit_code, expected_exit) << command << "\n" << result.err;
        written.add("stdout of " + command, result.out);
        written.add("stderr of " + command, result.err);
    };
    const std::vector<std::string> inputs = {"--bag", (in / "bag.csv").string(), "--kvk", tiny("kvk.csv"), "--meldingen",
                                             (in / "meldingen.csv").string()};
    const auto with_inputs = [&](std::vector<std::string> args) {
        args.insert(args.begin() + 1, inputs.begin(), inputs.end());
        return args;
    };

    cli(with_inputs({"validate"}));
    for (const std::string profiel : {"loo", "handhaving"}) {
        const auto out = uit / profiel;
        cli(with_inputs({"run", "--out", out.string(), "--profiel", profiel, "--capaciteit", "2", "--per-dag", "3", "--steekproef", "0.5"}));
        // The canaries went in: the six located meldingen and the one on an address were used, three rejected.
        const auto manifest = nlohmann::json::parse(slurp(out / "manifest.json"));
        EXPECT_EQ(manifest["invoer"]["meldingen"]["gebruikt"], 7) << manifest["invoer"]["meldingen"];
        EXPECT_EQ(manifest["invoer"]["meldingen"]["afgewezen"], 3) << manifest["invoer"]["meldingen"];
        const auto rejects = slurp(out / "rejects.csv");
        for (const char* reden : {"K8,ongeldige datum", "K9,geen locatie", "K1,dubbel id"})
            EXPECT_NE(rejects.find(reden), std::string::npos) << reden << " in\n" << rejects;
        ASSERT_TRUE(fs::exists(out / "viewer" / "data.js"));
        ASSERT_TRUE(fs::exists(out / "controles.xlsx"));

        // explain every ranked object, one by its address, and an unknown address (the error names
        // the nearest ranked ones).
        const auto locaties = nlohmann::json::parse(slurp(out / "locaties.geojson"))["features"];
        ASSERT_FALSE(locaties.empty());
        int n_meldingen = 0, outcome = 0;
        std::string uitkomsten = "bag_id,postcode,huisnummer,huisletter,toevoeging,datum,uitkomst,categorie\n";
        for (const auto& f : locaties) {
            const auto bag_id = f["properties"]["bag_id"].get<std::string>();
            n_meldingen += f["properties"]["n_meldingen"].get<int>();
            cli({"explain", "--out", out.string(), bag_id});
            uitkomsten += bag_id + ",,,,,2025-01-15," + (++outcome % 2 ? "bevinding" : "geen_bevinding") + ",\n";
        }
        EXPECT_GT(n_meldingen, 0) << "the meldingen were matched to ranked objects";
        cli({"explain", "--out", out.string(), "3401AB 2-1"});
        cli({"explain", "--out", out.string(), "3401AC 99"}, 1);

        // evaluate, with the steekproef of the proposal among the outcomes.
        const auto controles = nlohmann::json::parse(slurp(out / "controles.geojson"))["features"];
        int steekproef = 0;
        for (const auto& f : controles)
            if (f["properties"]["selectie"] == "steekproef") {
                uitkomsten += f["properties"]["bag_id"].get<std::string>() + ",,,,,2025-01-16,geen_bevinding,\n";
                ++steekproef;
            }
        EXPECT_GT(steekproef, 0) << "the proposal drew a steekproef";
        std::ofstream(in / ("uitkomsten_" + profiel + ".csv")) << uitkomsten;
        cli({"evaluate", "--out", out.string(), "--uitkomsten", (in / ("uitkomsten_" + profiel + ".csv")).string()});

        cli(with_inputs({"gebied", "--gebied", (in / "gebied.geojson").string(), "--profiel", profiel, "--out",
                         (uit / ("gebied_" + profiel)).string()}));
    }
    for (const char* extension : {".geojson", ".csv", ".gpkg"})
        cli({"hotspots", "--methode", "gi", "--input", (in / "punten.csv").string(), "--out", (uit / ("hotspots" + std::string(extension))).string()});
    cli({"hotspots", "--methode", "gi", "--input", (in / "meldingen.csv").string(), "--out", (uit / "geen_punt.geojson").string()}, 1);

    // The same free text in GeoJSON, Signalen's fields (text, reporter) included; then the file cut off
    // inside a text, which fails the run: its error, printed and in the logboek, must not quote it.
    nlohmann::ordered_json signalen = {{"type", "FeatureCollection"},
                                       {"crs", {{"type", "name"}, {"properties", {{"name", "urn:ogc:def:crs:EPSG::28992"}}}}},
                                       {"features", nlohmann::ordered_json::array()}};
    for (const auto& r : rows) {
        if (r.xy == ",") continue;
        const auto comma = r.xy.find(',');
        signalen["features"].push_back(
            {{"type", "Feature"},
             {"geometry", {{"type", "Point"}, {"coordinates", {std::stod(r.xy.substr(0, comma)), std::stod(r.xy.substr(comma + 1))}}}},
             {"properties",
              {{"id", "S" + r.id}, {"created_at", r.datum + "T22:10:00+02:00"}, {"source", "online"},
               {"category", {{"main", "overlast"}, {"sub", "geluid"}}}, {"text", omschrijving + " busje laadt dozen"},
               {"omschrijving", omschrijving}, {"melder", melder},
               {"reporter", {{"email", melder + "@voorbeeld.nl"}, {"phone", melder}}}}}});
    }
    const auto text = signalen.dump(1);
    std::ofstream(in / "signalen.geojson") << text;
    std::ofstream(in / "afgebroken.geojson") << text.substr(0, text.rfind(omschrijving + " busje") + omschrijving.size() + 6);
    const auto geojson_run = [&](const std::string& name) {
        return std::vector<std::string>{"run", "--bag", (in / "bag.csv").string(), "--kvk", tiny("kvk.csv"), "--meldingen",
                                        (in / (name + ".geojson")).string(), "--out", (uit / name).string(), "--profiel", "handhaving"};
    };
    cli(geojson_run("signalen"));
    const auto signalen_invoer = nlohmann::json::parse(slurp(uit / "signalen" / "manifest.json"))["invoer"]["meldingen"];
    EXPECT_EQ(signalen_invoer["gebruikt"], 6) << signalen_invoer;  // K8 (date) and the second K1 rejected
    EXPECT_EQ(signalen_invoer["afgewezen"], 2) << signalen_invoer;
    cli(geojson_run("afgebroken"), 1);
    const auto logboek = slurp(uit / "onregel-logboek.jsonl");
    EXPECT_NE(logboek.find(R"("resultaat":"fout: )"), std::string::npos) << "the failed run is in the logboek:\n" << logboek;

    written.add_files(uit);
    EXPECT_EQ(written.where(omschrijving), "") << "omschrijving " << omschrijving << " found in:\n" << written.where(omschrijving);
    EXPECT_EQ(written.where(melder), "") << "melder " << melder << " found in:\n" << written.where(melder);

    // The control: the street name is found by the same search in each kind of place it looks.
    const auto control = written.where(straat);
    for (const auto& place : {uit / "loo" / "locaties.geojson", uit / "handhaving" / "onregel.gpkg", uit / "loo" / "viewer" / "data.js"})
        EXPECT_NE(control.find("  " + place.string() + "\n"), std::string::npos) << place << " in\n" << control;
    for (const auto& workbook : {uit / "handhaving" / "controles.xlsx", uit / "gebied_loo" / "Heel_IJsselstein.xlsx"})
        EXPECT_NE(control.find("  " + workbook.string() + " » xl/"), std::string::npos) << workbook << " in\n" << control;
    EXPECT_NE(control.find("stdout of onregel explain"), std::string::npos) << control;
}

}  // namespace
}  // namespace onregel::test
