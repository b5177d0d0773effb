// The register's model: keys, what a second import writes (nothing), what changes, the bewaartermijn,
// and the [register] and [[doelen]] config tables.
#include <gtest/gtest.h>

#include "engine/config.hpp"
#include "engine/errors.hpp"
#include "engine/register/register.hpp"
#include "register_rows.hpp"
#include "engine/signals/registry.hpp"

namespace onregel {
namespace {

Date d(const char* text) { return *parse_date(text); }

RegisterControle controle(const char* bag_id, const char* datum, std::vector<std::string> constateringen) {
    RegisterControle c;
    c.bag_id = bag_id;
    c.datum = d(datum);
    c.constateringen = std::move(constateringen);
    return c;
}

TEST(Register, ASecondImportOfTheSameRowsWritesNothing) {
    Register nieuw;
    nieuw.controles = {controle("0353010000000001", "2026-03-12", {"kvk_onjuist"}),
                       controle("0353010000000002", "2026-03-12", {"geen_bevinding"})};
    nieuw.interventies = {{"0353010000000001", "last_onder_dwangsom", d("2026-03-20"), std::nullopt, ""}};

    Wijzigingen eerste;
    const auto rows = te_schrijven({}, nieuw, eerste);
    EXPECT_EQ(rows.controles.size(), 2u);
    EXPECT_EQ(eerste.per_tabel["controles"], (Mutaties{2, 0, 0}));
    EXPECT_EQ(eerste.per_tabel["interventies"], (Mutaties{1, 0, 0}));
    EXPECT_FALSE(eerste.leeg());

    Register stored;
    test::neem_op(stored, rows);
    Wijzigingen tweede;
    const auto again = te_schrijven(stored, nieuw, tweede);
    EXPECT_TRUE(again.controles.empty());
    EXPECT_TRUE(again.interventies.empty());
    EXPECT_EQ(tweede.per_tabel["controles"], (Mutaties{0, 0, 2}));
    EXPECT_TRUE(tweede.leeg());
}

TEST(Register, AChangedRowReplacesTheOneWithItsKey) {
    Register stored;
    stored.interventies = {{"0353010000000001", "last_onder_dwangsom", d("2026-03-20"), std::nullopt, ""}};
    Register nieuw;
    nieuw.interventies = {{"0353010000000001", "last_onder_dwangsom", d("2026-03-20"), d("2026-05-01"), "opgevolgd"}};
    Wijzigingen w;
    const auto rows = te_schrijven(stored, nieuw, w);
    ASSERT_EQ(rows.interventies.size(), 1u);
    EXPECT_EQ(w.per_tabel["interventies"], (Mutaties{0, 1, 0}));
    test::neem_op(stored, rows);
    ASSERT_EQ(stored.interventies.size(), 1u);
    EXPECT_EQ(stored.interventies[0].afloop, "opgevolgd");
}

// A controles sheet's vervolg names an interventie's start only: imported again after its ending was
// recorded through an interventies sheet, it changes nothing.
TEST(Register, AVervolgNeverClearsARecordedEnding) {
    Register stored;
    stored.interventies = {{"0353010000000001", "last_onder_dwangsom", d("2026-03-20"), d("2026-05-01"), "opgevolgd"}};
    Register sheet;
    sheet.interventies = {{"0353010000000001", "last_onder_dwangsom", d("2026-03-20"), std::nullopt, ""}};
    Wijzigingen w;
    EXPECT_TRUE(te_schrijven(stored, sheet, w).interventies.empty());
    EXPECT_EQ(w.per_tabel["interventies"], (Mutaties{0, 0, 1}));
}

// A run's counts of a quarter replace the earlier run's whole: a row it no longer has is vervallen, so
// a run without --buurten and one with are never added up; other quarters stay.
TEST(Register, AQuarterCountedAgainReplacesItsRows) {
    Register stored;
    stored.meldingen = {{2025, 1, "", "drugs", 4}, {2025, 1, "", "overlast", 2}, {2024, 4, "", "drugs", 3}};
    Register run;
    run.meldingen = {{2025, 1, "BU03530101", "drugs", 4}, {2025, 1, "", "overlast", 2}};
    Wijzigingen w;
    const auto weg = te_verwijderen(stored, run, w);
    ASSERT_EQ(weg.meldingen.size(), 1u);
    EXPECT_EQ(sleutel(weg.meldingen[0]), "2025-K1||drugs");
    EXPECT_EQ(w.per_tabel["meldingen_per_kwartaal"].vervallen, 1);
    EXPECT_FALSE(w.leeg());
}

TEST(Register, WithinOneImportTheLastRowOfAKeyCounts) {
    Register nieuw;
    nieuw.controles = {controle("0353010000000001", "2026-03-12", {"geen_bevinding"}),
                       controle("0353010000000001", "2026-03-12", {"opiumwet"})};
    Wijzigingen w;
    const auto rows = te_schrijven({}, nieuw, w);
    ASSERT_EQ(rows.controles.size(), 1u);
    EXPECT_EQ(rows.controles[0].constateringen, std::vector<std::string>{"opiumwet"});
    EXPECT_EQ(w.per_tabel["controles"], (Mutaties{1, 0, 0}));
}

TEST(Register, KeysNameTheRowsNaturalIdentity) {
    EXPECT_EQ(sleutel(controle("0353010000000001", "2026-03-12", {})), "0353010000000001|2026-03-12");
    EXPECT_EQ(sleutel(Interventie{"0353010000000001", "hercontrole", d("2026-06-01"), std::nullopt, ""}),
              "0353010000000001|hercontrole|2026-06-01");
    EXPECT_EQ(sleutel(MeldingenKwartaal{2025, 3, "BU03530101", "drugs", 4}), "2025-K3|BU03530101|drugs");
}

TEST(Register, MonthsBackClampTheDayToTheMonth) {
    EXPECT_EQ(format_date(maanden_terug(d("2026-03-31"), 1)), "2026-02-28");
    EXPECT_EQ(format_date(maanden_terug(d("2026-03-15"), 12)), "2025-03-15");
    EXPECT_EQ(format_date(maanden_terug(d("2026-01-10"), 60)), "2021-01-10");
    EXPECT_EQ(format_date(maanden_terug(d("2028-02-29"), 12)), "2027-02-28");
}

TEST(Register, PastTheBewaartermijnGoesAndNothingElse) {
    Register r;
    r.controles = {controle("0353010000000001", "2021-01-09", {"geen_bevinding"}),   // one day too old
                   controle("0353010000000002", "2021-01-10", {"geen_bevinding"})};  // exactly on the limit: stays
    r.interventies = {{"0353010000000001", "waarschuwing", d("2020-05-01"), d("2020-06-01"), "opgevolgd"},
                      {"0353010000000001", "last_onder_dwangsom", d("2020-05-01"), std::nullopt, ""},  // still running: stays
                      {"0353010000000002", "waarschuwing", d("2020-05-01"), d("2021-02-01"), "opgevolgd"}};  // ended within
    r.runs = {{"a", d("2020-12-31"), "", 3}, {"b", d("2021-06-30"), "", 4}};
    r.run_signalen = {{"a", "", "kelderbox", 3}, {"b", "", "kelderbox", 4}};
    r.meldingen = {{2020, 4, "", "drugs", 2}, {2021, 1, "", "drugs", 1}};
    const auto weg = verlopen(r, d("2026-01-10"), 60);
    ASSERT_EQ(weg.controles.size(), 1u);
    EXPECT_EQ(weg.controles[0].bag_id, "0353010000000001");
    ASSERT_EQ(weg.interventies.size(), 1u);
    EXPECT_EQ(weg.interventies[0].soort, "waarschuwing");
    EXPECT_EQ(weg.interventies[0].bag_id, "0353010000000001");
    ASSERT_EQ(weg.runs.size(), 1u);
    EXPECT_EQ(weg.runs[0].id, "a");
    ASSERT_EQ(weg.run_signalen.size(), 1u);
    EXPECT_EQ(weg.run_signalen[0].run, "a");
    ASSERT_EQ(weg.meldingen.size(), 1u);
    EXPECT_EQ(weg.meldingen[0].jaar, 2020);
}

TEST(Register, AHercontroleIsDueFromItsDateUntilItHasAnAfloop) {
    const Interventie h{"0353010000000001", "hercontrole", d("2026-06-01"), std::nullopt, ""};
    EXPECT_FALSE(hercontrole_verschuldigd(h, d("2026-05-31")));
    EXPECT_TRUE(hercontrole_verschuldigd(h, d("2026-06-01")));
    auto done = h;
    done.afloop = "uitgevoerd";
    EXPECT_FALSE(hercontrole_verschuldigd(done, d("2026-07-01")));
    auto other = h;
    other.soort = "waarschuwing";
    EXPECT_FALSE(hercontrole_verschuldigd(other, d("2026-07-01")));
}

TEST(RegisterConfig, TheDefaultsRoundTripThroughTheConfigFile) {
    const auto signals = make_signals();
    const auto config = default_config(signals);
    const auto again = parse_config(config_toml(config, signals), "default.toml", signals);
    ASSERT_EQ(again.register_beleid.constateringen.size(), config.register_beleid.constateringen.size());
    EXPECT_EQ(again.register_beleid.interventies.back().sleutel, config.register_beleid.interventies.back().sleutel);
    EXPECT_EQ(again.register_beleid.bewaartermijn_maanden, 60);
    ASSERT_EQ(again.doelen.size(), config.doelen.size());
    for (std::size_t i = 0; i < again.doelen.size(); ++i) {
        EXPECT_EQ(again.doelen[i].naam, config.doelen[i].naam);
        EXPECT_EQ(again.doelen[i].maat, config.doelen[i].maat);
        EXPECT_EQ(again.doelen[i].minimaal, config.doelen[i].minimaal);
        EXPECT_EQ(again.doelen[i].weken, config.doelen[i].weken);
        EXPECT_EQ(again.doelen[i].categorie, config.doelen[i].categorie);
    }
}

TEST(RegisterConfig, AGemeenteNamesItsOwnTablesAndGoals) {
    const auto signals = make_signals();
    const auto config = parse_config(R"(
[register]
bewaartermijn_maanden = 24
constateringen = [{ sleutel = "geen_bevinding", naam = "Niets gevonden" }, { sleutel = "hennep", naam = "Hennepkwekerij" }]
interventies = [{ sleutel = "sluiting", naam = "Sluiting" }, { sleutel = "hercontrole", naam = "Hercontrole" }]
[[doelen]]
naam = "Acht controles"
maat = "controles"
minimaal = 8
)", "gemeente.toml", signals);
    EXPECT_EQ(config.register_beleid.bewaartermijn_maanden, 24);
    EXPECT_EQ(config.register_beleid.rust_maanden, 12);  // not given: the default
    ASSERT_NE(RegisterBeleid::zoek(config.register_beleid.constateringen, "Hennepkwekerij"), nullptr);
    EXPECT_NE(RegisterBeleid::zoek(config.register_beleid.constateringen, "hennep_kwekerij"), nullptr);  // case, spaces, _ and - aside
    EXPECT_EQ(RegisterBeleid::zoek(config.register_beleid.constateringen, "wietplantage"), nullptr);
    EXPECT_EQ(RegisterBeleid::zoek(config.register_beleid.interventies, "SLUITING")->sleutel, "sluiting");
    ASSERT_EQ(config.doelen.size(), 1u);
    EXPECT_EQ(*config.doelen[0].minimaal, 8);
}

TEST(RegisterConfig, MistakesAreNamedInDutch) {
    const auto signals = make_signals();
    const auto error = [&](const char* toml) {
        try {
            parse_config(toml, "c.toml", signals);
        } catch (const config_error& e) {
            return std::string(e.what());
        }
        return std::string("geen fout");
    };
    EXPECT_NE(error("[register]\nconstateringen = [{ sleutel = \"hennep\", naam = \"Hennep\" }]\n").find("mist geen_bevinding"),
              std::string::npos);
    EXPECT_NE(error("[register]\ninterventies = [{ sleutel = \"sluiting\", naam = \"Sluiting\" }]\n").find("mist hercontrole"),
              std::string::npos);
    EXPECT_NE(error("[register]\nafloop = [{ sleutel = \"Opgevolgd\", naam = \"Opgevolgd\" }]\n").find("kleine letters"), std::string::npos);
    EXPECT_NE(error("[register]\nafloop = [{ sleutel = \"x\", naam = \"X\" }, { sleutel = \"x\", naam = \"Y\" }]\n").find("twee keer"),
              std::string::npos);
    EXPECT_NE(error("[register]\nbewaartermijn_maanden = 0\n").find("1 tot en met 1200"), std::string::npos);
    EXPECT_NE(error("[register]\nbewaren = 3\n").find("onbekende sleutel"), std::string::npos);
    EXPECT_NE(error("[[doelen]]\nnaam = \"x\"\nmaat = \"snelheid\"\nminimaal = 1\n").find("onbekende maat"), std::string::npos);
    EXPECT_NE(error("[[doelen]]\nnaam = \"x\"\nmaat = \"aandeel_met_bevinding\"\nminimaal = 30\n").find("tussen 0 en 1"), std::string::npos);
    EXPECT_NE(error("[[doelen]]\nnaam = \"x\"\nmaat = \"meldingen_trend\"\ncategorie = \"drugs\"\n").find("categorie en richting"),
              std::string::npos);
    EXPECT_NE(error("[[doelen]]\nnaam = \"x\"\nmaat = \"opgevolgd_binnen_weken\"\nminimaal = 0.8\n").find("weken"), std::string::npos);
}

TEST(DateNl, TheDayFirstAsPeopleWriteIt) {
    EXPECT_EQ(format_date(*parse_date_nl("9-12-2026")), "2026-12-09");
    EXPECT_EQ(format_date(*parse_date_nl("09/12/2026")), "2026-12-09");
    EXPECT_EQ(format_date(*parse_date_nl("2026-12-09")), "2026-12-09");
    EXPECT_FALSE(parse_date_nl("").has_value());
    EXPECT_THROW(parse_date_nl("31-6-2026"), input_error);
    EXPECT_THROW(parse_date_nl("9-12-26"), input_error);
    EXPECT_THROW(parse_date_nl("9-12/2026"), input_error);
}

}  // namespace
}  // namespace onregel
