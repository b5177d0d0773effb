#pragma once
// Panden ranked by the sum of their flagged objects' scores: a controle visits a building, and a
// building with several flagged objects is worth more than any one of them.
#include <cstdint>
#include <string>
#include <vector>

#include "scoring.hpp"

namespace onregel {

struct PandScore {
    std::int32_t pand = -1;  // index into Town::panden; -1 for an object registered without a pand
    int score = 0;           // exact sum of the scores of its flagged objects
    std::vector<std::uint32_t> objecten;  // positions in the object ranking, ascending: [0] is the highest
};

// One entry per pand holding a flagged object (an object without a pand is its own entry), ranked by
// score (descending), ties by pand id, then by the BAG id of the highest-ranked object.
std::vector<PandScore> rank_panden(const Town& town, const std::vector<Beoordeling>& ranked);

}  // namespace onregel
