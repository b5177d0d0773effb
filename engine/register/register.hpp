#pragma once
// The controle register: what a gemeente did over the years with what onregel proposed — the runs and
// what they flagged, the controles at the door and what they found, the interventies that followed and
// how they ended, and the meldingen per categorie, buurt and quarter. Facts about addresses and counts;
// no single melding and no free text. layers/register keeps it in a GeoPackage or in PostGIS; this is
// the model and the rules for taking new rows in, so both stores behave the same.
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "engine/date.hpp"

namespace onregel {

// How an address came to be visited (the rekenkamer asks for exactly this split).
enum class Selectie : std::uint8_t { ranking, steekproef, tip, partnerverzoek, hercontrole };
inline constexpr Selectie alle_selecties[] = {Selectie::ranking, Selectie::steekproef, Selectie::tip, Selectie::partnerverzoek,
                                             Selectie::hercontrole};
std::string_view selectie_name(Selectie selectie);
std::optional<Selectie> parse_selectie(std::string_view text);

// One run of `onregel run --register`.
struct RegisterRun {
    std::string id;  // the first 16 hex digits of the manifest's input and config hashes: the same run twice is one run
    Date peildatum = 0;
    std::string config_sha256;
    int gemarkeerd = 0;  // flagged verblijfsobjecten
};

// What one run flagged, per signal and buurt (empty without --buurten).
struct RunSignaal {
    std::string run;
    std::string buurt;
    std::string signaal;
    int aantal = 0;
};

// One visit at an address.
struct RegisterControle {
    std::string bag_id;
    Date datum = 0;
    int controledag = 0;  // the day of the proposal it came from; 0 when it came from elsewhere
    Selectie selectie = Selectie::ranking;
    std::vector<std::string> partners;        // e.g. politie, omgevingsdienst
    std::vector<std::string> constateringen;  // keys of [register.constateringen]; empty: nothing found
    std::vector<std::string> signalen;        // the signals that flagged the address when it was proposed
    bool signalen_bekend = false;             // whether the source said which signals (absent in uitkomsten CSV)
};

// A bestuurlijk or strafrechtelijk step after a controle.
struct Interventie {
    std::string bag_id;
    std::string soort;  // a key of [register.interventies]
    Date start = 0;     // for a hercontrole: the day it is due
    std::optional<Date> einde;
    std::string afloop;  // a key of [register.afloop]; empty while it runs
};

// Meldingen of one categorie in one buurt in one quarter, as counted by a run.
struct MeldingenKwartaal {
    int jaar = 0;
    int kwartaal = 0;  // 1..4
    std::string buurt;
    std::string categorie;
    int aantal = 0;
};

// The register's tables by name: the store's tables, the keys of Wijzigingen, the logboek's counts.
inline constexpr const char* tabel_runs = "runs";
inline constexpr const char* tabel_run_signalen = "run_signalen";
inline constexpr const char* tabel_controles = "controles";
inline constexpr const char* tabel_interventies = "interventies";
inline constexpr const char* tabel_meldingen = "meldingen_per_kwartaal";

struct Register {
    std::vector<RegisterRun> runs;
    std::vector<RunSignaal> run_signalen;
    std::vector<RegisterControle> controles;
    std::vector<Interventie> interventies;
    std::vector<MeldingenKwartaal> meldingen;
};

// The key a row is known by: a second import of the same row finds it, a changed one replaces it.
std::string sleutel(const RegisterRun& run);
std::string sleutel(const RunSignaal& row);
std::string sleutel(const RegisterControle& controle);  // bag_id and datum: one visit per address per day
std::string sleutel(const Interventie& interventie);    // bag_id, soort and start
std::string sleutel(const MeldingenKwartaal& row);      // quarter, buurt and categorie: a newer run's count replaces an older

// What taking rows in did, per table.
struct Mutaties {
    int nieuw = 0, gewijzigd = 0, ongewijzigd = 0;
    int vervallen = 0;  // rows a newer one replaced under another key (meldingen of a quarter counted again)
    bool operator==(const Mutaties&) const = default;
};
struct Wijzigingen {
    std::map<std::string, Mutaties> per_tabel;  // by table: runs, run_signalen, controles, interventies, meldingen_per_kwartaal
    bool leeg() const;  // nothing new or changed
};

// Rows per table (by the names above), for the logboek.
std::map<std::string, std::size_t> rijen_per_tabel(const Register& register_);

// The rows of `nieuw` that are not in `bestaand` as they are, with the counts: what a store has to write.
// Rows are compared whole; within `nieuw` a later row with the same key replaces an earlier one. An
// interventie without einde and afloop (a sheet's vervolg names only its start) keeps the ending
// `bestaand` recorded for it.
Register te_schrijven(const Register& bestaand, const Register& nieuw, Wijzigingen& wijzigingen);

// The rows of `bestaand` that `nieuw` makes obsolete, counted as vervallen: the meldingen of every
// quarter `nieuw` counts, under a buurt or categorie it no longer has (a run's counts of a quarter
// replace the earlier run's whole, also when one had --buurten and the other not).
Register te_verwijderen(const Register& bestaand, const Register& nieuw, Wijzigingen& wijzigingen);

// The rows older than the bewaartermijn on `peildatum`: controles by their date, ended interventies by
// their last date (a running one stays), runs with their signal counts by peildatum, meldingen by the
// end of their quarter.
Register verlopen(const Register& register_, Date peildatum, int bewaartermijn_maanden);

// An interventie still open on `peildatum` that asks for a new visit: a hercontrole due on or before it.
bool hercontrole_verschuldigd(const Interventie& interventie, Date peildatum);

// The same date `maanden` calendar months earlier (the day clamped to the month's end).
Date maanden_terug(Date datum, int maanden);

}  // namespace onregel
