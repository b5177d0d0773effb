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

    // Merged per range of verblijfsobjecten, on all threads: each signal's hits ascend by vbo, so a
    // range's hits are one slice of each list, and a Beoordeling gets its bijdragen in registry order.
    const auto n = context.town.verblijfsobjecten.size();
    constexpr std::size_t range_size = 16384;
    std::vector<std::vector<Beoordeling>> per_range((n + range_size - 1) / range_size);
    std::vector<std::int32_t> slot(n, -1);  // into the range's Beoordelingen; each range its own part
    tbb::parallel_for(std::size_t{0}, per_range.size(), [&](std::size_t r) {
        const auto begin = static_cast<std::uint32_t>(r * range_size), end = static_cast<std::uint32_t>(std::min(n, (r + 1) * range_size));
        auto& scored = per_range[r];
        std::vector<std::uint8_t> families;  // bit per family, per scored object
        const auto by_vbo = [](const Hit& hit, std::uint32_t vbo) { return hit.vbo < vbo; };
        for (std::size_t s = 0; s < signals.size(); ++s) {
            const auto& info = signals[s]->info();
            const int punten = config.signalen.at(info.id).punten;
            auto& hits = results[s];
            for (auto hit = std::lower_bound(hits.begin(), hits.end(), begin, by_vbo); hit != hits.end() && hit->vbo < end; ++hit) {
                if (slot[hit->vbo] < 0) {
                    slot[hit->vbo] = static_cast<std::int32_t>(scored.size());
                    scored.push_back({hit->vbo, 0, {}});
                    families.push_back(0);
                }
                const auto k = static_cast<std::size_t>(slot[hit->vbo]);
                const int points = hit->level * punten;
                scored[k].bijdragen.push_back({info.id, hit->level, punten, points, std::move(hit->bewijs)});
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
    });

    // Ranked through small keys, then moved into place. BAG ids are unique, so this order is total
    // and the result the same on any number of threads.
    struct Key {
        int score;
        BagId id;
        std::uint32_t range, k;
    };
    std::vector<Key> keys;
    const auto& vbos = context.town.verblijfsobjecten;
    for (std::uint32_t r = 0; r < per_range.size(); ++r)
        for (std::uint32_t k = 0; k < per_range[r].size(); ++k)
            keys.push_back({per_range[r][k].score, vbos[per_range[r][k].vbo].id, r, k});
    tbb::parallel_sort(keys.begin(), keys.end(), [](const Key& a, const Key& b) {
        return a.score != b.score ? a.score > b.score : a.id < b.id;
    });
    std::vector<Beoordeling> ranked(keys.size());
    tbb::parallel_for(std::size_t{0}, keys.size(), [&](std::size_t i) { ranked[i] = std::move(per_range[keys[i].range][keys[i].k]); });
    return ranked;
}

}  // namespace onregel
