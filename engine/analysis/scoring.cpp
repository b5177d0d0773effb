#include "scoring.hpp"

#include <algorithm>
#include <bit>
#include <tbb/parallel_for.h>
#include <tbb/parallel_sort.h>

namespace onregel {

std::vector<Beoordeling> score_town(const Context& context, const Config& config, const Signals& signals) {
    std::vector<std::vector<Hit>> results(signals.size());
    tbb::parallel_for(std::size_t{0}, signals.size(), [&](std::size_t s) {
        if (config.signalen.at(signals[s]->info().id).actief) results[s] = signals[s]->evaluate(context);
    });

    const auto n = context.town.verblijfsobjecten.size();
    std::vector<std::int32_t> slot(n, -1);
    std::vector<Beoordeling> scored;
    std::vector<std::uint8_t> families;  // bit per family, per scored object
    for (std::size_t s = 0; s < signals.size(); ++s) {
        const auto& info = signals[s]->info();
        const int punten = config.signalen.at(info.id).punten;
        for (auto& hit : results[s]) {
            if (slot[hit.vbo] < 0) {
                slot[hit.vbo] = static_cast<std::int32_t>(scored.size());
                scored.push_back({hit.vbo, 0, {}});
                families.push_back(0);
            }
            const auto k = static_cast<std::size_t>(slot[hit.vbo]);
            const int points = hit.level * punten;
            scored[k].bijdragen.push_back({info.id, hit.level, punten, points, std::move(hit.bewijs)});
            scored[k].score += points;
            families[k] |= static_cast<std::uint8_t>(1u << static_cast<unsigned>(info.familie));
        }
    }
    for (std::size_t k = 0; k < scored.size(); ++k) {
        const int count = std::popcount(families[k]);
        if (count >= 2 && config.integrale_bonus > 0) {
            const int points = (count - 1) * config.integrale_bonus;
            scored[k].bijdragen.push_back({std::string(integrale_bonus_id), count - 1, config.integrale_bonus, points,
                                           "signalen uit " + std::to_string(count) + " domeinen"});
            scored[k].score += points;
        }
    }
    const auto& vbos = context.town.verblijfsobjecten;
    // BAG ids are unique, so this order is total and the result the same on any number of threads.
    tbb::parallel_sort(scored.begin(), scored.end(), [&](const Beoordeling& a, const Beoordeling& b) {
        if (a.score != b.score) return a.score > b.score;
        return vbos[a.vbo].id < vbos[b.vbo].id;
    });
    return scored;
}

}  // namespace onregel
