// The matching order of the address index: id, hoofdadres, nevenadres, letter/toevoeging confusion,
// the only object at a number, and each route named.
#include <gtest/gtest.h>

#include <random>
#include <set>

#include "layers/read/address_index.hpp"

namespace onregel {
namespace {

Verblijfsobject vbo(const char* id, const char* postcode, int nummer, const char* letter, const char* toevoeging, Point p) {
    Verblijfsobject v;
    v.id = *bag_id_number(id);
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

TEST_F(Index, IdsThatAreNotSixteenDigits) {
    for (const char* id : {"", "1", "000101000000000", "00010100000000031", "000101000000000X", " 001010000000003"})
        EXPECT_FALSE(index.by_id(id)) << id;
    EXPECT_FALSE(index.by_id("0001010000000099"));
}

TEST(AddressIndex, DuplicateIdsGoToTheFirstObject) {
    std::vector<Verblijfsobject> vbos = {vbo("0000000000000000", "1234AB", 1, "", "", {0, 0}),
                                         vbo("0363010000000001", "1234AB", 2, "", "", {0, 0}),
                                         vbo("0363010000000001", "1234AB", 3, "", "", {0, 0})};
    const AddressIndex index(vbos, {});
    EXPECT_EQ(index.by_id("0363010000000001"), 1u);
    EXPECT_EQ(index.by_id("0000000000000000"), 0u);
}

TEST(AddressIndex, PostcodesSpelledOtherwiseAreKeptAsWritten) {
    // The evaluation reads postcodes from earlier outputs as they stand: no normalisation, no loss.
    std::vector<Verblijfsobject> vbos = {vbo("0363010000000001", "1234 ab", 1, "", "", {0, 0}),
                                         vbo("0363010000000002", "0123AB", 1, "", "", {0, 0}),
                                         vbo("0363010000000003", "", 1, "", "", {0, 0}),
                                         vbo("0363010000000004", "9999ZZ", 0, "", "", {0, 0})};
    const AddressIndex index(vbos, {});
    EXPECT_EQ(index.by_address("1234 ab", Huisnummer{1, "", ""})->vbo, 0u);
    EXPECT_EQ(index.by_address("0123AB", Huisnummer{1, "", ""})->vbo, 1u);
    EXPECT_FALSE(index.by_address("1234AB", Huisnummer{1, "", ""}));
    EXPECT_FALSE(index.by_address("", Huisnummer{1, "", ""})) << "no postcode, no address";
    EXPECT_FALSE(index.by_address("9999ZZ", Huisnummer{0, "", ""})) << "no huisnummer, no address";
    EXPECT_TRUE(index.knows_postcode("1234 ab"));
    EXPECT_TRUE(index.knows_postcode("0123AB"));
    EXPECT_FALSE(index.knows_postcode("1234AB"));
    EXPECT_FALSE(index.knows_postcode(""));
    EXPECT_FALSE(index.knows_postcode("9999ZZ"));
}

// The matching rules spelled out on the string keys of address.hpp, by looking at every address:
// the independent statement of what by_address() answers.
class Oracle {
public:
    Oracle(const std::vector<Verblijfsobject>& vbos, const std::vector<NevenAdres>& neven) {
        for (std::uint32_t i = 0; i < vbos.size(); ++i) {
            const auto& a = vbos[i].adres;
            if (a.postcode.empty() || a.huisnummer <= 0) continue;
            entries_.push_back({a.postcode.str(), Huisnummer{a.huisnummer, a.huisletter.str(), a.toevoeging.str()}, i, false});
        }
        for (const auto& n : neven)
            if (!n.postcode.empty()) entries_.push_back({n.postcode.str(), n.nummer, n.vbo, true});
    }

    std::optional<Match> by_address(const std::string& postcode, const Huisnummer& h) const {
        const auto exact = exact_address_key(postcode, h), loose = loose_address_key(postcode, h);
        const auto number = number_key(postcode, h.nummer);
        if (auto i = only([&](const Entry& e) { return !e.neven && exact_address_key(e.postcode, e.nummer) == exact; }))
            return Match{*i, MatchRoute::adres};
        if (auto i = only([&](const Entry& e) { return e.neven && exact_address_key(e.postcode, e.nummer) == exact; }))
            return Match{*i, MatchRoute::nevenadres};
        if (auto i = only([&](const Entry& e) { return loose_address_key(e.postcode, e.nummer) == loose; }))
            return Match{*i, MatchRoute::letter_toevoeging};
        if (auto i = only([&](const Entry& e) { return number_key(e.postcode, e.nummer.nummer) == number; }))
            return Match{*i, MatchRoute::enige_op_nummer};
        return std::nullopt;
    }

    bool knows_postcode(const std::string& postcode) const {
        for (const auto& e : entries_)
            if (e.postcode == postcode) return true;
        return false;
    }

private:
    struct Entry {
        std::string postcode;
        Huisnummer nummer;
        std::uint32_t vbo;
        bool neven;
    };
    template <class Matches>
    std::optional<std::uint32_t> only(Matches matches) const {
        std::set<std::uint32_t> objects;
        for (const auto& e : entries_)
            if (matches(e)) objects.insert(e.vbo);
        if (objects.size() != 1) return std::nullopt;
        return *objects.begin();
    }
    std::vector<Entry> entries_;
};

// Few postcodes, numbers and suffixes, so that addresses collide in every way the routes tell apart.
TEST(AddressIndex, MatchesTheRulesOnRandomTowns) {
    const std::vector<std::string> postcodes = {"1234AB", "1234AC", "9999ZZ", "1000AA", "2500XY", "1234 AB", "abc"};
    const std::vector<std::string> letters = {"", "", "", "A", "B", "1", "A|"};
    const std::vector<std::string> toevoegingen = {"", "", "", "1", "A", "BIS", "A1", "|", "2"};
    std::mt19937_64 rng(11);
    auto pick = [&](const std::vector<std::string>& from) { return from[rng() % from.size()]; };
    for (int town = 0; town < 40; ++town) {
        const auto size = 1 + rng() % 60;
        std::vector<Verblijfsobject> vbos;
        for (std::size_t i = 0; i < size; ++i) {
            const auto nummer = static_cast<int>(rng() % 8) - 1;
            vbos.push_back(vbo("0363010000000001", pick(postcodes).c_str(), nummer, pick(letters).c_str(),
                               pick(toevoegingen).c_str(), {0, 0}));
            if (rng() % 10 == 0) vbos.back().adres.postcode.clear();
        }
        std::vector<NevenAdres> neven;
        for (std::size_t i = 0, n = rng() % 8; i < n; ++i)
            neven.push_back({static_cast<std::uint32_t>(rng() % size), rng() % 8 ? pick(postcodes) : "",
                             Huisnummer{static_cast<int>(rng() % 8) - 1, pick(letters), pick(toevoegingen)}});
        const AddressIndex index(vbos, neven);
        const Oracle oracle(vbos, neven);
        for (int q = 0; q < 300; ++q) {
            const std::string postcode = rng() % 20 ? pick(postcodes) : rng() % 2 ? "" : "5555QQ";
            const Huisnummer h{static_cast<int>(rng() % 9) - 1, pick(letters), pick(toevoegingen)};
            const auto got = index.by_address(postcode, h), want = oracle.by_address(postcode, h);
            const auto query = postcode + " " + std::to_string(h.nummer) + " [" + h.huisletter + "|" + h.toevoeging + "]";
            ASSERT_EQ(got.has_value(), want.has_value()) << query;
            if (got) {
                EXPECT_EQ(got->vbo, want->vbo) << query;
                EXPECT_EQ(got->route, want->route) << query;
            }
            ASSERT_EQ(index.knows_postcode(postcode), oracle.knows_postcode(postcode)) << postcode;
        }
    }
}

// A national number of distinct ids and addresses: every one found, each at its own object.
TEST(AddressIndex, FindsEveryAddressOfALargeTown) {
    auto digits = [](int value, std::size_t width) {
        const auto text = std::to_string(value);
        return std::string(width - text.size(), '0') + text;
    };
    std::vector<Verblijfsobject> vbos;
    for (int i = 0; i < 60000; ++i) {
        const auto id = digits(300 + i % 97, 4) + "01" + digits(i * 7, 10);
        const auto postcode = std::to_string(1000 + i / 676) + static_cast<char>('A' + i / 26 % 26) + static_cast<char>('A' + i % 26);
        vbos.push_back(vbo(id.c_str(), postcode.c_str(), 1 + i / 600, i % 3 == 0 ? "A" : "", i % 5 == 0 ? "2" : "", {0, 0}));
    }
    const AddressIndex index(vbos, {});
    for (std::uint32_t i = 0; i < vbos.size(); ++i) {
        const auto& a = vbos[i].adres;
        ASSERT_EQ(index.by_id(bag_id_text(vbos[i].id)), i);
        const auto m = index.by_address(a.postcode, Huisnummer{a.huisnummer, a.huisletter.str(), a.toevoeging.str()});
        ASSERT_TRUE(m) << a.postcode;
        ASSERT_EQ(m->vbo, i);
        ASSERT_EQ(m->route, MatchRoute::adres);
    }
}

TEST(MatchRoutes, EveryRouteHasAName) {
    for (auto r : {MatchRoute::bag_id, MatchRoute::adres, MatchRoute::nevenadres, MatchRoute::letter_toevoeging,
                   MatchRoute::enige_op_nummer, MatchRoute::coordinaat})
        EXPECT_NE(match_route_name(r), "?");
}

}  // namespace
}  // namespace onregel
