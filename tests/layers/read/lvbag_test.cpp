// The Kadaster LV BAG 2.0 extract of Doesburg (0221), as Kadaster delivers it (zip of zips) and
// expanded (XML files). The expected facts below were read by hand from the XML files in
// ../shared/data/bag-doesburg-0221-subset/xml/ (grep on identificatie, then the voorkomen without
// eindGeldigheid):
//   0221VBO15092020-000001.xml: 5 Verblijfsobject voorkomens, 2 current: 0221010000330226 (voorkomen 4,
//     "Verbouwing verblijfsobject", 223 m2, woonfunctie, hoofdadres 0221200000330227, pand
//     0221100000312938, POINT 206335.699 447529.842) and 0221010000330999 (18 m2, overige
//     gebruiksfunctie, hoofdadres 0221200000330229, nevenadressen 0221200000330998/999).
//   0221NUM...: 0221200000330227 = 4, 6981CH, openbare ruimte 0221300000311333; the current voorkomen (3)
//     of 0221200000330229 = 9 l without a postcode, openbare ruimte 0221300000311195.
//   0221OPR...: 0221300000311333 = Kosterstraat, 0221300000311195 = Schout bij Nacht Doormansingel,
//     0221300000311239 = Koppenberch, 0221300000311236 = Het Hoornwerck; all in woonplaats 2142.
//   0221WPL...: 2142 = Doesburg.   0221PND...: 6 voorkomens of 2 panden; current oorspronkelijkBouwjaar
//     of 0221100000312938 = 1585, of 0221100000311191 = 1992.
//   0221LIG...: 2 ligplaatsen, 0221020000330152 with hoofdadres 0221200000330151 = Koppenberch 2, 6982CZ.
//   0221STA...: 2 standplaatsen, 0221030000330172 with hoofdadres 0221200000330171 = Het Hoornwerck 1, 6981ED.
//   Leveringsdocument: gemeente 0221 Doesburg, StandTechnischeDatum 2020-09-15.
#include <gtest/gtest.h>

#include "engine/errors.hpp"
#include "layers/read/inputs.hpp"
#include "layers/layers_test_util.hpp"

