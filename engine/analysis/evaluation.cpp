#include "evaluation.hpp"

#include <algorithm>
#include <cmath>
#include <map>
#include <unordered_map>

namespace onregel {

std::string_view groep_name(Groep groep) {
    switch (groep) {
        case Groep::gerangschikt: return "gerangschikt";
        case Groep::steekproef: return "steekproef";
    }
    return "";
}

Aandeel wilson(int treffers, int n) {
    Aandeel a{n, treffers, 0, 0, 0};
    if (n <= 0) return a;
    constexpr double z = 1.959963984540054;  // the standard normal's 97.5% quantile
    const double nn = n, p = treffers / nn, z2 = z * z;
    const double centre = (p + z2 / (2 * nn)) / (1 + z2 / nn);
    const double half = z / (1 + z2 / nn) * std::sqrt(p * (1 - p) / nn + z2 / (4 * nn * nn));
    a.waarde = p;
    a.laag = std::max(0.0, centre - half);
    a.hoog = std::min(1.0, centre + half);
    return a;
}

Evaluatie evaluate_uitkomsten(std::span<const Resultaat> resultaten, std::span<const Bekend> bekend,
                              std::size_t objecten, std::size_t gemarkeerd) {
    // Merge outcomes per object (in first-seen order), bevinding when any says so.
    std::vector<std::pair<std::string, bool>> visits;
    std::unordered_map<std::string, std::size_t> seen;
    for (const auto& u : resultaten) {
        auto [it, fresh] = seen.try_emplace(u.bag_id, visits.size());
        if (fresh) visits.push_back({u.bag_id, u.bevinding});
        else visits[it->second].second = visits[it->second].second || u.bevinding;
    }
    std::unordered_map<std::string, const Bekend*> known;
    for (const auto& b : bekend) known.emplace(b.bag_id, &b);

    struct Tally { int n = 0, hits = 0; };
    Tally groups[2];
    Evaluatie e;
    std::vector<std::pair<int, bool>> ranked;  // (rang, bevinding)
    std::map<std::string, Tally> per_signal;
    for (const auto& [bag_id, hit] : visits) {
        const auto it = known.find(bag_id);
        if (it == known.end()) {
            ++e.onbekend;
            continue;
        }
        const Groep groep = it->second->groep;
        auto& t = groups[static_cast<int>(groep)];
        ++t.n;
        t.hits += hit;
        if (groep != Groep::gerangschikt) continue;
        ranked.push_back({it->second->rang, hit});
        for (const auto& s : it->second->signalen) {
            ++per_signal[s].n;
            per_signal[s].hits += hit;
        }
    }

    e.gerangschikt = wilson(groups[0].hits, groups[0].n);
    e.steekproef = wilson(groups[1].hits, groups[1].n);
    const bool base = e.steekproef.treffers > 0;
    if (base && e.gerangschikt.n > 0) e.lift = e.gerangschikt.waarde / e.steekproef.waarde;

    std::sort(ranked.begin(), ranked.end());
    std::vector<int> ks;
    for (int k : {5, 10, 20, 50, 100})
        if (k < static_cast<int>(ranked.size())) ks.push_back(k);
    if (!ranked.empty()) ks.push_back(static_cast<int>(ranked.size()));
    for (int k : ks) {
        int hits = 0;
        for (int i = 0; i < k; ++i) hits += ranked[static_cast<std::size_t>(i)].second;
        e.precisie.push_back({k, wilson(hits, k)});
    }

    if (e.gerangschikt.n > 0 && e.steekproef.n > 0 && objecten > 0 && gemarkeerd <= objecten) {
        const double A = static_cast<double>(objecten), a = static_cast<double>(gemarkeerd);
        const double found = e.gerangschikt.waarde * a, all = found + e.steekproef.waarde * (A - a);
        if (all > 0 && a > 0) e.pai = (found / all) / (a / A);
    }

    for (const auto& [signal, t] : per_signal) {
        SignaalLift s{signal, wilson(t.hits, t.n), std::nullopt};
        if (base) s.lift = s.aandeel.waarde / e.steekproef.waarde;
        e.per_signaal.push_back(std::move(s));
    }
    return e;
}

}  // namespace onregel
