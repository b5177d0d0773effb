// The small text helpers every reason is written with.
#include "engine/text.hpp"

#include <gtest/gtest.h>

namespace onregel::test {
namespace {

TEST(Text, CountsInSingularAndPlural) {
    EXPECT_EQ(count_text(1, "melding", "meldingen"), "1 melding");
    EXPECT_EQ(count_text(0, "melding", "meldingen"), "0 meldingen");
    EXPECT_EQ(count_text(3, "actieve vestiging", "actieve vestigingen"), "3 actieve vestigingen");
}

TEST(Text, ListsAsDutchDoes) {
    EXPECT_EQ(list_text({}), "");
    EXPECT_EQ(list_text({"a"}), "a");
    EXPECT_EQ(list_text({"b", "a"}), "b en a");
    EXPECT_EQ(list_text({"c", "a", "b"}), "c, a en b");
    EXPECT_EQ(list_text(distinct({"c", "a", "c", "b"})), "a, b en c");
}

TEST(Text, DecimalCommaWhateverTheLocale) {
    EXPECT_EQ(format_decimal_nl(2.15, 1), "2,1");  // 2.15 is 2.149999... as a double
    EXPECT_EQ(format_decimal_nl(-0.01, 1), "0,0");
}

TEST(Text, MarkupEscapedForXmlAndHtml) {
    EXPECT_EQ(markup_escaped(R"(<a href="x">Tom & Jerry's</a>)"), "&lt;a href=&quot;x&quot;&gt;Tom &amp; Jerry&#39;s&lt;/a&gt;");
    EXPECT_EQ(markup_escaped("Meer meldingen dan verwacht"), "Meer meldingen dan verwacht");
}

}  // namespace
}  // namespace onregel::test
