// The address normalisation table: real-world spellings of postcodes and house numbers, as KvK
// exports, residents and spreadsheets write them, against the form BAG uses.
#include <gtest/gtest.h>

#include "engine/match/address.hpp"

namespace onregel {
namespace {

struct Spelling {
    const char* nummer;
    const char* letter;
    const char* toevoeging;
    int want_nummer;
    const char* want_letter;
    const char* want_toevoeging;
};

constexpr Spelling spellings[] = {
    // one field, as typed
    {"12", "", "", 12, "", ""},
    {"12a", "", "", 12, "A", ""},
    {"12A", "", "", 12, "A", ""},
    {"12 A", "", "", 12, "A", ""},
    {"12 a", "", "", 12, "A", ""},
    {"12-a", "", "", 12, "A", ""},
    {"12-A", "", "", 12, "A", ""},
    {"12/a", "", "", 12, "A", ""},
    {"12 bis", "", "", 12, "", "BIS"},
    {"12-bis", "", "", 12, "", "BIS"},
    {"12-2", "", "", 12, "", "2"},
    {"12 2", "", "", 12, "", "2"},
    {"12/2", "", "", 12, "", "2"},
    {"12-02", "", "", 12, "", "2"},
    {"12 I", "", "", 12, "", "1"},
    {"12 II", "", "", 12, "", "2"},
    {"12-III", "", "", 12, "", "3"},
    {"12 IV", "", "", 12, "", "4"},
    {"12 hs", "", "", 12, "", "H"},
    {"12-HS", "", "", 12, "", "H"},
    {"12 huis", "", "", 12, "", "H"},
    {"12 rood", "", "", 12, "", "ROOD"},
    {"12 bg", "", "", 12, "", "BG"},
    {"12a-1", "", "", 12, "A", "1"},
    {"12 A 1", "", "", 12, "A", "1"},
    {"12A1", "", "", 12, "A", "1"},
    {"12-3 hoog", "", "", 12, "", "3"},
    {"12 2e", "", "", 12, "", "2"},
    {"12-1e etage", "", "", 12, "", "1"},
    {"012", "", "", 12, "", ""},
    {"0012b", "", "", 12, "B", ""},
    {"12 ", "", "", 12, "", ""},
    {"  12", "", "", 12, "", ""},
    {"12.0", "", "", 12, "", ""},  // a spreadsheet's number
    {"12,00", "", "", 12, "", ""},
    // three fields
    {"12", "a", "", 12, "A", ""},
    {"12", "A ", " 1", 12, "A", "1"},
    {"12", "", "a", 12, "", "A"},         // letter in the toevoeging column: the loose key meets it
    {"12", "", "-2", 12, "", "2"},
    {"12", "", "II", 12, "", "2"},
    {"12", "", "hs", 12, "", "H"},
    {"12", "", "02", 12, "", "2"},
    {"12", "bis", "", 12, "", "BIS"},    // a word in the letter column is a toevoeging
    {"12", "2", "", 12, "", "2"},        // a digit in the letter column too
    {"12", "1", "a", 12, "A", "1"},      // swapped columns
    {"12a", "a", "", 12, "A", ""},       // written twice
    {"12a", "", "1", 12, "A", "1"},
    {"12-1", "", "1", 12, "", "1"},
    {"12", " ", " ", 12, "", ""},
};

TEST(Address, HuisnummerSpellingsFoldToTheBagForm) {
    static_assert(std::size(spellings) >= 40);
    for (const auto& s : spellings) {
        const auto h = parse_huisnummer(s.nummer, s.letter, s.toevoeging);
        ASSERT_TRUE(h) << "'" << s.nummer << "' '" << s.letter << "' '" << s.toevoeging << "'";
        EXPECT_EQ(*h, (Huisnummer{s.want_nummer, s.want_letter, s.want_toevoeging}))
            << "'" << s.nummer << "' '" << s.letter << "' '" << s.toevoeging << "' -> " << h->nummer << "|" << h->huisletter
            << "|" << h->toevoeging;
    }
}

TEST(Address, NoHouseNumberIsNoHouseNumber) {
    for (const char* text : {"", " ", "a", "nr. 12", "0", "123456", "-"})
        EXPECT_FALSE(parse_huisnummer(text)) << "'" << text << "'";
}

TEST(Address, PostcodeSpellings) {
    const std::pair<const char*, const char*> ok[] = {
        {"1234AB", "1234AB"}, {"1234 ab", "1234AB"}, {"1234ab", "1234AB"}, {" 1234 AB ", "1234AB"},
        {"1234  AB", "1234AB"}, {"1234-AB", "1234AB"}, {"1234\tab", "1234AB"}, {"1234\xC2\xA0" "AB", "1234AB"},
        {"6981ch", "6981CH"}};
    for (const auto& [written, want] : ok) {
        const auto p = normalise_postcode(written);
        ASSERT_TRUE(p) << written;
        EXPECT_EQ(*p, want) << written;
    }
    for (const char* bad : {"", "0123AB", "123AB", "12345", "1234A", "1234ABC", "ABCD12", "1234 5B", "3.40E+03"})
        EXPECT_FALSE(normalise_postcode(bad)) << bad;
}

TEST(Address, LetterAndToevoegingMeetInTheLooseKeyOnly) {
    const Huisnummer as_letter{12, "A", ""}, as_toevoeging{12, "", "A"};
    EXPECT_NE(exact_address_key("1234AB", as_letter), exact_address_key("1234AB", as_toevoeging));
    EXPECT_EQ(loose_address_key("1234AB", as_letter), loose_address_key("1234AB", as_toevoeging));
    EXPECT_EQ(written_address("1234AB", Huisnummer{12, "A", "1"}), "1234AB 12A-1");
}

}  // namespace
}  // namespace onregel

