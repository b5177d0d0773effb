#include "ranking.hpp"

#include <algorithm>
#include <tbb/parallel_sort.h>
#include <unordered_map>

namespace onregel {

std::vector<PandScore> rank_panden(const Town& town, const std::vector<Beoordeling>& ranked) {
    std::vector<PandScore> panden;
    // pand -> entry: by index for panden in the input, by id for those only named by an object.
    std::vector<std::int32_t> slot(town.panden.size(), -1);
    std::unordered_map<std::string, std::size_t> named;
    for (std::size_t r = 0; r < ranked.size(); ++r) {
        const auto& vbo = town.verblijfsobjecten[ranked[r].vbo];
        std::size_t k = panden.size();
        if (vbo.pand_id.empty()) {
            panden.push_back({"", -1, 0, {}});
        } else if (vbo.pand >= 0) {
            auto& s = slot[static_cast<std::size_t>(vbo.pand)];
            if (s < 0) s = static_cast<std::int32_t>(k), panden.push_back({vbo.pand_id, vbo.pand, 0, {}});
            k = static_cast<std::size_t>(s);
        } else if (auto [it, fresh] = named.try_emplace(vbo.pand_id, k); fresh) {
            panden.push_back({vbo.pand_id, vbo.pand, 0, {}});
        } else {
            k = it->second;
        }
        panden[k].score += ranked[r].score;
        panden[k].objecten.push_back(static_cast<std::uint32_t>(r));
    }
    const auto& vbos = town.verblijfsobjecten;
    // A total order (pand ids and BAG ids are unique): the same result on any number of threads.
    tbb::parallel_sort(panden.begin(), panden.end(), [&](const PandScore& a, const PandScore& b) {
        if (a.score != b.score) return a.score > b.score;
        if (a.pand_id != b.pand_id) return a.pand_id < b.pand_id;
        return vbos[ranked[a.objecten[0]].vbo].id < vbos[ranked[b.objecten[0]].vbo].id;
    });
    return panden;
}

}  // namespace onregel
