#pragma once
// What past controles found, set against what the ranking said: hit rates with Wilson intervals for
// ranked objects and for the steekproef, precision@k, PAI and the lift of every signal. It informs
// people who set the weights; it changes nothing by itself.
#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
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

struct SignaalLift {
    std::string signaal;
    Aandeel aandeel;             // hit rate of visited objects this signal flagged
    std::optional<double> lift;  // that rate / the steekproef's rate; none when the steekproef found nothing
};

struct Evaluatie {
    Aandeel gerangschikt, steekproef;
    int onbekend = 0;            // objects reported on that are neither (not counted anywhere else)
    std::optional<double> lift;  // gerangschikt / steekproef
    std::vector<std::pair<int, Aandeel>> precisie;  // precision@k over visited ranked objects in rank order
    std::optional<double> pai;
    std::vector<SignaalLift> per_signaal;  // by signal id
};

// objecten: the whole study area (A verblijfsobjecten); gemarkeerd: how many of them were flagged (a).
// PAI = (n/N) / (a/A), with the share n/N of all bevindingen that lie at flagged objects estimated from
// the two hit rates: n = r_g a, N = r_g a + r_s (A - a). Absent when either rate is unknown or N = 0.
Evaluatie evaluate_uitkomsten(std::span<const Resultaat> resultaten, std::span<const Bekend> bekend,
                              std::size_t objecten, std::size_t gemarkeerd);

}  // namespace onregel
