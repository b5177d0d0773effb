#include "engine/analysis/tail_probability.hpp"

#include <gtest/gtest.h>

namespace onregel {
namespace {

// Expected values summed exactly (Python's decimal at 80 digits and fractions), not with this code.
TEST(PoissonUpperTail, AgainstExactSums) {
    EXPECT_NEAR(poisson_upper_tail(9, 2.1), 0.000337305843837015, 1e-15);
    EXPECT_NEAR(poisson_upper_tail(5, 0.5), 0.00017211562995584078, 1e-16);
    EXPECT_NEAR(poisson_upper_tail(3, 3.0), 0.57680991887315647, 1e-14);
    EXPECT_NEAR(poisson_upper_tail(1, 0.01), 0.0099501662508319471, 1e-16);
    EXPECT_NEAR(poisson_upper_tail(20, 25.0), 0.86642516591434959, 1e-13);
    // Far in the tail, relative precision: 1 minus a lower sum would give 0 here.
    EXPECT_NEAR(poisson_upper_tail(80, 3.2) / 1.5311744759410018e-80, 1, 1e-10);
}

TEST(PoissonUpperTail, Edges) {
    EXPECT_EQ(poisson_upper_tail(0, 4.0), 1);
    EXPECT_EQ(poisson_upper_tail(-1, 4.0), 1);
    EXPECT_EQ(poisson_upper_tail(3, 0.0), 0);
    EXPECT_EQ(poisson_upper_tail(0, 0.0), 1);
}

TEST(BinomialUpperTail, AgainstExactSums) {
    EXPECT_NEAR(binomial_upper_tail(6, 8, 0.1), 2.3410000000000001e-05, 1e-17);
    EXPECT_NEAR(binomial_upper_tail(4, 60, 0.05), 0.35271898839866095, 1e-14);
    EXPECT_NEAR(binomial_upper_tail(50, 1000, 0.03), 0.00042076654524819392, 1e-15);
    EXPECT_NEAR(binomial_upper_tail(1, 1, 0.5), 0.5, 1e-16);
    EXPECT_NEAR(binomial_upper_tail(10, 10, 0.3), 5.9049e-06, 1e-18);
}

TEST(BinomialUpperTail, Edges) {
    EXPECT_EQ(binomial_upper_tail(0, 5, 0.2), 1);
    EXPECT_EQ(binomial_upper_tail(6, 5, 0.2), 0);
    EXPECT_EQ(binomial_upper_tail(2, 5, 0.0), 0);
    EXPECT_EQ(binomial_upper_tail(2, 5, 1.0), 1);
}

}  // namespace
}  // namespace onregel
