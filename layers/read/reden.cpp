#include "layers/read/reden.hpp"

#include <array>

namespace onregel {

namespace {

constexpr std::string_view spreadsheet = "open het bestand niet in Excel, of zet de kolom eerst op 'Tekst'";
constexpr std::string_view datums = "schrijf datums als JJJJ-MM-DD of JJJJMMDD";
constexpr std::string_view stelsel = "staan de coordinaten in het juiste stelsel? RD in x/y, WGS84 in lon/lat, anders --input-srs";

using R = Reden;
constexpr std::array table{
    RedenInfo{R::veld_te_lang, "veld_te_lang", "veld te lang",
              "een veld van meer dan 64 KiB is geen gegeven: klopt het scheidingsteken, of staat er een heel document in de kolom?"},
    RedenInfo{R::csv_meer_velden, "csv_meer_velden", "meer velden dan de kopregel (scheidingsteken in een tekstveld?)",
              "zet tekst waarin het scheidingsteken staat tussen aanhalingstekens, of sla het bestand opnieuw op vanuit het bronsysteem"},
    RedenInfo{R::csv_aanhalingsteken_open, "csv_aanhalingsteken_open", "aanhalingsteken niet gesloten",
              "sluit het aanhalingsteken in deze regel of haal het weg; de regels erna zijn wel gelezen"},
    RedenInfo{R::csv_tekst_na_aanhalingsteken, "csv_tekst_na_aanhalingsteken", "tekst na een sluitend aanhalingsteken",
              "zet het hele veld tussen aanhalingstekens en schrijf een aanhalingsteken erin dubbel (\"\")"},
    RedenInfo{R::csv_nul_teken, "csv_nul_teken", "NUL-teken in de regel (geen tekstbestand?)",
              "het bestand is beschadigd of geen CSV: sla het opnieuw op als CSV (UTF-8)"},
    RedenInfo{R::json_ongeldig, "json_ongeldig", "geen geldige JSON",
              "sla de API-antwoorden ongewijzigd op: een lijst, of één JSON-object per regel"},
    RedenInfo{R::json_geen_object, "json_geen_object", "geen JSON-object",
              "elk element van de lijst is één vestiging als JSON-object, zoals de KvK-API het geeft"},
    RedenInfo{R::bag_id_ontbreekt, "bag_id_ontbreekt", "BAG-id ontbreekt", "vul de identificatie in: 16 cijfers"},
    RedenInfo{R::bag_id_wetenschappelijk, "bag_id_wetenschappelijk", "BAG-id door spreadsheet verminkt (wetenschappelijke notatie)",
              spreadsheet},
    RedenInfo{R::bag_id_te_kort, "bag_id_te_kort", "BAG-id te kort (voorloopnullen verloren?)", spreadsheet},
    RedenInfo{R::bag_id_geen_16_cijfers, "bag_id_geen_16_cijfers", "BAG-id is geen 16 cijfers",
              "een BAG-id bestaat uit 16 cijfers, zoals 0221010000012345"},
    RedenInfo{R::bag_id_onbekend, "bag_id_onbekend", "BAG-id onbekend",
              "is de BAG-levering ouder dan deze gegevens, of ligt het object buiten de gelezen BAG?"},
    RedenInfo{R::bag_id_dubbel, "bag_id_dubbel", "dubbel BAG-id", "elk object staat eenmaal in de BAG; de eerste rij is gebruikt"},
    RedenInfo{R::pand_id_ongeldig, "pand_id_ongeldig", "pand_identificatie is geen BAG-id", spreadsheet},
    RedenInfo{R::pandref_ongeldig, "pandref_ongeldig", "pandRef is geen BAG-id",
              "de LV BAG-levering is beschadigd: download de extractie opnieuw bij het Kadaster"},
    RedenInfo{R::vestigingsnummer_ongeldig, "vestigingsnummer_ongeldig", "vestigingsnummer is geen 12 cijfers", spreadsheet},
    RedenInfo{R::vestigingsnummer_dubbel, "vestigingsnummer_dubbel", "dubbel vestigingsnummer",
              "elke vestiging staat eenmaal in het bestand; de eerste rij is gebruikt"},
    RedenInfo{R::id_ontbreekt, "id_ontbreekt", "id ontbreekt", "geef elke melding het nummer uit het meldingensysteem"},
    RedenInfo{R::id_dubbel, "id_dubbel", "dubbel id", "elke melding staat eenmaal in het bestand; de eerste rij is gebruikt"},
    RedenInfo{R::zaaknummer_ontbreekt, "zaaknummer_ontbreekt", "zaaknummer ontbreekt",
              "geef elke vergunning het zaaknummer uit het zaaksysteem"},
    RedenInfo{R::zaaknummer_dubbel, "zaaknummer_dubbel", "dubbel zaaknummer",
              "elke vergunning staat eenmaal in het bestand; de eerste rij is gebruikt"},
    RedenInfo{R::buurtcode_ontbreekt, "buurtcode_ontbreekt", "buurtcode ontbreekt",
              "gebruik de wijk- en buurtkaart van het CBS, met de kolom buurtcode"},
    RedenInfo{R::buurtcode_dubbel, "buurtcode_dubbel", "dubbele buurtcode", "elke buurt staat eenmaal in de kaart; de eerste is gebruikt"},
    RedenInfo{R::veld_ontbreekt, "veld_ontbreekt", "{} ontbreekt", "vul de kolom in voor elke rij: zonder deze waarde is de rij niet te gebruiken"},
    RedenInfo{R::geen_geheel_getal, "geen_geheel_getal", "{} is geen geheel getal", "schrijf een heel getal, zonder eenheid of decimalen"},
    RedenInfo{R::gebruiksdoel_onbekend, "gebruiksdoel_onbekend", "onbekend gebruiksdoel",
              "gebruik de gebruiksdoelen van de BAG, zoals woonfunctie of winkelfunctie"},
    RedenInfo{R::gebruiksdoel_ontbreekt, "gebruiksdoel_ontbreekt", "gebruiksdoel ontbreekt",
              "vul het gebruiksdoel in zoals de BAG het geeft, zoals woonfunctie"},
    RedenInfo{R::status_onbekend, "status_onbekend", "onbekende status",
              "gebruik de statussen van de BAG, zoals 'Verblijfsobject in gebruik'"},
    RedenInfo{R::status_ontbreekt, "status_ontbreekt", "status ontbreekt",
              "vul de BAG-status in; een lege status wordt niet als 'in gebruik' gelezen"},
    RedenInfo{R::oppervlakte_niet_positief, "oppervlakte_niet_positief", "oppervlakte is niet positief",
              "de oppervlakte is een aantal m² groter dan 0, zoals de BAG die geeft"},
    RedenInfo{R::bouwjaar_negatief, "bouwjaar_negatief", "bouwjaar is negatief", "schrijf het bouwjaar als jaartal, zoals 1995"},
    RedenInfo{R::hoofdadres_ontbreekt, "hoofdadres_ontbreekt", "hoofdadres ontbreekt",
              "de LV BAG-levering is onvolledig: download de extractie opnieuw bij het Kadaster"},
    RedenInfo{R::nummeraanduiding_ontbreekt, "nummeraanduiding_ontbreekt", "{} niet in de nummeraanduidingen",
              "de LV BAG-levering is onvolledig: lees de hele extractie, met de nummeraanduidingen"},
    RedenInfo{R::nummeraanduiding_postcode_ongeldig, "nummeraanduiding_postcode_ongeldig", "ongeldige postcode van {}",
              "de nummeraanduiding in de LV BAG is beschadigd: download de extractie opnieuw bij het Kadaster"},
    RedenInfo{R::nummeraanduiding_huisnummer_ongeldig, "nummeraanduiding_huisnummer_ongeldig", "ongeldig huisnummer van {}",
              "de nummeraanduiding in de LV BAG is beschadigd: download de extractie opnieuw bij het Kadaster"},
    RedenInfo{R::geen_locatie, "geen_locatie", "geen locatie",
              "geef een geometrie, coördinaten (x/y of lon/lat), een adres of een BAG-id"},
    RedenInfo{R::geen_geometrie, "geen_geometrie", "geen geometrie", "elke buurt heeft een vlak; gebruik de wijk- en buurtkaart van het CBS"},
    RedenInfo{R::geometrie_onbruikbaar, "geometrie_onbruikbaar", "geometrie onbruikbaar",
              "herstel de geometrie (in QGIS: 'Geometrieën repareren') of exporteer de laag opnieuw"},
    RedenInfo{R::geometrie_geen_vlak, "geometrie_geen_vlak", "geometrie is geen vlak",
              "een buurt is een (multi)polygoon; gebruik de wijk- en buurtkaart van het CBS"},
    RedenInfo{R::coordinaat_geen_getal, "coordinaat_geen_getal", "{} is geen getal",
              "schrijf coördinaten als getallen, met punt of komma als decimaalteken"},
    RedenInfo{R::coordinaat_niet_om_te_rekenen, "coordinaat_niet_om_te_rekenen", "coordinaat niet om te rekenen naar RD", stelsel},
    RedenInfo{R::coordinaat_buiten_nederland, "coordinaat_buiten_nederland", "coordinaat buiten Nederland", stelsel},
    RedenInfo{R::coordinaat_lon_lat_verwisseld, "coordinaat_lon_lat_verwisseld", "coordinaat buiten Nederland (lon en lat verwisseld?)",
              "in Nederland ligt lon tussen 3 en 8 en lat tussen 50 en 54: wissel de kolommen"},
    RedenInfo{R::postcode_ongeldig, "postcode_ongeldig", "ongeldige postcode", "schrijf de postcode als 1234 AB of 1234AB"},
    RedenInfo{R::huisnummer_ongeldig, "huisnummer_ongeldig", "ongeldig huisnummer",
              "schrijf het huisnummer als getal; huisletter en toevoeging in hun eigen kolom of als 12A of 12-2"},
    RedenInfo{R::adres_niet_in_bag, "adres_niet_in_bag", "adres niet gevonden in BAG",
              "controleer postcode en huisnummer, of is de BAG-levering ouder dan deze gegevens?"},
    RedenInfo{R::geen_bag_object_binnen, "geen_bag_object_binnen", "geen BAG-object binnen {} m",
              "ligt het punt op straat of buiten de gelezen BAG? Geef liever een adres of BAG-id"},
    RedenInfo{R::geen_adres, "geen_adres", "geen adres", "geef postcode en huisnummer, een BAG-id of coördinaten"},
    RedenInfo{R::geen_bezoekadres, "geen_bezoekadres", "geen bezoekadres",
              "een vestiging zonder bezoekadres is niet te plaatsen; het Vestigingsprofiel van de KvK geeft het onder adressen"},
    RedenInfo{R::datum_ongeldig, "datum_ongeldig", "ongeldige {}", datums},
    RedenInfo{R::datum_in_toekomst, "datum_in_toekomst", "datum in de toekomst",
              "een melding of controle ligt niet na vandaag: controleer jaar, maand en dag"},
    RedenInfo{R::einde_voor_aanvang, "einde_voor_aanvang", "datumEinde voor datumAanvang",
              "controleer beide datums: staan dag en maand niet verwisseld?"},
    RedenInfo{R::sbi_ongeldig, "sbi_ongeldig", "ongeldige SBI-code",
              "een SBI-code is 2 tot 5 cijfers: open het bestand niet in Excel, of zet de kolom eerst op 'Tekst'"},
    RedenInfo{R::sbi_hoofdactiviteit_ontbreekt, "sbi_hoofdactiviteit_ontbreekt", "geen SBI-hoofdactiviteit",
              "de vestiging heeft geen activiteit met indHoofdactiviteit 'Ja' (een Zoeken-resultaat heeft er geen): vraag per vestiging het Vestigingsprofiel op"},
    RedenInfo{R::personen_geen_aantal, "personen_geen_aantal", "totaalWerkzamePersonen is geen aantal",
              "schrijf het aantal werkzame personen als heel getal, of laat het leeg"},
    RedenInfo{R::bouwkosten_geen_bedrag, "bouwkosten_geen_bedrag", "bouwkosten is geen bedrag",
              "schrijf de bouwkosten in euro als getal, zonder euroteken of punten voor duizendtallen"},
    RedenInfo{R::uitkomst_onbekend, "uitkomst_onbekend", "uitkomst is niet bevinding of geen_bevinding (ja of nee)",
              "schrijf per controle bevinding of geen_bevinding, of in controles.xlsx ja of nee"},
    RedenInfo{R::constatering_onbekend, "constatering_onbekend", "constatering staat niet in [register.constateringen]",
              "gebruik een sleutel of naam uit [register.constateringen] (onregel config --default toont ze), gescheiden door ;"},
    RedenInfo{R::interventie_onbekend, "interventie_onbekend", "interventie staat niet in [register.interventies]",
              "gebruik een sleutel of naam uit [register.interventies], eventueel gevolgd door een datum: hercontrole 1-6-2026"},
    RedenInfo{R::afloop_onbekend, "afloop_onbekend", "afloop staat niet in [register.afloop]",
              "gebruik een sleutel of naam uit [register.afloop], of laat het leeg zolang de interventie loopt"},
    RedenInfo{R::selectie_onbekend, "selectie_onbekend", "selectie is niet ranking, steekproef, tip, partnerverzoek of hercontrole",
              "schrijf hoe het adres gekozen is: ranking, steekproef, tip, partnerverzoek of hercontrole"},
    RedenInfo{R::bevinding_zonder_constatering, "bevinding_zonder_constatering", "bevinding ja, maar geen constatering genoemd",
              "noem in constateringen wat er gevonden is, bijvoorbeeld kvk_onjuist; strijdig_gebruik"},
    RedenInfo{R::bevinding_strijdig, "bevinding_strijdig", "bevinding nee, maar de constateringen noemen een bevinding",
              "zet bevinding op ja, of constateringen op geen_bevinding"},
};

constexpr bool in_enum_order() {
    for (std::size_t i = 0; i < table.size(); ++i)
        if (static_cast<std::size_t>(table[i].reden) != i) return false;
    return true;
}
static_assert(in_enum_order(), "info() looks a reason up by its place in the table");

}  // namespace

std::span<const RedenInfo> reden_table() { return table; }

const RedenInfo& info(Reden reden) { return table[static_cast<std::size_t>(reden)]; }

std::string reden_tekst(Reden reden, std::string_view veld) {
    const auto tekst = info(reden).tekst;
    const auto at = tekst.find("{}");
    if (at == std::string_view::npos) return std::string(tekst);
    return std::string(tekst.substr(0, at)).append(veld).append(tekst.substr(at + 2));
}

}  // namespace onregel
