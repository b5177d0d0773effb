// Every input form read end to end through read_inputs(): bag-light GeoPackage with ligplaatsen and
// standplaatsen, KvK CSV in its spreadsheet variants and as Vestigingsprofiel JSON, meldingen as CSV
// and GeoJSON (RD, WGS84 with a crs member, lon/lat columns, the Signalen shape), buurten, uitkomsten.
#include <gtest/gtest.h>
#include <cpl_string.h>

#include "engine/errors.hpp"
#include "layers/source/gdal_source.hpp"
#include "layers/read/inputs.hpp"
#include "layers/read/kvk.hpp"
#include "layers/layers_test_util.hpp"

namespace onregel {
namespace {

namespace fs = std::filesystem;

const char* const kvk_header =
    "vestigingsnummer;kvkNummer;eersteHandelsnaam;indHoofdvestiging;datumAanvang;datumEinde;sbiHoofdactiviteit;"
    "sbiNevenactiviteiten;straatnaam;huisnummer;huisletter;huisnummerToevoeging;postcode;plaats;addresseerbaarObjectId\n";

std::string kvk_file(const fs::path& dir, const std::string& name, const std::string& rows) {
    return test::write_file(dir / name, std::string(kvk_header) + rows);
}

std::size_t vbo_of(const Inputs& in, const std::string& id) {
    for (std::size_t i = 0; i < in.town.verblijfsobjecten.size(); ++i)
        if (bag_id_text(in.town.verblijfsobjecten[i].id) == id) return i;
    throw std::runtime_error("no object " + id);
}

// Every row is used, rejected or counted as skipped: nothing is lost.
void expect_accounted(const Inputs& in) {
    for (const auto& [name, s] : in.layers) {
        std::size_t skipped = 0;
        for (const auto& [reden, n] : s.overgeslagen) skipped += n;
        EXPECT_EQ(s.rows, s.used + in.rejects.count(name) + skipped) << name;
        for (const auto& [type, t] : s.objecttypen) {
            std::size_t t_skipped = 0;
            for (const auto& [reden, n] : t.overgeslagen) t_skipped += n;
            EXPECT_EQ(t.rijen, t.gebruikt + t.afgewezen + t_skipped) << name << " " << type;
        }
    }
}

TEST(BagLightReader, VerblijfsobjectenLigplaatsenStandplaatsenAndPanden) {
    const auto dir = test::scratch_dir("bag_light_kvk");
    const auto in = read_inputs(test::inputs_of(test::bag_light(), kvk_file(dir, "kvk.csv", "000000000001;;;Ja;20200101;;4711;;;4;;;6981CH;;\n")), {});
    ASSERT_EQ(in.town.verblijfsobjecten.size(), 6u);
    const auto& lig = in.town.verblijfsobjecten[vbo_of(in, "0221020000000001")];
    EXPECT_DOUBLE_EQ(lig.punt.x, 207440);  // the centroid of its polygon
    EXPECT_DOUBLE_EQ(lig.punt.y, 446264);
    EXPECT_EQ(lig.gebruiksdoelen, 0);
    EXPECT_EQ(in.town.verblijfsobjecten[vbo_of(in, "0221030000000001")].status, VboStatus::ingetrokken);
    const auto& winkel = in.town.verblijfsobjecten[vbo_of(in, "0221010000000002")];
    EXPECT_EQ(winkel.gebruiksdoelen, winkelfunctie | woonfunctie);
    ASSERT_GE(winkel.pand, 0);
    const auto& pand = in.town.panden[static_cast<std::size_t>(winkel.pand)];
    EXPECT_EQ(pand.status, "Verbouwing pand");
    EXPECT_EQ(pand.omtrek.size(), 5u);
    EXPECT_EQ(in.layers.at("bag").driver, "GPKG");
    EXPECT_TRUE(in.layers.at("bag").stand) << "gpkg_contents.last_change";
    const auto& panden = in.layers.at("bag").objecttypen.at("pand");
    EXPECT_EQ(panden.rijen, 3u) << "every row of the pand layer counted";
    EXPECT_EQ(panden.gebruikt, 3u);
    expect_accounted(in);
}

TEST(BagLightReader, GemeenteAndBboxSelect) {
    const auto dir = test::scratch_dir("bag_light_select");
    const auto kvk = kvk_file(dir, "kvk.csv",
                              "000000000001;;;Ja;20200101;;4711;;;4;;;6981CH;;\n"
                              "000000000002;;;Ja;20200101;;9311;;;1;;;3512JC;;\n");  // Utrecht: outside
    ReadOptions options;
    options.gemeente = "0221";
    auto in = read_inputs(test::inputs_of(test::bag_light(), kvk), options);
    EXPECT_EQ(in.town.verblijfsobjecten.size(), 5u);
    EXPECT_EQ(in.layers.at("bag").selectie, "bronhouder_identificatie = 0221");
    EXPECT_EQ(in.layers.at("kvk").overgeslagen.at("buiten selectie (--gemeente/--bbox)"), 1u);
    EXPECT_EQ(in.rejects.count("kvk"), 0u);
    EXPECT_EQ(in.layers.at("bag").objecttypen.at("pand").rijen, 3u) << "the pand in 0344 too, as not needed or outside";
    EXPECT_EQ(in.layers.at("bag").objecttypen.at("pand").gebruikt, 2u);
    expect_accounted(in);

    options = {};
    options.bbox = parse_bbox("206000,447000,207000,448000");
    in = read_inputs(test::inputs_of(test::bag_light(), kvk), options);
    EXPECT_EQ(in.town.verblijfsobjecten.size(), 3u);
    expect_accounted(in);
    EXPECT_THROW(parse_bbox("206000,447000,207000"), config_error);
    EXPECT_THROW(parse_bbox("5.9,52.0,6.2,52.1"), config_error);  // degrees, not RD metres
    options = {};
    options.gemeente = "221";
    EXPECT_THROW(read_inputs(test::inputs_of(test::bag_light(), kvk), options), config_error);
}

TEST(BagCsvReader, GemeenteWithoutItsColumnNamesTheColumn) {
    const auto dir = test::scratch_dir("bag_csv");
    const auto bag = test::write_file(dir / "bag.csv",
                                      "identificatie,gebruiksdoel,oppervlakte,huisnummer,postcode,x,y\n"
                                      "0221010000000001,woonfunctie,100,4,6981CH,206335.7,447529.8\n");
    const auto kvk = kvk_file(dir, "kvk.csv", "000000000001;;;Ja;20200101;;4711;;;4;;;6981CH;;\n");
    ReadOptions options;
    options.gemeente = "0221";
    try {
        read_inputs(test::inputs_of(bag, kvk), options);
        FAIL();
    } catch (const input_error& e) {
        EXPECT_NE(std::string(e.what()).find("'bronhouder_identificatie' ontbreekt (gevonden: identificatie, gebruiksdoel"), std::string::npos) << e.what();
    }
}

TEST(KvkCsvReader, SemicolonWithBomAndCommaInWindows1252) {
    const auto dir = test::scratch_dir("kvk_csv");
    const auto with_bom = test::write_file(dir / "bom2.csv", "\xEF\xBB\xBF" + std::string(kvk_header) +
                                                                 "000000000001;10000001;Caf\xC3\xA9;Ja;20200101;;5610;5630|4711;Kosterstraat;4;;;6981 ch;Doesburg;\n");
    auto a = read_inputs(test::inputs_of(test::bag_light(), with_bom), {});
    ASSERT_EQ(a.town.vestigingen.size(), 1u);
    EXPECT_EQ(a.town.vestigingen[0].handelsnaam, "Caf\xC3\xA9");
    EXPECT_EQ(a.town.vestigingen[0].sbi_neven, (std::vector<std::string>{"5630", "4711"}));
    EXPECT_EQ(a.layers.at("kvk").sbi_versie, "SBI 2008");

    const auto cp1252 = test::write_file(dir / "cp1252.csv",
                                         "vestigingsnummer,eersteHandelsnaam,datumAanvang,sbiHoofdactiviteit,sbiNevenactiviteiten,huisnummer,huisletter,postcode\n"
                                         "000000000002,Caf\xE9 \x80uro,2021-03-01,5611,\"5630,4711\",6,a,6981CH\n"
                                         "000000000003,Kantoor,2021-03-01,6210,,6-1,,6981CH\n");
    auto b = read_inputs(test::inputs_of(test::bag_light(), cp1252), {});
    ASSERT_EQ(b.town.vestigingen.size(), 2u);
    EXPECT_EQ(b.town.vestigingen[0].handelsnaam, "Caf\xC3\xA9 \xE2\x82\xACuro");
    EXPECT_EQ(b.town.vestigingen[0].sbi_neven, (std::vector<std::string>{"5630", "4711"}));
    EXPECT_EQ(b.town.vestigingen[0].vbo, static_cast<std::int32_t>(vbo_of(b, "0221010000000002")));
    EXPECT_EQ(b.town.vestigingen[1].vbo, static_cast<std::int32_t>(vbo_of(b, "0221010000000003")));
    EXPECT_EQ(format_date(*b.town.vestigingen[0].aanvang), "2021-03-01");
    EXPECT_EQ(b.layers.at("kvk").sbi_versie, "SBI 2025");
}

TEST(KvkCsvReader, ExcelMangledIdsAreReportedAndMatchedByAddress) {
    const auto dir = test::scratch_dir("kvk_excel");
    const auto kvk = kvk_file(dir, "kvk.csv",
                              "000000000001;;;Ja;20200101;;5610;6201;;4;;;6981CH;;2.21E+14\n"
                              "000000000002;;;Ja;20200101;;5611;;;6;A;;6981CH;;0221010000000002\n");
    const auto in = read_inputs(test::inputs_of(test::bag_light(), kvk), {});
    const auto& s = in.layers.at("kvk");
    EXPECT_EQ(s.used, 2u);
    EXPECT_EQ(s.match_methods.at("adres"), 1u);
    EXPECT_EQ(s.match_methods.at("bag_id"), 1u);
    EXPECT_EQ(s.sbi_versie, "gemengd");
    ASSERT_EQ(s.waarschuwingen.size(), 2u);
    const auto all = s.waarschuwingen[0] + s.waarschuwingen[1];
    EXPECT_NE(all.find("2.21E+14"), std::string::npos) << all;
    EXPECT_NE(all.find("wetenschappelijke notatie"), std::string::npos) << all;
}

constexpr const char* vestigingsprofiel = R"({"vestigingsnummer": "000037178601", "kvkNummer": "68750110",
  "eersteHandelsnaam": "Kosterij", "indHoofdvestiging": "Ja", "totaalWerkzamePersonen": 3,
  "materieleRegistratie": {"datumAanvang": "20170914"},
  "adressen": [{"type": "correspondentieadres", "postcode": "3512JC", "huisnummer": 1},
               {"type": "bezoekadres", "straatnaam": "Kosterstraat", "huisnummer": 6, "huisletter": "A", "postcode": "6981CH",
                "plaats": "Doesburg", "geoData": {"addresseerbaarObjectId": "0221010000000002", "rijksdriehoekX": 206345.0,
                "rijksdriehoekY": 447535.0, "gpsLatitude": 52.013795, "gpsLongitude": 6.135127}}],
  "sbiActiviteiten": [{"sbiCode": "4711", "indHoofdactiviteit": "Nee"}, {"sbiCode": "5610", "indHoofdactiviteit": "Ja"}]})";

