#include "engine/compact_text.hpp"

#include <algorithm>
#include <string>
#include <thread>
#include <vector>

#include <gtest/gtest.h>

namespace onregel {
namespace {

TEST(CompactText, KeepsEveryTextWhole) {
    for (const std::string text : {"", "A", "3401AB", "1234567", "12345678", "Burgemeester van Ommerenstraat", "'s-Hertogenbosch"}) {
        const CompactText compact(text);
        EXPECT_EQ(compact.view(), text);
        EXPECT_EQ(compact.size(), text.size());
        EXPECT_EQ(compact.empty(), text.empty());
        EXPECT_EQ(compact.str(), text);
    }
    const std::string with_nul("a\0b", 3);
    const CompactText compact_with_nul(with_nul);
    EXPECT_EQ(compact_with_nul.view(), with_nul);
}

TEST(CompactText, EqualTextsAreEqualWhateverTheirSource) {
    const std::string long_name = "Doesburgseweg";
    EXPECT_EQ(CompactText(long_name), CompactText(std::string(long_name)));
    EXPECT_EQ(CompactText("3401AB"), CompactText(std::string_view("3401AB")));
    EXPECT_NE(CompactText("3401AB"), CompactText("3401AC"));
    EXPECT_NE(CompactText("Doesburgseweg"), CompactText("Doesburgsewe"));
    EXPECT_EQ(CompactText(), CompactText(""));
    EXPECT_EQ(CompactText("Kerkstraat"), "Kerkstraat");
    EXPECT_EQ("Kerkstraat", CompactText("Kerkstraat"));
    EXPECT_NE(CompactText("Kerkstraat"), std::string("Kerkstraat "));
}

TEST(CompactText, OrdersByTextNotByWhereItIsKept) {
    // Interned in the opposite order from the alphabet, so an order by pool address would come out wrong.
    std::vector<CompactText> texts = {"Zuiderzeestraat", "Molenstraat", "Aalbessenlaan", "B", ""};
    std::sort(texts.begin(), texts.end());
    std::vector<std::string> sorted;
    for (const auto& t : texts) sorted.push_back(t.str());
    EXPECT_EQ(sorted, (std::vector<std::string>{"", "Aalbessenlaan", "B", "Molenstraat", "Zuiderzeestraat"}));
    EXPECT_LT(CompactText("1234567"), CompactText("12345678"));
}

TEST(CompactText, ThreadsInterningTheSameNamesGetTheSameText) {
    std::vector<std::string> names;
    for (int i = 0; i < 2000; ++i) names.push_back("Straat van de lange naam " + std::to_string(i % 500));
    std::vector<std::vector<CompactText>> per_thread(4);
    std::vector<std::thread> threads;
    for (auto& out : per_thread)
        threads.emplace_back([&names, &out] {
            for (const auto& n : names) out.emplace_back(n);
        });
    for (auto& t : threads) t.join();
    for (std::size_t i = 0; i < names.size(); ++i) {
        EXPECT_EQ(per_thread[0][i].view(), names[i]);
        for (const auto& out : per_thread) EXPECT_EQ(out[i], per_thread[0][i]);
    }
}

TEST(CompactText, JoinsWithStrings) {
    EXPECT_EQ(std::string("12") + CompactText("A"), "12A");
    EXPECT_EQ('-' + CompactText("bis"), "-bis");
    EXPECT_EQ(CompactText("Kerkstraat") + " 1", "Kerkstraat 1");
    EXPECT_EQ(sizeof(CompactText), 8U);
}

}  // namespace
}  // namespace onregel
