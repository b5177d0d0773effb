#include "app/gebied/informatiebeeld_tekst.hpp"

#include "engine/date.hpp"
#include "engine/text.hpp"

namespace onregel {

namespace {

std::string waarde_tekst(const std::optional<double>& v, const std::string& eenheid) {
    if (!v) return "–";
    if (eenheid == "aandeel") return format_decimal_nl(*v * 100, 1) + "%";
    if (eenheid == "aantal" || eenheid == "jaar") return format_decimal(*v, 0);
    if (eenheid == "per object") return format_decimal_nl(*v, 2);
    return format_decimal_nl(*v, 1);
}

std::string trend_tekst(const MannKendall& trend) {
    return std::string(trend_woord(trend)) + " (S = " + format_decimal(trend.s, 0) + ", p = " + format_decimal_nl(trend.p, 3) + ")";
}

// Where the meldingen begin and which years the trend runs over. Area and gemeente share the series'
// years: both count from the first melding in the input.
std::string trend_alinea(const Gebiedscijfers& c, const Gemeentebeeld& beeld) {
    const auto& g = beeld.gemeente();
    const auto jaren = g.meldingen.size();
    std::string out;
    if (!beeld.meldingen_vanaf()) out = "Er zijn geen meldingen in de invoer. ";
    else if (jaren < static_cast<std::size_t>(informatiebeeld_jaren))
        out = "De meldingen in de invoer beginnen op " + format_date(*beeld.meldingen_vanaf()) + "; " +
              (jaren == 0   ? std::string("geen van de jaren hierboven begint") :
               jaren == 1   ? std::string("alleen het laatste jaar begint") :
                              "alleen de laatste " + std::to_string(jaren) + " jaren beginnen") +
              " op of na die datum. Jaren die eerder beginnen, vallen (deels) vóór de gegevens en tellen niet mee (–), "
              "ook niet voor de trend en het kengetal Meldingen. ";
    if (!g.meldingen_trend || !c.meldingen_trend)
        return out + "Trend van de meldingen: te weinig jaren voor een trend (" +
               (jaren == 0 ? std::string("geen jaar") : std::to_string(jaren) + " jaar") +
               " met gegevens; Mann–Kendall heeft er minstens " + std::to_string(mann_kendall_min_length) + " nodig).";
    return out + "Trend van de meldingen (Mann–Kendall, p < 0,05): gebied " + trend_tekst(*c.meldingen_trend) + "; gemeente " +
           trend_tekst(*g.meldingen_trend) + ".";
}

std::string meldingen_cel(const Gebiedscijfers& c, std::size_t k) {
    const auto n = meldingen_in_jaar(c, k);
    return n ? std::to_string(*n) : "–";
}

std::string aantal(const std::map<std::string, int>& counts, const std::string& key) {
    const auto it = counts.find(key);
    return std::to_string(it == counts.end() ? 0 : it->second);
}

}  // namespace

std::vector<Blok> gebied_blokken(const Gebied& gebied, const Gebiedscijfers& c, const Gemeentebeeld& beeld,
                                 const std::map<std::string, std::string>& beschrijvingen) {
    const auto& g = beeld.gemeente();
    std::vector<Blok> out;
    out.push_back({Blok::kop2, gebied.naam, {}, {}});
    out.push_back({Blok::alinea, "Basisdataset: " + gebied.bestand + ".xlsx en " + gebied.bestand + ".csv.", {}, {}});
    Blok kengetallen_tabel{Blok::tabel, "", {"Kengetal", "Gebied", "Gemeente", "Definitie"}, {}};
    for (const auto& k : kengetallen(c, g))
        kengetallen_tabel.rijen.push_back({k.naam, waarde_tekst(k.gebied, k.eenheid), waarde_tekst(k.gemeente, k.eenheid),
                                           k.definitie + " Eenheid: " + k.eenheid + "."});
    out.push_back(std::move(kengetallen_tabel));

    out.push_back({Blok::kop3, "Risicobranches (actieve vestigingen)", {}, {}});
    Blok branches{Blok::tabel, "", {"Branche", "Gebied", "Gemeente"}, {}};
    for (const auto& [naam, n] : g.per_risicobranche) branches.rijen.push_back({naam, aantal(c.per_risicobranche, naam), std::to_string(n)});
    if (branches.rijen.empty()) out.push_back({Blok::alinea, "Geen vestigingen in een risicobranche in de gemeente.", {}, {}});
    else out.push_back(std::move(branches));

    out.push_back({Blok::kop3, "Verloop en meldingen per jaar", {}, {}});
    Blok jaren{Blok::tabel, "", {"Jaar (van – tot en met)", "Oprichtingen", "Opheffingen", "Meldingen", "Meldingen gemeente"}, {}};
    const auto periodes = beeld.jaren();
    for (std::size_t k = 0; k < periodes.size(); ++k)
        jaren.rijen.push_back({format_date(periodes[k].first) + " – " + format_date(periodes[k].second),
                               std::to_string(c.oprichtingen[k]), std::to_string(c.opheffingen[k]),
                               meldingen_cel(c, k), meldingen_cel(g, k)});
    out.push_back(std::move(jaren));
    out.push_back({Blok::alinea, trend_alinea(c, beeld), {}, {}});

    out.push_back({Blok::kop3, "Meldingen per categorie (vijf jaar voor de peildatum)", {}, {}});
    Blok categorieen{Blok::tabel, "", {"Categorie", "Gebied", "Gemeente"}, {}};
    for (const auto& [naam, n] : g.meldingen_per_categorie)
        categorieen.rijen.push_back({naam, aantal(c.meldingen_per_categorie, naam), std::to_string(n)});
    if (categorieen.rijen.empty()) out.push_back({Blok::alinea, "Geen meldingen in de invoer.", {}, {}});
    else out.push_back(std::move(categorieen));

    out.push_back({Blok::kop3, "Signalen (verblijfsobjecten waarop het signaal afgaat)", {}, {}});
    Blok signalen{Blok::tabel, "", {"Signaal", "Omschrijving", "Gebied", "Gemeente"}, {}};
    for (const auto& [id, n] : c.signalen)
        signalen.rijen.push_back({id, beschrijvingen.count(id) ? beschrijvingen.at(id) : "", std::to_string(n), aantal(g.signalen, id)});
    if (signalen.rijen.empty()) out.push_back({Blok::alinea, "Geen signalen in dit gebied.", {}, {}});
    else out.push_back(std::move(signalen));
    return out;
}

}  // namespace onregel