// A vestigingsnummer is new unless the same text came before: leading zeros count, as in the text.
TEST(Vestigingsnummers, SameTextOnlyIsADuplicate) {
    Vestigingsnummers seen;
    for (const char* nummer : {"000000000123", "123", "0123", "999999999999", "0", "00"}) EXPECT_TRUE(seen.add(nummer)) << nummer;
    for (const char* nummer : {"000000000123", "123", "0123", "999999999999", "0", "00"}) EXPECT_FALSE(seen.add(nummer)) << nummer;
    for (std::uint64_t n = 0; n < 200000; ++n) ASSERT_TRUE(seen.add(std::to_string(n * 7919 + 1000))) << n;  // through growth
    for (std::uint64_t n = 0; n < 200000; n += 997) ASSERT_FALSE(seen.add(std::to_string(n * 7919 + 1000))) << n;
    EXPECT_THROW(check_vestigingsnummer("123", seen), RowError);
    EXPECT_THROW(check_vestigingsnummer("12a", seen), RowError);
    EXPECT_THROW(check_vestigingsnummer("1234567890123", seen), RowError);
    EXPECT_NO_THROW(check_vestigingsnummer("000000000124", seen));
}

TEST(KvkJsonReader, ArrayAndOneObjectPerLine) {
    const auto dir = test::scratch_dir("kvk_json");
    const std::string second = R"({"vestigingsnummer": "000037178602", "materieleRegistratie": {"datumAanvang": "20180101", "datumEinde": "20220101"},
  "adressen": [{"type": "bezoekadres", "huisnummer": 99, "postcode": "6981CH", "geoData": {"gpsLatitude": 52.013795, "gpsLongitude": 6.135127}}],
  "sbiActiviteiten": [{"sbiCode": "6201", "indHoofdactiviteit": "Ja"}]})";
    const std::string third = R"({"vestigingsnummer": "000037178603", "adressen": [{"type": "correspondentieadres", "postcode": "6981CH", "huisnummer": 4}],
  "sbiActiviteiten": [{"sbiCode": "6201", "indHoofdactiviteit": "Ja"}]})";
    auto flat = [](std::string s) {
        for (auto& c : s)
            if (c == '\n') c = ' ';
        return s;
    };
    const auto array = test::write_file(dir / "vestigingen.json", "[" + std::string(vestigingsprofiel) + ",\n" + second + ",\n" + third + "]");
    const auto lines = test::write_file(dir / "vestigingen.ndjson", flat(vestigingsprofiel) + "\n" + flat(second) + "\n" + flat(third) + "\n");
    for (const auto& source : {array, lines}) {
        const auto in = read_inputs(test::inputs_of(test::bag_light(), source), {});
        ASSERT_EQ(in.town.vestigingen.size(), 2u) << source;
        const auto& v = in.town.vestigingen[0];
        EXPECT_EQ(v.vestigingsnummer, "000037178601");
        EXPECT_EQ(v.sbi_hoofd, "5610");
        EXPECT_EQ(v.sbi_neven, std::vector<std::string>{"4711"});
        EXPECT_EQ(v.werkzame_personen, 3);
        EXPECT_EQ(v.adres.straat, "Kosterstraat");
        EXPECT_EQ(v.match, MatchMethod::bag_id);
        EXPECT_EQ(format_date(*v.aanvang), "2017-09-14");
        // Number 99 does not exist; the GPS point is 0221010000000002's.
        EXPECT_EQ(in.town.vestigingen[1].match, MatchMethod::coordinaat);
        EXPECT_EQ(in.town.vestigingen[1].vbo, static_cast<std::int32_t>(vbo_of(in, "0221010000000002")));
        ASSERT_EQ(in.rejects.count("kvk"), 1u);
        EXPECT_EQ(in.rejects.rows().back().reden, Reden::geen_bezoekadres);
        EXPECT_EQ(in.layers.at("kvk").sbi_versie, "SBI 2008");
        expect_accounted(in);
    }
}

