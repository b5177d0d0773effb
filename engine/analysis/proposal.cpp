#include "proposal.hpp"

#include <algorithm>
#include <cmath>
#include <unordered_map>
#include <unordered_set>

#include "engine/errors.hpp"
#include "engine/sample/random.hpp"

namespace onregel {

namespace {

// A pand's identity for "no pand twice": its index; an object without pand is a building of its own,
// keyed by its BAG id with the sign bit set.
std::uint64_t pand_key(const Verblijfsobject& vbo) {
    return vbo.pand < 0 ? vbo.id | (std::uint64_t{1} << 63) : static_cast<std::uint64_t>(vbo.pand);
}

// A steekproef visits an object that exists: not one that is withdrawn, never built or out of use.
bool visitable(VboStatus status) {
    return status == VboStatus::in_gebruik || status == VboStatus::in_gebruik_niet_ingemeten ||
           status == VboStatus::verbouwing;
}

// Nearest neighbour from the first stop (the day's highest-ranked); ties by BAG id.
void walking_order(const Town& town, std::vector<Controle>& day) {
    for (std::size_t i = 1; i < day.size(); ++i) {
        const Point from = town.verblijfsobjecten[day[i - 1].vbo].punt;
        std::size_t best = i;
        for (std::size_t j = i + 1; j < day.size(); ++j) {
            const auto& a = town.verblijfsobjecten[day[j].vbo];
            const auto& b = town.verblijfsobjecten[day[best].vbo];
            const double da = distance2(from, a.punt), db = distance2(from, b.punt);
            if (da < db || (da == db && a.id < b.id)) best = j;
        }
        std::swap(day[i], day[best]);
    }
    for (std::size_t i = 0; i < day.size(); ++i) day[i].volgorde = static_cast<int>(i + 1);
}

}  // namespace

int steekproef_per_dag(const ProposalOptions& options) {
    const int slots = static_cast<int>(std::floor(options.per_dag * options.steekproef_aandeel + 0.5));
    return std::clamp(slots, 0, std::max(0, options.per_dag - 1));
}

void check_proposal_options(const ProposalOptions& options) {
    if (options.dagen < 1) throw config_error("--capaciteit must be at least 1 controledag");
    if (options.per_dag < 1) throw config_error("--per-dag must be at least 1 address");
    if (!(options.straal > 0)) throw config_error("--dag-straal must be positive");
    if (!(options.steekproef_aandeel >= 0 && options.steekproef_aandeel <= 1))
        throw config_error("--steekproef must be a share between 0 and 1");
}

std::vector<Controle> propose_controles(const Town& town, const GridIndex& vbo_index,
                                        const std::vector<Beoordeling>& ranked,
                                        const std::vector<PandScore>& panden, const ProposalOptions& options,
                                        const RegisterStand* stand) {
    check_proposal_options(options);
    const auto rests = [&](std::uint32_t vbo) { return stand && stand->rust[vbo]; };

    const auto& vbos = town.verblijfsobjecten;
    // The pand ranking entry each flagged object's pand belongs to, and which objects represent one.
    std::vector<std::int32_t> entry_of(vbos.size(), -1);
    std::vector<std::uint8_t> representative(vbos.size(), 0);
    std::unordered_set<std::uint64_t> flagged_panden, used;
    for (std::size_t e = 0; e < panden.size(); ++e) {
        for (auto r : panden[e].objecten) entry_of[ranked[r].vbo] = static_cast<std::int32_t>(e);
        const auto rep = ranked[panden[e].objecten[0]].vbo;
        representative[rep] = 1;
        flagged_panden.insert(pand_key(vbos[rep]));
    }
    // Steekproef candidates: unflagged objects in unflagged panden, by BAG id so the draw does not
    // depend on input order.
    std::vector<std::uint32_t> pool;
    for (std::uint32_t i = 0; i < vbos.size(); ++i)
        if (entry_of[i] < 0 && visitable(vbos[i].status) && !flagged_panden.count(pand_key(vbos[i])) && !rests(i)) pool.push_back(i);
    std::sort(pool.begin(), pool.end(), [&](auto a, auto b) { return vbos[a].id < vbos[b].id; });
    std::vector<std::uint8_t> in_pool(vbos.size(), 0);
    for (auto i : pool) in_pool[i] = 1;

    auto random = sample::Random(options.seed);
    const int random_slots = steekproef_per_dag(options);
    const int ranked_slots = options.per_dag - random_slots;
    std::vector<std::uint8_t> taken(panden.size(), 0);
    std::unordered_map<std::uint64_t, std::size_t> entry_of_pand;
    for (std::size_t e = 0; e < panden.size(); ++e) {
        taken[e] = rests(ranked[panden[e].objecten[0]].vbo);
        entry_of_pand.emplace(pand_key(vbos[ranked[panden[e].objecten[0]].vbo]), e);
    }
    std::vector<Controle> controles;
    std::vector<std::uint32_t> nearby;
    std::size_t next_anchor = 0, next_hercontrole = 0;
    const std::size_t hercontroles = stand ? stand->hercontroles.size() : 0;
    for (int dag = 1; dag <= options.dagen; ++dag) {
        // A hercontrole due anchors a day first: it was promised. Its pand, when flagged, is the visit.
        std::vector<Controle> day;
        std::optional<std::uint32_t> hercontrole;
        while (next_hercontrole < hercontroles && !hercontrole) {
            const auto vbo = stand->hercontroles[next_hercontrole++];
            if (!used.count(pand_key(vbos[vbo]))) hercontrole = vbo;
        }
        while (!hercontrole && next_anchor < panden.size() && taken[next_anchor]) ++next_anchor;
        if (!hercontrole && next_anchor == panden.size()) break;
        int slots = ranked_slots;
        if (hercontrole) {
            // Its pand, when flagged, is visited with it; the pand's rank is its own only when it is the
            // pand's highest-ranked object (the one a ranked visit would go to).
            std::int32_t rang = 0;
            if (const auto it = entry_of_pand.find(pand_key(vbos[*hercontrole])); it != entry_of_pand.end()) {
                taken[it->second] = 1;
                if (ranked[panden[it->second].objecten[0]].vbo == *hercontrole) rang = static_cast<std::int32_t>(it->second + 1);
            }
            used.insert(pand_key(vbos[*hercontrole]));
            day.push_back({dag, 0, *hercontrole, Selectie::hercontrole, rang});
            --slots;
        }
        const Point anchor = hercontrole ? vbos[*hercontrole].punt : vbos[ranked[panden[next_anchor].objecten[0]].vbo].punt;
        vbo_index.within(anchor, options.straal, nearby);

        // The highest-ranked free panden whose representative lies within the straal (the anchor first).
        std::vector<std::uint32_t> entries;
        for (auto i : nearby)
            if (representative[i] && !taken[static_cast<std::size_t>(entry_of[i])] && !used.count(pand_key(vbos[i])))
                entries.push_back(static_cast<std::uint32_t>(entry_of[i]));
        std::sort(entries.begin(), entries.end());
        if (entries.size() > static_cast<std::size_t>(std::max(slots, 0))) entries.resize(static_cast<std::size_t>(std::max(slots, 0)));
        for (auto e : entries) {
            taken[e] = 1;
            const auto vbo = ranked[panden[e].objecten[0]].vbo;
            used.insert(pand_key(vbos[vbo]));
            day.push_back({dag, 0, vbo, Selectie::ranking, static_cast<std::int32_t>(e + 1)});
        }

        // Each random slot copies the gebruiksdoelen of one of the day's ranked stops, in rank order:
        // drawn within the straal when possible (a walkable day), else anywhere in the town.
        const std::size_t n_ranked = day.size();
        for (int slot = 0; slot < random_slots; ++slot) {
            const auto kind = vbos[day[static_cast<std::size_t>(slot) % n_ranked].vbo].gebruiksdoelen;
            auto eligible = [&](std::uint32_t i) {
                return in_pool[i] && vbos[i].gebruiksdoelen == kind && !used.count(pand_key(vbos[i]));
            };
            std::vector<std::uint32_t> candidates;
            for (auto i : nearby)
                if (eligible(i)) candidates.push_back(i);
            if (candidates.empty())
                for (auto i : pool)
                    if (eligible(i)) candidates.push_back(i);
            if (candidates.empty()) continue;
            std::sort(candidates.begin(), candidates.end(), [&](auto a, auto b) { return vbos[a].id < vbos[b].id; });
            const auto pick = candidates[random.below(candidates.size())];
            used.insert(pand_key(vbos[pick]));
            day.push_back({dag, 0, pick, Selectie::steekproef, 0});
        }
        walking_order(town, day);
        controles.insert(controles.end(), day.begin(), day.end());
    }
    return controles;
}

}  // namespace onregel
