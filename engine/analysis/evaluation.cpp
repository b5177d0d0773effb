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

namespace {

constexpr double z95 = 1.959963984540054;  // the standard normal's 97.5% quantile

}  // namespace

std::string_view vergelijking_name(Vergelijking vergelijking) {
    switch (vergelijking) {
        case Vergelijking::mogelijk: return "mogelijk";
        case Vergelijking::steekproef_te_klein: return "steekproef_te_klein";
        case Vergelijking::groep_te_klein: return "groep_te_klein";
        case Vergelijking::steekproef_zonder_bevinding: return "steekproef_zonder_bevinding";
        case Vergelijking::groep_zonder_bevinding: return "groep_zonder_bevinding";
    }
    return "";
}

Aandeel wilson(int treffers, int n) {
    Aandeel a{n, treffers, 0, 0, 0};
    if (n <= 0) return a;
    const double nn = n, p = treffers / nn, z2 = z95 * z95;
    const double centre = (p + z2 / (2 * nn)) / (1 + z2 / nn);
    const double half = z95 / (1 + z2 / nn) * std::sqrt(p * (1 - p) / nn + z2 / (4 * nn * nn));
    a.waarde = p;
    // At 0 and n hits the bound is exactly 0 or 1; the subtraction leaves rounding noise there.
    a.laag = treffers == 0 ? 0.0 : std::max(0.0, centre - half);
    a.hoog = treffers == n ? 1.0 : std::min(1.0, centre + half);
    return a;
}

Lift lift(const Aandeel& groep, const Aandeel& steekproef) {
    Lift out;
    if (steekproef.n < min_bezoeken) out.vergelijking = Vergelijking::steekproef_te_klein;
    else if (groep.n < min_bezoeken) out.vergelijking = Vergelijking::groep_te_klein;
    else if (steekproef.treffers == 0) out.vergelijking = Vergelijking::steekproef_zonder_bevinding;
    else if (groep.treffers == 0) out.vergelijking = Vergelijking::groep_zonder_bevinding;
    else out.vergelijking = Vergelijking::mogelijk;
    if (out.vergelijking != Vergelijking::mogelijk) return out;
    // se(ln RR) = sqrt(1/x1 - 1/n1 + 1/x2 - 1/n2)
    const double ratio = groep.waarde / steekproef.waarde;
    const double se = std::sqrt(1.0 / groep.treffers - 1.0 / groep.n + 1.0 / steekproef.treffers - 1.0 / steekproef.n);
    out.verhouding = Verhouding{ratio, ratio * std::exp(-z95 * se), ratio * std::exp(z95 * se)};
    return out;
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
    e.lift = lift(e.gerangschikt, e.steekproef);

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

    // Without a lift there is no PAI: with a steekproef that found nothing it would be A/a, whatever was found.
    if (const auto& rr = e.lift.verhouding; rr && gemarkeerd > 0 && gemarkeerd <= objecten) {
        const double f = static_cast<double>(gemarkeerd) / static_cast<double>(objecten);
        const auto pai = [f](double lift) { return 1 / (f + (1 - f) / lift); };
        e.pai = Verhouding{pai(rr->waarde), pai(rr->laag), pai(rr->hoog)};
    }

    for (const auto& [signal, t] : per_signal) {
        SignaalLift s{signal, wilson(t.hits, t.n), {}};
        s.lift = lift(s.aandeel, e.steekproef);
        e.per_signaal.push_back(std::move(s));
    }
    return e;
}

}  // namespace onregel
