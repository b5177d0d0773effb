#pragma once
// The figures of `onregel monitor`, computed from the register for one period: what was done
// (prestatie), what moved (effect) and each [[doelen]] goal set against what was realised. Every figure
// is a cell of a table here, so the report's charts and sentences, the Markdown and the XLSX all show
// the same counts. Aggregates only: no bag_id, address or handelsnaam is ever put in a table, and a
// count per buurt from 1 to k - 1 is replaced by "< k" (plus one more cell in the same column when a
// single one would follow from the published town-wide total). Names taken from the register's data
// (meldingcategorieën, signal ids) are shown only when their town-wide count reaches k in some year;
// keys that are not in the config's [register] lists are counted under "Overige".
#include <cstdint>
#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "engine/date.hpp"
#include "engine/register/register.hpp"
#include "engine/register/register_config.hpp"

namespace onregel {

// The days of the report, both included.
struct Periode {
    Date van = 0, tot = 0;
};

// A cell: no value (–), a count, a number (a share in percent, days) or text ("< 5", a name).
using Waarde = std::variant<std::monostate, std::int64_t, double, std::string>;

struct Kolom {
    enum Soort { tekst, aantal, procent, getal, kans } soort = aantal;  // procent and getal: 1 decimal, kans: 3
    std::string naam;
};

struct Tabel {
    std::string blad;   // short name: the XLSX sheet and how tests find it
    std::string titel;  // the heading the report gives it
    std::vector<Kolom> kolommen;
    std::vector<std::vector<Waarde>> rijen;

    // The cell in the row whose first cell is `rij` and the column named `kolom`; throws std::out_of_range.
    const Waarde& cel(const std::string& rij, const std::string& kolom) const;
};

enum class Oordeel { gehaald, niet_gehaald, niet_te_bepalen };
std::string_view oordeel_name(Oordeel oordeel);  // "gehaald", "niet gehaald", "niet te bepalen"

struct DoelUitkomst {
    std::string naam;        // the goal's own words
    std::string norm;        // "minimaal 6 controles per kalenderjaar"
    std::string realisatie;  // what the register says, in words
    Oordeel oordeel = Oordeel::niet_te_bepalen;
    std::string toelichting;  // why, above all for niet te bepalen
};

// A Mann–Kendall trend in words: "dalend", "stijgend", "geen trend aantoonbaar" or "te weinig jaren".
struct Trend {
    int jaren = 0;               // complete years in the series
    std::optional<double> s, p;  // absent with fewer than mann_kendall_min_length years
    std::string woord;
};

struct Monitor {
    Periode periode;
    int k = 0;                         // the loo k-threshold
    std::vector<int> jaren;            // the years of the effect tables
    std::vector<int> volledige_jaren;  // those with meldingen in all four quarters (and the trend over them)
    std::vector<Tabel> tabellen;       // in report order
    std::vector<DoelUitkomst> doelen;
    std::vector<std::string> instrumenten_gebruikt, instrumenten_ongebruikt;  // names from [register.interventies]
    Date register_tot = 0;  // the latest date of any register row (0: empty register)

    const Tabel& tabel(const std::string& blad) const;  // throws std::out_of_range
};

// The trend of yearly counts (complete years only).
Trend trend_of(const std::vector<double>& per_jaar);

Monitor compute_monitor(const Register& reg, const RegisterBeleid& beleid, const std::vector<Doel>& doelen, Periode periode,
                        int k);

// The latest date of any row of the register (controle, interventie start or end, run peildatum,
// the last day of a meldingen quarter); nullopt when it is empty.
std::optional<Date> laatste_datum(const Register& reg);

// "< 5": how a suppressed count reads; "x" for a count suppressed so that another cannot be derived.
std::string onder_k(int k);
inline constexpr std::string_view afgeschermd = "x";

}  // namespace onregel
