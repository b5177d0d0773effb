// GridIndex::within against a brute-force scan: the same indices, in ascending order, for many point
// sets (towns, duplicates, grid lines, negative and huge coordinates, nothing at all), cell sizes and radii.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <limits>
#include <random>

#include "engine/errors.hpp"
#include "engine/grid_index.hpp"

namespace onregel {
namespace {

constexpr double inf = std::numeric_limits<double>::infinity();
constexpr double nan = std::numeric_limits<double>::quiet_NaN();

// The definition within() must meet: the same arithmetic, every point looked at; a centre that is not
// finite, or a radius that is negative or NaN, finds nothing.
std::vector<std::uint32_t> brute_force(const std::vector<Point>& points, Point centre, double radius) {
    std::vector<std::uint32_t> out;
    if (!std::isfinite(centre.x) || !std::isfinite(centre.y) || !(radius >= 0)) return out;
    for (std::uint32_t i = 0; i < points.size(); ++i) {
        if (!std::isfinite(points[i].x) || !std::isfinite(points[i].y)) continue;
        const double dx = points[i].x - centre.x, dy = points[i].y - centre.y;
        if (dx * dx + dy * dy <= radius * radius) out.push_back(i);
    }
    return out;
}

// Queries at the points themselves (distance 0 and exact neighbours), near them, and anywhere around
// the extent, each with radii from nothing to everything.
void expect_brute_force(const std::vector<Point>& points, double cell_size, std::mt19937_64& rng) {
    const GridIndex index(points, cell_size);
    ASSERT_EQ(index.size(), points.size());
    std::vector<Point> centres = {{0, 0}, {-1e6, 3e5}};
    std::vector<Point> finite_points;
    for (const auto& p : points)
        if (std::isfinite(p.x) && std::isfinite(p.y)) finite_points.push_back(p);
    std::uniform_real_distribution<double> unit(0, 1);
    for (int q = 0; q < 60 && !finite_points.empty(); ++q) {
        const auto& p = finite_points[rng() % finite_points.size()];
        centres.push_back(p);
        centres.push_back({p.x + (unit(rng) - 0.5) * 3 * cell_size, p.y + (unit(rng) - 0.5) * 3 * cell_size});
        const auto& a = finite_points[rng() % finite_points.size()];
        const auto& b = finite_points[rng() % finite_points.size()];
        const double t = unit(rng) * 1.4 - 0.2;  // also a little beyond the extent
        centres.push_back({a.x + (b.x - a.x) * t, a.y + (b.y - a.y) * t});
    }
    const std::vector<double> radii = {0, 0.5, 1, cell_size / 3, cell_size, 2.5 * cell_size, 17, 150, 1e4, 1e9, inf};
    std::vector<std::uint32_t> found = {12345};  // within() must clear what the caller passes in
    for (const auto& c : centres)
        for (double r : radii) {
            index.within(c, r, found);
            ASSERT_EQ(found, brute_force(points, c, r)) << "centre " << c.x << " " << c.y << " radius " << r
                                                        << " cell " << cell_size << " n " << points.size();
        }
}

std::vector<Point> uniform(std::mt19937_64& rng, std::size_t n, double x0, double y0, double width, double height) {
    std::uniform_real_distribution<double> ux(x0, x0 + width), uy(y0, y0 + height);
    std::vector<Point> points(n);
    for (auto& p : points) p = {ux(rng), uy(rng)};
    return points;
}

// Towns: dense clusters of various sizes scattered over an area the size of the Netherlands.
std::vector<Point> towns(std::mt19937_64& rng, std::size_t n) {
    std::uniform_real_distribution<double> ux(10000, 280000), uy(300000, 620000), spread(30, 1500);
    std::vector<Point> points;
    while (points.size() < n) {
        const Point centre{ux(rng), uy(rng)};
        std::normal_distribution<double> around(0, spread(rng));
        const auto size = 1 + rng() % 300;
        for (std::size_t i = 0; i < size && points.size() < n; ++i)
            points.push_back({std::round(centre.x + around(rng)), std::round(centre.y + around(rng))});
    }
    return points;
}

const std::vector<double> cell_sizes = {0.3, 1, 7, 50, 1000};

TEST(GridIndex, MatchesBruteForceOnTowns) {
    std::mt19937_64 rng(1);
    const auto points = towns(rng, 3000);
    for (double cell : cell_sizes) expect_brute_force(points, cell, rng);
}

TEST(GridIndex, MatchesBruteForceOnUniformPoints) {
    std::mt19937_64 rng(2);
    for (double cell : cell_sizes) {
        expect_brute_force(uniform(rng, 1500, 155000, 463000, 2000, 2000), cell, rng);
        expect_brute_force(uniform(rng, 200, 0, 0, 5, 5), cell, rng);  // everything in a cell or a few
        expect_brute_force(uniform(rng, 300, 0, 0, 1e5, 0), cell, rng);  // on one line: height 0
    }
}

TEST(GridIndex, MatchesBruteForceWithDuplicates) {
    std::mt19937_64 rng(3);
    const auto distinct = uniform(rng, 20, 1000, 1000, 300, 300);
    std::vector<Point> points;
    for (int i = 0; i < 1000; ++i) points.push_back(distinct[rng() % distinct.size()]);
    for (double cell : cell_sizes) expect_brute_force(points, cell, rng);
    expect_brute_force(std::vector<Point>(500, Point{7, 7}), 50, rng);
}

TEST(GridIndex, MatchesBruteForceOnGridLinesAndExactDistances) {
    // Integer coordinates on multiples of the cell: points on cell edges, distances exactly equal to
    // the radius (3-4-5), where the inclusive boundary is decided.
    std::vector<Point> points;
    for (int x = -10; x <= 10; ++x)
        for (int y = -10; y <= 10; ++y) points.push_back({x * 50.0, y * 50.0});
    std::mt19937_64 rng(4);
    for (double cell : {25.0, 50.0, 100.0}) expect_brute_force(points, cell, rng);
    const GridIndex index(points, 50);
    std::vector<std::uint32_t> found;
    index.within({0, 0}, 250, found);  // (150, 200) and (200, 150) lie at exactly 250 m
    EXPECT_EQ(found, brute_force(points, {0, 0}, 250));
    EXPECT_NE(std::find(found.begin(), found.end(), (10 + 3) * 21 + (10 + 4)), found.end());
}

TEST(GridIndex, MatchesBruteForceWithNegativeAndHugeCoordinates) {
    std::mt19937_64 rng(5);
    for (double cell : cell_sizes) {
        expect_brute_force(uniform(rng, 500, -3e6, -2e6, 5e3, 5e3), cell, rng);
        // A town and a few stray points very far away: the grid must stay small and still be exact.
        auto points = towns(rng, 800);
        for (Point stray : {Point{1e12, -1e12}, Point{-4e15, 3}, Point{1e300, 1e300}, Point{-1e300, -1e308},
                            Point{std::numeric_limits<double>::max(), 0}, Point{-std::numeric_limits<double>::max(), 0}})
            points.insert(points.begin() + static_cast<std::ptrdiff_t>(rng() % points.size()), stray);
        expect_brute_force(points, cell, rng);
    }
}

TEST(GridIndex, EmptyAndSinglePoint) {
    std::mt19937_64 rng(6);
    expect_brute_force({}, 50, rng);
    expect_brute_force({{155000, 463000}}, 50, rng);
    std::vector<std::uint32_t> found = {1, 2};
    GridIndex{}.within({0, 0}, inf, found);
    EXPECT_TRUE(found.empty());
    EXPECT_EQ(GridIndex{}.size(), 0u);
    GridIndex(std::vector<Point>{}, 50).within({0, 0}, 1e9, found);
    EXPECT_TRUE(found.empty());
}

TEST(GridIndex, NonFiniteValuesFindNothing) {
    const std::vector<Point> points = {{0, 0}, {nan, 0}, {1, 1}, {inf, 0}, {0, -inf}, {2, 2}};
    const GridIndex index(points, 1);
    EXPECT_EQ(index.size(), points.size()) << "every point counts, also those never found";
    std::vector<std::uint32_t> found;
    index.within({0, 0}, inf, found);
    EXPECT_EQ(found, (std::vector<std::uint32_t>{0, 2, 5}));
    for (Point centre : {Point{nan, 0}, Point{0, nan}, Point{inf, 0}, Point{0, -inf}}) {
        index.within(centre, 10, found);
        EXPECT_TRUE(found.empty());
    }
    for (double radius : {-1.0, -0.001, nan}) {
        index.within({0, 0}, radius, found);
        EXPECT_TRUE(found.empty()) << radius;
    }
    std::mt19937_64 rng(7);
    expect_brute_force(points, 1, rng);
    expect_brute_force(std::vector<Point>(10, Point{nan, nan}), 1, rng);
}

TEST(GridIndex, RejectsACellSizeThatIsNotPositive) {
    const std::vector<Point> points = {{0, 0}};
    for (double cell : {0.0, -1.0, nan}) EXPECT_THROW((GridIndex{points, cell}), config_error) << cell;
}

}  // namespace
}  // namespace onregel
