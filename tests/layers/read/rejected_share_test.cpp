// A required layer of which more than --max-afgewezen (10 %) of the rows is rejected cannot be
// analysed: read_inputs says why in Inputs::onbruikbaar, with the commonest reasons and their advice,
// and require_usable throws it. A handful of rejects (fewer than 20) is left to rejects.csv.
#include <gtest/gtest.h>

#include "engine/errors.hpp"
#include "layers/layers_test_util.hpp"

namespace onregel {
namespace {

const std::string tiny_bag = std::string(ONREGEL_SOURCE_DIR) + "/tests/data/tiny/bag.csv";

// `good` rows at Kerkstraat 12a, then `bad_sbi` rows with SBI code "A1" and `bad_date` with an unreadable date.
std::string kvk(const std::string& name, int good, int bad_sbi, int bad_date) {
    std::string text = "vestigingsnummer;sbiHoofdactiviteit;postcode;huisnummer;huisletter;datumAanvang\n";
    int n = 0;
    const auto row = [&](const char* sbi, const char* date) {
        text += std::to_string(100000000000 + ++n) + ";" + sbi + ";3401AC;12;a;" + date + "\n";
    };
    for (int i = 0; i < good; ++i) row("4711", "20200101");
    for (int i = 0; i < bad_sbi; ++i) row("A1", "20200101");
    for (int i = 0; i < bad_date; ++i) row("4711", "1995/12/09");
    return test::write_file(test::scratch_dir("rejected_share_" + name) / "kvk.csv", text);
}

TEST(RejectedShare, MoreThanTheShareIsAnErrorNamingReasonsAndAdvice) {
    const auto in = read_inputs(test::inputs_of(tiny_bag, kvk("most", 10, 25, 5)), {});
    const auto& why = in.onbruikbaar;
    EXPECT_NE(why.find("kvk.csv: 30 van de 40 rijen afgewezen (75,0 %, meer dan 10 %). Meest voorkomende redenen:\n"
                       "  25x ongeldige SBI-code: een SBI-code is 2 tot 5 cijfers"),
              std::string::npos)
        << why;
    EXPECT_NE(why.find("\n  5x ongeldige datumAanvang: schrijf datums als"), std::string::npos) << why;
    EXPECT_NE(why.find("--max-afgewezen"), std::string::npos) << why;
    EXPECT_EQ(why.find("1995/12/09"), std::string::npos) << "reasons and counts, never a row's values";
    EXPECT_THROW(require_usable(in), input_error);
}

TEST(RejectedShare, AtTheShareOrWithFewRejectsItIsNot) {
    EXPECT_EQ(read_inputs(test::inputs_of(tiny_bag, kvk("at", 180, 20, 0)), {}).onbruikbaar, "") << "20 of 200 is 10 %, not more";
    EXPECT_NE(read_inputs(test::inputs_of(tiny_bag, kvk("above", 179, 21, 0)), {}).onbruikbaar, "") << "21 of 200";
    EXPECT_EQ(read_inputs(test::inputs_of(tiny_bag, kvk("few", 1, 19, 0)), {}).onbruikbaar, "") << "19 rejects: rejects.csv lists them";
    EXPECT_NE(read_inputs(test::inputs_of(tiny_bag, kvk("all", 0, 3, 0)), {}).onbruikbaar.find("3 van de 3 rijen afgewezen"), std::string::npos)
        << "a file of which nothing is used is an error however short";
    ReadOptions allow;
    allow.max_afgewezen = 100;
    const auto in = read_inputs(test::inputs_of(tiny_bag, kvk("allowed", 10, 25, 5)), allow);
    EXPECT_EQ(in.onbruikbaar, "");
    EXPECT_NO_THROW(require_usable(in));
    ReadOptions strict;
    strict.max_afgewezen = 2.5;
    EXPECT_NE(read_inputs(test::inputs_of(tiny_bag, kvk("strict", 200, 0, 21)), strict).onbruikbaar.find("(9,5 %, meer dan 2,5 %)"),
              std::string::npos);
}

TEST(RejectedShare, ShareOutsideZeroToHundredIsAConfigError) {
    ReadOptions options;
    options.max_afgewezen = 101;
    EXPECT_THROW(read_inputs(test::inputs_of(tiny_bag, kvk("range", 1, 0, 0)), options), config_error);
}

}  // namespace
}  // namespace onregel
