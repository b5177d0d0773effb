#include "ranking.hpp"

#include <algorithm>
#include <unordered_map>

namespace onregel {

std::vector<PandScore> rank_panden(const Town& town, const std::vector<Beoordeling>& ranked) {
    std::vector<PandScore> panden;
    std::unordered_map<std::string, std::size_t> slot;  // pand_id -> entry
    for (std::size_t r = 0; r < ranked.size(); ++r) {
        const auto& vbo = town.verblijfsobjecten[ranked[r].vbo];
        std::size_t k = panden.size();
        if (vbo.pand_id.empty()) {
            panden.push_back({"", -1, 0, {}});
        } else if (auto [it, fresh] = slot.try_emplace(vbo.pand_id, k); fresh) {
            panden.push_back({vbo.pand_id, vbo.pand, 0, {}});
        } else {
            k = it->second;
        }
        panden[k].score += ranked[r].score;
        panden[k].objecten.push_back(static_cast<std::uint32_t>(r));
    }
    const auto& vbos = town.verblijfsobjecten;
    std::sort(panden.begin(), panden.end(), [&](const PandScore& a, const PandScore& b) {
        if (a.score != b.score) return a.score > b.score;
        if (a.pand_id != b.pand_id) return a.pand_id < b.pand_id;
        return vbos[ranked[a.objecten[0]].vbo].id < vbos[ranked[b.objecten[0]].vbo].id;
    });
    return panden;
}

}  // namespace onregel
