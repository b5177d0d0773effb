#include "dbscan.hpp"

#include <algorithm>
#include <numeric>

#include <tbb/blocked_range.h>
#include <tbb/parallel_for.h>

#include "engine/errors.hpp"
#include "engine/grid_index.hpp"

namespace onregel {

namespace {

// Union–find over point indices; the partition it ends with does not depend on the order of unions.
class DisjointSets {
public:
    explicit DisjointSets(std::size_t n) : parent_(n) { std::iota(parent_.begin(), parent_.end(), 0u); }
    std::uint32_t find(std::uint32_t i) {
        while (parent_[i] != i) {
            parent_[i] = parent_[parent_[i]];  // path halving
            i = parent_[i];
        }
        return i;
    }
    void unite(std::uint32_t a, std::uint32_t b) {
        a = find(a);
        b = find(b);
        if (a != b) parent_[std::max(a, b)] = std::min(a, b);
    }

private:
    std::vector<std::uint32_t> parent_;
};

constexpr std::size_t block = 1 << 16;  // points per round of neighbour queries: bounds the edge memory

}  // namespace

Dbscan dbscan(std::span<const Point> points, double eps, int min_points) {
    if (!(eps > 0)) throw config_error("DBSCAN eps must be positive");
    if (min_points < 1) throw config_error("DBSCAN min_points must be at least 1");
    const std::size_t n = points.size();
    Dbscan result;
    result.label.assign(n, -1);
    result.core.assign(n, 0);
    if (n == 0) return result;
    const GridIndex index(points, eps);

    tbb::parallel_for(tbb::blocked_range<std::size_t>(0, n, 1024), [&](const tbb::blocked_range<std::size_t>& range) {
        std::vector<std::uint32_t> neighbours;
        for (std::size_t i = range.begin(); i != range.end(); ++i) {
            index.within(points[i], eps, neighbours);
            result.core[i] = neighbours.size() >= static_cast<std::size_t>(min_points);
        }
    });

    // Per block: in parallel, each core point lists its lower-index core neighbours; then the unions
    // run in order. Memory stays one block of edges.
    DisjointSets sets(n);
    std::vector<std::vector<std::uint32_t>> edges(std::min(n, block));
    for (std::size_t start = 0; start < n; start += block) {
        const std::size_t end = std::min(n, start + block);
        tbb::parallel_for(tbb::blocked_range<std::size_t>(start, end, 256), [&](const tbb::blocked_range<std::size_t>& range) {
            std::vector<std::uint32_t> neighbours;
            for (std::size_t i = range.begin(); i != range.end(); ++i) {
                auto& out = edges[i - start];
                out.clear();
                if (!result.core[i]) continue;
                index.within(points[i], eps, neighbours);
                for (auto j : neighbours) {
                    if (j >= i) break;
                    if (result.core[j]) out.push_back(j);
                }
            }
        });
        for (std::size_t i = start; i < end; ++i)
            for (auto j : edges[i - start]) sets.unite(static_cast<std::uint32_t>(i), j);
    }

    // Numbered by first appearance in index order, i.e. by each cluster's lowest-index core point.
    std::vector<std::int32_t> cluster_of_root(n, -1);
    for (std::size_t i = 0; i < n; ++i) {
        if (!result.core[i]) continue;
        auto& id = cluster_of_root[sets.find(static_cast<std::uint32_t>(i))];
        if (id < 0) id = result.clusters++;
        result.label[i] = id;
    }
    // A border point joins the lowest-numbered cluster among its core neighbours: scikit-learn grows
    // clusters one after another in that order, so the first to reach a border point is the lowest.
    tbb::parallel_for(tbb::blocked_range<std::size_t>(0, n, 1024), [&](const tbb::blocked_range<std::size_t>& range) {
        std::vector<std::uint32_t> neighbours;
        for (std::size_t i = range.begin(); i != range.end(); ++i) {
            if (result.core[i]) continue;
            index.within(points[i], eps, neighbours);
            for (auto j : neighbours)
                if (result.core[j] && (result.label[i] < 0 || result.label[j] < result.label[i])) result.label[i] = result.label[j];
        }
    });
    return result;
}

}  // namespace onregel
