#pragma once
// The register's tables in the config ([register]) and the goals the monitor report sets the register
// against ([[doelen]]). The lists of constateringen, interventies and afloop are policy: a gemeente names
// its own, the defaults follow the bestuurlijke instrumenten of the Handreiking bestuurlijke aanpak.
#include <optional>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

namespace onregel {

// A key as it is written in sheets and the register, and the words a reader sees.
struct Keuze {
    std::string sleutel;  // e.g. "last_onder_dwangsom"
    std::string naam;     // e.g. "Last onder dwangsom"
};

struct RegisterBeleid {
    int bewaartermijn_maanden = 0;  // rows older than this are removed by `register purge`
    int rust_maanden = 0;           // a controle without constatering keeps the address out of the proposal this long
    std::vector<Keuze> constateringen;
    std::vector<Keuze> interventies;
    std::vector<Keuze> afloop;  // how an interventie ended

    // The entry whose key or name (ignoring case, spaces and underscores) is `text`, or nullptr.
    static const Keuze* zoek(const std::vector<Keuze>& lijst, std::string_view text);
};

// The constatering that stands for "nothing found": a controle with it (or with none) has no bevinding.
inline constexpr std::string_view geen_bevinding = "geen_bevinding";
// The interventie that is a new visit, due on its start date.
inline constexpr std::string_view hercontrole = "hercontrole";

// What a goal measures, over one calendar year of the register.
enum class Maat {
    controles,                // controles in the year (at least)
    aandeel_met_bevinding,    // share of controles with a constatering other than geen_bevinding
    aandeel_uit_ranking,      // share of controles selected by the ranking
    opgevolgd_binnen_weken,   // share of interventies ended "opgevolgd" within `weken` of their start
    meldingen_trend,          // Mann–Kendall trend of a categorie's meldingen per year: dalend or niet_stijgend
    controledagen,            // days with controles in the year (at least): the integrale controles of the rekenkamer
};
// Whether a goal counts (controles, controledagen) rather than a share or a trend.
inline bool telt(Maat maat) { return maat == Maat::controles || maat == Maat::controledagen; }
std::string_view maat_name(Maat maat);

struct Doel {
    std::string naam;  // how the report names it, e.g. "Minstens zes integrale controles per jaar"
    Maat maat = Maat::controles;
    std::optional<double> minimaal, maximaal;  // controles and shares: one of them
    int weken = 0;                             // opgevolgd_binnen_weken
    std::string categorie;                     // meldingen_trend
    std::string richting;                      // meldingen_trend: "dalend" or "niet_stijgend"
};

RegisterBeleid default_register_beleid();
std::vector<Doel> default_doelen();

}  // namespace onregel
