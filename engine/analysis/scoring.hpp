#pragma once
// Runs the active signals and turns their hits into integer scores: score = exact sum of bijdragen.
// Evidence is paid once: within a family (registratie, gebouw, meldingen, vergunningen) only the
// strongest signal scores, and a signal whose facts another family's stronger signal already used (a
// kelderbox raised by its meldingen) does not score again. Families add up, and the integrale bonus
// pays each family beyond the first that scored.
#include <cstdint>
#include <string>
#include <vector>

#include "engine/config.hpp"
#include "engine/signal.hpp"

namespace onregel {

inline constexpr std::string_view integrale_bonus_id = "integrale_bonus";

struct Bijdrage {
    std::string signaal;  // signal id, or "integrale_bonus"
    int level = 0;        // 1-3 for a signal; the number of extra families for the bonus
    int punten = 0;       // points per level in force
    int points = 0;       // level x punten; 0 when the evidence was already paid (see bewijs)
    std::string bewijs;
};

struct Beoordeling {
    std::uint32_t vbo = 0;
    int score = 0;
    std::vector<Bijdrage> bijdragen;  // registry order, the bonus last
};

// Evaluates every active signal as an independent task (oneTBB) and merges in registry order,
// so the result is the same for any thread count. Returns flagged objects ranked by score
// (descending), ties by more flagged objects in the same pand, then BAG id.
std::vector<Beoordeling> score_town(const Context& context, const Config& config, const Signals& signals);

}  // namespace onregel