// The same melding at 0221010000000002 in every location form; none may land elsewhere.
TEST(MeldingenReader, EveryLocationFormLandsOnTheSameObject) {
    const auto dir = test::scratch_dir("meldingen");
    const auto kvk = kvk_file(dir, "kvk.csv", "000000000001;;;Ja;20200101;;4711;;;4;;;6981CH;;\n");
    const std::string props = R"("id": "M1", "datum": "2024-05-01", "categorie": "overlast", "bron": "inwoner", "omschrijving": "CANARY")";
    const std::vector<std::string> files = {
        test::write_file(dir / "rd.csv", "id,datum,categorie,bron,x,y,omschrijving,melder\nM1,2024-05-01,overlast,inwoner,206345.0,447535.0,CANARY,CANARY\n"),
        test::write_file(dir / "lonlat.csv", "id,datum,categorie,bron,lon,lat\nM1,2024-05-01,overlast,inwoner,6.135127,52.013795\n"),
        test::write_file(dir / "adres.csv", "id,datum,categorie,bron,postcode,huisnummer\nM1,20240501,overlast,inwoner,6981 ch,6-a\n"),
        test::write_file(dir / "wgs84.geojson", R"({"type": "FeatureCollection", "features": [{"type": "Feature",
            "geometry": {"type": "Point", "coordinates": [6.135127, 52.013795]}, "properties": {)" + props + "}}]}"),
        // A crs member naming EPSG:4326 (latitude first by definition): GeoJSON still writes lon, lat.
        test::write_file(dir / "epsg4326.geojson", R"({"type": "FeatureCollection",
            "crs": {"type": "name", "properties": {"name": "urn:ogc:def:crs:EPSG::4326"}}, "features": [{"type": "Feature",
            "geometry": {"type": "Point", "coordinates": [6.135127, 52.013795]}, "properties": {)" + props + "}}]}"),
        test::write_file(dir / "rd.geojson", R"({"type": "FeatureCollection",
            "crs": {"type": "name", "properties": {"name": "urn:ogc:def:crs:EPSG::28992"}}, "features": [{"type": "Feature",
            "geometry": {"type": "Point", "coordinates": [206345.0, 447535.0]}, "properties": {)" + props + "}}]}"),
        // Amsterdam's Signalen: created_at, category object, source, address object, free text in `text`.
        test::write_file(dir / "signalen.geojson", R"({"type": "FeatureCollection", "features": [{"type": "Feature",
            "geometry": {"type": "Point", "coordinates": [6.135127, 52.013795]},
            "properties": {"id": 1234, "created_at": "2024-05-01T22:10:00+02:00", "source": "online", "text": "CANARY",
              "category": {"main": "overlast", "sub": "geluid", "main_slug": "overlast"},
              "address": {"openbare_ruimte": "Kosterstraat", "huisnummer": 6, "huisletter": "A", "postcode": "6981CH"},
              "reporter": {"email": "CANARY"}}}]})"),
    };
    for (const auto& source : files) {
        const auto in = read_inputs(test::inputs_of(test::bag_light(), kvk, source), {});
        ASSERT_EQ(in.town.meldingen.size(), 1u) << source << (in.rejects.rows().empty() ? "" : ": " + in.rejects.rows()[0].tekst() + " " + in.rejects.rows()[0].waarde);
        const auto& m = in.town.meldingen[0];
        EXPECT_EQ(m.vbo, static_cast<std::int32_t>(vbo_of(in, "0221010000000002"))) << source;
        EXPECT_NEAR(m.punt.x, 206345.0, 0.5) << source;
        EXPECT_NEAR(m.punt.y, 447535.0, 0.5) << source;
        EXPECT_EQ(format_date(m.datum), "2024-05-01") << source;
        EXPECT_EQ(m.categorie, "overlast") << source;
        EXPECT_EQ(in.layers.at("meldingen").laatste_datum, m.datum);
    }
}

