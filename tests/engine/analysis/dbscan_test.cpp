#include "engine/analysis/dbscan.hpp"

#include <fstream>
#include <map>
#include <set>
#include <sstream>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>
#include <tbb/global_control.h>

#include "engine/errors.hpp"

namespace onregel {
namespace {

const std::string oracles = std::string(ONREGEL_SHARED_DIR) + "/oracles/";

nlohmann::json dbscan_oracle() {
    std::ifstream in(oracles + "dbscan_oracle.json");
    EXPECT_TRUE(in);
    return nlohmann::json::parse(in);
}

struct CaseB {
    std::vector<Point> points;
    std::vector<int> sklearn;
};

CaseB case_b() {
    CaseB b;
    std::ifstream points(oracles + "dbscan_B_points.csv"), labels(oracles + "dbscan_B_labels_sklearn.csv");
    EXPECT_TRUE(points && labels);
    std::string line;
    std::getline(points, line);  // header x,y
    while (std::getline(points, line)) {
        Point p;
        char comma = 0;
        std::istringstream(line) >> p.x >> comma >> p.y;
        b.points.push_back(p);
    }
    for (int label; labels >> label;) b.sklearn.push_back(label);
    return b;
}

// Labels as a set of sets over the selected points, so cluster ids may be permuted.
std::set<std::set<std::size_t>> partition(const std::vector<int>& labels, const std::vector<std::uint8_t>& selected) {
    std::map<int, std::set<std::size_t>> groups;
    for (std::size_t i = 0; i < labels.size(); ++i)
        if (selected[i] && labels[i] >= 0) groups[labels[i]].insert(i);
    std::set<std::set<std::size_t>> result;
    for (auto& [label, members] : groups) result.insert(std::move(members));
    return result;
}

TEST(Dbscan, SmallCaseMatchesSklearnAndPostgis) {
    const auto oracle = dbscan_oracle();
    std::vector<Point> points;
    for (const auto& p : oracle["A_points"]) points.push_back({p[0].get<double>(), p[1].get<double>()});
    const auto result = dbscan(points, oracle["A_eps"].get<double>(), oracle["A_minpts"].get<int>());
    const auto expected = oracle["A_sklearn"].get<std::vector<int>>();
    EXPECT_EQ(oracle["A_postgis"].get<std::vector<int>>(), expected);
    EXPECT_EQ(std::vector<int>(result.label.begin(), result.label.end()), expected);
    std::vector<int> core;
    for (std::size_t i = 0; i < points.size(); ++i)
        if (result.core[i]) core.push_back(static_cast<int>(i));
    EXPECT_EQ(core, oracle["A_sklearn_core"].get<std::vector<int>>());
    EXPECT_EQ(result.clusters, 1);
}

// 20 000 points, eps 25, min 5: same noise and the same partition of the core points as scikit-learn
// (and PostGIS ST_ClusterDBSCAN), and with scikit-learn's numbering and border rule the very same labels.
TEST(Dbscan, LargeCaseMatchesSklearn) {
    const auto oracle = dbscan_oracle()["B"];
    const auto b = case_b();
    ASSERT_EQ(b.points.size(), oracle["n"].get<std::size_t>());
    ASSERT_EQ(b.sklearn.size(), b.points.size());
    const auto result = dbscan(b.points, oracle["eps"].get<double>(), oracle["minpts"].get<int>());
    const std::vector<int> ours(result.label.begin(), result.label.end());

    std::size_t noise = 0, core = 0, border = 0;
    for (std::size_t i = 0; i < ours.size(); ++i) {
        EXPECT_EQ(ours[i] < 0, b.sklearn[i] < 0) << "noise differs at " << i;
        noise += ours[i] < 0;
        core += result.core[i];
        border += ours[i] >= 0 && !result.core[i];
    }
    EXPECT_EQ(result.clusters, oracle["n_clusters_sklearn"].get<int>());
    EXPECT_EQ(noise, oracle["n_noise_sklearn"].get<std::size_t>());
    EXPECT_EQ(core, oracle["n_core"].get<std::size_t>());
    EXPECT_EQ(border, oracle["n_border"].get<std::size_t>());
    EXPECT_EQ(partition(ours, result.core), partition(b.sklearn, result.core));
    EXPECT_EQ(ours, b.sklearn);

    // The numbering contract: cluster k's lowest-index core point comes before cluster k+1's, and a
    // border point takes the lowest-numbered cluster among its core neighbours (brute force here).
    std::int32_t next = 0;
    for (std::size_t i = 0; i < ours.size(); ++i) {
        if (!result.core[i]) continue;
        ASSERT_LE(ours[i], next) << i;
        if (ours[i] == next) ++next;
    }
    const double eps2 = 25.0 * 25.0;
    for (std::size_t i = 0; i < ours.size(); ++i) {
        if (result.core[i] || ours[i] < 0) continue;
        int lowest = -1;
        for (std::size_t j = 0; j < ours.size(); ++j) {
            const double dx = b.points[j].x - b.points[i].x, dy = b.points[j].y - b.points[i].y;
            if (result.core[j] && dx * dx + dy * dy <= eps2 && (lowest < 0 || ours[j] < lowest)) lowest = ours[j];
        }
        ASSERT_GE(lowest, 0) << i;
        EXPECT_EQ(ours[i], lowest) << "border point " << i;
    }
}

TEST(Dbscan, SameResultForAnyThreadCount) {
    const auto b = case_b();
    Dbscan serial;
    {
        tbb::global_control one(tbb::global_control::max_allowed_parallelism, 1);
        serial = dbscan(b.points, 25, 5);
    }
    const auto parallel = dbscan(b.points, 25, 5);
    EXPECT_EQ(serial.label, parallel.label);
    EXPECT_EQ(serial.core, parallel.core);
}

TEST(Dbscan, EpsIsInclusiveAndMinPointsCountsItself) {
    const std::vector<Point> points{{0, 0}, {3, 4}, {6, 8}, {100, 100}};  // neighbours exactly 5 m apart
    const auto pair = dbscan(points, 5, 2);
    EXPECT_EQ(pair.label, (std::vector<std::int32_t>{0, 0, 0, -1}));
    EXPECT_EQ(pair.clusters, 1);
    const auto alone = dbscan(points, 5, 1);  // every point is its own core
    EXPECT_EQ(alone.label, (std::vector<std::int32_t>{0, 0, 0, 1}));
    const auto strict = dbscan(points, 4.999, 2);
    EXPECT_EQ(strict.clusters, 0);
    EXPECT_THROW(dbscan(points, 0, 2), config_error);
    EXPECT_THROW(dbscan(points, 5, 0), config_error);
}

}  // namespace
}  // namespace onregel
