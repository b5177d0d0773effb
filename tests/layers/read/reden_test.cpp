// The reject reasons: one table with a stable key, Dutch text and advice for every Reden, and no
// way for a reader to reject with a free string.
#include <gtest/gtest.h>
#include <regex>
#include <set>
#include <type_traits>

#include "layers/read/rejects.hpp"

namespace onregel {
namespace {

TEST(Reden, EveryValueHasKeyTextAndAdvice) {
    const auto table = reden_table();
    ASSERT_EQ(table.size(), static_cast<std::size_t>(Reden::bevinding_strijdig) + 1) << "bevinding_strijdig is the last value";
    std::set<std::string_view> keys, texts;
    const std::regex snake("[a-z0-9]+(_[a-z0-9]+)*");
    for (std::size_t i = 0; i < table.size(); ++i) {
        const auto& r = table[i];
        SCOPED_TRACE(std::string(r.key));
        EXPECT_EQ(static_cast<std::size_t>(r.reden), i);
        EXPECT_EQ(&info(r.reden), &r);
        EXPECT_TRUE(std::regex_match(std::string(r.key), snake));
        EXPECT_TRUE(keys.insert(r.key).second) << "key used twice";
        EXPECT_TRUE(texts.insert(r.tekst).second) << "text used twice: the counts could not tell them apart";
        EXPECT_FALSE(r.tekst.empty());
        EXPECT_GE(r.advies.size(), 20u) << "advice says what to do";
        EXPECT_EQ(r.tekst.find("{}", r.tekst.find("{}") + 1), std::string_view::npos) << "at most one field";
    }
}

TEST(Reden, FieldIsFilledIn) {
    EXPECT_EQ(reden_tekst(Reden::datum_ongeldig, "datumAanvang"), "ongeldige datumAanvang");
    EXPECT_EQ(reden_tekst(Reden::geen_bag_object_binnen, "10"), "geen BAG-object binnen 10 m");
    EXPECT_EQ(reden_tekst(Reden::adres_niet_in_bag), "adres niet gevonden in BAG");
    const Reject r{"kvk", "k.csv", "regel 2", "", Reden::datum_ongeldig, "9-12-1995", "datumAanvang"};
    EXPECT_EQ(r.tekst(), "ongeldige datumAanvang");
}

TEST(Reden, NoReaderRejectsWithAFreeString) {
    EXPECT_FALSE((std::is_constructible_v<RowError, const char*, std::string>));
    EXPECT_FALSE((std::is_constructible_v<RowError, std::string, std::string>));
    EXPECT_FALSE((std::is_constructible_v<Reject, const char*, const char*, const char*, const char*, const char*, const char*>));
    EXPECT_TRUE((std::is_constructible_v<RowError, Reden, std::string>));
}

}  // namespace
}  // namespace onregel
