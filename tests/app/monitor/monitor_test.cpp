// The monitor's figures on a register small enough to count by hand (monitor_fixture.hpp): every
// expected value below is written out with its arithmetic, the k-suppression is checked cell by cell,
// and no bag_id or canary reaches the Markdown, the HTML or a sheet.
#include <gtest/gtest.h>

#include "app/monitor/monitor_figures.hpp"
#include "app/monitor/monitor_report.hpp"
#include "app/report/document.hpp"
#include "engine/register/register_config.hpp"
#include "monitor_fixture.hpp"

namespace onregel::test {
namespace {

constexpr int k = 5;

Monitor monitor_2026(const Register& reg = monitor_fixture(), Periode periode = {ymd(2026, 1, 1), ymd(2026, 12, 31)}) {
    return compute_monitor(reg, default_register_beleid(), default_doelen(), periode, k);
}

std::int64_t n(const Tabel& t, const std::string& rij, const std::string& kolom) {
    return std::get<std::int64_t>(t.cel(rij, kolom));
}
double d(const Tabel& t, const std::string& rij, const std::string& kolom) { return std::get<double>(t.cel(rij, kolom)); }
std::string s(const Tabel& t, const std::string& rij, const std::string& kolom) {
    return std::get<std::string>(t.cel(rij, kolom));
}
bool leeg(const Tabel& t, const std::string& rij, const std::string& kolom) {
    return std::holds_alternative<std::monostate>(t.cel(rij, kolom));
}

TEST(Monitor, ControlesPerQuarter) {
    const auto t = monitor_2026().tabel("kwartalen");
    ASSERT_EQ(t.rijen.size(), 5u);  // four quarters and the whole period
    // K1: A 15-01 (kvk_onjuist), B 10-02, C 05-03 -> 3 controles, 3 addresses, 1 with a bevinding.
    EXPECT_EQ(n(t, "2026 K1", "Controles"), 3);
    EXPECT_EQ(n(t, "2026 K1", "Adressen"), 3);
    EXPECT_EQ(n(t, "2026 K1", "Met bevinding"), 1);
    // K2: A 20-04 (hercontrole, nothing), D 11-05 (opiumwet, milieu).
    EXPECT_EQ(n(t, "2026 K2", "Controles"), 2);
    EXPECT_EQ(n(t, "2026 K2", "Met bevinding"), 1);
    // K3: E and F on 01-08; E strijdig gebruik.
    EXPECT_EQ(n(t, "2026 K3", "Controles"), 2);
    EXPECT_EQ(n(t, "2026 K3", "Adressen"), 2);
    // K4: B 30-11, a constatering not in the config: still a bevinding (it is not geen_bevinding).
    EXPECT_EQ(n(t, "2026 K4", "Controles"), 1);
    EXPECT_EQ(n(t, "2026 K4", "Met bevinding"), 1);
    // The year: 3 + 2 + 2 + 1 = 8 controles (D 2025 and G 2027 outside) at A..F = 6 addresses, 1 + 1 + 1 + 1 = 4 bevindingen.
    EXPECT_EQ(n(t, "Hele periode", "Controles"), 8);
    EXPECT_EQ(n(t, "Hele periode", "Adressen"), 6);
    EXPECT_EQ(n(t, "Hele periode", "Met bevinding"), 4);
}

TEST(Monitor, SelectionRoutesWithWilsonIntervals) {
    const auto t = monitor_2026().tabel("selectie");
    // ranking: A 15-01 (found), B 10-02, E 01-08 (found), B 30-11 (found): 4 of 8 = 50 %, hit rate 3/4 = 75 %.
    EXPECT_EQ(n(t, "ranking", "Controles"), 4);
    EXPECT_DOUBLE_EQ(d(t, "ranking", "Aandeel (%)"), 50.0);
    EXPECT_EQ(n(t, "ranking", "Met bevinding"), 3);
    EXPECT_DOUBLE_EQ(d(t, "ranking", "Trefkans (%)"), 75.0);
    // Wilson at z = 1.96 for 3 of 4: centre (0.75 + z²/8) / (1 + z²/4) = 0.6275, half-width
    // z·sqrt(0.75·0.25/4 + z²/64) / (1 + z²/4) = 0.3269: 30.06 % to 95.44 %.
    EXPECT_NEAR(d(t, "ranking", "95 %-interval laag (%)"), 30.064, 1e-3);
    EXPECT_NEAR(d(t, "ranking", "95 %-interval hoog (%)"), 95.441, 1e-3);
    // steekproef: C, nothing found: 0 of 1, Wilson 0 to z²/(1 + z²) = 79.35 %.
    EXPECT_EQ(n(t, "steekproef", "Controles"), 1);
    EXPECT_DOUBLE_EQ(d(t, "steekproef", "Aandeel (%)"), 12.5);
    EXPECT_DOUBLE_EQ(d(t, "steekproef", "Trefkans (%)"), 0.0);
    EXPECT_NEAR(d(t, "steekproef", "95 %-interval hoog (%)"), 79.345, 1e-3);
    // tip: D, found: 1 of 1 = 100 %, Wilson from 1/(1 + z²) = 20.65 %.
    EXPECT_DOUBLE_EQ(d(t, "tip", "Trefkans (%)"), 100.0);
    EXPECT_NEAR(d(t, "tip", "95 %-interval laag (%)"), 20.655, 1e-3);
    EXPECT_EQ(n(t, "partnerverzoek", "Controles"), 1);
    EXPECT_EQ(n(t, "hercontrole", "Controles"), 1);
    // All: 4 of 8 = 50 %, Wilson 21.52 % to 78.48 %.
    EXPECT_EQ(n(t, "Alle controles", "Controles"), 8);
    EXPECT_DOUBLE_EQ(d(t, "Alle controles", "Trefkans (%)"), 50.0);
    EXPECT_NEAR(d(t, "Alle controles", "95 %-interval laag (%)"), 21.522, 1e-3);
}

TEST(Monitor, ARouteWithoutControlesHasNoShare) {
    Register reg = monitor_fixture();
    std::erase_if(reg.controles, [](const auto& c) { return c.selectie == Selectie::tip; });
    const auto t = monitor_2026(reg).tabel("selectie");
    EXPECT_EQ(n(t, "tip", "Controles"), 0);
    EXPECT_TRUE(leeg(t, "tip", "Trefkans (%)"));
    EXPECT_EQ(cel_tekst({Kolom::procent, ""}, t.cel("tip", "Trefkans (%)")), "–");
}

TEST(Monitor, ConstateringenPerKind) {
    const auto t = monitor_2026().tabel("constateringen");
    EXPECT_EQ(n(t, "KvK-inschrijving onjuist", "Controles"), 1);          // A 15-01
    EXPECT_EQ(n(t, "Strijdig gebruik (omgevingsplan)", "Controles"), 1);  // E 01-08
    EXPECT_EQ(n(t, "Opiumwet", "Controles"), 1);                          // D 11-05, with milieu
    EXPECT_EQ(n(t, "Milieu", "Controles"), 1);
    EXPECT_EQ(n(t, "Arbeidsuitbuiting", "Controles"), 0);
    EXPECT_EQ(n(t, "Geen bevinding", "Controles"), 4);                               // B 10-02, C, A 20-04, F
    EXPECT_DOUBLE_EQ(d(t, "Geen bevinding", "Aandeel van de controles (%)"), 50.0);  // 4 / 8
    EXPECT_EQ(n(t, "Overige (niet in [register] constateringen)", "Controles"), 1);  // B 30-11
}

TEST(Monitor, InterventiesTheirEndAndDuration) {
    const auto m = monitor_2026();
    const auto t = m.tabel("interventies");
    // Waarschuwing D 11-05 to 01-09: 20 + 30 + 31 + 31 + 1 = 113 days, opgevolgd.
    EXPECT_EQ(n(t, "Waarschuwing", "Gestart"), 1);
    EXPECT_EQ(n(t, "Waarschuwing", "Opgevolgd"), 1);
    EXPECT_DOUBLE_EQ(d(t, "Waarschuwing", "Mediane doorlooptijd (dagen)"), 113.0);
    // Last onder dwangsom: A 20-01 to 03-03 (11 + 28 + 3 = 42 days, opgevolgd) and E from 05-08, running.
    EXPECT_EQ(n(t, "Last onder dwangsom", "Gestart"), 2);
    EXPECT_EQ(n(t, "Last onder dwangsom", "Nog lopend"), 1);
    EXPECT_EQ(n(t, "Last onder dwangsom", "Met einddatum"), 1);
    EXPECT_DOUBLE_EQ(d(t, "Last onder dwangsom", "Mediane doorlooptijd (dagen)"), 42.0);
    EXPECT_EQ(n(t, "Bestuurlijke boete", "Nog lopend"), 1);
    EXPECT_TRUE(leeg(t, "Bestuurlijke boete", "Mediane doorlooptijd (dagen)"));
    EXPECT_EQ(n(t, "Sluiting (Opiumwet art. 13b of APV)", "Gestart"), 0);  // D's sluiting started in 2025
    EXPECT_EQ(n(t, "Hercontrole", "Uitgevoerd"), 1);
    // The instrument not in the config: counted, under Overige, its afloop too; 01-12 to 10-12 = 9 days.
    EXPECT_EQ(n(t, "Overige (niet in [register] interventies)", "Gestart"), 1);
    EXPECT_EQ(n(t, "Overige (niet in [register] interventies)", "Overige afloop"), 1);
    // All six: running 2, opgevolgd 2; durations 0, 9, 42, 113: median (9 + 42) / 2 = 25.5.
    EXPECT_EQ(n(t, "Alle interventies", "Gestart"), 6);
    EXPECT_EQ(n(t, "Alle interventies", "Nog lopend"), 2);
    EXPECT_EQ(n(t, "Alle interventies", "Opgevolgd"), 2);
    EXPECT_DOUBLE_EQ(d(t, "Alle interventies", "Mediane doorlooptijd (dagen)"), 25.5);
    EXPECT_EQ(m.instrumenten_gebruikt,
              (std::vector<std::string>{"Waarschuwing", "Last onder dwangsom", "Bestuurlijke boete", "Hercontrole"}));
    EXPECT_EQ(m.instrumenten_ongebruikt.size(), 5u);  // of the nine defaults
}

TEST(Monitor, RepeatAddresses) {
    const auto t = monitor_2026().tabel("herhaling");
    EXPECT_EQ(n(t, "Gecontroleerde adressen", "Aantal"), 6);          // A..F
    EXPECT_EQ(n(t, "waarvan één keer gecontroleerd", "Aantal"), 4);   // C, D, E, F
    EXPECT_EQ(n(t, "waarvan twee keer gecontroleerd", "Aantal"), 2);  // A, B
    EXPECT_EQ(n(t, "waarvan drie keer of vaker gecontroleerd", "Aantal"), 0);
    EXPECT_EQ(n(t, "waarvan al vóór de periode gecontroleerd", "Aantal"), 1);  // D in 2025
    // A: a bevinding on 15-01, then the hercontrole on 20-04 found nothing. B's bevinding is its last visit.
    EXPECT_EQ(n(t, "Adressen met een bevinding en daarna nog een controle", "Aantal"), 1);
    EXPECT_EQ(n(t, "waarvan bij de laatste controle weer een bevinding", "Aantal"), 0);
}

TEST(Monitor, MeldingenPerCategorieWithTheirTrend) {
    const auto m = monitor_2026();
    EXPECT_EQ(m.jaren, (std::vector<int>{2022, 2023, 2024, 2025, 2026}));
    EXPECT_EQ(m.volledige_jaren, m.jaren);  // Centrum has every quarter
    const auto t = m.tabel("meldingen_categorie");
    // overlast 40, 32, 28, 20, 12: every pair falls, S = -10; var S = 5·4·15/18 = 16.67;
    // z = (-10 + 1)/4.082 = -2.205, p = 0.0275: dalend.
    EXPECT_EQ(n(t, "overlast", "2022"), 40);
    EXPECT_EQ(n(t, "overlast", "2026"), 12);
    EXPECT_EQ(s(t, "overlast", "Trend"), "dalend");
    EXPECT_DOUBLE_EQ(d(t, "overlast", "Mann–Kendall S"), -10.0);
    EXPECT_NEAR(d(t, "overlast", "p"), 0.02749, 1e-4);
    // drugs 0, 0, 6, 7, 8 + 2 = 10: S = 2·3 + 3 = 9; one tie of two: var = (300 - 2·1·9)/18 = 15.67;
    // z = 8/3.958 = 2.021, p = 0.0433: stijgend.
    EXPECT_EQ(n(t, "drugs", "2026"), 10);
    EXPECT_EQ(s(t, "drugs", "Trend"), "stijgend");
    EXPECT_NEAR(d(t, "drugs", "p"), 0.04326, 1e-4);
    // The canary categorie never reaches k = 5 in a year: under Overige, by count only.
    const std::string overige = "Overige categorieën (elk minder dan 5 per jaar)";
    EXPECT_EQ(n(t, overige, "2025"), 1);
    EXPECT_EQ(s(t, overige, "Trend"), "geen trend aantoonbaar");
    // All: 40, 32, 28 + 6 = 34, 20 + 7 + 1 = 28, 12 + 10 = 22 (the 2027 row outside): S = -4 - 1 - 2 - 1 = -8,
    // z = -7/4.082 = -1.715, p = 0.0864: no trend shown.
    EXPECT_EQ(n(t, "Alle meldingen", "2024"), 34);
    EXPECT_EQ(n(t, "Alle meldingen", "2025"), 28);
    EXPECT_EQ(n(t, "Alle meldingen", "2026"), 22);
    EXPECT_EQ(s(t, "Alle meldingen", "Trend"), "geen trend aantoonbaar");
    EXPECT_NEAR(d(t, "Alle meldingen", "p"), 0.08641, 1e-4);
}

TEST(Monitor, TooFewYearsForATrendIsSaidPlainly) {
    Register reg = monitor_fixture();
    std::erase_if(reg.meldingen, [](const auto& r) { return r.jaar < 2024; });
    const auto m = monitor_2026(reg);
    const auto t = m.tabel("meldingen_categorie");
    EXPECT_EQ(s(t, "overlast", "Trend"), "te weinig jaren (3, de toets vraagt er 5)");
    EXPECT_TRUE(leeg(t, "overlast", "p"));
    const auto& drugs = m.doelen.at(4);
    EXPECT_EQ(drugs.oordeel, Oordeel::niet_te_bepalen);
    EXPECT_NE(drugs.toelichting.find("minstens 5 volledige jaren"), std::string::npos) << drugs.toelichting;
}

TEST(Monitor, CountsPerBuurtBelowKAreSuppressed) {
    const auto m = monitor_2026();
    const auto t = m.tabel("meldingen_buurt");
    EXPECT_EQ(n(t, "Centrum", "2025"), 20);
    // 2025: Oost 1 is the only count below k, so Noord's 7 (the smallest other) is hidden too: otherwise
    // 28 (the town) - 20 - 7 would give Oost's 1.
    EXPECT_EQ(s(t, "Oost", "2025"), "< 5");
    EXPECT_EQ(s(t, "Noord", "2025"), "x");
    // 2026: Zuid 2 alone below k; Noord 8 hidden with it, Centrum 12 shown.
    EXPECT_EQ(s(t, "Zuid", "2026"), "< 5");
    EXPECT_EQ(s(t, "Noord", "2026"), "x");
    EXPECT_EQ(n(t, "Centrum", "2026"), 12);
    EXPECT_EQ(n(t, "Noord", "2024"), 6);  // nothing below k in 2024
    EXPECT_EQ(n(t, "Zuid", "2025"), 0);   // none is none

    // Signals: the latest run of each year (2024: run2024b, not run2024a's 100; run2027 outside).
    const auto runs = m.tabel("runs");
    EXPECT_EQ(s(runs, "2024", "Peildatum"), "2024-12-15");
    EXPECT_EQ(n(runs, "2024", "Gemarkeerde adressen"), 12);
    EXPECT_EQ(n(runs, "2024", "Signaleringen"), 14);  // 6 + 3 + 5
    const auto signalen = m.tabel("signalen");
    EXPECT_EQ(n(signalen, "kelderbox", "2024"), 9);  // 6 + 3
    EXPECT_EQ(n(signalen, "kelderbox", "2025"), 8);  // 4 + 4
    EXPECT_EQ(n(signalen, "meldingen_hotspot", "2025"), 0);
    EXPECT_EQ(n(signalen, "Overige signalen (elk minder dan 5)", "2025"), 2);
    EXPECT_EQ(n(signalen, "Alle signaleringen", "2026"), 13);  // 7 + 6
    const auto buurt = m.tabel("signalen_buurt");
    // 2024: Centrum 6 + 5 = 11, Noord 3 alone below k: Centrum hidden too.
    EXPECT_EQ(s(buurt, "Noord", "2024"), "< 5");
    EXPECT_EQ(s(buurt, "Centrum", "2024"), "x");
    // 2025: three counts below k (4, 4, 2): none follows from the total, no extra cell hidden.
    EXPECT_EQ(s(buurt, "Centrum", "2025"), "< 5");
    EXPECT_EQ(s(buurt, "Oost", "2025"), "< 5");
    EXPECT_EQ(n(buurt, "Centrum", "2026"), 7);
    EXPECT_EQ(n(buurt, "Noord", "2026"), 6);
    // Every count of every per-buurt table is 0 or at least k.
    for (const auto* blad : {"meldingen_buurt", "signalen_buurt"})
        for (const auto& rij : m.tabel(blad).rijen)
            for (const auto& cel : rij)
                if (const auto* v = std::get_if<std::int64_t>(&cel)) {
                    EXPECT_TRUE(*v == 0 || *v >= k) << blad << " " << *v;
                }
}

TEST(Monitor, GoalsAgainstWhatWasRealised) {
    const auto m = monitor_2026();
    ASSERT_EQ(m.doelen.size(), 5u);
    // At least 6 integrale controles (controledagen) a year: the 8 controles of 2026 fell on 7 days
    // (E and F both on 1 August).
    EXPECT_EQ(m.doelen[0].oordeel, Oordeel::gehaald);
    EXPECT_EQ(m.doelen[0].realisatie, "2026: 7 controledagen");
    // At least 33 % with a bevinding: 4 / 8 = 50 %, but 33 % lies within 21.5-78.5 %: said so.
    EXPECT_EQ(m.doelen[1].oordeel, Oordeel::gehaald);
    EXPECT_EQ(m.doelen[1].norm, "minimaal 33 % van de controles met een bevinding");
    EXPECT_NE(m.doelen[1].toelichting.find("niet zeker"), std::string::npos);
    // At least half from the ranking: 4 / 8 = 50 %.
    EXPECT_EQ(m.doelen[2].oordeel, Oordeel::gehaald);
    // 80 % followed up within 12 weeks (84 days), hercontroles left out. To judge: A's dwangsom
    // (42 days, opgevolgd: in time), D's waarschuwing (113 days: late), E's dwangsom (running, its term
    // ended 28-10), the canary instrument (ended otherwise). E's boete of 01-12 is still within its
    // term. 1 of 4 = 25 %.
    EXPECT_EQ(m.doelen[3].oordeel, Oordeel::niet_gehaald);
    EXPECT_EQ(m.doelen[3].realisatie.rfind("25,0 % (1 van 4 interventies", 0), 0u) << m.doelen[3].realisatie;
    // Drugs not rising: they rise (p = 0.043).
    EXPECT_EQ(m.doelen[4].oordeel, Oordeel::niet_gehaald);
    EXPECT_EQ(m.doelen[4].realisatie.rfind("stijgend", 0), 0u) << m.doelen[4].realisatie;
}

TEST(Monitor, AYearlyGoalOnAPeriodThatIsNoYearCannotBeJudged) {
    const auto m = monitor_2026(monitor_fixture(), {ymd(2026, 1, 1), ymd(2026, 6, 30)});
    EXPECT_EQ(m.doelen[0].oordeel, Oordeel::niet_te_bepalen);
    EXPECT_NE(m.doelen[0].toelichting.find("hele kalenderjaren"), std::string::npos);
    EXPECT_EQ(n(m.tabel("kwartalen"), "Hele periode", "Controles"), 5);  // K1 3 + K2 2
    // The register ending before the year is over: not reaching the minimum yet is no failure.
    Register reg = monitor_fixture();
    std::erase_if(reg.controles, [](const auto& c) { return c.datum > ymd(2026, 3, 31); });
    std::erase_if(reg.interventies, [](const auto& i) { return i.start > ymd(2026, 3, 31); });
    std::erase_if(reg.meldingen, [](const auto& r) { return r.jaar > 2026 || (r.jaar == 2026 && r.kwartaal > 1); });
    std::erase_if(reg.runs, [](const auto& r) { return r.peildatum > ymd(2026, 3, 31); });
    const auto vroeg = monitor_2026(reg);
    EXPECT_EQ(vroeg.doelen[0].oordeel, Oordeel::niet_te_bepalen);
    // What happened last: C's controle of 5 March (a quarter of meldingen may still be running, so its
    // end does not count).
    EXPECT_NE(vroeg.doelen[0].toelichting.find("2026-03-05"), std::string::npos) << vroeg.doelen[0].toelichting;
}

// Runs made without --meldingen: a register with runs and signals but no meldingen at all still gives
// every table with a column per year, and the report renders.
TEST(Monitor, ARegisterWithoutMeldingen) {
    auto reg = monitor_fixture();
    reg.meldingen.clear();
    const auto m = monitor_2026(reg);
    for (const auto& rij : m.tabel("meldingen_categorie").rijen) EXPECT_EQ(rij.size(), m.tabel("meldingen_categorie").kolommen.size());
    for (const auto& rij : m.tabel("signalen").rijen) EXPECT_EQ(rij.size(), m.tabel("signalen").kolommen.size());
    EXPECT_FALSE(markdown(monitor_blokken(m, "register.gpkg")).empty());
}

// A buurt column whose only non-zero count is below k: the town total would say how many and the zeros
// where, so the whole column is hidden.
TEST(Monitor, ALoneSmallCountHidesItsWholeColumn) {
    Register reg;
    reg.meldingen = {{2026, 1, "Noord", "overlast", 3}, {2025, 1, "Noord", "overlast", 9}, {2025, 1, "Zuid", "overlast", 6}};
    reg.controles = monitor_fixture().controles;
    const auto t = monitor_2026(reg, {ymd(2025, 1, 1), ymd(2026, 12, 31)}).tabel("meldingen_buurt");
    EXPECT_EQ(s(t, "Noord", "2026 (deels)"), "x");  // one quarter of each year: (deels)
    EXPECT_EQ(s(t, "Zuid", "2026 (deels)"), "x");
    EXPECT_EQ(n(t, "Noord", "2025 (deels)"), 9);
}

TEST(Monitor, NoBagIdPartnerOrCanaryInTheReport) {
    const auto m = monitor_2026();
    const auto blokken = monitor_blokken(m, "register.gpkg");
    std::string all = markdown(blokken) + html(blokken, monitor_titel(m.periode), monitor_print_style());
    for (const auto& sheet : monitor_sheets(m, "register.gpkg"))
        for (const auto& row : sheet.rows)
            for (std::size_t c = 0; c < row.cells.size(); ++c) all += cell_text(sheet.columns[c], row.cells[c]) + "\n";
    for (const auto& id : monitor_bag_ids) EXPECT_EQ(all.find(id), std::string::npos) << id;
    std::string lower = all;
    for (char& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    EXPECT_EQ(lower.find("canary"), std::string::npos);
    // And the figures are there.
    EXPECT_NE(all.find("| 2026 K1 | 3 | 3 | 1 |"), std::string::npos);
    EXPECT_NE(all.find("<svg"), std::string::npos);
}

TEST(Monitor, SheetsKeepNumbersNumericAndMarkSuppressedColumnsAsText) {
    const auto sheets = monitor_sheets(monitor_2026(), "register.gpkg");
    ASSERT_EQ(sheets.front().name, "inhoud");
    const auto find = [&](const std::string& name) -> const FeatureTable& {
        for (const auto& s : sheets)
            if (s.name == name) return s;
        throw std::out_of_range(name);
    };
    EXPECT_EQ(find("kwartalen").columns[1].type, ColumnType::integer);
    EXPECT_EQ(find("selectie").columns[2].type, ColumnType::real);
    const auto& buurt = find("meldingen_buurt");
    EXPECT_EQ(buurt.columns[1].type, ColumnType::integer);  // 2022: nothing suppressed
    EXPECT_EQ(buurt.columns[4].type, ColumnType::text);     // 2025: "< 5" and "x"
}

}  // namespace
}  // namespace onregel::test
