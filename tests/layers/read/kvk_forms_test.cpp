// The KvK forms as they are delivered (issue #18): the register's partial dates, Dutch Excel's
// d-m-yyyy, a BAG id that places a row whose postcode is broken, and the API's toevoeging "A" that
// is the BAG's huisletter. Against the tiny BAG: 0353010000000003 is Kerkstraat 12a, 3401AC.
#include <fstream>
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "layers/read/kvk.hpp"
#include "layers/layers_test_util.hpp"

namespace onregel {
namespace {

const std::string tiny_bag = std::string(ONREGEL_SOURCE_DIR) + "/tests/data/tiny/bag.csv";

std::string day(std::optional<Date> d) { return d ? format_date(*d) : "geen"; }

TEST(KvkDate, PartialDatesCoverTheirMonthOrYear) {
    EXPECT_EQ(day(kvk_date("20150600", "datumAanvang", false)), "2015-06-01") << "active from June";
    EXPECT_EQ(day(kvk_date("20150600", "datumEinde", true)), "2015-06-30") << "active all of June";
    EXPECT_EQ(day(kvk_date("20160200", "datumEinde", true)), "2016-02-29");
    EXPECT_EQ(day(kvk_date("20150000", "datumAanvang", false)), "2015-01-01");
    EXPECT_EQ(day(kvk_date("20150000", "datumEinde", true)), "2015-12-31");
    EXPECT_EQ(day(kvk_date("00000000", "datumAanvang", false)), "geen") << "unknown start: active";
    EXPECT_EQ(day(kvk_date("20150610", "datumAanvang", false)), "2015-06-10");
    EXPECT_EQ(day(kvk_date("2015-06-10", "datumAanvang", false)), "2015-06-10");
    EXPECT_EQ(day(kvk_date("", "datumAanvang", false)), "geen");
    for (const char* bad : {"20151300", "20150032", "20150010", "00000600", "2015060", "x0150600"})
        EXPECT_THROW(kvk_date(bad, "datumAanvang", false), RowError) << bad;
}

TEST(KvkDate, DutchExcelDayMonthYear) {
    EXPECT_EQ(day(kvk_date("9-12-1995", "datumAanvang", false)), "1995-12-09");
    EXPECT_EQ(day(kvk_date("09-12-1995", "datumAanvang", false)), "1995-12-09");
    EXPECT_EQ(day(kvk_date("29-2-2016", "datumAanvang", false)), "2016-02-29");
    for (const char* bad : {"31-6-2015", "9-13-1995", "0-12-1995", "9-12-95", "123-1-1995", "9--1995"}) {
        try {
            kvk_date(bad, "datumAanvang", false);
            ADD_FAILURE() << bad << " read as a date";
        } catch (const RowError& e) {
            EXPECT_EQ(e.tekst(), "ongeldige datumAanvang") << bad;
        }
    }
}

TEST(KvkCsvReader, PartialAndExcelDatesKeepTheVestiging) {
    const auto dir = test::scratch_dir("kvk_forms_dates");
    const auto kvk = test::write_file(dir / "kvk.csv",
                                      "vestigingsnummer;sbiHoofdactiviteit;postcode;huisnummer;huisletter;datumAanvang;datumEinde\n"
                                      "000000000001;4711;3401AC;12;a;20150600;\n"
                                      "000000000002;4711;3401AC;12;a;00000000;20200000\n"
                                      "000000000003;4711;3401AC;12;a;9-12-1995;31-1-2020\n");
    const auto in = read_inputs(test::inputs_of(tiny_bag, kvk), {});
    EXPECT_EQ(in.rejects.count("kvk"), 0u) << (in.rejects.rows().empty() ? "" : in.rejects.rows()[0].tekst());
    ASSERT_EQ(in.town.vestigingen.size(), 3u);
    const auto& juni = in.town.vestigingen[0];
    EXPECT_FALSE(juni.actief_op(date_from_ymd(2015, 5, 31)));
    EXPECT_TRUE(juni.actief_op(date_from_ymd(2015, 6, 1)));
    const auto& onbekend = in.town.vestigingen[1];
    EXPECT_FALSE(onbekend.aanvang);
    EXPECT_TRUE(onbekend.actief_op(date_from_ymd(2020, 12, 30))) << "ended some time in 2020: active to its end";
    EXPECT_FALSE(onbekend.actief_op(date_from_ymd(2021, 1, 1)));
    EXPECT_EQ(day(in.town.vestigingen[2].aanvang), "1995-12-09");
    EXPECT_EQ(day(in.town.vestigingen[2].einde), "2020-01-31");
}

TEST(KvkCsvReader, BagIdIsTriedBeforeABrokenPostcode) {
    const auto dir = test::scratch_dir("kvk_forms_bag_id");
    const auto kvk = test::write_file(dir / "kvk.csv",
                                      "vestigingsnummer;sbiHoofdactiviteit;postcode;huisnummer;addresseerbaarObjectId\n"
                                      "000000000001;4711;;12;0353010000000003\n"
                                      "000000000002;4711;34O1 AC;12;0353010000000003\n"
                                      "000000000003;4711;34O1 AC;12;\n");
    const auto in = read_inputs(test::inputs_of(tiny_bag, kvk), {});
    ASSERT_EQ(in.town.vestigingen.size(), 2u);
    for (const auto& v : in.town.vestigingen) {
        EXPECT_EQ(v.match, MatchMethod::bag_id) << v.vestigingsnummer;
        EXPECT_EQ(bag_id_text(in.town.verblijfsobjecten[static_cast<std::size_t>(v.vbo)].id), "0353010000000003");
    }
    ASSERT_EQ(in.rejects.count("kvk"), 1u) << "without a BAG id the postcode is what there is";
    for (const auto& r : in.rejects.rows())
        if (r.laag == "kvk") {
            EXPECT_EQ(r.tekst(), "ongeldige postcode") << r.rij;
        }
}

TEST(KvkJsonReader, ToevoegingALetterIsTheBagHuisletter) {
    const auto dir = test::scratch_dir("kvk_forms_toevoeging");
    const auto kvk = test::write_file(dir / "vestigingen.json", R"([{"vestigingsnummer": "000000000001",
  "adressen": [{"type": "bezoekadres", "straatnaam": "Kerkstraat", "huisnummer": 12, "huisnummerToevoeging": "A", "postcode": "3401AC"}],
  "sbiActiviteiten": [{"sbiCode": "47110", "indHoofdactiviteit": "Ja"}], "materieleRegistratie": {"datumAanvang": "20150600"}}])");
    const auto in = read_inputs(test::inputs_of(tiny_bag, kvk), {});
    ASSERT_EQ(in.town.vestigingen.size(), 1u) << (in.rejects.rows().empty() ? "" : in.rejects.rows()[0].tekst());
    const auto& v = in.town.vestigingen[0];
    EXPECT_EQ(v.match, MatchMethod::adres) << "the BAG's own address, not a fallback";
    EXPECT_EQ(bag_id_text(in.town.verblijfsobjecten[static_cast<std::size_t>(v.vbo)].id), "0353010000000003");
    EXPECT_EQ(v.adres.huisletter, "A");
    EXPECT_EQ(day(v.aanvang), "2015-06-01");
}

