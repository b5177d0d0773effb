// Counts in sentences a user reads: the noun agrees with the number, large numbers are grouped.
#include "engine/text.hpp"

#include <gtest/gtest.h>

namespace onregel {
namespace {

TEST(CountText, SingularForOneAndGroupedThousandsFromFiveDigits) {
    EXPECT_EQ(count_text(1, "adres", "adressen"), "1 adres");
    EXPECT_EQ(count_text(0, "adres", "adressen"), "0 adressen");
    EXPECT_EQ(count_text(45, "adres", "adressen"), "45 adressen");
    EXPECT_EQ(count_text(4349, "rij", "rijen"), "4349 rijen");
    EXPECT_EQ(count_text(12500, "melding", "meldingen"), "12.500 meldingen");
    EXPECT_EQ(count_text(1234567, "object", "objecten"), "1.234.567 objecten");
    EXPECT_EQ(count_text(-100000, "punt", "punten"), "-100.000 punten");
}

}  // namespace
}  // namespace onregel
