// The matching order of the address index: id, hoofdadres, nevenadres, letter/toevoeging confusion,
// the only object at a number, and each route named.
#include <gtest/gtest.h>

#include "layers/address_index.hpp"

namespace onregel {
namespace {

Verblijfsobject vbo(const char* id, const char* postcode, int nummer, const char* letter, const char* toevoeging, Point p) {
    Verblijfsobject v;
    v.id = id;
    v.adres.postcode = postcode;
    v.adres.huisnummer = nummer;
    v.adres.huisletter = letter;
    v.adres.toevoeging = toevoeging;
    v.punt = p;
    return v;
}

class Index : public ::testing::Test {
protected:
    std::vector<Verblijfsobject> vbos = {
        vbo("0001010000000001", "1234AB", 12, "A", "", {100000, 450000}),
        vbo("0001010000000002", "1234AB", 12, "", "1", {100010, 450000}),
        vbo("0001010000000003", "1234AB", 14, "", "", {100020, 450000}),
        vbo("0001010000000004", "1234AC", 3, "", "", {100500, 450000}),  // nevenadres 1234AC 5
    };
    std::vector<NevenAdres> neven = {{3, "1234AC", Huisnummer{5, "", ""}}};
    AddressIndex index{vbos, neven};

    std::optional<Match> find(const char* postcode, const char* nummer) const {
        return index.by_address(postcode, *parse_huisnummer(nummer));
    }
};

TEST_F(Index, ExactAddressFirst) {
    const auto m = find("1234AB", "12a");
    ASSERT_TRUE(m);
    EXPECT_EQ(m->vbo, 0u);
    EXPECT_EQ(m->route, MatchRoute::adres);
    EXPECT_EQ(m->method(), MatchMethod::adres);
}

TEST_F(Index, LetterWrittenAsToevoegingAndBack) {
    auto m = index.by_address("1234AB", Huisnummer{12, "", "A"});
    ASSERT_TRUE(m);
    EXPECT_EQ(m->vbo, 0u);
    EXPECT_EQ(m->route, MatchRoute::letter_toevoeging);
    EXPECT_EQ(m->method(), MatchMethod::adres_fallback);
    m = index.by_address("1234AB", Huisnummer{12, "1", ""});  // not a letter, but glued the keys meet
    ASSERT_TRUE(m);
    EXPECT_EQ(m->vbo, 1u);
}

TEST_F(Index, NevenadresLeadsToItsObject) {
    const auto m = find("1234AC", "5");
    ASSERT_TRUE(m);
    EXPECT_EQ(m->vbo, 3u);
    EXPECT_EQ(m->route, MatchRoute::nevenadres);
}

TEST_F(Index, UnknownSuffixAtTheOnlyObjectOfANumber) {
    const auto m = find("1234AB", "14 bis");
    ASSERT_TRUE(m);
    EXPECT_EQ(m->vbo, 2u);
    EXPECT_EQ(m->route, MatchRoute::enige_op_nummer);
    // Two objects at number 12: a suffix neither has decides nothing.
    EXPECT_FALSE(find("1234AB", "12 C"));
    EXPECT_FALSE(find("1234AB", "99"));
    EXPECT_FALSE(find("9999ZZ", "12a"));
}

TEST_F(Index, IdsAndPostcodesAndNearest) {
    EXPECT_EQ(index.by_id("0001010000000003"), 2u);
    EXPECT_FALSE(index.by_id("1.00101E+12"));
    EXPECT_TRUE(index.knows_postcode("1234AC"));
    EXPECT_FALSE(index.knows_postcode("1234AD"));
    EXPECT_EQ(index.nearest({100004, 450000}, 10), 0u);
    EXPECT_EQ(index.nearest({100005, 450000}, 10), 0u) << "a tie goes to the lowest index";
    EXPECT_FALSE(index.nearest({101000, 451000}, 10));
}

TEST(MatchRoutes, EveryRouteHasAName) {
    for (auto r : {MatchRoute::bag_id, MatchRoute::adres, MatchRoute::nevenadres, MatchRoute::letter_toevoeging,
                   MatchRoute::enige_op_nummer, MatchRoute::coordinaat})
        EXPECT_NE(match_route_name(r), "?");
}

}  // namespace
}  // namespace onregel
