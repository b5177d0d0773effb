#include "engine/analysis/informatiebeeld.hpp"

#include <gtest/gtest.h>

namespace onregel {
namespace {

// A town of five objects, five vestigingen and five meldingen; peildatum 2024-06-01. The area holds
// objects 1, 2 and 3 and meldingen 0, 1, 2 and 4 (2 has no object but lies inside).
//
//   object  gebruiksdoel        bouwjaar  pand
//   0       woonfunctie         1990      P1
//   1       industriefunctie    2000      P2
//   2       industriefunctie    2010      P2
//   3       overige, 20 m²      1980      P3   (a box)
//   4       kantoorfunctie      unknown   none
//
//   vestiging  object  SBI   rechtsvorm   hoofd  aanvang     einde       active
//   a          1       4520  BV           ja     2020-01-01  -           ja   (autobranche)
//   b          1       6420  Stichting    nee    2015-01-01  -           ja   (holding, risk branch)
//   c          2       4771  Eenmanszaak  ja     2023-01-01  2024-01-01  nee
//   d          0       6201  Eenmanszaak  ja     2010-01-01  -           ja
//   e          4       4511  BV           ja     2024-03-01  -           ja   (autobranche)
//
// Years back from the peildatum: floor((peildatum - d) / 365.25). 2020-01-01 is 1613 days back
// (year 4), 2023-01-01 517 (year 1), 2024-01-01 152 (year 0), 2024-03-01 92 (year 0), 2015 out.
// Series run oldest first, so year k sits at index 4 - k.
//
//   melding  object  datum       categorie  days back  year
//   0        1       2024-05-01  overlast    31        0
//   1        2       2022-06-01  drugs       731       2
//   2        -       2021-01-01  overlast    1247      3
//   3        0       2024-01-01  overlast    152       0   (gemeente only)
//   4        1       2018-01-01  drugs       2343      out of the five years
//
// Area by hand:
//   objecten 3, panden 2 (P2, P3); active vestigingen a, b = 2: hoofd 1, neven 1, risk branch 2
//   (autobranche, holdings), autobranche 1, stichting 1, eenmanszaak 0 (c has ended), holding 1.
//   Without an active vestiging: objects 2 and 3 = 2; all three are niet-woon, so leegstand 2/3.
//   Boxes 1. Bouwjaar (2000 + 2010 + 1980) / 3 = 1996.67.
//   Oprichtingen [1,0,0,1,0] (a, c), opheffingen [0,0,0,0,1] (c): verloop 3 / (5 × 2) × 100 = 30.
//   Meldingen [0,1,1,0,1]: overlast 2, drugs 1; 3 / (5 × 3) × 100 = 20 per year per 100 objects.
//   Mann–Kendall S on [0,1,1,0,1]: +3 -1 -1 +1 = 2.
//   Signals: object 1 (risicobranche_cluster): 1 of 3.
// Gemeente by hand:
//   objecten 5, panden 4 (P1, P2, P3 and object 4 on its own); active a, b, d, e = 4: risk branch 3
//   (0.75), autobranche 2 (0.5), eenmanszaak 1, stichting 1, holding 1, neven 1 (0.25 each).
//   Without vestiging: 2 and 3; niet-woon 1..4 = 4, so leegstand 0.5. Bouwjaar (1990+2000+2010+1980)/4 = 1995.
//   Oprichtingen [1,0,0,1,1], opheffingen [0,0,0,0,1]: verloop 4 / (5 × 4) × 100 = 20.
//   Meldingen [0,1,1,0,2]: 4 / (5 × 5) × 100 = 16. Signals on objects 1 and 0: 2 of 5.
class InformatiebeeldTest : public ::testing::Test {
protected:
    void SetUp() override {
        const auto vbo = [](std::int32_t pand, GebruiksdoelSet doel, int oppervlakte, int bouwjaar) {
            Verblijfsobject v;
            v.pand = pand;
            v.gebruiksdoelen = doel;
            v.oppervlakte = oppervlakte;
            v.bouwjaar = bouwjaar;
            return v;
        };
        for (BagId id : {353100000000001, 353100000000002, 353100000000003}) town.panden.push_back({id, 0, "", {}});
        town.verblijfsobjecten = {vbo(0, woonfunctie, 90, 1990), vbo(1, industriefunctie, 400, 2000),
                                  vbo(1, industriefunctie, 300, 2010), vbo(2, overige_gebruiksfunctie, 20, 1980),
                                  vbo(-1, kantoorfunctie, 100, 0)};
        for (std::size_t i = 0; i < town.verblijfsobjecten.size(); ++i) town.verblijfsobjecten[i].id = 353010000000000 + i;
        const auto vestiging = [](std::int32_t on, std::string sbi, std::string vorm, bool hoofd, Date aanvang,
                                  std::optional<Date> einde) {
            Vestiging v;
            v.vbo = on;
            v.sbi_hoofd = std::move(sbi);
            v.rechtsvorm = std::move(vorm);
            v.hoofdvestiging = hoofd;
            v.aanvang = aanvang;
            v.einde = einde;
            return v;
        };
        town.vestigingen = {vestiging(1, "4520", "BV", true, date_from_ymd(2020, 1, 1), std::nullopt),
                            vestiging(1, "6420", "Stichting", false, date_from_ymd(2015, 1, 1), std::nullopt),
                            vestiging(2, "4771", "Eenmanszaak", true, date_from_ymd(2023, 1, 1), date_from_ymd(2024, 1, 1)),
                            vestiging(0, "6201", "Eenmanszaak", true, date_from_ymd(2010, 1, 1), std::nullopt),
                            vestiging(4, "4511", "BV", true, date_from_ymd(2024, 3, 1), std::nullopt)};
        const auto melding = [](std::int32_t on, Date datum, std::string categorie) {
            Melding m;
            m.vbo = on;
            m.datum = datum;
            m.categorie = std::move(categorie);
            return m;
        };
        town.meldingen = {melding(1, date_from_ymd(2024, 5, 1), "overlast"), melding(2, date_from_ymd(2022, 6, 1), "drugs"),
                          melding(-1, date_from_ymd(2021, 1, 1), "overlast"), melding(0, date_from_ymd(2024, 1, 1), "overlast"),
                          melding(1, date_from_ymd(2018, 1, 1), "drugs")};
        town.peildatum = date_from_ymd(2024, 6, 1);
        town.link();
        ranked = {{1, 7, {{"risicobranche_cluster", 1, 5, 5, ""}, {std::string(integrale_bonus_id), 1, 2, 2, ""}}},
                  {0, 3, {{"woonadres_bedrijvigheid", 1, 3, 3, ""}}}};
    }