TEST(MeldingenReader, SwappedLatLonIsRejectedWithAHint) {
    const auto dir = test::scratch_dir("meldingen_swapped");
    const auto kvk = kvk_file(dir, "kvk.csv", "000000000001;;;Ja;20200101;;4711;;;4;;;6981CH;;\n");
    const auto source = test::write_file(dir / "lonlat.csv", "id,datum,lon,lat\nM1,2024-05-01,52.013795,6.135127\n");
    const auto in = read_inputs(test::inputs_of(test::bag_light(), kvk, source), {});
    ASSERT_EQ(in.rejects.count("meldingen"), 1u);
    EXPECT_EQ(in.rejects.rows().back().reden, Reden::coordinaat_lon_lat_verwisseld);
    EXPECT_EQ(in.rejects.rows().back().waarde, "52.013795 6.135127");  // as the row wrote it
}

// A geometry outside the Netherlands is rejected with its coordinates as the source gave them, not as
// transformed to RD.
TEST(MeldingenReader, GeometryOutsideTheNetherlandsShowsItsOwnCoordinates) {
    const auto dir = test::scratch_dir("meldingen_outside");
    const auto kvk = kvk_file(dir, "kvk.csv", "000000000001;;;Ja;20200101;;4711;;;4;;;6981CH;;\n");
    const auto source = test::write_file(dir / "meldingen.geojson", R"({"type":"FeatureCollection","features":[
        {"type":"Feature","properties":{"id":"M1","datum":"2024-05-01"},"geometry":{"type":"Point","coordinates":[52.013795,6.135127]}}]})");
    const auto in = read_inputs(test::inputs_of(test::bag_light(), kvk, source), {});
    ASSERT_EQ(in.rejects.count("meldingen"), 1u);
    EXPECT_EQ(in.rejects.rows().back().reden, Reden::coordinaat_buiten_nederland);
    EXPECT_EQ(in.rejects.rows().back().waarde, "52.0 6.1");
}

