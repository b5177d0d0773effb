#include "app/monitor/monitor_report.hpp"

#include <algorithm>
#include <cmath>

#include "app/monitor/charts.hpp"
#include "engine/analysis/mann_kendall.hpp"
#include "engine/text.hpp"

namespace onregel {

namespace {

std::string periode_tekst(const Periode& p) { return format_date(p.van) + " tot en met " + format_date(p.tot); }

bool heel_jaar(const Periode& p) {
    return p.van == date_from_ymd(year_of(p.van), 1, 1) && p.tot == date_from_ymd(year_of(p.van), 12, 31);
}

Blok tabel_blok(const Tabel& t) {
    Blok b{Blok::tabel, "", {}, {}};
    for (const auto& k : t.kolommen) {
        b.kolommen.push_back(k.naam);
        b.rechts.push_back(k.soort != Kolom::tekst);
    }
    for (const auto& rij : t.rijen) {
        std::vector<std::string> cellen;
        for (std::size_t c = 0; c < rij.size(); ++c) cellen.push_back(cel_tekst(t.kolommen[c], rij[c]));
        b.rijen.push_back(std::move(cellen));
    }
    return b;
}

double getal(const Waarde& w) {
    if (const auto* i = std::get_if<std::int64_t>(&w)) return static_cast<double>(*i);
    if (const auto* d = std::get_if<double>(&w)) return *d;
    return 0;
}

std::string naam_van(const std::vector<Waarde>& rij) { return std::get<std::string>(rij.front()); }

std::int64_t aantal(const Tabel& t, const std::string& rij, const std::string& kolom) {
    const auto& w = t.cel(rij, kolom);
    return std::holds_alternative<std::int64_t>(w) ? std::get<std::int64_t>(w) : 0;
}

}  // namespace

std::string cel_tekst(const Kolom& kolom, const Waarde& waarde) {
    if (std::holds_alternative<std::monostate>(waarde)) return "–";
    if (const auto* s = std::get_if<std::string>(&waarde)) return *s;
    if (const auto* i = std::get_if<std::int64_t>(&waarde)) return std::to_string(*i);
    const double d = std::get<double>(waarde);
    switch (kolom.soort) {
        case Kolom::kans:
            return format_decimal_nl(d, 3);
        case Kolom::getal:
            return format_decimal_nl(d, std::abs(d - std::round(d)) < 1e-9 ? 0 : 1);
        default:
            return format_decimal_nl(d, 1);
    }
}

std::string monitor_titel(const Periode& periode) {
    return "Monitor controles en interventies " +
           (heel_jaar(periode) ? std::to_string(year_of(periode.van)) : periode_tekst(periode));
}

std::string monitor_print_style() {
    return "figure{margin:0 0 1rem}figure svg{max-width:100%;height:auto}figcaption{font-size:.9rem;color:#555}\n"
           "@page{size:A4;margin:16mm 14mm}\n"
           "@media print{body{max-width:none;margin:0;padding:0;font-size:10pt}h2{break-after:avoid}"
           "h3{break-after:avoid}table,figure{break-inside:avoid}th{background:#eee}}\n";
}

std::vector<Blok> monitor_blokken(const Monitor& m, const std::string& bron) {
    const std::string k = std::to_string(m.k);
    const auto& kwartalen = m.tabel("kwartalen");
    const auto& selectie = m.tabel("selectie");
    const auto& interventies = m.tabel("interventies");
    const auto controles = aantal(kwartalen, "Hele periode", "Controles");
    const auto adressen = aantal(kwartalen, "Hele periode", "Adressen");
    const auto bevinding = aantal(kwartalen, "Hele periode", "Met bevinding");
    const auto gestart = aantal(interventies, "Alle interventies", "Gestart");
    const auto gehaald =
        std::count_if(m.doelen.begin(), m.doelen.end(), [](const auto& d) { return d.oordeel == Oordeel::gehaald; });
    const auto onbepaald =
        std::count_if(m.doelen.begin(), m.doelen.end(), [](const auto& d) { return d.oordeel == Oordeel::niet_te_bepalen; });
    const auto instrumenten = m.instrumenten_gebruikt.size() + m.instrumenten_ongebruikt.size();

    std::vector<Blok> b = {
        {Blok::kop1, monitor_titel(m.periode), {}, {}},
        {Blok::alinea,
         "Periode " + periode_tekst(m.periode) + ". Bron: het controleregister (" + bron +
             (m.register_tot ? ", gegevens tot en met " + format_date(m.register_tot) : ", leeg") +
             "). Alleen totalen: geen adres, BAG-id of handelsnaam. Tellingen per buurt van 1 tot en met " +
             std::to_string(m.k - 1) + " staan er als \"< " + k + "\" (de drempel k van het profiel loo).",
         {},
         {}},
        {Blok::kop2, "Samenvatting", {}, {}},
        {Blok::alinea,
         "In de periode zijn " + count_text(controles, "controle", "controles") + " uitgevoerd op " +
             count_text(adressen, "adres", "adressen") + "; " + std::to_string(bevinding) + " daarvan " +
             (bevinding == 1 ? "had" : "hadden") + " een bevinding. Er " + (gestart == 1 ? "is " : "zijn ") +
             count_text(gestart, "interventie", "interventies") + " gestart, met " +
             std::to_string(m.instrumenten_gebruikt.size()) + " van de " + std::to_string(instrumenten) +
             " instrumenten die het beleid kent. Van de " +
             count_text(static_cast<std::int64_t>(m.doelen.size()), "doel", "doelen") + " " +
             (gehaald == 1 ? "is er " : "zijn er ") + std::to_string(gehaald) + " gehaald" +
             (onbepaald == 0 ? std::string(".")
                             : "; " + std::to_string(onbepaald) + (onbepaald == 1 ? " is" : " zijn") + " niet te bepalen."),
         {},
         {}},
        {Blok::kop2, "Doelen", {}, {}},
        {Blok::alinea,
         "Elk doel uit de configuratie ([[doelen]]) naast wat het register over de periode laat zien. \"Niet te bepalen\" zegt "
         "waarom: te weinig gegevens, te weinig jaren voor een trend of een periode die niet bij het doel past.",
         {},
         {}},
        tabel_blok(m.tabel("doelen")),
        {Blok::kop2, "Prestatie", {}, {}},
        {Blok::kop3, kwartalen.titel, {}, {}},
    };

    // Controles and addresses per quarter.
    std::vector<std::string> labels;
    Reeks c{"Controles", {}}, a{"Adressen", {}};
    for (const auto& rij : kwartalen.rijen)
        if (naam_van(rij) != "Hele periode") {
            labels.push_back(naam_van(rij));
            c.waarden.push_back(getal(rij[1]));
            a.waarden.push_back(getal(rij[2]));
        }
    Blok fig{Blok::figuur, "Controles en gecontroleerde adressen per kwartaal (tabel hieronder).", {}, {}};
    fig.svg = staafdiagram("Controles en adressen per kwartaal", labels, {c, a});
    b.push_back(fig);
    b.push_back(
        {Blok::alinea,
         "Een adres dat in een kwartaal twee keer is bezocht, telt als twee controles en één adres. \"Hele periode\" telt elk "
         "adres één keer, ook als het in meer kwartalen is bezocht.",
         {},
         {}});
    b.push_back(tabel_blok(kwartalen));

    // Selection routes and their hit rate.
    b.push_back({Blok::kop3, selectie.titel, {}, {}});
    labels.clear();
    Reeks s{"Controles", {}};
    std::vector<std::optional<Interval>> treffers;
    for (const auto& rij : selectie.rijen)
        if (naam_van(rij) != "Alle controles") {
            labels.push_back(naam_van(rij));
            s.waarden.push_back(getal(rij[1]));
            treffers.push_back(std::holds_alternative<double>(rij[4])
                                   ? std::optional<Interval>(Interval{getal(rij[4]), getal(rij[5]), getal(rij[6])})
                                   : std::nullopt);
        }
    fig.tekst = "Controles per selectieroute (tabel hieronder).";
    fig.svg = staafdiagram("Controles per selectieroute", labels, {s});
    b.push_back(fig);
    fig.tekst =
        "Trefkans per selectieroute: het aandeel controles met een bevinding, met het 95 %-betrouwbaarheidsinterval (Wilson).";
    fig.svg = intervaldiagram("Trefkans per selectieroute", labels, treffers);
    b.push_back(fig);
    b.push_back({Blok::alinea,
                 "Ranking: uit het voorstel van onregel; steekproef: willekeurig getrokken adressen in het voorstel (de "
                 "vergelijkingsgroep); "
                 "tip en partnerverzoek: van buiten het voorstel; hercontrole: een nieuw bezoek na een eerdere controle. De "
                 "trefkans is het "
                 "aandeel controles met een bevinding (een constatering anders dan \"geen bevinding\"). Het interval zegt hoe "
                 "zeker dat aandeel "
                 "is: bij weinig controles is het breed, en een verschil tussen routes waarvan de intervallen elkaar overlappen "
                 "is niet zeker.",
                 {},
                 {}});
    b.push_back(tabel_blok(selectie));

    b.push_back({Blok::kop3, "Constateringen", {}, {}});
    b.push_back(
        {Blok::alinea,
         "Per soort constatering het aantal controles waarbij die is gedaan; een controle kan meer constateringen hebben.",
         {},
         {}});
    b.push_back(tabel_blok(m.tabel("constateringen")));

    b.push_back({Blok::kop3, interventies.titel, {}, {}});
    b.push_back({Blok::alinea,
                 "Gebruikt: " + std::to_string(m.instrumenten_gebruikt.size()) + " van de " + std::to_string(instrumenten) +
                     " instrumenten in het beleid ([register] interventies)" +
                     (m.instrumenten_gebruikt.empty() ? "" : ": " + list_text(m.instrumenten_gebruikt)) + "." +
                     (m.instrumenten_ongebruikt.empty() ? "" : " Niet gebruikt: " + list_text(m.instrumenten_ongebruikt) + ".") +
                     " Interventies tellen in de periode waarin ze zijn gestart. Nog lopend: zonder afloop. De doorlooptijd is "
                     "het aantal "
                     "dagen van start tot einde, de mediaan over de interventies met een einddatum.",
                 {},
                 {}});
    b.push_back(tabel_blok(interventies));

    b.push_back({Blok::kop3, "Herhaalde controles", {}, {}});
    b.push_back({Blok::alinea, "Alleen aantallen adressen, geen adressen zelf.", {}, {}});
    b.push_back(tabel_blok(m.tabel("herhaling")));

    // Effect over the years.
    b.push_back({Blok::kop2, "Effect", {}, {}});
    const auto& categorie = m.tabel("meldingen_categorie");
    b.push_back({Blok::kop3, "Meldingen per categorie", {}, {}});
    std::vector<std::string> volledig;
    for (int y : m.volledige_jaren) volledig.push_back(std::to_string(y));
    b.push_back({Blok::alinea,
                 m.jaren.empty()
                     ? "Het register heeft tot het einde van de periode geen meldingen en geen runs: er is geen verloop over de "
                       "jaren te tonen."
                     : "Meldingen zoals de runs ze per kwartaal telden, opgeteld per jaar. Een jaar is volledig als het register "
                       "alle vier "
                       "kwartalen ervan heeft; de trend (Mann–Kendall, tweezijdig, p < 0,05) gaat over de volledige jaren" +
                           (volledig.empty() ? std::string(" — die zijn er niet") : " (" + list_text(volledig) + ")") +
                           ". De toets vraagt er minstens " + std::to_string(mann_kendall_min_length) +
                           "; met minder staat er \"te weinig jaren\". Een categorie die in geen enkel jaar " + k +
                           " meldingen haalt, telt mee onder de overige categorieën.",
                 {},
                 {}});
    if (!m.jaren.empty()) {
        labels.clear();
        for (int y : m.jaren) labels.push_back(std::to_string(y));
        std::vector<Reeks> reeksen;
        for (const auto& rij : categorie.rijen)
            if (naam_van(rij) != "Alle meldingen") {
                Reeks r{naam_van(rij), {}};
                for (std::size_t j = 0; j < m.jaren.size(); ++j) r.waarden.push_back(getal(rij[1 + j]));
                reeksen.push_back(std::move(r));
            }
        if (!reeksen.empty()) {
            fig.tekst = "Meldingen per categorie per jaar (tabel hieronder).";
            fig.svg = lijndiagram("Meldingen per categorie per jaar", labels, reeksen);
            b.push_back(fig);
        }
    }
    b.push_back(tabel_blok(categorie));
    b.push_back({Blok::kop3, "Meldingen per buurt", {}, {}});
    b.push_back(
        {Blok::alinea,
         "\"< " + k + "\": van 1 tot en met " + std::to_string(m.k - 1) +
             " meldingen of signaleringen, niet precies getoond. \"" + std::string(afgeschermd) +
             "\": ook afgeschermd, omdat het ene kleine getal in die kolom anders uit het totaal van de gemeente (hierboven) "
             "zou volgen.",
         {},
         {}});
    b.push_back(tabel_blok(m.tabel("meldingen_buurt")));

    b.push_back({Blok::kop3, "Signalen per jaar", {}, {}});
    b.push_back({Blok::alinea,
                 "Per jaar de laatste run in dat jaar (tot het einde van de periode): hoeveel adressen hij markeerde en hoe vaak "
                 "elk signaal "
                 "vuurde (een adres met twee signalen telt bij beide). Per buurt met dezelfde afscherming als de meldingen.",
                 {},
                 {}});
    for (const char* blad : {"runs", "signalen", "signalen_buurt"}) {
        b.push_back({Blok::kop3, m.tabel(blad).titel, {}, {}});
        b.push_back(tabel_blok(m.tabel(blad)));
    }

    b.push_back({Blok::kop2, "Verantwoording", {}, {}});
    b.push_back(
        {Blok::alinea,
         "Elk getal komt uit de rijen van het register: controles (op datum van het bezoek in de periode), interventies (op "
         "startdatum in de periode), runs en hun tellingen per signaal en buurt, en meldingen per categorie, buurt en kwartaal. "
         "De tabellen hier en in monitor.xlsx zijn de tellingen waar de grafieken uit bestaan. Hoe elk getal wordt berekend, "
         "staat in docs/monitor.md van onregel.",
         {},
         {}});
    b.push_back({Blok::alinea,
                 "Totalen voor de hele gemeente (controles, constateringen, interventies, meldingen per categorie) staan er "
                 "zoals ze zijn: "
                 "een aantal voor de hele gemeente wijst geen huishouden aan. Tellingen per buurt onder de drempel k = " +
                     k + " (min_meldingen van het signaal meldingen_hotspot) worden niet getoond.",
                 {},
                 {}});
    return b;
}

std::vector<FeatureTable> monitor_sheets(const Monitor& m, const std::string& bron) {
    std::vector<FeatureTable> out;
    FeatureTable inhoud{
        "inhoud", GeometryType::point, {{"Blad", ColumnType::text, 0, {}}, {"Inhoud", ColumnType::text, 0, {}}}, {}};
    inhoud.rows.push_back({{}, make_cells(std::string("titel"), monitor_titel(m.periode))});
    inhoud.rows.push_back({{}, make_cells(std::string("periode"), periode_tekst(m.periode))});
    inhoud.rows.push_back({{}, make_cells(std::string("bron"), bron)});
    inhoud.rows.push_back({{},
                           make_cells(std::string("k"), "tellingen per buurt van 1 tot en met " + std::to_string(m.k - 1) +
                                                            " staan er als < " + std::to_string(m.k) + "; x: afgeschermd")});
    for (const auto& t : m.tabellen) inhoud.rows.push_back({{}, make_cells(t.blad, t.titel)});
    out.push_back(std::move(inhoud));
    for (const auto& t : m.tabellen) {
        FeatureTable sheet{t.blad, GeometryType::point, {}, {}};
        std::vector<bool> als_tekst;
        for (std::size_t c = 0; c < t.kolommen.size(); ++c) {
            const auto& k = t.kolommen[c];
            // A column of counts with "< k" in it is text throughout: a number and a mark cannot share a numeric column.
            const bool tekst = k.soort == Kolom::tekst || std::any_of(t.rijen.begin(), t.rijen.end(), [&](const auto& r) {
                                   return std::holds_alternative<std::string>(r[c]);
                               });
            als_tekst.push_back(tekst);
            sheet.columns.push_back({k.naam,
                                     tekst                      ? ColumnType::text
                                     : k.soort == Kolom::aantal ? ColumnType::integer
                                                                : ColumnType::real,
                                     k.soort == Kolom::kans ? 3 : 1,
                                     {}});
        }
        for (const auto& rij : t.rijen) {
            FeatureRow row;
            for (std::size_t c = 0; c < rij.size(); ++c) {
                if (std::holds_alternative<std::monostate>(rij[c]))
                    row.cells.emplace_back(std::monostate{});
                else if (als_tekst[c])
                    row.cells.emplace_back(cel_tekst(t.kolommen[c], rij[c]));
                else if (const auto* i = std::get_if<std::int64_t>(&rij[c]))
                    row.cells.emplace_back(*i);
                else
                    row.cells.emplace_back(std::get<double>(rij[c]));
            }
            sheet.rows.push_back(std::move(row));
        }
        out.push_back(std::move(sheet));
    }
    return out;
}

}  // namespace onregel
