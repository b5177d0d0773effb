#pragma once
// A small register for the monitor tests, small enough to compute every figure of 2026 by hand (the
// expected values are in monitor_test.cpp). Canary strings sit wherever a register value could leak
// into the report: partners, the buurt and signals of a controle, a constatering, instrument and afloop
// that are not in the config, a meldingcategorie and a signal whose counts stay below k.
#include <string>
#include <vector>

#include "engine/date.hpp"
#include "engine/register/register.hpp"

namespace onregel::test {

// Addresses A..G; none of their ids may appear in any output.
inline const std::vector<std::string> monitor_bag_ids = {"0999010000123401", "0999010000123402", "0999010000123403",
                                                         "0999010000123404", "0999010000123405", "0999010000123406",
                                                         "0999010000123407"};

inline Date ymd(int y, unsigned m, unsigned d) { return date_from_ymd(y, m, d); }

inline Register monitor_fixture() {
    const auto& id = monitor_bag_ids;
    const std::string A = id[0], B = id[1], C = id[2], D = id[3], E = id[4], F = id[5], G = id[6];
    Register reg;
    const auto controle = [&](const std::string& bag, Date datum, Selectie selectie, std::vector<std::string> constateringen) {
        RegisterControle c;
        c.bag_id = bag;
        c.datum = datum;
        c.selectie = selectie;
        c.constateringen = std::move(constateringen);
        c.signalen = {"CANARY-SIGNAAL-CONTROLE"};
        c.signalen_bekend = true;
        reg.controles.push_back(c);
    };
    controle(D, ymd(2025, 6, 1), Selectie::ranking, {"geen_bevinding"});  // before 2026
    controle(A, ymd(2026, 1, 15), Selectie::ranking, {"kvk_onjuist"});
    reg.controles.back().partners = {"CANARY-PARTNER"};
    controle(B, ymd(2026, 2, 10), Selectie::ranking, {"geen_bevinding"});
    controle(C, ymd(2026, 3, 5), Selectie::steekproef, {"geen_bevinding"});
    controle(A, ymd(2026, 4, 20), Selectie::hercontrole, {"geen_bevinding"});
    controle(D, ymd(2026, 5, 11), Selectie::tip, {"opiumwet", "milieu"});
    controle(E, ymd(2026, 8, 1), Selectie::ranking, {"strijdig_gebruik"});
    controle(F, ymd(2026, 8, 1), Selectie::partnerverzoek, {"geen_bevinding"});
    controle(B, ymd(2026, 11, 30), Selectie::ranking, {"canary_constatering"});
    controle(G, ymd(2027, 1, 10), Selectie::ranking, {"kvk_onjuist"});  // after 2026

    reg.interventies = {
        {A, "last_onder_dwangsom", ymd(2026, 1, 20), ymd(2026, 3, 3), "opgevolgd"},
        {A, "hercontrole", ymd(2026, 4, 20), ymd(2026, 4, 20), "uitgevoerd"},
        {D, "waarschuwing", ymd(2026, 5, 11), ymd(2026, 9, 1), "opgevolgd"},
        {E, "last_onder_dwangsom", ymd(2026, 8, 5), std::nullopt, ""},
        {E, "bestuurlijke_boete", ymd(2026, 12, 1), std::nullopt, ""},
        {B, "canary_instrument", ymd(2026, 12, 1), ymd(2026, 12, 10), "canary_afloop"},
        {D, "sluiting", ymd(2025, 7, 1), ymd(2025, 8, 1), "uitgevoerd"},  // before 2026
    };

    // Overlast in Centrum, every quarter of 2022-2026: 10, 8, 7, 5, 3 a quarter (40, 32, 28, 20, 12 a year).
    const int overlast[] = {10, 8, 7, 5, 3};
    for (int y = 2022; y <= 2026; ++y)
        for (int q = 1; q <= 4; ++q) reg.meldingen.push_back({y, q, "Centrum", "overlast", overlast[y - 2022]});
    reg.meldingen.push_back({2024, 1, "Noord", "drugs", 6});
    reg.meldingen.push_back({2025, 2, "Noord", "drugs", 7});
    reg.meldingen.push_back({2026, 3, "Noord", "drugs", 8});
    reg.meldingen.push_back({2026, 1, "Zuid", "drugs", 2});
    reg.meldingen.push_back({2025, 4, "Oost", "CANARY-CATEGORIE", 1});
    reg.meldingen.push_back({2027, 1, "Centrum", "overlast", 50});  // after 2026

    reg.runs = {{"run2024a", ymd(2024, 6, 30), "c", 10},
                {"run2024b", ymd(2024, 12, 15), "c", 12},
                {"run2025", ymd(2025, 12, 1), "c", 9},
                {"run2026", ymd(2026, 12, 1), "c", 7},
                {"run2027", ymd(2027, 2, 1), "c", 30}};
    reg.run_signalen = {{"run2024a", "Centrum", "kelderbox", 100},  // not the latest run of 2024
                        {"run2024b", "Centrum", "kelderbox", 6},
                        {"run2024b", "Noord", "kelderbox", 3},
                        {"run2024b", "Centrum", "meldingen_hotspot", 5},
                        {"run2025", "Centrum", "kelderbox", 4},
                        {"run2025", "Noord", "kelderbox", 4},
                        {"run2025", "Oost", "CANARY-SIGNAAL", 2},
                        {"run2026", "Centrum", "kelderbox", 7},
                        {"run2026", "Noord", "meldingen_hotspot", 6},
                        {"run2027", "Centrum", "kelderbox", 80}};
    return reg;
}

}  // namespace onregel::test
