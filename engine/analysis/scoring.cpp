#include "scoring.hpp"

#include <algorithm>
#include <bit>
#include <tbb/parallel_for.h>
#include <tbb/parallel_sort.h>

#include "engine/text.hpp"

namespace onregel {

namespace {

// Pays each piece of evidence once. `bits` holds two entries per bijdrage: the families whose facts it
// used (its own and `ook`), then its own family. Strongest first (points, then registry order), a
// bijdrage scores unless one that scored before used facts of the same families.
void pay_once(Beoordeling& b, const std::vector<std::uint8_t>& bits, int integrale_bonus) {
    std::vector<std::size_t> order(b.bijdragen.size());
    for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
    std::stable_sort(order.begin(), order.end(), [&](std::size_t x, std::size_t y) { return b.bijdragen[x].points > b.bijdragen[y].points; });
    std::vector<std::size_t> paid;
    std::uint8_t used = 0, scoring_families = 0;
    for (auto i : order) {
        auto& c = b.bijdragen[i];
        if (bits[2 * i] & used) {
            const auto by = *std::find_if(paid.begin(), paid.end(), [&](std::size_t j) { return bits[2 * j] & bits[2 * i]; });
            c.points = 0;
            c.bewijs += " (telt niet mee: al geteld via " + b.bijdragen[by].signaal + ")";
            continue;
        }
        used |= bits[2 * i];
        scoring_families |= bits[2 * i + 1];
        paid.push_back(i);
        b.score += c.points;
    }
    const int count = std::popcount(scoring_families);
    if (count < 2 || integrale_bonus <= 0) return;
    std::vector<std::string> names;
    for (unsigned f = 0; f < 8; ++f)
        if (scoring_families & (1u << f)) names.emplace_back(familie_name(static_cast<Familie>(f)));
    std::string text = "Signalen uit " + std::to_string(count) + " domeinen: " + list_text(names);
    const int points = (count - 1) * integrale_bonus;
    b.bijdragen.push_back({std::string(integrale_bonus_id), count - 1, integrale_bonus, points, std::move(text)});
    b.score += points;
}

}  // namespace

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
        std::vector<std::vector<std::uint8_t>> families;  // per scored object, per bijdrage: its family and `ook`
        const auto by_vbo = [](const Hit& hit, std::uint32_t vbo) { return hit.vbo < vbo; };
        for (std::size_t s = 0; s < signals.size(); ++s) {
            const auto& info = signals[s]->info();
            const int punten = config.signalen.at(info.id).punten;
            auto& hits = results[s];
            for (auto hit = std::lower_bound(hits.begin(), hits.end(), begin, by_vbo); hit != hits.end() && hit->vbo < end; ++hit) {
                if (slot[hit->vbo] < 0) {
                    slot[hit->vbo] = static_cast<std::int32_t>(scored.size());
                    scored.push_back({hit->vbo, 0, {}});
                    families.emplace_back();
                }
                const auto k = static_cast<std::size_t>(slot[hit->vbo]);
                scored[k].bijdragen.push_back({info.id, hit->niveau, punten, hit->niveau * punten, std::move(hit->bewijs)});
                families[k].push_back(familie_bit(info.familie) | hit->ook);
                families[k].push_back(familie_bit(info.familie));
            }
        }
        for (std::size_t k = 0; k < scored.size(); ++k) pay_once(scored[k], families[k], config.integrale_bonus);
    });

    // Ranked through small keys, then moved into place: by score, then by how many flagged objects share
    // the object's pand (the ranking of panden breaks its ties the same way, so the first address of
    // both lists is one), then by BAG id. BAG ids are unique, so this order is total and the result the
    // same on any number of threads.
    const auto& vbos = context.town.verblijfsobjecten;
    std::vector<std::int32_t> flagged_in_pand(context.town.panden.size(), 0);
    for (const auto& range : per_range)
        for (const auto& b : range)
            if (vbos[b.vbo].pand >= 0) ++flagged_in_pand[static_cast<std::size_t>(vbos[b.vbo].pand)];
    struct Key {
        int score;
        std::int32_t in_pand;
        BagId id;
        std::uint32_t range, k;
    };
    std::vector<Key> keys;
    for (std::uint32_t r = 0; r < per_range.size(); ++r)
        for (std::uint32_t k = 0; k < per_range[r].size(); ++k) {
            const auto& vbo = vbos[per_range[r][k].vbo];
            keys.push_back({per_range[r][k].score, vbo.pand < 0 ? 1 : flagged_in_pand[static_cast<std::size_t>(vbo.pand)], vbo.id, r, k});
        }
    tbb::parallel_sort(keys.begin(), keys.end(), [](const Key& a, const Key& b) {
        if (a.score != b.score) return a.score > b.score;
        if (a.in_pand != b.in_pand) return a.in_pand > b.in_pand;
        return a.id < b.id;
    });
    std::vector<Beoordeling> ranked(keys.size());
    tbb::parallel_for(std::size_t{0}, keys.size(), [&](std::size_t i) { ranked[i] = std::move(per_range[keys[i].range][keys[i].k]); });
    return ranked;
}

}  // namespace onregel
