#include "risicobranche_cluster.hpp"

#include <algorithm>
#include <map>
#include <tbb/blocked_range.h>
#include <tbb/parallel_for.h>

#include "engine/analysis/fdr.hpp"
#include "engine/analysis/tail_probability.hpp"
#include "engine/text.hpp"
#include "support.hpp"

namespace onregel {

namespace {

// What an object's active vestigingen make of it. The unit counted is the business address, not the
// vestiging: firms registered on one address are not independent draws (one owner, one building), and
// twenty holdings on one office are bedrijven_op_adres's business, not a cluster of places. Homes are
// left out of both the circle and the gemeente's share: most risk branches need premises, so against
// a share diluted by home offices every shopping street would stand out.
enum class Unit : std::uint8_t { none, ordinary, risk };

// Risk-branch and all business addresses, per gemeentecode.
struct Counts {
    std::int64_t risk = 0;
    std::int64_t all = 0;
};

// The distinct risk branches of the object's active vestigingen.
std::vector<std::string> risk_branches(const Context& context, std::uint32_t vbo) {
    std::vector<std::string> names;
    for (auto v : context.town.vestigingen_per_vbo.of(vbo)) {
        const auto& vestiging = context.town.vestigingen[v];
        if (!vestiging.actief_op(context.town.peildatum)) continue;
        if (const auto* branche = context.policy.risicobranche(vestiging)) names.push_back(branche->naam);
    }
    std::sort(names.begin(), names.end());
    names.erase(std::unique(names.begin(), names.end()), names.end());
    return names;
}

}  // namespace

const SignalInfo& RisicobrancheCluster::info() const {
    static const SignalInfo info{
        "risicobranche_cluster",
        "Het object is een bedrijfsadres (een actieve vestiging, een ander gebruiksdoel dan alleen woonfunctie) met "
        "een vestiging in een risicobranche ([risicobranches]), en binnen straal_m hebben meer bedrijfsadressen er een "
        "in een risicobranche dan het aandeel in de eigen gemeente (de gemeentecode van de BAG-id) doet verwachten: "
        "binomiale toets over de andere bedrijfsadressen in de cirkel, "
        "Benjamini-Hochberg FDR over alle zulke objecten, met ten minste min_risico risicoadressen (het object zelf "
        "meegeteld) en min_lq keer het verwachte aantal. Niveau naar de FDR-grens die gehaald wordt: 1 bij fdr_q, "
        "2 bij fdr_q/2, 3 bij fdr_q/10 (standaard 100 m, fdr_q 0,10, 4 adressen, 2 keer)",
        "Hoogeveen: 1 autobedrijf per 175 inwoners tegen 1 per 410 landelijk; DOOK-thema autobranche; "
        "locatiequotiënt met binomiale toets",
        Familie::registratie,
        1,
        {
            {"straal_m", ParamType::real, 100, 10, 1000,
             "radius (m): the business addresses (an active vestiging, not woonfunctie only) within it are compared"},
            {"fdr_q", ParamType::real, 0.10, 0.001, 0.25,
             "false discovery rate (Benjamini-Hochberg over all objects with a risk branch) at which the signal fires"},
            {"min_risico", ParamType::integer, 4, 2, 1000,
             "business addresses with a risk-branch vestiging within straal_m (the object included) needed to fire"},
            {"min_lq", ParamType::real, 2, 1, 100,
             "location quotient needed to fire: the risk-branch share within straal_m over the gemeente's share"},
        }};
    return info;
}

void RisicobrancheCluster::configure(Params& params) {
    straal_ = params.real("straal_m");
    fdr_q_ = params.real("fdr_q");
    min_risico_ = params.integer("min_risico");
    min_lq_ = params.real("min_lq");
}

std::vector<Hit> RisicobrancheCluster::evaluate(const Context& context) const {
    const Town& town = context.town;
    const auto n = town.verblijfsobjecten.size();
    std::vector<Unit> unit(n, Unit::none);
    tbb::parallel_for(tbb::blocked_range<std::size_t>(0, n), [&](const tbb::blocked_range<std::size_t>& range) {
        for (auto i = range.begin(); i != range.end(); ++i) {
            if (town.verblijfsobjecten[i].gebruiksdoelen == woonfunctie) continue;
            for (auto v : town.vestigingen_per_vbo.of(i)) {
                const auto& vestiging = town.vestigingen[v];
                if (!vestiging.actief_op(town.peildatum)) continue;
                unit[i] = Unit::ordinary;
                if (context.policy.risicobranche(vestiging)) {
                    unit[i] = Unit::risk;
                    break;
                }
            }
        }
    });
    // Each gemeente is its own reference: a national run does not compare a city with the country.
    std::vector<Counts> gemeenten;
    std::vector<std::uint32_t> candidates;
    for (std::uint32_t i = 0; i < n; ++i) {
        if (unit[i] == Unit::none) continue;
        const auto code = gemeentecode(town.verblijfsobjecten[i].id);
        if (code >= gemeenten.size()) gemeenten.resize(code + 1);
        ++gemeenten[code].all;
        if (unit[i] == Unit::risk) {
            ++gemeenten[code].risk;
            candidates.push_back(i);
        }
    }
    if (candidates.empty()) return {};

    struct Test {
        std::int64_t all = 0, risk = 0;  // business addresses within straal_m, the object included
        double share = 0;                // the gemeente's risk-branch share
    };
    std::vector<Test> tests(candidates.size());
    std::vector<double> p(candidates.size());
    tbb::parallel_for(tbb::blocked_range<std::size_t>(0, candidates.size()), [&](const tbb::blocked_range<std::size_t>& range) {
        std::vector<std::uint32_t> near;
        for (auto c = range.begin(); c != range.end(); ++c) {
            const auto& object = town.verblijfsobjecten[candidates[c]];
            const auto& g = gemeenten[gemeentecode(object.id)];
            auto& t = tests[c];
            t.share = static_cast<double>(g.risk) / static_cast<double>(g.all);
            context.vbo_index.within(object.punt, straal_, near);
            for (auto j : near) {
                t.all += unit[j] != Unit::none;
                t.risk += unit[j] == Unit::risk;
            }
            // The object was chosen for its risk branch, so only the others are evidence: testing it too
            // would count its own branch as a surprise.
            p[c] = binomial_upper_tail(t.risk - 1, t.all - 1, t.share);
        }
    });
    const auto significant = benjamini_hochberg(p, fdr_q_);
    const auto at_half = benjamini_hochberg(p, fdr_q_ / 2);
    const auto at_tenth = benjamini_hochberg(p, fdr_q_ / 10);
    std::vector<std::size_t> fired;
    for (std::size_t c = 0; c < candidates.size(); ++c) {
        const auto& t = tests[c];
        const double expected = static_cast<double>(t.all) * t.share;
        if (significant[c] && t.risk >= min_risico_ && static_cast<double>(t.risk) >= min_lq_ * expected) fired.push_back(c);
    }

    return in_chunks(fired.size(), [&](std::size_t begin, std::size_t end, std::vector<Hit>& hits) {
        std::vector<std::uint32_t> near;
        for (auto f = begin; f < end; ++f) {
            const auto c = fired[f];
            const auto& t = tests[c];
            const auto& object = town.verblijfsobjecten[candidates[c]];
            context.vbo_index.within(object.punt, straal_, near);
            std::map<std::string, int> per_branche;  // an address with two risk branches counts in both
            for (auto j : near)
                if (unit[j] == Unit::risk)
                    for (const auto& name : risk_branches(context, j)) ++per_branche[name];
            std::string branches;
            for (const auto& [name, count] : per_branche)
                branches += (branches.empty() ? "" : ", ") + name + " " + std::to_string(count);
            const double expected = static_cast<double>(t.all) * t.share;
            const std::uint8_t level = at_tenth[c] ? 3 : at_half[c] ? 2 : 1;
            hits.push_back({candidates[c], level,
                            std::to_string(t.risk) + " van de " + std::to_string(t.all) + " bedrijfsadressen binnen " +
                                format_decimal(straal_, 0) + " m hebben een vestiging in een risicobranche (" + branches +
                                "), waar je er naar het aandeel in de gemeente (" + format_decimal_nl(100 * t.share, 1) +
                                "%) ongeveer " + format_decimal_nl(expected, 1) + " zou verwachten"});
        }
    });
}

}  // namespace onregel
