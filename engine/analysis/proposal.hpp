#pragma once
// The controle proposal: `dagen` controledagen of at most `per_dag` addresses. Panden in ranking order
// anchor the days; flagged panden within `straal` of a day's anchor join it, no pand twice. A share of
// every day is a seeded random draw of unflagged objects of the same gebruiksdoelen (the steekproef):
// without it a hit rate has nothing to be compared with.
#include <cstdint>
#include <vector>

#include "engine/grid_index.hpp"
#include "engine/register/stand.hpp"
#include "ranking.hpp"

namespace onregel {

struct ProposalOptions {
    int dagen = 0;                 // capaciteit: controledagen
    int per_dag = 0;               // addresses per day at most
    double straal = 500;           // metres from a day's anchor
    double steekproef_aandeel = 0.2;  // share of each day drawn at random, 0..1
    std::uint64_t seed = 1;
};

struct Controle {
    int dag = 0;       // 1..dagen
    int volgorde = 0;  // walking order within the day, 1..
    std::uint32_t vbo = 0;  // the visited object: a pand's highest-ranked object, the drawn one, or a hercontrole
    Selectie selectie = Selectie::ranking;  // ranking, steekproef or hercontrole
    std::int32_t pand_rang = 0;  // 1-based position in the pand ranking; 0 for a steekproef or an unflagged hercontrole
};

// Random slots per day: round(per_dag x share), at most per_dag - 1 so every day has its anchor.
int steekproef_per_dag(const ProposalOptions& options);

// Throws config_error for dagen or per_dag below 1, a straal that is not positive or a share outside
// 0..1 (named as the `run` options that set them).
void check_proposal_options(const ProposalOptions& options);

// Checks its options as above. The result is sorted by (dag, volgorde) and depends only on its inputs and the seed.
// With a register (run --register): the hercontroles due anchor the first days, in their order; a
// resting address is neither a stop nor a steekproef draw.
std::vector<Controle> propose_controles(const Town& town, const GridIndex& vbo_index,
                                        const std::vector<Beoordeling>& ranked,
                                        const std::vector<PandScore>& panden, const ProposalOptions& options,
                                        const RegisterStand* stand = nullptr);

}  // namespace onregel
