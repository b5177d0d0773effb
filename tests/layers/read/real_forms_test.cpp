// The RDW and CBS forms as they are delivered (issue #18), from the fixtures in tests/data/real (their
// SOURCE.txt says where each shape comes from), against the tiny BAG of IJsselstein (tests/data/tiny):
// 0353010000000001 Benschopperstraat 1 3401AA, ...02 Boxenlaan 2-1 3401AB, ...03 Kerkstraat 12a 3401AC,
// ...04 Kantorenweg 7 3401AD, ...05 Boxenlaan 2-2, ...06 Kerkstraat 14.
#include <gtest/gtest.h>
#include <filesystem>
#include <tuple>

#include "engine/errors.hpp"
#include "engine/signals/autobranche_zonder_erkenning.hpp"
#include "engine/signals/town_builder.hpp"
#include "layers/layers_test_util.hpp"

namespace onregel {
namespace {

namespace fs = std::filesystem;

const std::string tiny_bag = std::string(ONREGEL_SOURCE_DIR) + "/tests/data/tiny/bag.csv";

std::string real(const std::string& file) { return std::string(ONREGEL_SOURCE_DIR) + "/tests/data/real/" + file; }

// A KvK file with one repair garage (SBI 4520) on the given address.
std::string garage_on(const fs::path& dir, const std::string& postcode, const std::string& huisnummer,
                      const std::string& letter) {
    return test::write_file(dir / "kvk.csv",
                            "vestigingsnummer;sbiHoofdactiviteit;postcode;huisnummer;huisletter;datumAanvang\n"
                            "000000000001;4520;" +
                                postcode + ";" + huisnummer + ";" + letter + ";20150101\n");
}

Inputs read_with(const fs::path& dir, const std::string& erkenningen, const std::string& buurten = "") {
    auto given = test::inputs_of(tiny_bag, garage_on(dir, "3401AA", "1", ""));
    given.erkenningen = erkenningen;
    given.buurten = buurten;
    return read_inputs(given, {});
}

std::string bag_id_of(const Inputs& in, std::int32_t vbo) {
    return vbo < 0 ? "" : bag_id_text(in.town.verblijfsobjecten[static_cast<std::size_t>(vbo)].id);
}

std::size_t vbo_of(const Inputs& in, const std::string& id) {
    for (std::size_t i = 0; i < in.town.verblijfsobjecten.size(); ++i)
        if (bag_id_text(in.town.verblijfsobjecten[i].id) == id) return i;
    throw std::runtime_error("no object " + id);
}

std::string rejected(const Inputs& in, const std::string& laag) {
    std::string out;
    for (const auto& r : in.rejects.rows())
        if (r.laag == laag) out += r.id + ": " + r.tekst() + " (" + r.waarde + ")\n";
    return out;
}

// The RDW Erkende bedrijven with their Erkenningen, in the API's field names and in the portal's display
// names: the split postcode joined, every kind of a bedrijf on it, and every row of both files accounted for.
void expect_rdw_yield(const Inputs& in, const std::string& folder) {
    SCOPED_TRACE(folder);
    const auto& stats = in.layers.at("erkenningen");
    EXPECT_EQ(stats.bron, real(folder + "/bedrijven.csv") + " + " + real(folder + "/erkenningen.csv"));
    EXPECT_EQ(stats.rows, 7u);
    EXPECT_EQ(stats.used, 4u);
    EXPECT_EQ(rejected(in, "erkenningen"), "1005: ongeldige postcode (3401)\n1006: geen adres ()\n");
    EXPECT_EQ(stats.overgeslagen,
              (std::map<std::string, std::size_t>{{"postcode niet in de gelezen BAG (het RDW-bestand is landelijk)", 1}}))
        << "1004 in Amsterdam";
    ASSERT_EQ(in.town.erkenningen.size(), 4u);
    const auto& garage = in.town.erkenningen[0];
    EXPECT_EQ(garage.naam, "GARAGE KERKSTRAAT B.V.");
    EXPECT_EQ(garage.soort, "APK Lichte voertuigen, Bedrijfsvoorraad, Tenaamstellen");
    EXPECT_EQ(bag_id_of(in, garage.vbo), "0353010000000003") << "Kerkstraat 12 toevoeging A is 12a";
    EXPECT_EQ(garage.punt.x, 131850);
    EXPECT_EQ(garage.punt.y, 447250);
    EXPECT_EQ(in.town.erkenningen[1].soort, "Bedrijfsvoorraad, Handelaarskenteken");
    EXPECT_EQ(bag_id_of(in, in.town.erkenningen[1].vbo), "0353010000000002");
    EXPECT_EQ(in.town.erkenningen[2].naam, "Kantoorauto's") << "no naam_bedrijf: the gevelnaam";
    EXPECT_EQ(in.town.erkenningen[2].soort, "Tenaamstellen");
    EXPECT_EQ(bag_id_of(in, in.town.erkenningen[2].vbo), "0353010000000004");
    EXPECT_EQ(in.town.erkenningen[3].soort, "soort onbekend") << "1007 has no row in Erkenningen";
    EXPECT_EQ(bag_id_of(in, in.town.erkenningen[3].vbo), "0353010000000005");
    ASSERT_EQ(stats.waarschuwingen.size(), 1u);
    EXPECT_NE(stats.waarschuwingen[0].find("1 gebruikt erkend bedrijf heeft geen erkenning in"), std::string::npos)
        << stats.waarschuwingen[0];

    const auto& soorten = stats.objecttypen.at("erkenning");
    EXPECT_EQ(soorten.rijen, 10u);
    EXPECT_EQ(soorten.gebruikt, 6u);
    EXPECT_EQ(soorten.afgewezen, 0u);
    EXPECT_EQ(soorten.overgeslagen, (std::map<std::string, std::size_t>{
                                        {"bedrijf niet gebruikt (afgewezen of overgeslagen)", 3},
                                        {"volgnummer niet in Erkende bedrijven (bestanden van verschillende dagen?)", 1}}));
    EXPECT_TRUE(in.town.has_erkenningen);
}

TEST(RdwErkenningen, ApiFieldNamesWithTheErkenningenBeside) {
    const auto dir = test::scratch_dir("real_rdw_api");
    const auto in = read_with(dir, real("rdw/api/bedrijven.csv"));
    expect_rdw_yield(in, "rdw/api");
    EXPECT_EQ(in.layers.at("erkenningen").ook_gelezen, std::vector<std::string>{real("rdw/api/erkenningen.csv")});
}

TEST(RdwErkenningen, PortalDisplayNamesWithTheErkenningenBeside) {
    const auto dir = test::scratch_dir("real_rdw_portaal");
    expect_rdw_yield(read_with(dir, real("rdw/portaal/bedrijven.csv")), "rdw/portaal");
}

TEST(RdwErkenningen, TheFolderWithBothDownloads) {
    const auto dir = test::scratch_dir("real_rdw_folder");
    expect_rdw_yield(read_with(dir, real("rdw/api")), "rdw/api");
    ReadOptions through_ogr;
    through_ogr.direct = false;
    auto given = test::inputs_of(tiny_bag, garage_on(dir, "3401AA", "1", ""));
    given.erkenningen = real("rdw/portaal");
    expect_rdw_yield(read_inputs(given, through_ogr), "rdw/portaal");
}

TEST(RdwErkenningen, WithoutTheErkenningenTheKindIsUnknown) {
    const auto dir = test::scratch_dir("real_rdw_alone");
    fs::create_directories(dir / "rdw");
    fs::copy_file(real("rdw/portaal/bedrijven.csv"), dir / "rdw" / "Open_Data_RDW__Erkende_Bedrijven.csv");
    const auto in = read_with(dir, (dir / "rdw" / "Open_Data_RDW__Erkende_Bedrijven.csv").string());
    ASSERT_EQ(in.town.erkenningen.size(), 4u);
    for (const auto& e : in.town.erkenningen) EXPECT_EQ(e.soort, "soort onbekend") << e.naam;
    const auto& stats = in.layers.at("erkenningen");
    EXPECT_TRUE(stats.objecttypen.empty());
    ASSERT_EQ(stats.waarschuwingen.size(), 1u);
    EXPECT_NE(stats.waarschuwingen[0].find("geen RDW-bestand Erkenningen naast"), std::string::npos) << stats.waarschuwingen[0];
}

TEST(RdwErkenningen, TheErkenningenAloneOrTwiceIsAnError) {
    const auto dir = test::scratch_dir("real_rdw_wrong");
    try {
        read_with(dir, real("rdw/api/erkenningen.csv"));
        ADD_FAILURE() << "the Erkenningen file read as bedrijven";
    } catch (const input_error& e) {
        EXPECT_NE(std::string(e.what()).find("dit is de RDW-dataset Erkenningen"), std::string::npos) << e.what();
    }
    fs::create_directories(dir / "rdw");
    for (const char* file : {"bedrijven.csv", "erkenningen.csv"}) fs::copy_file(real("rdw/api/") + file, dir / "rdw" / file);
    fs::copy_file(real("rdw/portaal/erkenningen.csv"), dir / "rdw" / "erkenningen-oud.csv");
    try {
        read_with(dir, (dir / "rdw" / "bedrijven.csv").string());
        ADD_FAILURE() << "two Erkenningen files, one taken";
    } catch (const input_error& e) {
        EXPECT_NE(std::string(e.what()).find("meer dan één RDW-bestand Erkenningen"), std::string::npos) << e.what();
    }
    fs::remove(dir / "rdw" / "bedrijven.csv");
    EXPECT_THROW(read_with(dir, (dir / "rdw").string()), input_error) << "a folder without Erkende bedrijven";
}

// What the autobranche signal makes of the real data: the erkenning on the garage's own object covers
// it; a garage 71 m away is told the kinds of the nearest one.
TEST(RdwErkenningen, TheAutobrancheSignalSeesTheKinds) {
    const auto dir = test::scratch_dir("real_rdw_signal");
    for (const auto& [postcode, nummer, letter, fires] :
         {std::tuple{"3401AA", "1", "", true}, std::tuple{"3401AC", "12", "a", false}}) {
        auto given = test::inputs_of(tiny_bag, garage_on(dir, postcode, nummer, letter));
        given.erkenningen = real("rdw/api/bedrijven.csv");
        auto in = read_inputs(given, {});
        ASSERT_EQ(in.town.vestigingen.size(), 1u);
        test::TownBuilder b;
        b.town = std::move(in.town);
        b.town.peildatum = test::day(2025, 1, 1);
        const auto hits = b.run(make_configured<AutobrancheZonderErkenning>());
        ASSERT_EQ(hits.size(), fires ? 1u : 0u) << postcode << " " << nummer << letter;
        if (!fires) continue;
        EXPECT_EQ(hits[0].niveau, 1);
        EXPECT_NE(
            hits[0].bewijs.find("de dichtstbijzijnde erkenning (APK Lichte voertuigen, Bedrijfsvoorraad, Tenaamstellen) op 71 m"),
            std::string::npos)
            << hits[0].bewijs;
    }
}

// The wijk- en buurtkaart: the water buurt is kept, but a point on its edge with a land buurt is the
// land buurt's; the pseudo-buurt Buitenland is skipped with its reason. The same from the GeoPackage CBS
// ships (layers gemeenten, wijken, buurten), z coordinates included.
void expect_cbs_yield(const Inputs& in) {
    EXPECT_EQ(in.buurt[vbo_of(in, "0353010000000001")], "BU03530101");
    EXPECT_EQ(in.buurt[vbo_of(in, "0353010000000003")], "BU03530101") << "on the edge of water and land: land";
    EXPECT_EQ(in.buurt[vbo_of(in, "0353010000000006")], "BU03539997") << "in the water buurt only";
    for (const char* id : {"0353010000000002", "0353010000000004", "0353010000000005"})
        EXPECT_EQ(in.buurt[vbo_of(in, id)], "BU03530102") << id;
    EXPECT_EQ(in.buurtnamen, (std::map<std::string, std::string>{
                                 {"BU03530101", "Binnenstad"}, {"BU03530102", "Boxenlaan"}, {"BU03539997", "Water"}}));
    const auto& stats = in.layers.at("buurten");
    EXPECT_EQ(stats.rows, 4u);
    EXPECT_EQ(stats.used, 3u);
    EXPECT_EQ(in.rejects.count("buurten"), 0u);
    EXPECT_EQ(stats.overgeslagen,
              (std::map<std::string, std::size_t>{{"pseudo-buurt Buitenland (gemeente 0998, geen Nederlands grondgebied)", 1}}));
    EXPECT_TRUE(stats.waarschuwingen.empty()) << stats.waarschuwingen[0];
}

TEST(CbsBuurten, WaterAndBuitenlandAsDelivered) {
    const auto dir = test::scratch_dir("real_cbs_geojson");
    expect_cbs_yield(read_with(dir, "", real("cbs/buurten.geojson")));
}

TEST(CbsBuurten, TheGeoPackageWithItsThreeLayers) {
    const auto dir = test::scratch_dir("real_cbs_gpkg");
    const auto gpkg = (dir / "wijkenbuurten_2024_v1.gpkg").string();
    for (const char* layer : {"gemeenten", "wijken", "buurten"})
        test::add_to_geopackage(gpkg, real("cbs/buurten.geojson"), layer);
    EXPECT_NE(test::command_output("ogrinfo -so " + test::quoted(gpkg) + " buurten").find("3D Multi Polygon"), std::string::npos);
    expect_cbs_yield(read_with(dir, "", gpkg));
}

// Up to 2021 the kaart named its columns as the shapefile does.
TEST(CbsBuurten, TheColumnNamesBefore2022) {
    const auto dir = test::scratch_dir("real_cbs_2021");
    const auto kaart = test::write_file(
        dir / "buurt_2021_v1.geojson",
        R"({"type": "FeatureCollection", "crs": {"type": "name", "properties": {"name": "urn:ogc:def:crs:EPSG::28992"}}, "features": [
  {"type": "Feature", "properties": {"BU_CODE": "BU03539997", "BU_NAAM": "Water", "GM_CODE": "GM0353", "H2O": "JA"},
   "geometry": {"type": "Polygon", "coordinates": [[[131500, 447000], [131850, 447000], [131850, 447500], [131500, 447500], [131500, 447000]]]}},
  {"type": "Feature", "properties": {"BU_CODE": "BU03530101", "BU_NAAM": "Binnenstad", "GM_CODE": "GM0353", "H2O": "NEE"},
   "geometry": {"type": "Polygon", "coordinates": [[[131850, 447000], [132500, 447000], [132500, 447500], [131850, 447500], [131850, 447000]]]}},
  {"type": "Feature", "properties": {"BU_CODE": "BU09989999", "BU_NAAM": "Buitenland", "GM_CODE": "GM0998", "H2O": "B"},
   "geometry": {"type": "Polygon", "coordinates": [[[121000, 381000], [122000, 381000], [122000, 382000], [121000, 382000], [121000, 381000]]]}}
]})");
    const auto in = read_with(dir, "", kaart);
    EXPECT_EQ(in.buurt[vbo_of(in, "0353010000000003")], "BU03530101");
    EXPECT_EQ(in.buurtnamen.size(), 2u);
    EXPECT_EQ(in.layers.at("buurten").overgeslagen.size(), 1u);
}

}  // namespace
}  // namespace onregel
