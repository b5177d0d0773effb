// `onregel run --capaciteit`: the proposal in GeoJSON, CSV and XLSX, the GeoPackage with QGIS styles,
// the hot spot grid and the viewer data. GDAL files are read back with GDAL's own ogr2ogr.
#include <gtest/gtest.h>
#include <map>
#include <nlohmann/json.hpp>

#include "cli_runner.hpp"

namespace onregel::test {
namespace {

namespace fs = std::filesystem;

// The tiny town with a street name that a spreadsheet would take for a formula.
fs::path formula_bag(const fs::path& dir) {
    auto bag = slurp(tiny("bag.csv"));
    bag.replace(bag.find("Benschopperstraat"), 17, "=1+2 straat");
    std::ofstream(dir / "bag.csv", std::ios::binary) << bag;
    return dir / "bag.csv";
}

std::vector<std::string> proposal_run(const fs::path& bag, const fs::path& out, std::vector<std::string> extra = {}) {
    std::vector<std::string> args = {"run", "--bag", bag.string(), "--kvk", tiny("kvk.csv"), "--meldingen", tiny("meldingen.csv"),
                                     "--out", out.string(), "--quiet", "--capaciteit", "2", "--per-dag", "3"};
    args.insert(args.end(), extra.begin(), extra.end());
    return args;
}

TEST(CliProposal, ControlesInEveryFormatWithIdsAsTextAndFormulasNeutralised) {
    const auto dir = scratch("proposal_formats");
    const auto result = run_cli(proposal_run(formula_bag(dir), dir / "out"));
    ASSERT_EQ(result.exit_code, 0) << result.err;
    EXPECT_NE(result.out.find("5 adressen op 2 controledagen, waarvan 2 als steekproef"), std::string::npos) << result.out;
    const auto geojson = nlohmann::json::parse(slurp(dir / "out" / "controles.geojson"))["features"];
    const auto xlsx = ogr_layer(dir / "out" / "controles.xlsx", "controles")["features"];
    ASSERT_EQ(geojson.size(), 5u);
    ASSERT_EQ(xlsx.size(), geojson.size());
    std::map<std::string, nlohmann::json> locaties;  // properties by bag_id
    const auto locaties_json = nlohmann::json::parse(slurp(dir / "out" / "locaties.geojson"));
    for (const auto& f : locaties_json["features"])
        locaties[f["properties"]["bag_id"].get<std::string>()] = f["properties"];
    std::map<int, int> per_day;
    for (std::size_t i = 0; i < geojson.size(); ++i) {
        const auto& g = geojson[i]["properties"];
        const auto& x = xlsx[i]["properties"];
        ++per_day[g["controledag"].get<int>()];
        ASSERT_TRUE(x["bag_id"].is_string()) << x;
        EXPECT_EQ(x["bag_id"].get<std::string>().size(), 16u);
        EXPECT_EQ(x["bag_id"], g["bag_id"]) << "all 16 digits, leading zero included";
        EXPECT_EQ(x["pand_id"], g["pand_id"]);
        EXPECT_EQ(x["controledag"], g["controledag"]);
        if (g["adres"].get<std::string>()[0] == '=') {
            EXPECT_EQ(x["adres"], "'" + g["adres"].get<std::string>()) << "neutralised in the spreadsheet";
        } else {
            EXPECT_EQ(x["adres"], g["adres"]);
        }
        if (g["selectie"] == "steekproef") {
            EXPECT_EQ(g["redenen"], nlohmann::json::array({"Steekproef: een willekeurig gekozen adres zonder signaal, ter vergelijking"}));
            EXPECT_TRUE(g["score"].is_null());
        } else {
            // The address's own reasons, in the words of its bewijs (as locaties has them), and its own score.
            const auto& locatie = locaties.at(g["bag_id"].get<std::string>());
            std::vector<std::string> bewijs;
            for (const auto& [signaal, zin] : locatie["bewijs"].items())
                if (signaal != "integrale_bonus") bewijs.push_back(zin.get<std::string>());
            ASSERT_FALSE(bewijs.empty());
            for (std::size_t k = 0; k < bewijs.size(); ++k) EXPECT_EQ(g["redenen"][k], bewijs[k]) << g["redenen"];
            EXPECT_EQ(g["score"], locatie["score"]);
            std::string joined;
            for (const auto& zin : g["redenen"]) joined += (joined.empty() ? "" : "; ") + zin.get<std::string>();
            EXPECT_EQ(x["redenen"], joined) << "the sentences joined by ; in the spreadsheet";
        }
        for (const char* empty : {"historie", "datum_bezoek", "bevinding", "constateringen", "vervolg", "partners"}) {
            EXPECT_TRUE(g.contains(empty) && g[empty].is_null()) << empty;
        }
    }
    for (const auto& [dag, n] : per_day) EXPECT_LE(n, 3) << "dag " << dag;
    // For Dutch Excel, as the viewer's "Selectie als CSV": BOM, `;`, CRLF, every field quoted, ids as ="...".
    const auto csv = slurp(dir / "out" / "controles.csv");
    EXPECT_EQ(csv.rfind("\xEF\xBB\xBF\"controledag\";", 0), 0u) << csv.substr(0, 40);
    EXPECT_NE(csv.find(";\"'=1+2 straat 1, 3401AA IJsselstein\";"), std::string::npos) << csv;
    EXPECT_NE(csv.find(";\"=\"\"0353010000000001\"\"\";"), std::string::npos) << csv;
    EXPECT_NE(csv.find("\"partners\"\r\n\"1\";\"1\";"), std::string::npos) << csv;

    const auto manifest = nlohmann::json::parse(slurp(dir / "out" / "manifest.json"));
    EXPECT_EQ(manifest["voorstel"]["capaciteit"], 2);
    EXPECT_EQ(manifest["voorstel"]["steekproef_per_dag"], 1);
    EXPECT_EQ(manifest["hotspots"]["k"], 5);
    EXPECT_EQ(manifest["hotspots"]["profiel"], "loo");
    for (const char* stage : {"config", "read", "index", "signals", "ranking", "hotspots", "voorstel", "write", "gpkg", "viewer"})
        EXPECT_TRUE(manifest["uitvoering"]["tijden_ms"].contains(stage)) << stage;
    const auto data = slurp(dir / "out" / "viewer" / "data.js");
    for (const char* key : {"\"hotspots\":", "\"controles\":", "\"locaties\":", "\"selectie\":"})
        EXPECT_NE(data.find(key), std::string::npos) << key;
}

TEST(CliProposal, GeoPackageHasEveryLayerInRdWithQgisStyles) {
    const auto dir = scratch("proposal_gpkg");
    ASSERT_EQ(run_cli(proposal_run(tiny("bag.csv"), dir / "out")).exit_code, 0);
    const auto gpkg = dir / "out" / "onregel.gpkg";
    const auto styles = ogr_layer(gpkg, "layer_styles")["features"];
    std::map<std::string, nlohmann::json> by_layer;
    for (const auto& s : styles) by_layer[s["properties"]["f_table_name"]] = s["properties"];
    ASSERT_EQ(by_layer.size(), 4u);
    for (const char* layer : {"locaties", "panden_ranking", "hotspots", "controles"}) {
        SCOPED_TRACE(layer);
        ASSERT_TRUE(by_layer.count(layer));
        const auto& s = by_layer[layer];
        for (const char* column : {"f_table_catalog", "f_table_schema", "f_geometry_column", "styleName", "styleQML",
                                   "styleSLD", "useAsDefault", "description", "owner", "ui", "update_time"})
            EXPECT_TRUE(s.contains(column)) << column;
        EXPECT_EQ(s["useAsDefault"], true);
        EXPECT_EQ(s["f_geometry_column"], "geom");
        const auto qml = s["styleQML"].get<std::string>();
        EXPECT_EQ(qml.rfind("<!DOCTYPE qgis", 0), 0u);
        EXPECT_NE(qml.find("<renderer-v2 type="), std::string::npos);
        EXPECT_NE(qml.find("</qgis>"), std::string::npos);
        const auto contents = ogr_layer(gpkg, layer);
        EXPECT_NE(contents.dump().find("28992"), std::string::npos) << "EPSG:28992";
    }
    EXPECT_NE(by_layer["locaties"]["styleQML"].get<std::string>().find("attr=\"score\""), std::string::npos);
    EXPECT_NE(by_layer["panden_ranking"]["styleQML"].get<std::string>().find("type=\"graduatedSymbol\""), std::string::npos);
    EXPECT_NE(by_layer["hotspots"]["styleQML"].get<std::string>().find("attr=\"klasse\""), std::string::npos);
    const auto locaties = ogr_layer(gpkg, "locaties")["features"];
    const auto geojson = nlohmann::json::parse(slurp(dir / "out" / "locaties.geojson"))["features"];
    ASSERT_EQ(locaties.size(), geojson.size());
    EXPECT_EQ(locaties[0]["properties"]["bag_id"], geojson[0]["properties"]["bag_id"]);
    const auto panden = ogr_layer(gpkg, "panden_ranking")["features"];
    ASSERT_FALSE(panden.empty());
    EXPECT_EQ(panden[0]["properties"]["rang"], 1);
}

TEST(CliProposal, HotspotCellsUnderKAreLeftOutOfTheLooProfile) {
    const auto dir = scratch("proposal_k");
    ASSERT_EQ(run_cli(proposal_run(tiny("bag.csv"), dir / "loo")).exit_code, 0);
    ASSERT_EQ(run_cli(proposal_run(tiny("bag.csv"), dir / "hh", {"--profiel", "handhaving"})).exit_code, 0);
    const auto loo = nlohmann::json::parse(slurp(dir / "loo" / "manifest.json"))["hotspots"];
    const auto hh = nlohmann::json::parse(slurp(dir / "hh" / "hotspots.geojson"))["features"];
    EXPECT_EQ(hh.size(), loo["cellen"].get<std::size_t>()) << "handhaving shows every cell";
    std::size_t under_k = 0;
    for (const auto& cell : hh) {
        under_k += cell["properties"]["n_meldingen"].get<int>() < 5;
        for (const char* key : {"klasse", "trend", "n_meldingen", "adressen", "verwacht", "verhouding", "p"}) EXPECT_TRUE(cell["properties"].contains(key)) << key;
    }
    EXPECT_EQ(loo["onderdrukt"].get<std::size_t>(), under_k);
    EXPECT_EQ(nlohmann::json::parse(slurp(dir / "loo" / "hotspots.geojson"))["features"].size(), hh.size() - under_k);
}

TEST(CliProposal, SameOutputsForOneAndTwoThreads) {
    const auto dir = scratch("proposal_threads");
    ASSERT_EQ(run_cli(proposal_run(tiny("bag.csv"), dir / "one", {"--threads", "1"})).exit_code, 0);
    ASSERT_EQ(run_cli(proposal_run(tiny("bag.csv"), dir / "two", {"--threads", "2"})).exit_code, 0);
    // The GeoPackage's timestamps are the peildatum (OGR_CURRENT_DATE), so its bytes are fixed too.
    for (const char* file : {"locaties.geojson", "hotspots.geojson", "controles.geojson", "controles.csv", "rejects.csv",
                             "onregel.gpkg", "viewer/data.js"})
        EXPECT_EQ(slurp(dir / "one" / file), slurp(dir / "two" / file)) << file;
    // An XLSX is a zip that carries the time it was written: compare what GDAL reads.
    EXPECT_EQ(ogr_layer(dir / "one" / "controles.xlsx", "controles"), ogr_layer(dir / "two" / "controles.xlsx", "controles"));
}

}  // namespace
}  // namespace onregel::test