// The KvK test API's own Basisprofiel response (../shared/data/kvk), its hoofdvestiging moved to
// Kerkstraat 12a: the vestiging under _embedded, with the onderneming's SBI and the eigenaar's rechtsvorm.
TEST(KvkJsonReader, BasisprofielAsTheApiReturnsIt) {
    const auto dir = test::scratch_dir("kvk_forms_basisprofiel");
    auto profiel = nlohmann::json::parse(std::ifstream(std::string(ONREGEL_SHARED_DIR) + "/data/kvk/kvk_test_api_basisprofiel_90006623.json"));
    auto& adres = profiel["_embedded"]["hoofdvestiging"]["adressen"][0];
    adres["postcode"] = "3401AC";
    adres["huisnummer"] = 12;
    adres["geoData"]["addresseerbaarObjectId"] = "0353010000000003";
    adres["geoData"].erase("rijksdriehoekX");
    adres["geoData"].erase("rijksdriehoekY");
    const auto kvk = test::write_file(dir / "basisprofiel.json", profiel.dump(2));
    const auto in = read_inputs(test::inputs_of(tiny_bag, kvk), {});
    ASSERT_EQ(in.town.vestigingen.size(), 1u) << (in.rejects.count("kvk") ? in.rejects.rows().back().tekst() : "");
    const auto& v = in.town.vestigingen[0];
    EXPECT_EQ(v.vestigingsnummer, "990064773193");
    EXPECT_EQ(v.kvk_nummer, "90006623");
    EXPECT_EQ(v.sbi_hoofd, "86210");
    EXPECT_EQ(v.rechtsvorm, "Stichting");
    EXPECT_EQ(v.match, MatchMethod::bag_id);
    EXPECT_EQ(day(v.aanvang), "2012-05-11");
    EXPECT_EQ(in.layers.at("kvk").sbi_versie, "SBI 2025");
}

// A Zoeken response: every one of its resultaten is a row, rejected for want of SBI activities with
// the advice to ask for the Vestigingsprofiel.
TEST(KvkJsonReader, ZoekenResultatenAreRowsWithoutSbi) {
    const auto dir = test::scratch_dir("kvk_forms_zoeken");
    const auto kvk = test::write_file(dir / "zoeken.json", R"({"pagina": 1, "resultatenPerPagina": 10, "totaal": 2, "resultaten": [
  {"kvkNummer": "90006623", "vestigingsnummer": "990064773193", "naam": "Stichting", "type": "hoofdvestiging",
   "adres": {"binnenlandsAdres": {"type": "bezoekadres", "straatnaam": "Kerkstraat", "huisnummer": 12, "postcode": "3401AC"}}},
  {"kvkNummer": "90006624", "vestigingsnummer": "990064773194", "naam": "Stichting 2", "type": "nevenvestiging"}]})");
    const auto in = read_inputs(test::inputs_of(tiny_bag, kvk), {});
    EXPECT_EQ(in.layers.at("kvk").rows, 2u);
    EXPECT_EQ(in.rejects.count("kvk"), 2u);
    for (const auto& r : in.rejects.rows())
        if (r.laag == "kvk") {
            EXPECT_EQ(r.reden, Reden::sbi_hoofdactiviteit_ontbreekt) << r.rij;
            EXPECT_NE(info(r.reden).advies.find("Vestigingsprofiel"), std::string_view::npos);
        }
}

}  // namespace
}  // namespace onregel
