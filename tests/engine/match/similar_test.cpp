// Typo tolerance: a swapped pair or one wrong letter finds the known name, anything further finds none.
#include "engine/match/similar.hpp"

#include <gtest/gtest.h>

namespace onregel {
namespace {

TEST(Similar, EditDistanceCountsASwapOfNeighboursAsOneEdit) {
    EXPECT_EQ(edit_distance("capacitiet", "capaciteit"), 1u);
    EXPECT_EQ(edit_distance("Merelaan", "merellaan"), 1u) << "case is ignored";
    EXPECT_EQ(edit_distance("", "run"), 3u);
    EXPECT_EQ(edit_distance("gebied", "gebied"), 0u);
    EXPECT_EQ(edit_distance("kitten", "sitting"), 3u);
}

TEST(Similar, OnlyCloseNamesAreSuggestedNearestFirst) {
    const std::vector<std::string> options = {"capaciteit", "per-dag", "dag-straal", "steekproef", "seed", "quiet"};
    EXPECT_EQ(closest_names("capacitiet", options), std::vector<std::string>{"capaciteit"});
    EXPECT_EQ(closest_names("sed", options), std::vector<std::string>{"seed"});
    EXPECT_TRUE(closest_names("bbox", options).empty());
    EXPECT_TRUE(closest_names("capaci", options).empty()) << "four letters missing is not a typo";
    const std::vector<std::string> commands = {"run", "explain", "validate", "hotspots", "evaluate", "gebied", "serve"};
    EXPECT_EQ(closest_names("rn", commands), std::vector<std::string>{"run"});
    EXPECT_EQ(closest_names("gebeid", commands), std::vector<std::string>{"gebied"});
    EXPECT_TRUE(closest_names("xyz", commands).empty());
}

}  // namespace
}  // namespace onregel
