#include "engine/analysis/kde.hpp"

#include <cmath>
#include <numbers>
#include <random>

#include <gtest/gtest.h>
#include <tbb/global_control.h>

#include "engine/errors.hpp"

namespace onregel {
namespace {

double total(const DensityGrid& grid) {
    double sum = 0;
    for (double d : grid.density) sum += d;
    return sum * grid.cell * grid.cell;
}

// Unit volume: summed over a fine grid, the density gives back the total weight.
TEST(KernelDensity, IntegratesToTotalWeight) {
    const std::vector<Point> points{{1000.3, 2000.7}, {1040, 2010}, {1500, 1700.25}};
    const std::vector<double> weights{1, 2.5, 0.5};
    EXPECT_NEAR(total(kernel_density(points, weights, 100, 1)), 4.0, 4e-4);
    EXPECT_NEAR(total(kernel_density(points, {}, 100, 1)), 3.0, 3e-4);
}

// A point on a cell centre gives that cell 3/(pi h^2) x weight, and the kernel is symmetric around it.
TEST(KernelDensity, PeakAndSymmetry) {
    const double h = 50, cell = 10;
    const std::vector<Point> points{{1005, 2005}};  // centre of cell (100, 200)
    const auto grid = kernel_density(points, std::vector<double>{2}, h, cell);
    EXPECT_EQ(grid.min_column, 95);  // floor((1005 - 50) / 10)
    EXPECT_EQ(grid.min_row, 195);
    EXPECT_EQ(grid.columns, 11);  // 95..105
    EXPECT_EQ(grid.rows, 11);
    EXPECT_DOUBLE_EQ(grid.at(100, 200), 3 / (std::numbers::pi * h * h) * 2);
    // 30 m east and 40 m north: d = h, on the edge, so zero; 30 m and 30 m: (1 - 1800/2500)^2.
    EXPECT_EQ(grid.at(103, 204), 0);
    EXPECT_DOUBLE_EQ(grid.at(103, 203), 3 / (std::numbers::pi * h * h) * 2 * 0.28 * 0.28);
    for (int dc = -5; dc <= 5; ++dc)
        for (int dr = -5; dr <= 5; ++dr) {
            const double v = grid.at(100 + dc, 200 + dr);
            EXPECT_EQ(v, grid.at(100 - dc, 200 - dr));
            EXPECT_EQ(v, grid.at(100 + dr, 200 + dc));
            EXPECT_EQ(v > 0, dc * dc + dr * dr < 25);
        }
}

TEST(KernelDensity, GridAnchoredAtMultiplesOfTheCell) {
    const std::vector<Point> points{{-12, 7}};
    const auto grid = kernel_density(points, {}, 5, 4);
    EXPECT_EQ(grid.min_column, -5);  // floor((-12 - 5) / 4) .. floor((-12 + 5) / 4) = -2
    EXPECT_EQ(grid.columns, 4);
    EXPECT_EQ(grid.min_row, 0);  // floor((7 - 5) / 4) .. floor((7 + 5) / 4) = 3
    EXPECT_EQ(grid.rows, 4);
    EXPECT_EQ(grid.density.size(), 16u);
    const Point centre = grid.centre(-3, 1);
    EXPECT_EQ(centre.x, -10);
    EXPECT_EQ(centre.y, 6);
}

TEST(KernelDensity, SameBitsForAnyThreadCount) {
    std::mt19937_64 random(11);
    std::normal_distribution<double> spread(0, 400);
    std::vector<Point> points(50000);
    std::vector<double> weights(points.size());
    for (std::size_t i = 0; i < points.size(); ++i) {
        points[i] = {150000 + spread(random), 450000 + spread(random)};
        weights[i] = 1 + static_cast<double>(i % 3);
    }
    DensityGrid serial;
    {
        tbb::global_control one(tbb::global_control::max_allowed_parallelism, 1);
        serial = kernel_density(points, weights, 120, 25);
    }
    const auto parallel = kernel_density(points, weights, 120, 25);
    EXPECT_EQ(serial.density, parallel.density);
}

TEST(KernelDensity, RejectsBadParameters) {
    const std::vector<Point> points{{0, 0}};
    EXPECT_THROW(kernel_density(points, {}, 0, 10), config_error);
    EXPECT_THROW(kernel_density(points, {}, 10, -1), config_error);
    EXPECT_THROW(kernel_density(std::vector<Point>{{0, 0}, {1e7, 1e7}}, {}, 10, 1), config_error);
    EXPECT_TRUE(kernel_density({}, {}, 10, 1).density.empty());
}

// Four points at distance 1 around the origin: SD = 1, Dm = 1, so h = 0.9 min(1, 1.2011) 4^(-1/5).
TEST(DefaultBandwidth, ArcGisRule) {
    const std::vector<Point> cross{{1, 0}, {-1, 0}, {0, 1}, {0, -1}};
    EXPECT_DOUBLE_EQ(default_bandwidth(cross), 0.9 * std::pow(4.0, -0.2));
    // Three points at the centre and two at 10 m: SD = sqrt(200 / 5) = 6.32, Dm = 0, so h = 0.
    const std::vector<Point> crowded{{0, 0}, {0, 0}, {0, 0}, {10, 0}, {-10, 0}};
    EXPECT_EQ(default_bandwidth(crowded), 0);
    // Median term wins: distances 1, 1, 2, 2, 3, 3, 40, 40 from the mean centre (0, 0), so Dm = 2.5
    // (the mean of the middle two) and sqrt(1/ln 2) 2.5 = 3.0 < SD = sqrt(3228 / 8) = 20.1.
    const std::vector<Point> outliers{{1, 0}, {-1, 0}, {0, 2}, {0, -2}, {3, 0}, {-3, 0}, {0, 40}, {0, -40}};
    EXPECT_DOUBLE_EQ(default_bandwidth(outliers), 0.9 * std::sqrt(1 / std::log(2.0)) * 2.5 * std::pow(8.0, -0.2));
    EXPECT_EQ(default_bandwidth(std::vector<Point>{{5, 5}}), 0);
}

}  // namespace
}  // namespace onregel
