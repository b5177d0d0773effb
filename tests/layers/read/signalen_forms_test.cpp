// Signalen's export forms as delivered (issue #18), in the shapes of tests/data/real/signalen (see its
// SOURCE.txt): the private API list in pages, the datawarehouse dump (folder, signals.csv, zip with
// Signalen's time prefix) and the public geography. Against the bag-light fixture in Doesburg:
// 0221010000000001 is Kosterstraat 4, 0221010000000002 Kosterstraat 6A, 0221010000000003 Kosterstraat 6-1.
#include <cpl_vsi.h>
#include <fstream>
#include <gtest/gtest.h>
#include <sstream>

#include "engine/errors.hpp"
#include "layers/read/signalen.hpp"
#include "layers/layers_test_util.hpp"
#include "layers/source/gdal_source.hpp"

namespace onregel {
namespace {

namespace fs = std::filesystem;

const std::string real = std::string(ONREGEL_SOURCE_DIR) + "/tests/data/real/signalen/";

std::string kvk(const fs::path& dir) {
    return test::write_file(dir / "kvk.csv", "vestigingsnummer;sbiHoofdactiviteit;postcode;huisnummer;huisletter\n000000000001;4711;6981CH;4;\n");
}

Inputs read_meldingen_of(const std::string& name, const std::string& meldingen) {
    const auto dir = test::scratch_dir(name);
    return read_inputs(test::inputs_of(test::bag_light(), kvk(dir), meldingen), {});
}

std::int32_t vbo_of(const Inputs& in, const std::string& id) {
    for (std::size_t i = 0; i < in.town.verblijfsobjecten.size(); ++i)
        if (bag_id_text(in.town.verblijfsobjecten[i].id) == id) return static_cast<std::int32_t>(i);
    throw std::runtime_error("no object " + id);
}

const Melding& melding(const Inputs& in, const std::string& id) {
    for (const auto& m : in.town.meldingen)
        if (m.id == id) return m;
    throw std::runtime_error("no melding " + id);
}

std::string warnings(const Inputs& in) {
    std::string all;
    for (const auto& w : in.layers.at("meldingen").waarschuwingen) all += w + "\n";
    return all;
}

// Every reject of the meldingen layer as "id:reason".
std::vector<std::string> rejected(const Inputs& in) {
    std::vector<std::string> out;
    for (const auto& r : in.rejects.rows())
        if (r.laag == "meldingen") out.push_back(r.id + ":" + std::string(info(r.reden).key));
    return out;
}

std::string file_text(const std::string& path) {
    VSILFILE* file = VSIFOpenL(path.c_str(), "rb");
    if (!file) throw std::runtime_error("cannot open " + path);
    std::string text;
    char buffer[4096];
    for (std::size_t n; (n = VSIFReadL(buffer, 1, sizeof buffer, file)) > 0;) text.append(buffer, n);
    VSIFCloseL(file);
    return text;
}

// Nothing of the free text, the reporter or the behandelaars reaches the model, the rejects or the
// warnings, nor the in-memory dataset the reader reads.
void expect_no_free_text(const std::string& source, const Inputs& in) {
    const auto converted = signalen_export(source);
    ASSERT_TRUE(converted) << source;
    const auto text = file_text(converted->path());
    for (const char* canary : {"CANARY", "example.nl", "0612345678", "muziek", "nacht"})
        EXPECT_EQ(text.find(canary), std::string::npos) << source << " keeps " << canary;
    std::string seen = warnings(in);
    for (const auto& r : in.rejects.rows()) seen += r.rij + r.id + r.waarde + r.veld + "\n";
    for (const auto& m : in.town.meldingen) seen += m.id + m.categorie + m.bron + "\n";
    EXPECT_EQ(seen.find("CANARY"), std::string::npos) << seen;
    EXPECT_EQ(seen.find("example.nl"), std::string::npos) << seen;
}

void expect_accounted(const Inputs& in) {
    const auto& s = in.layers.at("meldingen");
    std::size_t skipped = 0;
    for (const auto& [reden, n] : s.overgeslagen) skipped += n;
    EXPECT_EQ(s.rows, s.used + in.rejects.count("meldingen") + skipped);
}

TEST(SignalenApiList, TwoAppendedPagesWithOverlap) {
    const auto source = real + "api-lijst.json";
    const auto in = read_meldingen_of("signalen_api", source);
    const auto& stats = in.layers.at("meldingen");
    EXPECT_EQ(stats.driver, "Signalen API-lijst (JSON)");
    EXPECT_EQ(stats.bron, source) << "the user's file, not the in-memory copy";
    EXPECT_EQ(stats.rows, 6u);
    EXPECT_EQ(stats.used, 4u);
    // 103 came again on page 2; 106 is in another gemeente: address not in this BAG, point at latitude 0.
    EXPECT_EQ(rejected(in), (std::vector<std::string>{"103:id_dubbel", "106:adres_niet_in_bag"}));
    const auto& m101 = melding(in, "101");
    EXPECT_EQ(m101.vbo, vbo_of(in, "0221010000000002"));
    EXPECT_EQ(m101.match, MatchMethod::adres);
    EXPECT_EQ(m101.categorie, "Overlast Bedrijven en Horeca") << "the main category";
    EXPECT_EQ(m101.bron, "online");
    EXPECT_EQ(format_date(m101.datum), "2024-03-04");
    // POINT(0 0) of a legacy import: placed by its address, not rejected on the coordinate.
    const auto& m102 = melding(in, "102");
    EXPECT_EQ(m102.vbo, vbo_of(in, "0221010000000001"));
    EXPECT_EQ(m102.categorie, "Afval");
    EXPECT_NEAR(m102.punt.x, 206335.7, 0.5) << "the object's point stands in for the unusable one";
    EXPECT_EQ(melding(in, "103").vbo, vbo_of(in, "0221010000000003"));
    EXPECT_EQ(melding(in, "103").match, MatchMethod::coordinaat);
    const auto& m104 = melding(in, "104");
    EXPECT_EQ(m104.vbo, -1) << "no object within the radius: kept as a location";
    EXPECT_NEAR(m104.punt.x, 206600, 1);
    EXPECT_NEAR(m104.punt.y, 447800, 1);
    const auto w = warnings(in);
    EXPECT_NE(w.find("2 pagina's"), std::string::npos) << w;
    EXPECT_NE(w.find("1 melding is een deelmelding"), std::string::npos) << w;
    EXPECT_NE(w.find("1 melding met een onbruikbare coördinaat is op het adres geplaatst"), std::string::npos) << w;
    EXPECT_EQ(w.find("count"), std::string::npos) << "count 6, 6 results: complete";
    expect_accounted(in);
    expect_no_free_text(source, in);
}

TEST(SignalenApiList, OnePageOfManySaysSo) {
    const auto dir = test::scratch_dir("signalen_api_page");
    std::ifstream in(real + "api-lijst.json");
    std::stringstream all;
    all << in.rdbuf();
    const auto text = all.str();
    const auto first = test::write_file(dir / "pagina1.json", text.substr(0, text.find("\n}\n") + 3));
    const auto read = read_meldingen_of("signalen_api_page_read", first);
    EXPECT_EQ(read.layers.at("meldingen").rows, 3u);
    EXPECT_NE(warnings(read).find("de API meldt count 6, het bestand bevat er 3"), std::string::npos) << warnings(read);
    // A page that breaks off is an error of the file, not of one row.
    const auto broken = test::write_file(dir / "afgebroken.json", text.substr(0, text.size() / 2));
    EXPECT_THROW(signalen_export(broken), input_error);
}

void expect_datawarehouse(const Inputs& in, const std::string& source) {
    SCOPED_TRACE(source);
    const auto& stats = in.layers.at("meldingen");
    EXPECT_EQ(stats.driver, "Signalen datawarehouse-CSV (signals.csv, locations.csv, categories.csv)");
    EXPECT_EQ(stats.rows, 6u);
    EXPECT_EQ(stats.used, 5u);
    EXPECT_EQ(rejected(in), (std::vector<std::string>{"204:geen_locatie"}));  // its location_id 304 is not in locations.csv
    // 201 was moved and re-categorised: its current location_id and category_assignment_id count.
    const auto& m201 = melding(in, "201");
    EXPECT_EQ(m201.vbo, vbo_of(in, "0221010000000002"));
    EXPECT_EQ(m201.categorie, "Overlast Bedrijven en Horeca");
    EXPECT_EQ(format_date(m201.datum), "2024-02-01");
    EXPECT_EQ(m201.bron, "online");
    // lat holds the longitude (Signalen's lat = ST_X): read the right way round, 203 lands on its point.
    const auto& m203 = melding(in, "203");
    EXPECT_EQ(m203.vbo, vbo_of(in, "0221010000000003"));
    EXPECT_EQ(m203.match, MatchMethod::coordinaat);
    EXPECT_NEAR(m203.punt.x, 206350, 0.5);
    EXPECT_NEAR(m203.punt.y, 447540, 0.5);
    EXPECT_EQ(m203.categorie, "Afval");
    // 205's row has lat and lng as named: decided per row.
    EXPECT_EQ(melding(in, "205").vbo, vbo_of(in, "0221010000000001"));
    EXPECT_NEAR(melding(in, "205").punt.x, 206335.7, 0.5);
    // 202 has POINT(0 0) and an address.
    EXPECT_EQ(melding(in, "202").vbo, vbo_of(in, "0221010000000001"));
    EXPECT_EQ(melding(in, "202").match, MatchMethod::adres);
    EXPECT_EQ(melding(in, "202").bron, "Telefoon – CCA");
    EXPECT_EQ(melding(in, "206").categorie, "Wegen, verkeer, straatmeubilair");
    const auto w = warnings(in);
    EXPECT_NE(w.find("lat = ST_X(geometrie)); per rij herkend aan de Nederlandse bereiken: 3 rijen verwisseld gelezen (lat als "
                     "lengtegraad), 1 rij zoals de kolommen heten, 1 rij buiten Nederland in beide lezingen"),
              std::string::npos)
        << w;
    EXPECT_NE(w.find("1 melding verwijst naar een location_id die niet in locations.csv staat"), std::string::npos) << w;
    EXPECT_NE(w.find("1 melding is een deelmelding (parent gezet)"), std::string::npos) << w;
    EXPECT_NE(w.find("1 melding met een onbruikbare coördinaat is op het adres geplaatst"), std::string::npos) << w;
    EXPECT_EQ(w.find("category_assignment_id"), std::string::npos) << w;
    expect_accounted(in);
    expect_no_free_text(source, in);
}

TEST(SignalenDatawarehouse, FolderAndSignalsCsvReadTheSame) {
    const auto folder = real + "datawarehouse";
    expect_datawarehouse(read_meldingen_of("signalen_dwh_folder", folder), folder);
    const auto from_file = read_meldingen_of("signalen_dwh_file", folder + "/signals.csv");
    expect_datawarehouse(from_file, folder + "/signals.csv");
    // The siblings are named for the manifest's fingerprint of what was read.
    EXPECT_EQ(from_file.layers.at("meldingen").ook_gelezen,
              (std::vector<std::string>{folder + "/locations.csv", folder + "/categories.csv"}));
}

// Signalen's local storage names the files 120000UTC_signals.csv (each with the second it was written)
// and zips them under those names.
TEST(SignalenDatawarehouse, ZipWithTimePrefixes) {
    const auto dir = test::scratch_dir("signalen_dwh_zip");
    const auto zip = (dir / "20240210_120000UTC.zip").string();
    for (const auto& [name, stored] : {std::pair{"signals.csv", "120000UTC_signals.csv"}, {"locations.csv", "120002UTC_locations.csv"},
                                       {"categories.csv", "120003UTC_categories.csv"}, {"signals.csv", "120001UTC_signals_assigned_user.csv"}}) {
        const auto content = file_text(real + "datawarehouse/" + name);
        VSILFILE* file = VSIFOpenL(("/vsizip/" + zip + "/" + stored).c_str(), "wb");
        ASSERT_TRUE(file);
        ASSERT_EQ(VSIFWriteL(content.data(), 1, content.size(), file), content.size());
        VSIFCloseL(file);
    }
    expect_datawarehouse(read_meldingen_of("signalen_dwh_zip_read", zip), zip);
}

TEST(SignalenDatawarehouse, MissingOrAmbiguousSiblings) {
    const auto dir = test::scratch_dir("signalen_dwh_missing");
    const auto signals = file_text(real + "datawarehouse/signals.csv");
    const auto alone = test::write_file(dir / "signals.csv", signals);
    try {
        signalen_export(alone);
        ADD_FAILURE() << "read without locations.csv";
    } catch (const input_error& e) {
        EXPECT_NE(std::string(e.what()).find("locations.csv ontbreekt"), std::string::npos) << e.what();
    }
    // Two dumps in one folder: which signals.csv is meant cannot be guessed.
    fs::create_directories(dir / "twee");
    test::write_file(dir / "twee" / "120000UTC_signals.csv", signals);
    test::write_file(dir / "twee" / "130000UTC_signals.csv", signals);
    EXPECT_THROW(signalen_export((dir / "twee").string()), input_error);
    // Without categories.csv: read, every melding 'onbekend', and said so.
    fs::create_directories(dir / "zonder");
    test::write_file(dir / "zonder" / "signals.csv", signals);
    test::write_file(dir / "zonder" / "locations.csv", file_text(real + "datawarehouse/locations.csv"));
    const auto in = read_meldingen_of("signalen_dwh_missing_read", (dir / "zonder").string());
    EXPECT_EQ(in.layers.at("meldingen").used, 5u);
    EXPECT_EQ(melding(in, "201").categorie, "onbekend");
    EXPECT_NE(warnings(in).find("categories.csv ontbreekt"), std::string::npos);
}

TEST(SignalenGeography, PublicFeaturesGetAStableId) {
    const auto source = real + "geography.json";
    const auto in = read_meldingen_of("signalen_geo", source);
    const auto& stats = in.layers.at("meldingen");
    EXPECT_EQ(stats.driver, "Signalen publieke geography (GeoJSON)");
    EXPECT_EQ(stats.rows, 4u);
    EXPECT_EQ(stats.used, 3u);
    ASSERT_EQ(in.town.meldingen.size(), 3u);
    const auto& first = in.town.meldingen[0];
    EXPECT_EQ(first.id.size(), 4u + 16u);
    EXPECT_EQ(first.id.rfind("geo-", 0), 0u);
    EXPECT_EQ(first.categorie, "Overlast Bedrijven en Horeca") << "the parent's name: the main category";
    EXPECT_EQ(format_date(first.datum), "2024-05-06");
    EXPECT_EQ(first.vbo, vbo_of(in, "0221010000000002"));
    EXPECT_EQ(in.town.meldingen[1].vbo, vbo_of(in, "0221010000000003"));
    EXPECT_EQ(in.town.meldingen[2].vbo, -1);
    // The same feature on an overlapping page has the same id: a duplicate, not a second melding.
    EXPECT_EQ(rejected(in), (std::vector<std::string>{first.id + ":id_dubbel"}));
    // The same ids in a later download.
    const auto again = read_meldingen_of("signalen_geo_again", source);
    EXPECT_EQ(again.town.meldingen[0].id, first.id);
    EXPECT_NE(warnings(in).find("geen id"), std::string::npos);
    EXPECT_NE(warnings(in).find("alleen openstaande meldingen"), std::string::npos);
    expect_accounted(in);
}

// Everything else goes to GDAL as it is: Signalen's own GeoJSON with ids, a plain CSV, an empty page.
TEST(SignalenForms, OtherSourcesAreLeftToGdal) {
    const auto dir = test::scratch_dir("signalen_other");
    const auto with_ids = test::write_file(dir / "private-geography.json", R"({"type": "FeatureCollection", "features": [
        {"type": "Feature", "geometry": {"type": "Point", "coordinates": [6.13512694, 52.013795]},
         "properties": {"id": 101, "created_at": "2024-03-04T21:15:02.123456+01:00"}}]})");
    EXPECT_FALSE(signalen_export(with_ids));
    const auto in = read_meldingen_of("signalen_other_read", with_ids);
    ASSERT_EQ(in.town.meldingen.size(), 1u);
    EXPECT_EQ(in.town.meldingen[0].vbo, vbo_of(in, "0221010000000002"));
    EXPECT_EQ(in.town.meldingen[0].categorie, "onbekend");
    EXPECT_FALSE(signalen_export(test::write_file(dir / "meldingen.csv", "id,datum,lon,lat\nM1,2024-05-01,6.135127,52.013795\n")));
    EXPECT_FALSE(signalen_export(dir.string())) << "a folder without signals.csv";
    // An API list with no results yet: read, zero rows.
    const auto empty = test::write_file(dir / "leeg.json", R"({"_links": {"self": {"href": "x"}, "next": {"href": null}, "previous": {"href": null}}, "count": 0, "results": []})");
    const auto none = read_meldingen_of("signalen_other_empty", empty);
    EXPECT_EQ(none.layers.at("meldingen").rows, 0u);
    EXPECT_EQ(none.layers.at("meldingen").driver, "Signalen API-lijst (JSON)");
}