TEST(MeldingenReader, InputSrsForSourcesWithoutOne) {
    const auto dir = test::scratch_dir("meldingen_srs");
    const auto kvk = kvk_file(dir, "kvk.csv", "000000000001;;;Ja;20200101;;4711;;;4;;;6981CH;;\n");
    // x/y written in WGS84 degrees by a system that exports everything as x/y.
    const auto source = test::write_file(dir / "xy.csv", "id,datum,x,y\nM1,2024-05-01,6.135127,52.013795\n");
    ReadOptions options;
    options.input_srs = "EPSG:4326";
    const auto in = read_inputs(test::inputs_of(test::bag_light(), kvk, source), options);
    ASSERT_EQ(in.town.meldingen.size(), 1u);
    EXPECT_EQ(in.town.meldingen[0].vbo, static_cast<std::int32_t>(vbo_of(in, "0221010000000002")));
    options.input_srs = "EPSG:999999";
    EXPECT_THROW(read_inputs(test::inputs_of(test::bag_light(), kvk, source), options), config_error);
}

TEST(BuurtenReader, EveryObjectGetsTheBuurtItLiesIn) {
    const auto dir = test::scratch_dir("buurten");
    const auto kvk = kvk_file(dir, "kvk.csv", "000000000001;;;Ja;20200101;;4711;;;4;;;6981CH;;\n");
    auto given = test::inputs_of(test::bag_light(), kvk);
    given.buurten = test::layers_data("buurten.geojson");
    const auto in = read_inputs(given, {});
    ASSERT_EQ(in.buurt.size(), in.town.verblijfsobjecten.size());
    EXPECT_EQ(in.buurt[vbo_of(in, "0221010000000001")], "BU02210000");
    EXPECT_EQ(in.buurt[vbo_of(in, "0221010000000002")], "BU02210001");
    EXPECT_EQ(in.buurt[vbo_of(in, "0344010000000001")], "BU03440000");
    EXPECT_EQ(in.buurt[vbo_of(in, "0221020000000001")], "") << "the ligplaats lies south of every buurt";
    EXPECT_EQ(in.buurtnamen.at("BU02210001"), "Ooipoort");
    EXPECT_EQ(in.layers.at("buurten").waarschuwingen.size(), 1u);
    EXPECT_EQ(in.rejects.count("buurten"), 1u) << "the buurt without geometry";
    expect_accounted(in);
}