    Town town;
    Policy policy = default_policy();
    std::vector<Beoordeling> ranked;
    const std::vector<std::uint32_t> vbos{1, 2, 3};
    const std::vector<std::uint32_t> meldingen{0, 1, 2, 4};
};

TEST_F(InformatiebeeldTest, AreaFiguresMatchTheHandComputation) {
    const Gemeentebeeld beeld(town, policy, ranked);
    const auto c = beeld.cijfers(vbos, meldingen);
    EXPECT_EQ(c.objecten, 3);
    EXPECT_EQ(c.panden, 2);
    EXPECT_EQ(c.vestigingen, 2);
    EXPECT_EQ(c.hoofdvestigingen, 1);
    EXPECT_EQ(c.nevenvestigingen, 1);
    EXPECT_EQ(c.risicobranche, 2);
    EXPECT_EQ(c.per_risicobranche, (std::map<std::string, int>{{"autobranche", 1}, {"holdings", 1}}));
    EXPECT_EQ(c.autobranche, 1);
    EXPECT_EQ(c.stichtingen, 1);
    EXPECT_EQ(c.eenmanszaken, 0);
    EXPECT_EQ(c.holdings, 1);
    EXPECT_EQ(c.objecten_zonder_vestiging, 2);
    EXPECT_EQ(c.niet_woon, 3);
    EXPECT_EQ(c.niet_woon_zonder_vestiging, 2);
    EXPECT_EQ(c.boxen, 1);
    EXPECT_EQ(c.oprichtingen, (std::vector<int>{1, 0, 0, 1, 0}));
    EXPECT_EQ(c.opheffingen, (std::vector<int>{0, 0, 0, 0, 1}));
    EXPECT_EQ(c.meldingen, (std::vector<int>{0, 1, 1, 0, 1}));
    EXPECT_EQ(c.meldingen_per_categorie, (std::map<std::string, int>{{"drugs", 1}, {"overlast", 2}}));
    ASSERT_TRUE(c.meldingen_trend) << "the meldingen begin in 2018: all five years are in the series";
    EXPECT_EQ(c.meldingen_trend->s, 2);
    EXPECT_EQ(c.objecten_met_signaal, 1);
    EXPECT_EQ(c.signalen, (std::map<std::string, int>{{"risicobranche_cluster", 1}})) << "the bonus is no signal";
}

TEST_F(InformatiebeeldTest, IndicatorsSitBesideTheGemeente) {
    const Gemeentebeeld beeld(town, policy, ranked);
    std::map<std::string, Kengetal> by_id;
    for (auto& k : kengetallen(beeld.cijfers(vbos, meldingen), beeld.gemeente())) by_id[k.id] = k;
    const auto expect = [&](const std::string& id, double gebied, double gemeente) {
        SCOPED_TRACE(id);
        ASSERT_TRUE(by_id.count(id));
        ASSERT_TRUE(by_id[id].gebied && by_id[id].gemeente);
        EXPECT_NEAR(*by_id[id].gebied, gebied, 1e-9);
        EXPECT_NEAR(*by_id[id].gemeente, gemeente, 1e-9);
        EXPECT_FALSE(by_id[id].definitie.empty());
    };
    expect("objecten", 3, 5);
    expect("panden", 2, 4);
    expect("vestigingen", 2, 4);
    expect("vestigingen_per_object", 2.0 / 3, 4.0 / 5);
    expect("objecten_zonder_vestiging", 2, 2);
    expect("leegstand", 2.0 / 3, 0.5);
    expect("boxen", 1, 1);
    expect("bouwjaar", 5990.0 / 3, 1995);
    expect("risicobranche", 1.0, 0.75);
    expect("autobranche", 0.5, 0.5);
    expect("eenmanszaken", 0, 0.25);
    expect("stichtingen", 0.5, 0.25);
    expect("holdings", 0.5, 0.25);
    expect("nevenvestigingen", 0.5, 0.25);
    expect("verloop", 30, 20);
    expect("meldingen", 20, 16);
    expect("signalen", 1.0 / 3, 2.0 / 5);
}

TEST_F(InformatiebeeldTest, EmptyAreaHasNoSharesRatherThanZeroOrNaN) {
    const Gemeentebeeld beeld(town, policy, ranked);
    for (const auto& k : kengetallen(beeld.cijfers({}, {}), beeld.gemeente())) {
        SCOPED_TRACE(k.id);
        if (k.eenheid == "aantal") { EXPECT_EQ(k.gebied, 0.0); }
        else EXPECT_FALSE(k.gebied.has_value());
        EXPECT_TRUE(k.gemeente.has_value());
    }
}

TEST(Informatiebeeld, YearsCountBackFromThePeildatum) {
    const Date p = date_from_ymd(2024, 6, 1);
    EXPECT_EQ(jaar_terug(p, p), 0);
    EXPECT_EQ(jaar_terug(p, p + 1), std::nullopt) << "after the peildatum";
    EXPECT_EQ(jaar_terug(p, p - 365), 0);
    EXPECT_EQ(jaar_terug(p, p - 366), 1);
    EXPECT_EQ(jaar_terug(p, p - 1826), 4);  // 1826 × 4 / 1461 = 4.999
    EXPECT_EQ(jaar_terug(p, p - 1827), std::nullopt);
    Town town;
    town.peildatum = p;
    town.link();
    const Policy policy = default_policy();
    const std::vector<Beoordeling> none;
    const auto jaren = Gemeentebeeld(town, policy, none).jaren();
    ASSERT_EQ(jaren.size(), 5u);
    EXPECT_EQ(format_date(jaren.back().second), "2024-06-01");
    EXPECT_EQ(format_date(jaren.back().first), "2023-06-02");
    EXPECT_EQ(format_date(jaren.front().first), format_date(p - 1826));
    for (std::size_t k = 0; k + 1 < jaren.size(); ++k) EXPECT_EQ(jaren[k].second + 1, jaren[k + 1].first) << "no gaps";
}

TEST(Informatiebeeld, SbiDivisionsHaveDutchNames) {
    EXPECT_EQ(sbi_afdeling("4520"), "Handel in en reparatie van auto's");
    EXPECT_EQ(sbi_afdeling("56101"), "Eet- en drinkgelegenheden");
    EXPECT_EQ(sbi_afdeling("01"), "Landbouw, jacht en dienstverlening voor de landbouw");
    EXPECT_EQ(sbi_afdeling("4"), "");
    EXPECT_EQ(sbi_afdeling("0400"), "") << "no division 04";
    EXPECT_TRUE(is_stichting("STICHTING"));
    EXPECT_TRUE(is_eenmanszaak("Eenmanszaak met meer dan één eigenaar"));
    EXPECT_FALSE(is_stichting("BV"));
}

// Issue #17: meldingen 81, 130 and 171 in the last three years before the peildatum, none before,
// because the data begins on the first day of the third-last year. Counting the two earlier years as
// zeros gives 0, 0, 81, 130, 171: S = 9 (one tied pair), var S = (5·4·15 − 2·1·9) / 18 = 15.667,
// z = 8 / 3.958 = 2.021, p = 0.043, "stijgend" — a rise that is only the start of the data.
class TrendTest : public ::testing::Test {
protected:
    // Ten objects; the town's meldingen: 81, 130 and 171 in years k = 2, 1, 0, the first on `begin`.
    Town town_from(Date begin) {
        Town town;
        town.verblijfsobjecten.resize(10);
        town.peildatum = peildatum;
        const auto add = [&](Date datum, int n) {
            for (int i = 0; i < n; ++i) {
                Melding m;
                m.vbo = -1;
                m.datum = datum;
                m.categorie = "overlast";
                town.meldingen.push_back(m);
            }
        };
        add(begin, 81);
        add(peildatum - 500, 130);
        add(peildatum - 10, 171);
        town.link();
        return town;
    }
    std::vector<std::uint32_t> all(const Town& town) {
        std::vector<std::uint32_t> out(town.meldingen.size());
        for (std::uint32_t i = 0; i < out.size(); ++i) out[i] = i;
        return out;
    }

