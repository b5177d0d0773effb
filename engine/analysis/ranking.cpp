#include "ranking.hpp"

#include <algorithm>
#include <tbb/parallel_sort.h>

namespace onregel {

std::vector<PandScore> rank_panden(const Town& town, const std::vector<Beoordeling>& ranked) {
    std::vector<PandScore> panden;
    std::vector<std::int32_t> slot(town.panden.size(), -1);  // pand -> its entry
    for (std::size_t r = 0; r < ranked.size(); ++r) {
        const auto& vbo = town.verblijfsobjecten[ranked[r].vbo];
        std::size_t k = panden.size();
        if (vbo.pand < 0) {
            panden.push_back({-1, 0, {}});
        } else {
            auto& s = slot[static_cast<std::size_t>(vbo.pand)];
            if (s < 0) s = static_cast<std::int32_t>(k), panden.push_back({vbo.pand, 0, {}});
            k = static_cast<std::size_t>(s);
        }
        panden[k].score = std::max(panden[k].score, ranked[r].score);
        panden[k].objecten.push_back(static_cast<std::uint32_t>(r));
    }
    const auto& vbos = town.verblijfsobjecten;
    // A total order (BAG ids are unique, and each entry has its own highest-ranked object), the order of
    // the object ranking among the panden's first objects: the same result on any number of threads.
    tbb::parallel_sort(panden.begin(), panden.end(), [&](const PandScore& a, const PandScore& b) {
        if (a.score != b.score) return a.score > b.score;
        if (a.objecten.size() != b.objecten.size()) return a.objecten.size() > b.objecten.size();
        return vbos[ranked[a.objecten[0]].vbo].id < vbos[ranked[b.objecten[0]].vbo].id;
    });
    return panden;
}

}  // namespace onregel
