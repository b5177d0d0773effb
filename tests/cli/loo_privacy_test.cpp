// One privacy rule everywhere: in profile loo a hot spot cell with fewer than k meldingen is left off
// the map, cannot make meldingen_hotspot fire, and so appears in no output: not in the list, the
// proposal, the GeoPackage, the viewer or `explain`. Every output of a loo run is read for it.
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>
#include <regex>

#include "cli_runner.hpp"
#include "written.hpp"

namespace onregel::test {
namespace {

namespace fs = std::filesystem;

constexpr int k = 5;  // [signalen.meldingen_hotspot] min_meldingen, the default

// 20 x 20 cells of 100 m with four homes each; one melding in every fifth cell. Cell (5, 5) gets 8
// meldingen at 8 places (a real excess, drawn and flagged); cell (12, 12) gets 4 at 4 places: as far
// past its expectation, but under k.
struct Town {
    fs::path dir;
    std::string hot_home, quiet_home;  // "postcode huisnummer" of a home in each
};

Town write_town(const fs::path& dir) {
    std::ofstream bag(dir / "bag.csv"), kvk(dir / "kvk.csv"), meldingen(dir / "meldingen.csv");
    bag << "identificatie,status,gebruiksdoel,oppervlakte,openbare_ruimte_naam,huisnummer,huisletter,toevoeging,"
           "postcode,woonplaats_naam,bouwjaar,pand_identificatie,pandstatus,x,y\n";
    meldingen << "id,datum,categorie,bron,x,y\n";
    Town town{dir, "", ""};
    int n = 0, m = 0;
    for (int row = 0; row < 20; ++row)
        for (int column = 0; column < 20; ++column) {
            const double x0 = 131000 + 100.0 * column, y0 = 447000 + 100.0 * row;
            const auto postcode = "34" + std::to_string(10 + row) + "A" + static_cast<char>('A' + column);
            for (int h = 1; h <= 4; ++h) {
                ++n;
                const auto serial = std::to_string(n);
                const auto id = "0353010" + std::string(9 - serial.size(), '0') + serial;
                bag << id << ",Verblijfsobject in gebruik,woonfunctie,90,Rasterstraat," << h << ",,," << postcode
                    << ",IJsselstein,1980," << "0353100" << id.substr(7) << ",Pand in gebruik," << x0 + 20 * h << "," << y0 + 20 << "\n";
            }
            const bool hot = row == 5 && column == 5, quiet = row == 12 && column == 12;
            if (hot) town.hot_home = postcode + " 2";
            if (quiet) town.quiet_home = postcode + " 2";
            const int reports = hot ? 8 : quiet ? 4 : (row * 20 + column) % 5 == 0 ? 1 : 0;
            for (int r = 0; r < reports; ++r)
                meldingen << "M" << ++m << ",2025-0" << 1 + r % 9 << "-15,overlast,inwoner," << x0 + 5 + 11 * r << "," << y0 + 70 << "\n";
        }
    kvk << "vestigingsnummer;kvkNummer;eersteHandelsnaam;rechtsvorm;indHoofdvestiging;datumAanvang;datumEinde;"
           "sbiHoofdactiviteit;sbiNevenactiviteiten;straatnaam;huisnummer;huisletter;huisnummerToevoeging;postcode;plaats;"
           "addresseerbaarObjectId\n"
        << "000000000001;10000001;Alfa B.V.;BV;Ja;20200101;;6201;;Rasterstraat;1;;;3410AA;IJsselstein;0353010000000001\n";
    return town;
}

TEST(LooPrivacy, ACellUnderKIsInNoOutputAndCannotFire) {
    const auto dir = scratch("loo_privacy");
    const auto town = write_town(dir);
    const auto out = dir / "out";
    const auto run = run_cli({"run", "--bag", (dir / "bag.csv").string(), "--kvk", (dir / "kvk.csv").string(), "--meldingen",
                              (dir / "meldingen.csv").string(), "--out", out.string(), "--capaciteit", "2", "--per-dag", "4"});
    ASSERT_EQ(run.exit_code, 0) << run.err;
    const auto explain_hot = run_cli({"explain", "--out", out.string(), town.hot_home});
    const auto explain_quiet = run_cli({"explain", "--out", out.string(), town.quiet_home});

    // The map: the loo profile draws no cell under k, and the hot cell is drawn as a hot spot.
    const auto cells = nlohmann::json::parse(slurp(out / "hotspots.geojson"))["features"];
    int hot = 0;
    for (const auto& c : cells) {
        EXPECT_GE(c["properties"]["n_meldingen"].get<int>(), k);
        hot += c["properties"]["klasse"].get<int>() > 0;
    }
    EXPECT_EQ(hot, 1);
    const auto gpkg_cells = ogr_layer(out / "onregel.gpkg", "hotspots");  // kept: a loop over a temporary's member dangles
    for (const auto& c : gpkg_cells["features"]) EXPECT_GE(c["properties"]["n_meldingen"].get<int>(), k);

    // Every sentence about a hot spot cell, in every output and everything printed, names at least k meldingen.
    Written written;
    written.add_files(out);
    written.add("run", run.out + run.err);
    written.add("explain hot", explain_hot.out + explain_hot.err);
    written.add("explain quiet", explain_quiet.out + explain_quiet.err);
    const std::regex cell_sentence("(\\d+) plek(ken)? met meldingen \\((\\d+) meldingen?\\)");
    int sentences = 0;
    for (const auto& [where, text] : written.texts())
        for (std::sregex_iterator it(text.begin(), text.end(), cell_sentence), end; it != end; ++it) {
            ++sentences;
            EXPECT_GE(std::stoi((*it)[3]), k) << where << ": " << it->str();
        }
    EXPECT_GT(sentences, 0) << "the search is not blind: the hot cell's sentence is there";
    EXPECT_NE(explain_hot.out.find("meldingen_hotspot"), std::string::npos) << explain_hot.out;
    EXPECT_EQ(explain_quiet.out.find("meldingen_hotspot"), std::string::npos) << explain_quiet.out;
}

}  // namespace
}  // namespace onregel::test
