#include "app/monitor/monitor_figures.hpp"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <map>
#include <set>
#include <stdexcept>

#include "engine/analysis/evaluation.hpp"
#include "engine/analysis/mann_kendall.hpp"
#include "engine/text.hpp"

namespace onregel {

namespace {

constexpr double p_grens = 0.05;  // a trend is called one below this two-sided p

bool met_bevinding(const RegisterControle& c) {
    return std::any_of(c.constateringen.begin(), c.constateringen.end(), [](const auto& k) { return k != geen_bevinding; });
}

Waarde procent(std::int64_t deel, std::int64_t geheel) {
    if (geheel == 0) return std::monostate{};
    return 100.0 * static_cast<double>(deel) / static_cast<double>(geheel);
}

std::string pct_text(double fraction) { return format_decimal_nl(100 * fraction, 1) + " %"; }

double mediaan(std::vector<int> values) {
    std::sort(values.begin(), values.end());
    const auto n = values.size();
    return n % 2 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2.0;
}

std::string buurt_naam(const std::string& buurt) { return buurt.empty() ? "(zonder buurt)" : buurt; }

// Counts per buurt (rows) and column, suppressed for the loo profile: 1 to k - 1 reads "< k"; when a
// column holds exactly one such cell, its value would follow from the town-wide total that the report
// publishes, so the smallest other non-zero cell of the column reads "x" too — and when there is none,
// every cell of the column does.
std::vector<std::vector<Waarde>> onderdrukt(const std::vector<std::string>& namen,
                                            const std::vector<std::vector<std::int64_t>>& tellingen, int k) {
    std::vector<std::vector<Waarde>> rijen(namen.size());
    for (std::size_t r = 0; r < namen.size(); ++r) rijen[r].emplace_back(namen[r]);
    const std::size_t kolommen = tellingen.empty() ? 0 : tellingen.front().size();
    for (std::size_t c = 0; c < kolommen; ++c) {
        std::vector<std::size_t> klein;
        for (std::size_t r = 0; r < namen.size(); ++r)
            if (tellingen[r][c] > 0 && tellingen[r][c] < k) klein.push_back(r);
        std::optional<std::size_t> ook;
        if (klein.size() == 1)
            for (std::size_t r = 0; r < namen.size(); ++r)
                if (tellingen[r][c] >= k && (!ook || tellingen[r][c] < tellingen[*ook][c])) ook = r;
        // The only non-zero cell, and small: the town total would say how many, the zeros where. The whole
        // column is hidden then.
        const bool alles = klein.size() == 1 && !ook;
        for (std::size_t r = 0; r < namen.size(); ++r) {
            const auto v = tellingen[r][c];
            if (alles)
                rijen[r].emplace_back(std::string(afgeschermd));
            else if (v > 0 && v < k)
                rijen[r].emplace_back(onder_k(k));
            else if (ook == r)
                rijen[r].emplace_back(std::string(afgeschermd));
            else
                rijen[r].emplace_back(v);
        }
    }
    return rijen;
}

// Town-wide counts per name (a meldingcategorie, a signal) and year: a name is shown when its count
// reaches k in some year, the others are summed under `overige`; the total comes last.
// `n` columns (years, runs), also when there are no names at all.
void per_naam_rijen(const std::map<std::string, std::vector<std::int64_t>>& per_naam, std::size_t n, int k, const std::string& overige,
                    const std::string& totaal, std::vector<std::string>& namen, std::vector<std::vector<std::int64_t>>& rijen) {
    std::vector<std::int64_t> rest(n, 0), alles(n, 0);
    bool rest_gebruikt = false;
    for (const auto& [naam, tellingen] : per_naam) {
        for (std::size_t j = 0; j < n; ++j) alles[j] += tellingen[j];
        if (std::any_of(tellingen.begin(), tellingen.end(), [&](auto v) { return v >= k; })) {
            namen.push_back(naam);
            rijen.push_back(tellingen);
        } else {
            rest_gebruikt = true;
            for (std::size_t j = 0; j < n; ++j) rest[j] += tellingen[j];
        }
    }
    if (rest_gebruikt) {
        namen.push_back(overige);
        rijen.push_back(rest);
    }
    namen.push_back(totaal);
    rijen.push_back(alles);
}

bool heel(double x) { return std::abs(x - std::round(x)) < 1e-9; }

std::string norm_text(const Doel& d, std::string_view eenheid) {
    const bool aandeel = !telt(d.maat);
    const double grens = d.minimaal ? *d.minimaal : d.maximaal.value_or(0);
    const double getal = aandeel ? 100 * grens : grens;
    return std::string(d.minimaal ? "minimaal " : "maximaal ") + format_decimal_nl(getal, heel(getal) ? 0 : 1) +
           (aandeel ? " %" : "") + std::string(eenheid);
}

bool voldoet(const Doel& d, double waarde) { return d.minimaal ? waarde >= *d.minimaal : waarde <= d.maximaal.value_or(0); }

struct Feiten {
    const Register& reg;
    const RegisterBeleid& beleid;
    Periode periode;
    int k;
    std::vector<const RegisterControle*> controles;  // in the period, by date then bag_id
    std::vector<const Interventie*> interventies;    // started in the period
    Date register_tot = 0;
};

DoelUitkomst aandeel_doel(const Doel& d, int treffers, int n, std::string_view wat) {
    DoelUitkomst u{d.naam, norm_text(d, ""), "", Oordeel::niet_te_bepalen, ""};
    if (n == 0) {
        u.realisatie = "geen " + std::string(wat) + " in de periode";
        u.toelichting = "zonder " + std::string(wat) + " is er geen aandeel";
        return u;
    }
    const auto a = wilson(treffers, n);
    u.realisatie = pct_text(a.waarde) + " (" + std::to_string(treffers) + " van " + std::to_string(n) + " " + std::string(wat) +
                   "; 95 %-interval " + format_decimal_nl(100 * a.laag, 1) + "–" + pct_text(a.hoog) + ")";
    u.oordeel = voldoet(d, a.waarde) ? Oordeel::gehaald : Oordeel::niet_gehaald;
    const double grens = d.minimaal ? *d.minimaal : d.maximaal.value_or(0);
    if (a.laag <= grens && grens <= a.hoog)
        u.toelichting = "de norm ligt binnen het 95 %-interval: met " + std::to_string(n) + " " + std::string(wat) +
                        " is het oordeel niet zeker";
    return u;
}

// Controles (visits) or controledagen (days with a visit) per calendar year.
DoelUitkomst controles_doel(const Doel& d, const Feiten& f) {
    const bool dagen = d.maat == Maat::controledagen;
    const auto [een, meer] = dagen ? std::pair("controledag", "controledagen") : std::pair("controle", "controles");
    DoelUitkomst u{d.naam, norm_text(d, std::string(" ") + meer + " per kalenderjaar"), "", Oordeel::niet_te_bepalen, ""};
    int y0 = 0, y1 = 0;
    unsigned m0 = 0, d0 = 0, m1 = 0, d1 = 0;
    ymd_from_date(f.periode.van, y0, m0, d0);
    ymd_from_date(f.periode.tot, y1, m1, d1);
    if (m0 != 1 || d0 != 1 || m1 != 12 || d1 != 31) {
        std::set<Date> days;
        for (const auto* c : f.controles) days.insert(c->datum);
        u.realisatie = count_text(static_cast<std::int64_t>(dagen ? days.size() : f.controles.size()), een, meer) + " in de periode";
        u.toelichting = "het doel geldt per kalenderjaar en de periode " + format_date(f.periode.van) + " – " +
                        format_date(f.periode.tot) + " bestaat niet uit hele kalenderjaren";
        return u;
    }
    std::vector<std::string> per_jaar;
    bool alle = true, onvolledig = false;
    for (int y = y0; y <= y1; ++y) {
        std::set<Date> days;
        std::int64_t n = 0;
        for (const auto* c : f.controles)
            if (year_of(c->datum) == y) {
                ++n;
                days.insert(c->datum);
            }
        if (dagen) n = static_cast<std::int64_t>(days.size());
        per_jaar.push_back(std::to_string(y) + ": " + count_text(n, een, meer));
        if (!voldoet(d, static_cast<double>(n))) {
            alle = false;
            if (d.minimaal && f.register_tot < date_from_ymd(y, 12, 31)) onvolledig = true;
        }
    }
    u.realisatie = list_text(per_jaar);
    if (alle)
        u.oordeel = Oordeel::gehaald;
    else if (onvolledig)
        u.toelichting = "het register heeft geen gegevens na " + format_date(f.register_tot) +
                        ": het jaar is nog niet voorbij of het register is niet bijgewerkt";
    else
        u.oordeel = Oordeel::niet_gehaald;
    return u;
}

DoelUitkomst opgevolgd_doel(const Doel& d, const Feiten& f) {
    DoelUitkomst u{d.naam, norm_text(d, " binnen " + std::to_string(d.weken) + " weken opgevolgd"), "", Oordeel::niet_te_bepalen,
                   ""};
    const Keuze* opgevolgd = RegisterBeleid::zoek(f.beleid.afloop, "opgevolgd");
    if (!opgevolgd) {
        u.toelichting = "[register] afloop kent geen opgevolgd";
        return u;
    }
    int n = 0, binnen = 0;
    for (const auto* i : f.interventies) {
        if (i->soort == hercontrole) continue;  // a new visit, not an instrument to follow up
        const Date termijn = i->start + 7 * d.weken;
        if (termijn > f.periode.tot && !i->einde) continue;  // still within its term: not yet to judge
        ++n;
        if (i->afloop == opgevolgd->sleutel && i->einde && *i->einde <= termijn) ++binnen;
    }
    const auto norm = u.norm;
    u = aandeel_doel(d, binnen, n, "interventies");
    u.norm = norm;
    if (n == 0)
        u.toelichting =
            "geen interventies (hercontroles niet meegeteld) in de periode waarvan de termijn voorbij is of die al beëindigd "
            "zijn";
    return u;
}

}  // namespace

std::string_view oordeel_name(Oordeel oordeel) {
    switch (oordeel) {
        case Oordeel::gehaald:
            return "gehaald";
        case Oordeel::niet_gehaald:
            return "niet gehaald";
        case Oordeel::niet_te_bepalen:
            break;
    }
    return "niet te bepalen";
}

std::string onder_k(int k) { return "< " + std::to_string(k); }

const Waarde& Tabel::cel(const std::string& rij, const std::string& kolom) const {
    for (std::size_t c = 0; c < kolommen.size(); ++c)
        if (kolommen[c].naam == kolom)
            for (const auto& r : rijen)
                if (const auto* naam = std::get_if<std::string>(&r.front()); naam && *naam == rij) return r.at(c);
    throw std::out_of_range("tabel " + blad + ": geen cel " + rij + " / " + kolom);
}

const Tabel& Monitor::tabel(const std::string& blad) const {
    for (const auto& t : tabellen)
        if (t.blad == blad) return t;
    throw std::out_of_range("geen tabel " + blad);
}

Trend trend_of(const std::vector<double>& per_jaar) {
    Trend t;
    t.jaren = static_cast<int>(per_jaar.size());
    if (per_jaar.size() < mann_kendall_min_length) {
        t.woord = "te weinig jaren (" + std::to_string(per_jaar.size()) + ", de toets vraagt er " +
                  std::to_string(mann_kendall_min_length) + ")";
        return t;
    }
    const auto mk = mann_kendall(per_jaar);
    t.s = mk.s;
    t.p = mk.p;
    t.woord = mk.p >= p_grens ? "geen trend aantoonbaar" : mk.s < 0 ? "dalend" : "stijgend";
    return t;
}

// The last day the register knows what happened: controles, interventies ended, runs. Not a start
// (a hercontrole is planned ahead) nor the end of a quarter of meldingen (the quarter may still run).
std::optional<Date> laatste_datum(const Register& reg) {
    std::optional<Date> out;
    const auto zie = [&](Date d) { out = std::max(out.value_or(d), d); };
    for (const auto& c : reg.controles) zie(c.datum);
    for (const auto& i : reg.interventies)
        if (i.einde) zie(*i.einde);
    for (const auto& r : reg.runs) zie(r.peildatum);
    return out;
}

Monitor compute_monitor(const Register& reg, const RegisterBeleid& beleid, const std::vector<Doel>& doelen, Periode periode,
                        int k) {
    Monitor m;
    m.periode = periode;
    m.k = k;
    m.register_tot = laatste_datum(reg).value_or(0);
    Feiten f{reg, beleid, periode, k, {}, {}, m.register_tot};
    const auto in_periode = [&](Date d) { return d >= periode.van && d <= periode.tot; };
    for (const auto& c : reg.controles)
        if (in_periode(c.datum)) f.controles.push_back(&c);
    std::sort(f.controles.begin(), f.controles.end(),
              [](const auto* a, const auto* b) { return std::tie(a->datum, a->bag_id) < std::tie(b->datum, b->bag_id); });
    for (const auto& i : reg.interventies)  // started: a start after what the register knows is a plan
        if (in_periode(i.start) && i.start <= m.register_tot) f.interventies.push_back(&i);
    const auto n_controles = static_cast<std::int64_t>(f.controles.size());
    const auto bevindingen = static_cast<std::int64_t>(
        std::count_if(f.controles.begin(), f.controles.end(), [](const auto* c) { return met_bevinding(*c); }));

    // Prestatie: controles and addresses per quarter.
    Tabel kwartalen{
        "kwartalen",
        "Controles per kwartaal",
        {{Kolom::tekst, "Kwartaal"}, {Kolom::aantal, "Controles"}, {Kolom::aantal, "Adressen"}, {Kolom::aantal, "Met bevinding"}},
        {}};
    for (int index = year_of(periode.van) * 4 + kwartaal_van(periode.van) - 1;; ++index) {
        const int y = index / 4, q = index % 4 + 1;
        if (kwartaal_begin(y, q) > periode.tot) break;
        std::set<std::string> adressen;
        std::int64_t n = 0, b = 0;
        for (const auto* c : f.controles)
            if (year_of(c->datum) == y && kwartaal_van(c->datum) == q) {
                ++n;
                b += met_bevinding(*c);
                adressen.insert(c->bag_id);
            }
        kwartalen.rijen.push_back(
            {std::to_string(y) + " K" + std::to_string(q), n, static_cast<std::int64_t>(adressen.size()), b});
    }
    std::set<std::string> alle_adressen;
    for (const auto* c : f.controles) alle_adressen.insert(c->bag_id);
    kwartalen.rijen.push_back(
        {std::string("Hele periode"), n_controles, static_cast<std::int64_t>(alle_adressen.size()), bevindingen});

    // How controles were selected, and the hit rate of each route.
    Tabel selectie{"selectie",
                   "Controles per selectieroute, met trefkans",
                   {{Kolom::tekst, "Selectie"},
                    {Kolom::aantal, "Controles"},
                    {Kolom::procent, "Aandeel (%)"},
                    {Kolom::aantal, "Met bevinding"},
                    {Kolom::procent, "Trefkans (%)"},
                    {Kolom::procent, "95 %-interval laag (%)"},
                    {Kolom::procent, "95 %-interval hoog (%)"}},
                   {}};
    const auto selectie_rij = [&](const std::string& naam, const auto& hoort) {
        std::int64_t n = 0, b = 0;
        for (const auto* c : f.controles)
            if (hoort(*c)) {
                ++n;
                b += met_bevinding(*c);
            }
        const auto a = wilson(static_cast<int>(b), static_cast<int>(n));
        const Waarde geen{};
        selectie.rijen.push_back({naam, n, procent(n, n_controles), b, n ? Waarde(100 * a.waarde) : geen,
                                  n ? Waarde(100 * a.laag) : geen, n ? Waarde(100 * a.hoog) : geen});
    };
    for (auto s : alle_selecties)
        selectie_rij(std::string(selectie_name(s)), [s](const RegisterControle& c) { return c.selectie == s; });
    selectie_rij("Alle controles", [](const RegisterControle&) { return true; });

    // Constateringen per kind: a controle can have several.
    Tabel constateringen{
        "constateringen",
        "Constateringen",
        {{Kolom::tekst, "Constatering"}, {Kolom::aantal, "Controles"}, {Kolom::procent, "Aandeel van de controles (%)"}},
        {}};
    for (const auto& keuze : beleid.constateringen) {
        const auto n = std::count_if(f.controles.begin(), f.controles.end(), [&](const auto* c) {
            return std::find(c->constateringen.begin(), c->constateringen.end(), keuze.sleutel) != c->constateringen.end();
        });
        constateringen.rijen.push_back({keuze.naam, static_cast<std::int64_t>(n), procent(n, n_controles)});
    }
    const auto onbekende_constatering = std::count_if(f.controles.begin(), f.controles.end(), [&](const auto* c) {
        return std::any_of(c->constateringen.begin(), c->constateringen.end(),
                           [&](const auto& key) { return !RegisterBeleid::zoek(beleid.constateringen, key); });
    });
    if (onbekende_constatering)
        constateringen.rijen.push_back({std::string("Overige (niet in [register] constateringen)"),
                                        static_cast<std::int64_t>(onbekende_constatering),
                                        procent(onbekende_constatering, n_controles)});

    // Interventies per instrument, how they ended and how long they took.
    const auto afloop_bekend = [&](const Interventie& i) {
        return i.afloop.empty() || RegisterBeleid::zoek(beleid.afloop, i.afloop);
    };
    const bool overige_afloop =
        std::any_of(f.interventies.begin(), f.interventies.end(), [&](const auto* i) { return !afloop_bekend(*i); });
    Tabel interventies{"interventies",
                       "Interventies per instrument, afloop en doorlooptijd",
                       {{Kolom::tekst, "Instrument"}, {Kolom::aantal, "Gestart"}, {Kolom::aantal, "Nog lopend"}},
                       {}};
    for (const auto& a : beleid.afloop) interventies.kolommen.push_back({Kolom::aantal, a.naam});
    if (overige_afloop) interventies.kolommen.push_back({Kolom::aantal, "Overige afloop"});
    interventies.kolommen.push_back({Kolom::aantal, "Met einddatum"});
    interventies.kolommen.push_back({Kolom::getal, "Mediane doorlooptijd (dagen)"});
    const auto interventie_rij = [&](const std::string& naam, const auto& hoort) {
        std::vector<Waarde> rij{naam};
        std::vector<const Interventie*> deze;
        for (const auto* i : f.interventies)
            if (hoort(*i)) deze.push_back(i);
        const auto tel = [&](const auto& pred) {
            return static_cast<std::int64_t>(std::count_if(deze.begin(), deze.end(), pred));
        };
        rij.emplace_back(static_cast<std::int64_t>(deze.size()));
        rij.emplace_back(tel([](const auto* i) { return i->afloop.empty(); }));
        for (const auto& a : beleid.afloop) rij.emplace_back(tel([&](const auto* i) { return i->afloop == a.sleutel; }));
        if (overige_afloop) rij.emplace_back(tel([&](const auto* i) { return !afloop_bekend(*i); }));
        std::vector<int> dagen;
        for (const auto* i : deze)
            if (i->einde) dagen.push_back(*i->einde - i->start);
        rij.emplace_back(static_cast<std::int64_t>(dagen.size()));
        rij.push_back(dagen.empty() ? Waarde{} : Waarde(mediaan(dagen)));
        interventies.rijen.push_back(std::move(rij));
        return !deze.empty();
    };
    for (const auto& keuze : beleid.interventies)
        (interventie_rij(keuze.naam, [&](const Interventie& i) { return i.soort == keuze.sleutel; }) ? m.instrumenten_gebruikt
                                                                                                     : m.instrumenten_ongebruikt)
            .push_back(keuze.naam);
    const auto onbekend_instrument = [&](const Interventie& i) { return !RegisterBeleid::zoek(beleid.interventies, i.soort); };
    if (std::any_of(f.interventies.begin(), f.interventies.end(), [&](const auto* i) { return onbekend_instrument(*i); }))
        interventie_rij("Overige (niet in [register] interventies)", onbekend_instrument);
    interventie_rij("Alle interventies", [](const Interventie&) { return true; });

    // Addresses visited more than once: counts only.
    std::map<std::string, std::vector<const RegisterControle*>> per_adres;
    for (const auto* c : f.controles) per_adres[c->bag_id].push_back(c);
    std::set<std::string> eerder;
    for (const auto& c : reg.controles)
        if (c.datum < periode.van && per_adres.count(c.bag_id)) eerder.insert(c.bag_id);
    std::int64_t een = 0, twee = 0, meer = 0, na_bevinding = 0, weer = 0;
    for (const auto& [adres, bezoeken] : per_adres) {
        (bezoeken.size() == 1 ? een : bezoeken.size() == 2 ? twee : meer) += 1;
        const auto eerste = std::find_if(bezoeken.begin(), bezoeken.end(), [](const auto* c) { return met_bevinding(*c); });
        if (eerste != bezoeken.end() && eerste + 1 != bezoeken.end()) {
            ++na_bevinding;
            weer += met_bevinding(*bezoeken.back());
        }
    }
    Tabel herhaling{"herhaling",
                    "Herhaalde controles op hetzelfde adres",
                    {{Kolom::tekst, "Adressen"}, {Kolom::aantal, "Aantal"}},
                    {{std::string("Gecontroleerde adressen"), static_cast<std::int64_t>(per_adres.size())},
                     {std::string("waarvan één keer gecontroleerd"), een},
                     {std::string("waarvan twee keer gecontroleerd"), twee},
                     {std::string("waarvan drie keer of vaker gecontroleerd"), meer},
                     {std::string("waarvan al vóór de periode gecontroleerd"), static_cast<std::int64_t>(eerder.size())},
                     {std::string("Adressen met een bevinding en daarna nog een controle"), na_bevinding},
                     {std::string("waarvan bij de laatste controle weer een bevinding"), weer}}};

    // Effect: the years up to the end of the period, from the first with meldingen or a run.
    std::vector<const MeldingenKwartaal*> meldingen;
    for (const auto& r : reg.meldingen)
        if (kwartaal_einde(r.jaar, r.kwartaal) <= periode.tot) meldingen.push_back(&r);
    std::vector<const RegisterRun*> runs;  // the latest run of each year, by year
    {
        std::map<int, const RegisterRun*> laatste;
        for (const auto& r : reg.runs) {
            if (r.peildatum > periode.tot) continue;
            auto& l = laatste[year_of(r.peildatum)];
            if (!l || std::tie(r.peildatum, r.id) > std::tie(l->peildatum, l->id)) l = &r;
        }
        for (const auto& [jaar, r] : laatste) runs.push_back(r);
    }
    int eerste_jaar = year_of(periode.tot) + 1;
    for (const auto* r : meldingen) eerste_jaar = std::min(eerste_jaar, r->jaar);
    for (const auto* r : runs) eerste_jaar = std::min(eerste_jaar, year_of(r->peildatum));
    for (int y = eerste_jaar; y <= year_of(periode.tot); ++y) m.jaren.push_back(y);
    std::map<int, std::set<int>> kwartalen_met_meldingen;
    for (const auto* r : meldingen) kwartalen_met_meldingen[r->jaar].insert(r->kwartaal);
    for (int y : m.jaren)
        if (kwartalen_met_meldingen[y].size() == 4) m.volledige_jaren.push_back(y);
    const auto index_of = [&](int jaar) { return static_cast<std::size_t>(jaar - eerste_jaar); };
    const auto jaar_label = [&](int y) {
        return std::to_string(y) + (std::binary_search(m.volledige_jaren.begin(), m.volledige_jaren.end(), y) ? "" : " (deels)");
    };

    std::map<std::string, std::vector<std::int64_t>> per_categorie, per_buurt;
    for (const auto* r : meldingen) {
        per_categorie.try_emplace(r->categorie, m.jaren.size(), 0).first->second[index_of(r->jaar)] += r->aantal;
        per_buurt.try_emplace(buurt_naam(r->buurt), m.jaren.size(), 0).first->second[index_of(r->jaar)] += r->aantal;
    }
    Tabel categorie{"meldingen_categorie", "Meldingen per categorie per jaar, met trend", {{Kolom::tekst, "Categorie"}}, {}};
    for (int y : m.jaren) categorie.kolommen.push_back({Kolom::aantal, jaar_label(y)});
    categorie.kolommen.insert(categorie.kolommen.end(),
                              {{Kolom::tekst, "Trend"}, {Kolom::getal, "Mann–Kendall S"}, {Kolom::kans, "p"}});
    {
        std::vector<std::string> namen;
        std::vector<std::vector<std::int64_t>> rijen;
        per_naam_rijen(per_categorie, m.jaren.size(), k, "Overige categorieën (elk minder dan " + std::to_string(k) + " per jaar)",
                       "Alle meldingen", namen, rijen);
        for (std::size_t r = 0; r < namen.size(); ++r) {
            std::vector<Waarde> rij{namen[r]};
            std::vector<double> reeks;
            for (std::size_t j = 0; j < m.jaren.size(); ++j) {
                rij.emplace_back(rijen[r][j]);
                if (std::binary_search(m.volledige_jaren.begin(), m.volledige_jaren.end(), m.jaren[j]))
                    reeks.push_back(static_cast<double>(rijen[r][j]));
            }
            const auto t = trend_of(reeks);
            rij.emplace_back(t.woord);
            rij.push_back(t.s ? Waarde(*t.s) : Waarde{});
            rij.push_back(t.p ? Waarde(*t.p) : Waarde{});
            categorie.rijen.push_back(std::move(rij));
        }
    }
    Tabel buurten{"meldingen_buurt", "Meldingen per buurt per jaar", {{Kolom::tekst, "Buurt"}}, {}};
    for (int y : m.jaren) buurten.kolommen.push_back({Kolom::aantal, jaar_label(y)});
    {
        std::vector<std::string> namen;
        std::vector<std::vector<std::int64_t>> tellingen;
        for (const auto& [naam, t] : per_buurt) {
            namen.push_back(naam);
            tellingen.push_back(t);
        }
        buurten.rijen = onderdrukt(namen, tellingen, k);
    }

    // Signals: per year the latest run in it.
    Tabel run_tabel{"runs",
                    "Runs: de laatste van elk jaar",
                    {{Kolom::tekst, "Jaar"},
                     {Kolom::tekst, "Peildatum"},
                     {Kolom::aantal, "Gemarkeerde adressen"},
                     {Kolom::aantal, "Signaleringen"}},
                    {}};
    Tabel signalen{"signalen", "Signaleringen per signaal (laatste run van elk jaar)", {{Kolom::tekst, "Signaal"}}, {}};
    Tabel signalen_buurt{"signalen_buurt", "Signaleringen per buurt (laatste run van elk jaar)", {{Kolom::tekst, "Buurt"}}, {}};
    {
        std::map<std::string, std::size_t> run_index;
        for (std::size_t j = 0; j < runs.size(); ++j) {
            run_index[runs[j]->id] = j;
            signalen.kolommen.push_back({Kolom::aantal, std::to_string(year_of(runs[j]->peildatum))});
            signalen_buurt.kolommen.push_back({Kolom::aantal, std::to_string(year_of(runs[j]->peildatum))});
        }
        std::map<std::string, std::vector<std::int64_t>> per_signaal, per_signaal_buurt;
        std::vector<std::int64_t> totaal(runs.size(), 0);
        for (const auto& r : reg.run_signalen) {
            const auto it = run_index.find(r.run);
            if (it == run_index.end()) continue;
            per_signaal.try_emplace(r.signaal, runs.size(), 0).first->second[it->second] += r.aantal;
            per_signaal_buurt.try_emplace(buurt_naam(r.buurt), runs.size(), 0).first->second[it->second] += r.aantal;
            totaal[it->second] += r.aantal;
        }
        for (std::size_t j = 0; j < runs.size(); ++j)
            run_tabel.rijen.push_back({std::to_string(year_of(runs[j]->peildatum)), format_date(runs[j]->peildatum),
                                       static_cast<std::int64_t>(runs[j]->gemarkeerd), totaal[j]});
        std::vector<std::string> namen;
        std::vector<std::vector<std::int64_t>> rijen;
        if (!runs.empty())
            per_naam_rijen(per_signaal, runs.size(), k, "Overige signalen (elk minder dan " + std::to_string(k) + ")", "Alle signaleringen",
                           namen, rijen);
        for (std::size_t r = 0; r < namen.size(); ++r) {
            std::vector<Waarde> rij{namen[r]};
            rij.insert(rij.end(), rijen[r].begin(), rijen[r].end());
            signalen.rijen.push_back(std::move(rij));
        }
        namen.clear();
        rijen.clear();
        for (const auto& [naam, t] : per_signaal_buurt) {
            namen.push_back(naam);
            rijen.push_back(t);
        }
        signalen_buurt.rijen = onderdrukt(namen, rijen, k);
    }

    // Goals.
    for (const auto& d : doelen) {
        switch (d.maat) {
            case Maat::controles:
            case Maat::controledagen:
                m.doelen.push_back(controles_doel(d, f));
                break;
            case Maat::aandeel_met_bevinding: {
                auto u = aandeel_doel(d, static_cast<int>(bevindingen), static_cast<int>(n_controles), "controles");
                u.norm += " van de controles met een bevinding";
                m.doelen.push_back(u);
                break;
            }
            case Maat::aandeel_uit_ranking: {
                const auto ranking = std::count_if(f.controles.begin(), f.controles.end(),
                                                   [](const auto* c) { return c->selectie == Selectie::ranking; });
                auto u = aandeel_doel(d, static_cast<int>(ranking), static_cast<int>(n_controles), "controles");
                u.norm += " van de controles uit de ranking";
                m.doelen.push_back(u);
                break;
            }
            case Maat::opgevolgd_binnen_weken:
                m.doelen.push_back(opgevolgd_doel(d, f));
                break;
            case Maat::meldingen_trend: {
                DoelUitkomst u{
                    d.naam,
                    std::string("meldingen over ") + d.categorie + (d.richting == "dalend" ? " dalend" : " niet stijgend"), "",
                    Oordeel::niet_te_bepalen, ""};
                std::vector<double> reeks;
                bool gevonden = false;
                for (int y : m.volledige_jaren) {
                    double n = 0;
                    for (const auto* r : meldingen)
                        if (r->jaar == y && ascii_lower(r->categorie) == ascii_lower(d.categorie)) {
                            n += r->aantal;
                            gevonden = true;
                        }
                    reeks.push_back(n);
                }
                const auto t = trend_of(reeks);
                if (!gevonden) {
                    u.realisatie = "geen meldingen van deze categorie in het register";
                    u.toelichting = "het register telt geen meldingen met categorie " + d.categorie + " in de volledige jaren";
                } else if (!t.s) {
                    u.realisatie = t.woord;
                    u.toelichting = "de trendtoets (Mann–Kendall) vraagt minstens " + std::to_string(mann_kendall_min_length) +
                                    " volledige jaren met meldingen; het register heeft er " + std::to_string(t.jaren);
                } else {
                    u.realisatie = t.woord + " (S = " + format_decimal_nl(*t.s, 0) + ", p = " + format_decimal_nl(*t.p, 3) +
                                   ") over " + std::to_string(t.jaren) + " volledige jaren";
                    const bool stijgend = *t.s > 0 && *t.p < p_grens, dalend = *t.s < 0 && *t.p < p_grens;
                    u.oordeel = (d.richting == "dalend" ? dalend : !stijgend) ? Oordeel::gehaald : Oordeel::niet_gehaald;
                }
                m.doelen.push_back(u);
                break;
            }
        }
    }
    Tabel doelen_tabel{"doelen",
                       "Doelen en realisatie",
                       {{Kolom::tekst, "Doel"},
                        {Kolom::tekst, "Norm"},
                        {Kolom::tekst, "Gerealiseerd"},
                        {Kolom::tekst, "Oordeel"},
                        {Kolom::tekst, "Toelichting"}},
                       {}};
    for (const auto& u : m.doelen)
        doelen_tabel.rijen.push_back({u.naam, u.norm, u.realisatie, std::string(oordeel_name(u.oordeel)), u.toelichting});

    m.tabellen = {std::move(doelen_tabel), std::move(kwartalen), std::move(selectie),      std::move(constateringen),
                  std::move(interventies), std::move(herhaling), std::move(categorie),     std::move(buurten),
                  std::move(run_tabel),    std::move(signalen),  std::move(signalen_buurt)};
    return m;
}

}  // namespace onregel
