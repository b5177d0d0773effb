#include "engine/flat_set.hpp"

#include <algorithm>
#include <cstdint>
#include <vector>

#include <gtest/gtest.h>

namespace onregel {
namespace {

struct Identity {
    std::size_t operator()(std::uint64_t key) const { return static_cast<std::size_t>(key); }
};

TEST(FlatSet, TellsNewKeysFromSeenOnesAcrossGrowth) {
    FlatSet<std::uint64_t, Identity> set;
    for (std::uint64_t k = 0; k < 5000; ++k) EXPECT_TRUE(set.insert(k * 1024));  // all in one probe chain
    for (std::uint64_t k = 0; k < 5000; ++k) EXPECT_FALSE(set.insert(k * 1024));
    EXPECT_EQ(set.size(), 5000U);
    std::vector<std::uint64_t> keys;
    set.append_to(keys);
    std::sort(keys.begin(), keys.end());
    ASSERT_EQ(keys.size(), 5000U);
    for (std::uint64_t k = 0; k < 5000; ++k) EXPECT_EQ(keys[k], k * 1024);
}

TEST(FlatSet, ReserveKeepsWhatIsThereAndTheAnswers) {
    FlatSet<std::uint64_t, Identity> set;
    EXPECT_TRUE(set.insert(7));
    set.reserve(100000);
    const auto reserved = set.capacity();
    EXPECT_GE(reserved, 100000U);
    set.reserve(10);  // never shrinks
    EXPECT_EQ(set.capacity(), reserved);
    EXPECT_FALSE(set.insert(7));
    for (std::uint64_t k = 0; k < 100000; ++k) EXPECT_EQ(set.insert(k), k != 7);
    EXPECT_EQ(set.size(), 100000U);
    EXPECT_EQ(set.capacity(), reserved);  // no growth on the way
}

}  // namespace
}  // namespace onregel
