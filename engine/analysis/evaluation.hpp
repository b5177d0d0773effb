#pragma once
// What past controles found, set against what the ranking said: hit rates with Wilson intervals for
// ranked objects and for the steekproef, precision@k, and — only where the steekproef allows a
// comparison — lift and PAI with their intervals, overall and per signal. It informs people who set
// the weights; it changes nothing by itself.
#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace onregel {

enum class Groep : std::uint8_t {
    gerangschikt,  // flagged by the ranking (in locaties)
    steekproef,    // drawn at random for the proposal
};
std::string_view groep_name(Groep groep);

// An object of the previous run that a controle may report on.
struct Bekend {
    std::string bag_id;
    Groep groep = Groep::gerangschikt;
    int rang = 0;                       // object rank (gerangschikt only)
    std::vector<std::string> signalen;  // the rules that flagged it (gerangschikt only)
};

// One reported controle. Several results on one object count once: bevinding when any of them is.
struct Resultaat {
    std::string bag_id;
    bool bevinding = false;
};

// A share with its Wilson score interval at 95% (Wilson 1927).
struct Aandeel {
    int n = 0;
    int treffers = 0;
    double waarde = 0, laag = 0, hoog = 0;  // all 0 when n = 0
};
Aandeel wilson(int treffers, int n);

// Below this many visits in either group two hit rates are not compared as a ratio: the log interval
// rests on a normal approximation that small counts do not bear (docs/statistics.md).
inline constexpr int min_bezoeken = 10;

// Whether a group's hit rate can be set against the steekproef's as a ratio, and if not, why.
enum class Vergelijking : std::uint8_t {
    mogelijk,
    steekproef_te_klein,          // fewer than min_bezoeken steekproef visits
    groep_te_klein,               // fewer than min_bezoeken visits in the group
    steekproef_zonder_bevinding,  // the ratio would be infinite
    groep_zonder_bevinding,       // the ratio is 0, its log interval undefined
};
std::string_view vergelijking_name(Vergelijking vergelijking);

// A ratio with its 95% interval.
struct Verhouding {
    double waarde = 0, laag = 0, hoog = 0;
};

// The group's hit rate / the steekproef's, with Katz's log interval at 95% (Katz et al. 1978).
struct Lift {
    Vergelijking vergelijking = Vergelijking::steekproef_te_klein;
    std::optional<Verhouding> verhouding;  // exactly when vergelijking is mogelijk
};
Lift lift(const Aandeel& groep, const Aandeel& steekproef);

struct SignaalLift {
    std::string signaal;
    Aandeel aandeel;  // hit rate of visited objects this signal flagged
    Lift lift;        // against the steekproef
};

struct Evaluatie {
    Aandeel gerangschikt, steekproef;
    int onbekend = 0;  // objects reported on that are neither (not counted anywhere else)
    Lift lift;         // gerangschikt against the steekproef
    std::vector<std::pair<int, Aandeel>> precisie;  // precision@k over visited ranked objects in rank order
    std::optional<Verhouding> pai;
    std::vector<SignaalLift> per_signaal;  // by signal id
};

// objecten: the whole study area (A verblijfsobjecten); gemarkeerd: how many of them were flagged (a).
// PAI = (n/N) / (a/A), with the share n/N of all bevindingen that lie at flagged objects estimated from
// the two hit rates: n = r_g a, N = r_g a + r_s (A - a). Then PAI = 1 / (f + (1 - f) / lift) with
// f = a/A, rising with the lift, so its interval is the lift's carried over; absent with the lift.
Evaluatie evaluate_uitkomsten(std::span<const Resultaat> resultaten, std::span<const Bekend> bekend,
                              std::size_t objecten, std::size_t gemarkeerd);

}  // namespace onregel
