#pragma once
// The informatiebeeld of an area (a bedrijventerrein, a street, a buurt): the figures that the
// handreikingen for integrale controles and the studies of bedrijventerreinen use to judge how
// vulnerable an area is — leegstand, verloop, risk branches, rechtsvormen, meldingen and their trend,
// fired signals — each beside the same figure for the whole input (the gemeente).
#include <cstdint>
#include <map>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "engine/analysis/mann_kendall.hpp"
#include "engine/analysis/scoring.hpp"
#include "engine/model.hpp"
#include "engine/policy.hpp"

namespace onregel {

// Verloop and meldingen are counted over this many years before the peildatum.
inline constexpr int informatiebeeld_jaren = 5;

// Year k before the peildatum (0 = the most recent) holds the dates d with
// peildatum - (k+1) * 365.25 < d <= peildatum - k * 365.25 (the hot spot trend's years); nullopt for
// dates after the peildatum or further back than informatiebeeld_jaren.
std::optional<int> jaar_terug(Date peildatum, Date d);

// Short Dutch name of the SBI 2008 division (the first two digits), "" when the code has none.
std::string_view sbi_afdeling(std::string_view sbi);

// How a vestiging counts in the informatiebeeld and the basisdataset.
bool is_stichting(std::string_view rechtsvorm);    // "Stichting", any case
bool is_eenmanszaak(std::string_view rechtsvorm);  // "Eenmanszaak", any case
// The vestiging's main SBI code is in the risk branch named "autobranche" of the policy.
bool is_autobranche(const Policy& policy, const Vestiging& vestiging);
bool is_holding(const Policy& policy, const Vestiging& vestiging);  // the policy's holding SBI prefixes

// The raw counts of one set of verblijfsobjecten and meldingen.
struct Gebiedscijfers {
    int objecten = 0;
    int panden = 0;  // distinct pand ids (an object without one is a pand of its own)
    int objecten_zonder_vestiging = 0;  // no active vestiging at the peildatum
    int niet_woon = 0;                  // objects without woonfunctie
    int niet_woon_zonder_vestiging = 0;
    int boxen = 0;         // only overige gebruiksfunctie, at most 30 m²: garage- and opslagboxen
    int met_bouwjaar = 0;  // objects with a bouwjaar (> 0)
    double bouwjaar_som = 0;
    int vestigingen = 0;  // active at the peildatum; the counts below are of these
    int hoofdvestigingen = 0;
    int nevenvestigingen = 0;
    int risicobranche = 0;
    int autobranche = 0;
    int stichtingen = 0;
    int eenmanszaken = 0;
    int holdings = 0;
    std::map<std::string, int> per_risicobranche;  // branch name -> active vestigingen
    std::vector<int> oprichtingen;                 // datumAanvang per year, oldest year first
    std::vector<int> opheffingen;                  // datumEinde per year, oldest year first
    std::vector<int> meldingen;  // per year of the series (Gemeentebeeld::reeks_jaren, the most recent), oldest first
    std::map<std::string, int> meldingen_per_categorie;  // within the five years
    std::optional<MannKendall> meldingen_trend;          // on `meldingen`; none when it is too short
    int objecten_met_signaal = 0;
    std::map<std::string, int> signalen;  // signal id -> objects where it fired (integrale bonus left out)
};

// The meldingen in year k of Gemeentebeeld::jaren() (0 = the oldest), none when that year is not in the series.
std::optional<int> meldingen_in_jaar(const Gebiedscijfers& cijfers, std::size_t k);

// One indicator of the informatiebeeld: its value in the area and in the gemeente (nullopt when the
// denominator is zero).
struct Kengetal {
    std::string id;
    std::string naam;
    std::string definitie;
    std::string eenheid;  // "aantal", "aandeel" (0..1), "jaar", "per jaar per 100 objecten"
    std::optional<double> gebied, gemeente;
};

// The town with its scoring, once; figures for any subset of it.
class Gemeentebeeld {
public:
    // `ranked` as score_town returns it. The gemeente's own figures are computed here.
    Gemeentebeeld(const Town& town, const Policy& policy, const std::vector<Beoordeling>& ranked);

    // `vbos` and `meldingen` index the town's verblijfsobjecten and meldingen, each once.
    Gebiedscijfers cijfers(std::span<const std::uint32_t> vbos, std::span<const std::uint32_t> meldingen) const;
    const Gebiedscijfers& gemeente() const { return gemeente_; }
    // The object's signals and score, nullptr when none fired.
    const Beoordeling* beoordeling(std::uint32_t vbo) const;
    // The informatiebeeld_jaren years counted back from the peildatum, oldest first: [van, tot] as dates.
    std::vector<std::pair<Date, Date>> jaren() const;
    // The date of the first melding in the input: where the meldingen data begins.
    std::optional<Date> meldingen_vanaf() const { return meldingen_vanaf_; }
    // How many of jaren(), the most recent, the meldingen series holds: those that begin on or after
    // meldingen_vanaf. A year that begins earlier lies wholly or partly before the data and would
    // count as (too) few meldingen, a trend that is not there.
    int reeks_jaren() const { return reeks_jaren_; }

private:
    const Town& town_;
    const Policy& policy_;
    const std::vector<Beoordeling>& ranked_;
    std::vector<std::int32_t> per_vbo_;  // index into ranked_, -1 when none
    std::optional<Date> meldingen_vanaf_;
    int reeks_jaren_ = 0;
    Gebiedscijfers gemeente_;
};

// The indicators in report order, from an area's figures and the gemeente's.
std::vector<Kengetal> kengetallen(const Gebiedscijfers& gebied, const Gebiedscijfers& gemeente);

// "stijgend" or "dalend" when the Mann–Kendall test gives p < 0.05, otherwise "geen"; "te weinig jaren"
// without a test.
std::string_view trend_woord(const std::optional<MannKendall>& trend);

}  // namespace onregel
