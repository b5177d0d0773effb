// Douglas-Peucker on closed rings: what is dropped, and when the ring is kept as it is.
#include <vector>

#include <gtest/gtest.h>

#include "engine/geometry/simplify.hpp"

namespace onregel {
namespace {

std::vector<Point> square(double x0, double y0, double size) {
    return {{x0, y0}, {x0 + size, y0}, {x0 + size, y0 + size}, {x0, y0 + size}, {x0, y0}};
}

TEST(SimplifyRing, DropsVerticesWithinTheToleranceOnly) {
    // A 10 m square with a vertex 0.3 m off its south side and one 0.8 m off its north side.
    const std::vector<Point> ring = {{0, 0}, {5, -0.3}, {10, 0}, {10, 10}, {5, 10.8}, {0, 10}, {0, 0}};
    const std::vector<Point> expected = {{0, 0}, {10, 0}, {10, 10}, {5, 10.8}, {0, 10}, {0, 0}};
    const auto simplified = simplify_ring(ring, 0.5);
    ASSERT_EQ(simplified.size(), expected.size());
    for (std::size_t i = 0; i < expected.size(); ++i) {
        EXPECT_EQ(simplified[i].x, expected[i].x) << i;
        EXPECT_EQ(simplified[i].y, expected[i].y) << i;
    }
}

TEST(SimplifyRing, KeepsTheRingWhenSimplifyingWouldBreakIt) {
    // Smaller than the tolerance: Douglas-Peucker would leave a line.
    const auto tiny = square(0, 0, 0.3);
    EXPECT_EQ(simplify_ring(tiny, 0.5).size(), tiny.size());
    // A C shape whose inner edge has a 0.45 m roof over a spike from the other arm reaching 0.3 m up:
    // straightening the roof would cut the spike. Without the spike the roof goes.
    const std::vector<Point> with_spike = {{0, 0},   {5, 0.45}, {10, 0},  {12, 0},  {12, 10},  {-5, 10}, {-5, -3},
                                           {12, -3}, {12, -1},  {5.1, -1}, {5, 0.3}, {4.9, -1}, {0, -1},  {0, 0}};
    EXPECT_EQ(simplify_ring(with_spike, 0.5).size(), with_spike.size());
    const std::vector<Point> without_spike = {{0, 0},  {5, 0.45}, {10, 0},  {12, 0}, {12, 10},
                                              {-5, 10}, {-5, -3},  {12, -3}, {12, -1}, {0, -1}, {0, 0}};
    const auto simplified = simplify_ring(without_spike, 0.5);
    ASSERT_EQ(simplified.size(), without_spike.size() - 2);  // the roof and (10, 0) on the straight edge
    EXPECT_EQ(simplified[1].x, 12);
    // Rings of four points or fewer stay as they are.
    const std::vector<Point> triangle = {{0, 0}, {0.1, 0}, {0, 0.1}, {0, 0}};
    EXPECT_EQ(simplify_ring(triangle, 0.5).size(), 4u);
}

}  // namespace
}  // namespace onregel
