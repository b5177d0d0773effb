#include "engine/geometry/simplify.hpp"

#include <algorithm>

namespace onregel {

namespace {

// Squared distance from p to the segment a-b.
double segment_distance2(Point p, Point a, Point b) {
    const double dx = b.x - a.x, dy = b.y - a.y, length2 = dx * dx + dy * dy;
    const double t = length2 > 0 ? std::clamp(((p.x - a.x) * dx + (p.y - a.y) * dy) / length2, 0.0, 1.0) : 0.0;
    return distance2(p, {a.x + t * dx, a.y + t * dy});
}

int orientation(Point a, Point b, Point c) {
    const double v = (b.x - a.x) * (c.y - a.y) - (b.y - a.y) * (c.x - a.x);
    return (v > 0) - (v < 0);
}

// p collinear with a-b: whether it lies on the segment.
bool on_segment(Point a, Point b, Point p) {
    return std::min(a.x, b.x) <= p.x && p.x <= std::max(a.x, b.x) && std::min(a.y, b.y) <= p.y && p.y <= std::max(a.y, b.y);
}

// Whether the segments a-b and c-d share any point (touching counts).
bool segments_meet(Point a, Point b, Point c, Point d) {
    const int o1 = orientation(a, b, c), o2 = orientation(a, b, d), o3 = orientation(c, d, a), o4 = orientation(c, d, b);
    if (o1 != o2 && o3 != o4) return true;
    return (o1 == 0 && on_segment(a, b, c)) || (o2 == 0 && on_segment(a, b, d)) || (o3 == 0 && on_segment(c, d, a)) ||
           (o4 == 0 && on_segment(c, d, b));
}

// A closed ring with an area and no two non-adjacent edges meeting.
bool simple_ring(const std::vector<Point>& ring) {
    const std::size_t edges = ring.size() - 1;
    double area2 = 0;
    for (std::size_t i = 0; i < edges; ++i) area2 += ring[i].x * ring[i + 1].y - ring[i + 1].x * ring[i].y;
    if (area2 == 0) return false;
    for (std::size_t i = 0; i < edges; ++i)
        for (std::size_t j = i + 2; j < edges; ++j)
            if (!(i == 0 && j == edges - 1) && segments_meet(ring[i], ring[i + 1], ring[j], ring[j + 1])) return false;
    return true;
}

}  // namespace

std::vector<Point> simplify_ring(const std::vector<Point>& ring, double tolerance) {
    const std::size_t n = ring.size();
    if (n <= 4) return ring;
    // Split at the vertex farthest from the first: two chains whose end points stay.
    std::size_t far = 1;
    for (std::size_t i = 2; i + 1 < n; ++i)
        if (distance2(ring[i], ring[0]) > distance2(ring[far], ring[0])) far = i;
    std::vector<char> keep(n, 0);
    keep[0] = keep[far] = keep[n - 1] = 1;
    std::vector<std::pair<std::size_t, std::size_t>> chains = {{0, far}, {far, n - 1}};
    const double tolerance2 = tolerance * tolerance;
    while (!chains.empty()) {
        const auto [a, b] = chains.back();
        chains.pop_back();
        std::size_t worst = 0;
        double worst_distance2 = tolerance2;
        for (std::size_t k = a + 1; k < b; ++k) {
            const double d = segment_distance2(ring[k], ring[a], ring[b]);
            if (d > worst_distance2) worst = k, worst_distance2 = d;
        }
        if (worst == 0) continue;
        keep[worst] = 1;
        chains.push_back({a, worst});
        chains.push_back({worst, b});
    }
    std::vector<Point> simplified;
    for (std::size_t i = 0; i < n; ++i)
        if (keep[i]) simplified.push_back(ring[i]);
    if (simplified.size() < 4 || !simple_ring(simplified)) return ring;
    return simplified;
}

}  // namespace onregel
