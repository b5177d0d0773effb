#pragma once
// Panden ranked by their strongest case: a pand's score is its best object's, never a sum over its
// objects, so a block of forty flats with three points each does not outrank one kelderbox with two
// registrations and three meldingen. More flagged objects only break ties.
#include <cstdint>
#include <string>
#include <vector>

#include "scoring.hpp"

namespace onregel {

struct PandScore {
    std::int32_t pand = -1;  // index into Town::panden; -1 for an object registered without a pand
    int score = 0;           // the score of its highest-ranked object
    std::vector<std::uint32_t> objecten;  // positions in the object ranking, ascending: [0] is the highest
};

// One entry per pand holding a flagged object (an object without a pand is its own entry), ranked by
// score (descending), ties by more flagged objects, then the BAG id of the highest-ranked object: the
// order score_town gives those objects, so the first pand holds the first address.
std::vector<PandScore> rank_panden(const Town& town, const std::vector<Beoordeling>& ranked);

}  // namespace onregel