namespace onregel {
namespace {

// Found by fuzz_address: parts joined from two columns were not folded again, so "01" did not
// parse back to itself.
TEST(Address, AParsedNumberParsesToItself) {
    const auto h = parse_huisnummer("3p0\x17", "\xe6" "1", "");
    ASSERT_TRUE(h);
    const auto again = parse_huisnummer(std::to_string(h->nummer), h->huisletter, h->toevoeging);
    ASSERT_TRUE(again);
    EXPECT_EQ(*again, *h);
}

}  // namespace
}  // namespace onregel

namespace onregel {
namespace {

// What people type into `explain`: a street or a postcode (or both) with a number, or a BAG id.
TEST(AddressQuery, StreetPostcodeAndBagIdAreReadTheWayPeopleTypeThem) {
    const Huisnummer n32_14{32, "", "14"};
    struct Case {
        const char* typed;
        const char* postcode;
        const char* straat;
        Huisnummer nummer;
    };
    for (const auto& c : std::vector<Case>{{"Merellaan 32-14", "", "Merellaan", n32_14},
                                           {"3405GS 32-14", "3405GS", "", n32_14},
                                           {"3405 GS 32-14", "3405GS", "", n32_14},
                                           {" 3405gs 32 - 14 ", "3405GS", "", n32_14},
                                           {"Merellaan 32-14, 3405 GS IJsselstein", "3405GS", "Merellaan", n32_14},
                                           {"Merellaan 32-14, IJsselstein", "", "Merellaan", n32_14},
                                           {"Burg. de Withstraat 1a", "", "Burg. de Withstraat", {1, "A", ""}},
                                           {"Kerkstraat 12 A", "", "Kerkstraat", {12, "A", ""}}}) {
        const auto q = parse_address_query(c.typed);
        ASSERT_TRUE(q) << c.typed;
        EXPECT_EQ(q->bag_id, "") << c.typed;
        EXPECT_EQ(q->postcode, c.postcode) << c.typed;
        EXPECT_EQ(q->straat, c.straat) << c.typed;
        EXPECT_EQ(q->nummer, c.nummer) << c.typed;
    }
    const auto id = parse_address_query("0353010000000001");
    ASSERT_TRUE(id);
    EXPECT_EQ(id->bag_id, "0353010000000001");
    for (const char* bad : {"", "Merellaan", "32-14", "3405GS", "035301000000001", "geen adres"})
        EXPECT_FALSE(parse_address_query(bad)) << bad;
}

TEST(AddressQuery, StreetKeysIgnoreCaseDotsAndSpaces) {
    EXPECT_EQ(street_key("Burg. de Withstraat"), street_key("burg de withstraat"));
    EXPECT_EQ(street_key("'s-Gravenweg"), street_key("s gravenweg"));
    EXPECT_NE(street_key("Merellaan"), street_key("Merelaan"));
}

}  // namespace
}  // namespace onregel