namespace onregel {
namespace {

using test::doesburg;

std::string doesburg_kvk() {
    const auto dir = test::scratch_dir("lvbag");
    return test::write_file(dir / "kvk.csv",
                            "vestigingsnummer;sbiHoofdactiviteit;postcode;huisnummer;huisletter;datumAanvang\n"
                            "000000000001;6201;6981 ch;4;;20200101\n"   // Kosterstraat 4
                            "000000000002;4711;6982CZ;2;;20200101\n"    // the ligplaats
                            "000000000003;4711;6981CH;5;;20200101\n");  // no such address
}

const Verblijfsobject& object(const Town& town, const std::string& id) {
    for (const auto& v : town.verblijfsobjecten)
        if (bag_id_text(v.id) == id) return v;
    throw std::runtime_error("no object " + id);
}

void expect_doesburg(const Inputs& in) {
    const auto& bag = in.layers.at("bag");
    EXPECT_EQ(bag.driver, "LVBAG");
    EXPECT_EQ(bag.rows, 9u) << "5 verblijfsobject + 2 ligplaats + 2 standplaats voorkomens";
    EXPECT_EQ(bag.used, 6u);
    ASSERT_EQ(bag.overgeslagen.size(), 1u);
    EXPECT_EQ(bag.overgeslagen.begin()->second, 3u) << "three earlier voorkomens of 0221010000330226";
    EXPECT_EQ(in.rejects.count("bag"), 0u);
    ASSERT_TRUE(bag.stand);
    EXPECT_EQ(format_date(*bag.stand), "2020-09-15");

    const auto& town = in.town;
    ASSERT_EQ(town.verblijfsobjecten.size(), 6u);
    const auto& koster = object(town, "0221010000330226");
    EXPECT_EQ(format_adres(koster.adres), "Kosterstraat 4, 6981CH Doesburg");
    EXPECT_EQ(koster.status, VboStatus::verbouwing);
    EXPECT_EQ(koster.oppervlakte, 223);
    EXPECT_EQ(koster.gebruiksdoelen, woonfunctie);
    EXPECT_EQ(town.pand_id(koster), "0221100000312938");
    EXPECT_EQ(koster.bouwjaar, 1585);
    EXPECT_DOUBLE_EQ(koster.punt.x, 206335.699);
    EXPECT_DOUBLE_EQ(koster.punt.y, 447529.842);

    const auto& box = object(town, "0221010000330999");
    EXPECT_EQ(box.adres.straat, "Schout bij Nacht Doormansingel");
    EXPECT_EQ(box.adres.huisnummer, 9);
    EXPECT_EQ(box.adres.huisletter, "L");
    EXPECT_EQ(box.adres.postcode, "") << "the current nummeraanduiding has no postcode";
    EXPECT_EQ(box.oppervlakte, 18);
    EXPECT_EQ(box.gebruiksdoelen, overige_gebruiksfunctie);
    EXPECT_EQ(box.bouwjaar, 1992);

    const auto& lig = object(town, "0221020000330152");
    EXPECT_EQ(format_adres(lig.adres), "Koppenberch 2, 6982CZ Doesburg");
    EXPECT_EQ(lig.gebruiksdoelen, 0) << "a ligplaats has no gebruiksdoel";
    EXPECT_GT(lig.punt.x, 207429.7);  // the polygon's centroid
    EXPECT_LT(lig.punt.x, 207449.7);
    EXPECT_GT(lig.punt.y, 446257.6);
    EXPECT_LT(lig.punt.y, 446271.7);
    EXPECT_EQ(format_adres(object(town, "0221030000330172").adres), "Het Hoornwerck 1, 6981ED Doesburg");

    ASSERT_EQ(town.panden.size(), 2u);
    for (const auto& p : town.panden) {
        EXPECT_EQ(p.status, "Pand in gebruik");
        EXPECT_GE(p.omtrek.size(), 4u) << p.id;
    }

    const auto& kvk = in.layers.at("kvk");
    EXPECT_EQ(kvk.used, 2u);
    EXPECT_EQ(kvk.match_methods.at("adres"), 2u);
    ASSERT_EQ(town.vestigingen.size(), 2u);
    EXPECT_EQ(bag_id_text(town.verblijfsobjecten[static_cast<std::size_t>(town.vestigingen[0].vbo)].id), "0221010000330226");
    EXPECT_EQ(bag_id_text(town.verblijfsobjecten[static_cast<std::size_t>(town.vestigingen[1].vbo)].id), "0221020000330152");
}

TEST(LvBag, ZipOfZipsAsKadasterDeliversIt) {
    expect_doesburg(read_inputs(test::inputs_of(doesburg("BAGNLDL-15092020-small.zip"), doesburg_kvk()), {}));
}

TEST(LvBag, ExpandedXmlFiles) {
    expect_doesburg(read_inputs(test::inputs_of(doesburg("xml"), doesburg_kvk()), {}));
}

TEST(LvBag, GemeenteMustBeTheExtractsOwn) {
    ReadOptions options;
    options.gemeente = "0221";
    EXPECT_EQ(read_inputs(test::inputs_of(doesburg("xml"), doesburg_kvk()), options).layers.at("bag").selectie, "gemeente 0221");
    options.gemeente = "0344";
    try {
        read_inputs(test::inputs_of(doesburg("xml"), doesburg_kvk()), options);
        FAIL() << "expected an input error";
    } catch (const input_error& e) {
        EXPECT_NE(std::string(e.what()).find("0221 (Doesburg)"), std::string::npos) << e.what();
    }
}

// Every record of every file is accounted for (issue #18 item 4). The counts per file are ogrinfo's
// "Feature Count" of each XML file in xml/; the history counts are its voorkomens with eindGeldigheid.
TEST(LvBag, EveryRecordOfEveryFileIsCounted) {
    const auto in = read_inputs(test::inputs_of(doesburg("xml"), doesburg_kvk()), {});
    const auto& types = in.layers.at("bag").objecttypen;
    const std::map<std::string, std::pair<std::size_t, std::size_t>> expected = {  // records, of which history
        {"verblijfsobject", {5, 3}}, {"ligplaats", {2, 0}},        {"standplaats", {2, 0}}, {"pand", {6, 4}},
        {"nummeraanduiding", {15, 4}}, {"openbareruimte", {201, 3}}, {"woonplaats", {1, 0}}};
    ASSERT_EQ(types.size(), expected.size());
    std::size_t all = 0;
    for (const auto& [type, counts] : expected) {
        SCOPED_TRACE(type);
        const auto& t = types.at(type);
        EXPECT_EQ(t.rijen, counts.first);
        const auto history = t.overgeslagen.find("historie (voorkomen met eindGeldigheid of inactief)");
        EXPECT_EQ(history == t.overgeslagen.end() ? 0 : history->second, counts.second);
        std::size_t skipped = 0;
        for (const auto& [reden, n] : t.overgeslagen) skipped += n;
        EXPECT_EQ(t.rijen, t.gebruikt + t.afgewezen + skipped);
        all += t.rijen;
    }
    EXPECT_EQ(all, 232u);
    EXPECT_EQ(types.at("pand").gebruikt, 2u) << "the current voorkomens of the two panden the verblijfsobjecten are in";
    EXPECT_EQ(types.at("woonplaats").gebruikt, 1u);
    EXPECT_GE(types.at("nummeraanduiding").gebruikt, 6u) << "at least the six hoofdadressen";
    EXPECT_EQ(types.at("verblijfsobject").gebruikt + types.at("ligplaats").gebruikt + types.at("standplaats").gebruikt, 6u);
}

// The XML files copied into `dir`, each under the name `rename` gives it.
template <class Rename>
std::string copied_extract(const std::filesystem::path& dir, Rename&& rename) {
    for (const auto& entry : std::filesystem::directory_iterator(doesburg("xml"))) {
        const auto name = entry.path().filename().string();
        if (entry.path().extension() != ".xml") continue;
        std::filesystem::copy_file(entry.path(), dir / rename(name));
        std::filesystem::permissions(dir / rename(name), std::filesystem::perms::owner_write, std::filesystem::perm_options::add);
    }
    return dir.string();
}

// Files renamed by someone (verblijfsobjecten.xml, ...) are still the extract: told by what they hold.
TEST(LvBag, RecognisedByContentWhateverTheNames) {
    const auto dir = test::scratch_dir("lvbag_names");
    const auto extract = copied_extract(dir, [](const std::string& name) {
        return name.rfind("Leveringsdocument", 0) == 0 ? name : "bag_deel_" + name.substr(4, 3) + ".xml";
    });
    EXPECT_TRUE(std::filesystem::exists(dir / "bag_deel_VBO.xml"));
    expect_doesburg(read_inputs(test::inputs_of(extract, doesburg_kvk()), {}));
}

// A broken XML file names itself, its line and GDAL's parser message, instead of a missing column.
TEST(LvBag, BrokenXmlNamesFileLineAndParserMessage) {
    const auto dir = test::scratch_dir("lvbag_broken");
    const auto extract = copied_extract(dir, [](const std::string& name) { return name; });
    const auto vbo = dir / "0221VBO15092020-000001.xml";
    std::string text = test::command_output("cat " + test::quoted(vbo.string()));
    const auto at = text.find("</Objecten:status>");
    ASSERT_NE(at, std::string::npos);
    text.replace(at, 18, "</Objecten:statu>");
    test::write_file(vbo, text);
    try {
        read_inputs(test::inputs_of(extract, doesburg_kvk()), {});
        FAIL() << "expected an input error";
    } catch (const input_error& e) {
        const std::string what = e.what();
        EXPECT_NE(what.find("0221VBO15092020-000001.xml: geen geldig LV BAG-bestand; GDAL meldt: "), std::string::npos) << what;
        EXPECT_NE(what.find("mismatched tag at line "), std::string::npos) << what;
        EXPECT_EQ(what.find("identificatie"), std::string::npos) << what;
    }
}

TEST(LvBag, BboxKeepsOnlyObjectsInside) {
    ReadOptions options;
    options.bbox = parse_bbox("206300,447500,206400,447600");
    const auto in = read_inputs(test::inputs_of(doesburg("BAGNLDL-15092020-small.zip"), doesburg_kvk()), options);
    ASSERT_EQ(in.town.verblijfsobjecten.size(), 1u);
    EXPECT_EQ(bag_id_text(in.town.verblijfsobjecten[0].id), "0221010000330226");
    const auto& bag = in.layers.at("bag");
    EXPECT_EQ(bag.rows, bag.used + in.rejects.count("bag") + bag.overgeslagen.at("historie (voorkomen met eindGeldigheid of inactief)") +
                            bag.overgeslagen.at("buiten selectie (--gemeente/--bbox)"));
}

}  // namespace
}  // namespace onregel
