#include "risicobranche_cluster.hpp"

#include "engine/analysis/dbscan.hpp"
#include "engine/text.hpp"
#include "support.hpp"

namespace onregel {

const SignalInfo& RisicobrancheCluster::info() const {
    static const SignalInfo info{
        "risicobranche_cluster",
        "Het object heeft een actieve vestiging in een risicobranche ([risicobranches]) en hoort bij een DBSCAN-"
        "cluster van zulke objecten (elk object telt één keer). Niveau naar de clustergrootte: 1 vanaf min_punten, "
        "2 vanaf tweemaal, 3 vanaf viermaal (standaard 4, 8, 16 objecten)",
        "Hoogeveen: 1 autobedrijf per 175 inwoners tegen 1 per 410 landelijk; DOOK-thema autobranche",
        Familie::registratie,
        1,
        {
            {"eps_m", ParamType::real, 75, 1, 1000, "DBSCAN eps: objects within this distance (m) are neighbours"},
            {"min_punten", ParamType::integer, 4, 2, 1000,
             "DBSCAN min_samples: objects (itself included) within eps_m that make a core object"},
        }};
    return info;
}

void RisicobrancheCluster::configure(const ParamValues& values) {
    eps_ = values.at("eps_m");
    min_punten_ = static_cast<int>(values.at("min_punten"));
}

std::vector<Hit> RisicobrancheCluster::evaluate(const Context& context) const {
    const Town& town = context.town;
    std::vector<std::uint32_t> objects;          // verblijfsobjecten with an active risk-branch vestiging
    std::vector<std::vector<std::string>> names;  // their risk branches
    std::vector<Point> points;
    for (std::uint32_t i = 0; i < town.verblijfsobjecten.size(); ++i) {
        std::vector<std::string> found;
        for (auto v : town.vestigingen_per_vbo.of(i)) {
            const auto& vestiging = town.vestigingen[v];
            if (!vestiging.actief_op(town.peildatum)) continue;
            if (const auto* branche = context.policy.risicobranche(vestiging.sbi_hoofd)) found.push_back(branche->naam);
        }
        if (found.empty()) continue;
        objects.push_back(i);
        names.push_back(std::move(found));
        points.push_back(town.verblijfsobjecten[i].punt);
    }
    if (objects.empty()) return {};
    const Dbscan clusters = dbscan(points, eps_, min_punten_);
    std::vector<int> size(static_cast<std::size_t>(clusters.clusters), 0);
    std::vector<std::vector<std::string>> cluster_names(size.size());
    for (std::size_t k = 0; k < objects.size(); ++k) {
        if (clusters.label[k] < 0) continue;
        const auto c = static_cast<std::size_t>(clusters.label[k]);
        ++size[c];
        cluster_names[c].insert(cluster_names[c].end(), names[k].begin(), names[k].end());
    }
    std::vector<std::string> cluster_text(size.size());
    for (std::size_t c = 0; c < size.size(); ++c) cluster_text[c] = join_distinct(cluster_names[c], ", ");
    std::vector<Hit> hits;
    for (std::size_t k = 0; k < objects.size(); ++k) {
        if (clusters.label[k] < 0) continue;
        const auto c = static_cast<std::size_t>(clusters.label[k]);
        hits.push_back({objects[k], level_by_multiple(size[c], min_punten_),
                        "cluster " + std::to_string(c + 1) + " van " + std::to_string(size[c]) +
                            " adressen met een risicobranche binnen " + format_decimal(eps_, 0) + " m van elkaar (" +
                            cluster_text[c] + "); hier: " + join_distinct(names[k], ", ")});
    }
    return hits;
}

}  // namespace onregel
