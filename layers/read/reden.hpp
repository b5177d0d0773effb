#pragma once
// Why an input row is not used: one fixed set, each reason with its stable key, its Dutch text and
// what the user can do about it, written once in the table in reden.cpp. Readers reject with a Reden;
// rejects.csv, the manifest and `onregel validate` take the words from the table.
#include <cstdint>
#include <span>
#include <string>
#include <string_view>

namespace onregel {

enum class Reden : std::uint8_t {
    // the file itself
    veld_te_lang,
    csv_meer_velden,
    csv_aanhalingsteken_open,
    csv_tekst_na_aanhalingsteken,
    csv_nul_teken,
    json_ongeldig,
    json_geen_object,
    // ids
    bag_id_ontbreekt,
    bag_id_wetenschappelijk,
    bag_id_te_kort,
    bag_id_geen_16_cijfers,
    bag_id_onbekend,
    bag_id_dubbel,
    pand_id_ongeldig,
    pandref_ongeldig,
    vestigingsnummer_ongeldig,
    vestigingsnummer_dubbel,
    id_ontbreekt,
    id_dubbel,
    zaaknummer_ontbreekt,
    zaaknummer_dubbel,
    buurtcode_ontbreekt,
    buurtcode_dubbel,
    // BAG attributes
    veld_ontbreekt,
    geen_geheel_getal,
    gebruiksdoel_onbekend,
    gebruiksdoel_ontbreekt,
    status_onbekend,
    status_ontbreekt,
    oppervlakte_niet_positief,
    bouwjaar_negatief,
    hoofdadres_ontbreekt,
    nummeraanduiding_ontbreekt,
    nummeraanduiding_postcode_ongeldig,
    nummeraanduiding_huisnummer_ongeldig,
    // location
    geen_locatie,
    geen_geometrie,
    geometrie_onbruikbaar,
    geometrie_geen_vlak,
    coordinaat_geen_getal,
    coordinaat_niet_om_te_rekenen,
    coordinaat_buiten_nederland,
    coordinaat_lon_lat_verwisseld,
    postcode_ongeldig,
    huisnummer_ongeldig,
    adres_niet_in_bag,
    geen_bag_object_binnen,
    geen_adres,
    geen_bezoekadres,
    // dates and values
    datum_ongeldig,
    datum_in_toekomst,
    einde_voor_aanvang,
    sbi_ongeldig,
    sbi_hoofdactiviteit_ontbreekt,
    personen_geen_aantal,
    bouwkosten_geen_bedrag,
    uitkomst_onbekend,
    // register sheets
    constatering_onbekend,
    interventie_onbekend,
    afloop_onbekend,
    selectie_onbekend,
    bevinding_zonder_constatering,
    bevinding_strijdig,
};

struct RedenInfo {
    Reden reden;
    std::string_view key;     // stable, snake_case: for scripts and tests, never shown translated
    std::string_view tekst;   // Dutch; "{}" stands for the field it is about (ongeldige {} -> ongeldige datumAanvang)
    std::string_view advies;  // Dutch: what the user can do about it
};

// Every reason, in the enum's order.
std::span<const RedenInfo> reden_table();
const RedenInfo& info(Reden reden);
// The reason's text with `veld` in place of "{}".
std::string reden_tekst(Reden reden, std::string_view veld = {});

// Thrown while parsing one row: the reason, the field it names (for reasons with "{}") and the value
// that caused it. The readers turn it into a reject (readers.hpp).
struct RowError {
    Reden reden;
    std::string waarde;
    std::string veld = {};
    std::string tekst() const { return reden_tekst(reden, veld); }
};

}  // namespace onregel