TEST(UitkomstenReader, ByIdOrAddress) {
    const auto dir = test::scratch_dir("uitkomsten");
    const auto kvk = kvk_file(dir, "kvk.csv", "000000000001;;;Ja;20200101;;4711;;;4;;;6981CH;;\n");
    auto given = test::inputs_of(test::bag_light(), kvk);
    given.uitkomsten = test::write_file(dir / "uitkomsten.csv",
                                          "bag_id,postcode,huisnummer,datum,uitkomst,categorie\n"
                                          "0221010000000001,,,2024-01-10,bevinding,woonfraude\n"
                                          ",6981CH,6 A,2024-02-10,geen_bevinding,\n"
                                          ",6981CH,4,2024-03-10,misschien,\n");
    const auto in = read_inputs(given, {});
    ASSERT_EQ(in.uitkomsten.size(), 2u);
    EXPECT_TRUE(in.uitkomsten[0].bevinding);
    EXPECT_EQ(in.uitkomsten[0].categorie, "woonfraude");
    EXPECT_EQ(in.uitkomsten[1].vbo, static_cast<std::int32_t>(vbo_of(in, "0221010000000002")));
    EXPECT_EQ(in.uitkomsten[1].id, "6981CH 6A");
    ASSERT_EQ(in.rejects.count("uitkomsten"), 1u);
    EXPECT_EQ(in.rejects.rows().back().waarde, "misschien");
}