// Any meldingen file: a row whose coordinate is unusable is placed by its address, and a row whose
// address cannot be read by its coordinate; only a row with neither is rejected, on the coordinate.
TEST(MeldingenLocation, EveryLocationFormIsTriedBeforeARowIsRejected) {
    const auto dir = test::scratch_dir("meldingen_every_location");
    const auto source = test::write_file(dir / "meldingen.csv",
                                         "id,datum,lon,lat,postcode,huisnummer\n"
                                         "M1,2024-05-01,52.013795,6.135127,6981CH,4\n"
                                         "M2,2024-05-01,6.135127,52.013795,69810CH,4\n"
                                         "M3,2024-05-01,52.013795,6.135127,69810CH,4\n");
    const auto in = read_meldingen_of("meldingen_every_location_read", source);
    EXPECT_EQ(melding(in, "M1").vbo, vbo_of(in, "0221010000000001"));
    EXPECT_EQ(melding(in, "M2").vbo, vbo_of(in, "0221010000000002"));
    EXPECT_EQ(rejected(in), (std::vector<std::string>{"M3:coordinaat_lon_lat_verwisseld"}));
    const auto w = warnings(in);
    EXPECT_NE(w.find("1 melding met een onbruikbare coördinaat is op het adres geplaatst"), std::string::npos) << w;
    EXPECT_NE(w.find("1 melding met een onleesbaar adres is op de coördinaat geplaatst"), std::string::npos) << w;
}

}  // namespace
}  // namespace onregel