    const Date peildatum = date_from_ymd(2024, 6, 1);
    const Date year2 = peildatum - 1095;  // the first day of year k = 2: peildatum - ceil(3 × 365.25) + 1
    const Policy policy = default_policy();
    const std::vector<Beoordeling> none;
};

TEST_F(TrendTest, YearsBeforeTheFirstMeldingAreNotZeros) {
    const std::vector<double> with_zeros = {0, 0, 81, 130, 171};
    ASSERT_LT(mann_kendall(with_zeros).p, 0.05) << "the defect: leading zeros make a trend";

    const auto town = town_from(year2);
    const Gemeentebeeld beeld(town, policy, none);
    EXPECT_EQ(beeld.meldingen_vanaf(), year2);
    EXPECT_EQ(beeld.reeks_jaren(), 3);
    EXPECT_EQ(format_date(beeld.jaren()[2].first), format_date(year2));
    const auto& g = beeld.gemeente();
    EXPECT_EQ(g.meldingen, (std::vector<int>{81, 130, 171}));
    EXPECT_FALSE(g.meldingen_trend) << "three years are too few for Mann–Kendall";
    EXPECT_EQ(trend_woord(g.meldingen_trend), "te weinig jaren");
    EXPECT_EQ(meldingen_in_jaar(g, 0), std::nullopt);
    EXPECT_EQ(meldingen_in_jaar(g, 1), std::nullopt);
    EXPECT_EQ(meldingen_in_jaar(g, 2), 81);
    EXPECT_EQ(meldingen_in_jaar(g, 4), 171);
    EXPECT_EQ(meldingen_in_jaar(g, 5), std::nullopt);
    const auto area = beeld.cijfers({}, all(town));
    EXPECT_FALSE(area.meldingen_trend);
    std::map<std::string, Kengetal> by_id;
    for (auto& k : kengetallen(area, g)) by_id[k.id] = k;
    ASSERT_TRUE(by_id["meldingen"].gemeente);
    EXPECT_NEAR(*by_id["meldingen"].gemeente, 382.0 / (3 * 10) * 100, 1e-9) << "per year of the series, not per five";
    EXPECT_EQ(by_id["meldingen"].gebied, std::nullopt) << "no objects";
}

// A year that begins before the first melding lies partly before the data: out of the series.
TEST_F(TrendTest, APartialFirstYearIsLeftOut) {
    const Gemeentebeeld late(town_from(year2 + 1), policy, none);
    EXPECT_EQ(late.reeks_jaren(), 2);
    EXPECT_EQ(late.gemeente().meldingen, (std::vector<int>{130, 171})) << "the 81 of the partial year are not in it";
    EXPECT_EQ(late.gemeente().meldingen_per_categorie.at("overlast"), 382) << "but they are meldingen of the five years";
    const Gemeentebeeld early(town_from(year2 - 1), policy, none);
    EXPECT_EQ(early.reeks_jaren(), 3) << "the first melding one day before year k = 2 begins";
    Town empty;
    empty.peildatum = peildatum;
    empty.link();
    const Gemeentebeeld nothing(empty, policy, none);
    EXPECT_EQ(nothing.meldingen_vanaf(), std::nullopt);
    EXPECT_EQ(nothing.reeks_jaren(), 0);
    EXPECT_FALSE(nothing.gemeente().meldingen_trend);
}

// Data over all five years: a real rise is still found.
TEST_F(TrendTest, FiveYearsOfDataKeepTheTrend) {
    auto town = town_from(year2);
    Melding old;
    old.vbo = -1;
    old.datum = peildatum - 1826;  // the first day of year k = 4
    old.categorie = "overlast";
    town.meldingen.push_back(old);
    town.meldingen.push_back(old);
    town.link();
    const Gemeentebeeld beeld(town, policy, none);
    EXPECT_EQ(beeld.reeks_jaren(), 5);
    EXPECT_EQ(beeld.gemeente().meldingen, (std::vector<int>{2, 0, 81, 130, 171}));
    ASSERT_TRUE(beeld.gemeente().meldingen_trend);
    EXPECT_EQ(beeld.gemeente().meldingen_trend->s, 8);
}

}  // namespace
}  // namespace onregel