// Numbers as spreadsheets and exports write them: a decimal point or comma, an optional sign, an
// exponent; anything else is no number, whatever the locale.
TEST(ParseNumber, PointOrCommaAndNothingElse) {
    EXPECT_EQ(parse_number("1.5"), 1.5);
    EXPECT_EQ(parse_number("1,5"), 1.5);
    EXPECT_EQ(parse_number(" -2.25 "), -2.25);
    EXPECT_EQ(parse_number("+3"), 3.0);
    EXPECT_EQ(parse_number("1e3"), 1000.0);
    EXPECT_EQ(parse_number(".5"), 0.5);
    EXPECT_EQ(parse_number("155000.123456789"), 155000.123456789);
    for (const char* no : {"", " ", "abc", "1.2.3", "1,5,0", "++1", "+-1", "-+1", "1e", "0x10", "nan", "inf", "1e999", "12 3"})
        EXPECT_EQ(parse_number(no), std::nullopt) << no;
}

// clean_field judges text as GDAL does (CPLIsUTF8; otherwise recoded from Windows-1252), also with
// its ASCII shortcut: a high byte or a NUL at any place of an eight-byte word and in the tail.
TEST(CleanField, UnicodeAsGdalJudgesIt) {
    const auto reference = [](const std::string& text) {
        if (CPLIsUTF8(text.data(), static_cast<int>(text.size()))) return text;
        char* utf8 = CPLRecode(text.c_str(), "CP1252", CPL_ENC_UTF8);
        std::string out(utf8);
        CPLFree(utf8);
        return out;
    };
    int recoded = 0;
    for (std::size_t length = 1; length <= 19; ++length)
        for (std::size_t at = 0; at < length; ++at)
            for (const std::string& odd : {std::string("\xe9"), std::string(1, '\0'), std::string("\x7f"), std::string("\xc3\xa9")}) {
                std::string text(length, 'a');
                text.replace(at, 1, odd);
                std::string scratch;
                const std::string cleaned(clean_field(text, "naam", scratch));
                ASSERT_EQ(cleaned, reference(text)) << length << " " << at << " " << int(static_cast<unsigned char>(odd[0]));
                recoded += cleaned != text;
            }
    EXPECT_GT(recoded, 300);  // the Windows-1252 é and the NUL
    std::string scratch;
    EXPECT_EQ(clean_field("  Stationsstraat 1  ", "adres", scratch), "Stationsstraat 1");
    EXPECT_EQ(clean_field("caf\xe9", "naam", scratch), "caf\xc3\xa9");
}

}  // namespace
}  // namespace onregel
