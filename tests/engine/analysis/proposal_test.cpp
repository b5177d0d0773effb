#include "engine/analysis/proposal.hpp"

#include <cmath>
#include <gtest/gtest.h>
#include <map>
#include <set>

#include "../signals/town_builder.hpp"
#include "engine/errors.hpp"

namespace onregel {
namespace {

using test::TownBuilder;

// Two neighbourhoods 5 km apart. Noord: eight flagged objects within 240 m, two of them in one pand, and
// 20 unflagged homes and 3 unflagged offices around them. Zuid: three flagged objects and 5 unflagged
// homes. Scores fall with the object number, so the ranking is the creation order.
struct Fixture {
    TownBuilder b;
    std::vector<Beoordeling> ranked;
    std::vector<PandScore> panden;
    GridIndex index;
    std::int32_t shared_pand = -1;

    Fixture() {
        const Point noord{100000, 450000}, zuid{100000, 445000};
        shared_pand = b.pand();
        for (int i = 0; i < 8; ++i) {
            const auto pand = i == 2 || i == 5 ? shared_pand : b.pand();
            flag(b.vbo_at(i == 1 ? kantoorfunctie : woonfunctie, 80, {noord.x + 30.0 * i, noord.y}, pand), 100 - i);
        }
        for (int i = 0; i < 3; ++i) flag(b.vbo_at(woonfunctie, 80, {zuid.x + 30.0 * i, zuid.y}, b.pand()), 50 - i);
        for (int i = 0; i < 20; ++i) b.vbo_at(woonfunctie, 70, {noord.x + 10.0 * i, noord.y + 60}, b.pand());
        for (int i = 0; i < 3; ++i) b.vbo_at(kantoorfunctie, 200, {noord.x + 40.0 * i, noord.y - 60}, b.pand());
        for (int i = 0; i < 5; ++i) b.vbo_at(woonfunctie, 70, {zuid.x + 10.0 * i, zuid.y + 60}, b.pand());
        std::vector<Point> points;
        for (const auto& v : b.town.verblijfsobjecten) points.push_back(v.punt);
        index = GridIndex(points, 50);
        panden = rank_panden(b.town, ranked);
    }
    void flag(std::uint32_t vbo, int score) { ranked.push_back({vbo, score, {{"kelderbox", 1, score, score, ""}}}); }
    bool flagged(std::uint32_t vbo) const {
        for (const auto& r : ranked)
            if (r.vbo == vbo) return true;
        return false;
    }
    std::vector<Controle> propose(int dagen, int per_dag, double straal = 500, double aandeel = 0.2, std::uint64_t seed = 7) {
        return propose_controles(b.town, index, ranked, panden, {dagen, per_dag, straal, aandeel, seed});
    }
    double distance(std::uint32_t a, std::uint32_t c) const {
        const auto p = b.town.verblijfsobjecten[a].punt, q = b.town.verblijfsobjecten[c].punt;
        return std::hypot(p.x - q.x, p.y - q.y);
    }
};

std::map<int, std::vector<Controle>> by_day(const std::vector<Controle>& controles) {
    std::map<int, std::vector<Controle>> days;
    for (const auto& c : controles) days[c.dag].push_back(c);
    return days;
}

TEST(RankPanden, APandRanksByItsStrongestObject) {
    const Fixture f;
    ASSERT_EQ(f.panden.size(), 10u);  // 11 flagged objects, two share a pand
    // Objects 2 (98) and 5 (95) share a pand: it scores 98, never the sum, after objects 0 (100) and 1 (99).
    EXPECT_EQ(f.panden[0].score, 100);
    EXPECT_EQ(f.panden[1].score, 99);
    EXPECT_EQ(f.panden[2].pand, f.shared_pand);
    EXPECT_EQ(f.panden[2].score, 98);
    EXPECT_EQ(f.panden[2].objecten, (std::vector<std::uint32_t>{2, 5}));
    for (std::size_t k = 1; k < f.panden.size(); ++k) EXPECT_GE(f.panden[k - 1].score, f.panden[k].score);
}

// Forty flats of 3 points do not outrank one object of 9; between equals, more flagged objects first.
TEST(RankPanden, ABlockOfFlatsDoesNotOutrankOneStrongCase) {
    TownBuilder b;
    const auto flats = b.pand(), box = b.pand(), pair = b.pand();
    std::vector<Beoordeling> ranked;
    ranked.push_back({b.vbo(overige_gebruiksfunctie, 18, box), 9, {}});
    ranked.push_back({b.vbo(woonfunctie, 60, pair), 3, {}});
    ranked.push_back({b.vbo(woonfunctie, 60, pair), 3, {}});
    for (int k = 0; k < 40; ++k) ranked.push_back({b.vbo(woonfunctie, 60, flats), 3, {}});
    const auto panden = rank_panden(b.town, ranked);
    ASSERT_EQ(panden.size(), 3u);
    EXPECT_EQ(panden[0].pand, box);
    EXPECT_EQ(panden[0].score, 9);
    EXPECT_EQ(panden[1].pand, flats) << "a tie on score goes to more flagged objects";
    EXPECT_EQ(panden[1].score, 3);
    EXPECT_EQ(panden[1].objecten.size(), 40u);
    EXPECT_EQ(panden[2].pand, pair);
}

// Equal panden go by the BAG id of their first object, as score_town orders those objects.
TEST(RankPanden, TiesGoByTheFirstObjectsBagId) {
    TownBuilder b;
    const auto p1 = b.pand(), p2 = b.pand();
    const auto a = b.vbo(woonfunctie, 50, p2), c = b.vbo(woonfunctie, 50, p1);
    const std::vector<Beoordeling> ranked = {{a, 5, {}}, {c, 5, {}}};
    const auto panden = rank_panden(b.town, ranked);
    ASSERT_EQ(panden.size(), 2u);
    EXPECT_EQ(panden[0].pand, p2);
}

TEST(Proposal, StepsAreCapacityPerDayAndTheSteekproefShare) {
    EXPECT_EQ(steekproef_per_dag({1, 10, 500, 0.2, 1}), 2);
    EXPECT_EQ(steekproef_per_dag({1, 5, 500, 0.2, 1}), 1);
    EXPECT_EQ(steekproef_per_dag({1, 1, 500, 0.2, 1}), 0);  // the day's anchor comes first
    EXPECT_EQ(steekproef_per_dag({1, 3, 500, 1.0, 1}), 2);
    EXPECT_EQ(steekproef_per_dag({1, 8, 500, 0.0, 1}), 0);
}

TEST(Proposal, RespectsCapacityGroupingAndTheSteekproefShare) {
    Fixture f;
    const auto controles = f.propose(3, 5);
    const auto days = by_day(controles);
    // Noord has 7 flagged panden: day 1 takes 4 of them, day 2 the other 3, day 3 goes to zuid.
    ASSERT_EQ(days.size(), 3u);
    for (const auto& [dag, stops] : days) {
        SCOPED_TRACE("dag " + std::to_string(dag));
        EXPECT_LE(stops.size(), 5u);
        int random = 0;
        const Controle* anchor = nullptr;
        for (const auto& c : stops) {
            random += (c.selectie == Selectie::steekproef);
            if ((c.selectie != Selectie::steekproef) && (!anchor || c.pand_rang < anchor->pand_rang)) anchor = &c;
        }
        EXPECT_EQ(random, 1) << "one in five is drawn at random";
        ASSERT_NE(anchor, nullptr);
        EXPECT_EQ(anchor->volgorde, 1) << "the walk starts at the highest-ranked address";
        for (const auto& c : stops)
            if ((c.selectie != Selectie::steekproef)) {
                EXPECT_LE(f.distance(c.vbo, anchor->vbo), 500.0);
            }
    }
    EXPECT_EQ(days.at(1).size(), 5u);
    EXPECT_EQ(days.at(2).size(), 4u);  // three flagged panden left in noord, and the steekproef
    EXPECT_LT(f.b.town.verblijfsobjecten[days.at(3)[0].vbo].punt.y, 446000.0) << "day 3 is in zuid";
}

TEST(Proposal, NeverVisitsAPandTwice) {
    Fixture f;
    const auto controles = f.propose(10, 10, 10000);
    std::set<std::string> panden;
    for (const auto& c : controles) EXPECT_TRUE(panden.insert(f.b.town.pand_id(f.b.town.verblijfsobjecten[c.vbo])).second) << c.vbo;
    // The shared pand is visited at its highest-ranked object (2), not at 5.
    for (const auto& c : controles) EXPECT_NE(c.vbo, 5u);
    int ranked = 0;
    for (const auto& c : controles) ranked += (c.selectie != Selectie::steekproef);
    EXPECT_EQ(ranked, 10) << "every flagged pand once";
}

TEST(Proposal, SteekproefIsUnflaggedOfTheSameKindAndNearby) {
    Fixture f;
    for (std::uint64_t seed = 1; seed <= 20; ++seed) {
        const auto controles = f.propose(2, 10, 500, 0.3, seed);
        for (const auto& [dag, stops] : by_day(controles)) {
            std::vector<Controle> ranked;
            for (const auto& c : stops)
                if ((c.selectie != Selectie::steekproef)) ranked.push_back(c);
            std::sort(ranked.begin(), ranked.end(), [](auto& a, auto& b) { return a.pand_rang < b.pand_rang; });
            // Slot j copies the gebruiksdoelen of the day's j-th ranked stop (the walk reorders them).
            std::multiset<GebruiksdoelSet> drawn, wanted;
            for (const auto& c : stops) {
                if ((c.selectie != Selectie::steekproef)) continue;
                EXPECT_FALSE(f.flagged(c.vbo));
                EXPECT_EQ(c.pand_rang, 0);
                EXPECT_LE(f.distance(c.vbo, ranked[0].vbo), 500.0);
                drawn.insert(f.b.town.verblijfsobjecten[c.vbo].gebruiksdoelen);
                wanted.insert(f.b.town.verblijfsobjecten[ranked[(drawn.size() - 1) % ranked.size()].vbo].gebruiksdoelen);
            }
            EXPECT_EQ(drawn, wanted);
            const auto slot = drawn.size();
            EXPECT_EQ(slot, 3u) << "round(10 x 0.3) per day";
        }
    }
}

TEST(Proposal, TheDrawIsSeededAndDeterministic) {
    Fixture f;
    const auto first = f.propose(2, 10, 500, 0.5, 42), again = f.propose(2, 10, 500, 0.5, 42);
    ASSERT_EQ(first.size(), again.size());
    for (std::size_t i = 0; i < first.size(); ++i) {
        EXPECT_EQ(first[i].vbo, again[i].vbo);
        EXPECT_EQ(first[i].volgorde, again[i].volgorde);
    }
    std::set<std::vector<std::uint32_t>> draws;
    for (std::uint64_t seed = 1; seed <= 10; ++seed) {
        std::vector<std::uint32_t> drawn;
        for (const auto& c : f.propose(2, 10, 500, 0.5, seed))
            if ((c.selectie == Selectie::steekproef)) drawn.push_back(c.vbo);
        draws.insert(drawn);
    }
    EXPECT_GT(draws.size(), 1u) << "another seed, another draw";
}

TEST(Proposal, WalkingOrderIsNearestNeighbourFromTheTop) {
    Fixture f;
    for (const auto& [dag, stops] : by_day(f.propose(2, 8, 500, 0.25))) {
        std::vector<Controle> walk = stops;
        std::sort(walk.begin(), walk.end(), [](auto& a, auto& b) { return a.volgorde < b.volgorde; });
        for (std::size_t i = 0; i < walk.size(); ++i) {
            EXPECT_EQ(walk[i].volgorde, static_cast<int>(i + 1));
            for (std::size_t j = i + 2; i + 1 < walk.size() && j < walk.size(); ++j)
                EXPECT_LE(f.distance(walk[i].vbo, walk[i + 1].vbo), f.distance(walk[i].vbo, walk[j].vbo));
        }
    }
}

TEST(Proposal, BadOptionsAreConfigErrors) {
    Fixture f;
    EXPECT_THROW(f.propose(0, 5), config_error);
    EXPECT_THROW(f.propose(1, 0), config_error);
    EXPECT_THROW(f.propose(1, 5, 0), config_error);
    EXPECT_THROW(f.propose(1, 5, 500, 1.5), config_error);
}

}  // namespace
}  // namespace onregel

namespace onregel {
namespace {

// With a register: a due hercontrole anchors the first day, also at an object that is not its pand's
// highest-ranked (its pand is then visited through it, once, without the pand's rank); a resting
// object is neither a stop nor a steekproef draw.
TEST(ProposalWithRegister, HercontroleFirstAndRestingAddressesLeftOut) {
    Fixture f;
    RegisterStand stand;
    stand.rust.assign(f.b.town.verblijfsobjecten.size(), 0);
    stand.historie.assign(f.b.town.verblijfsobjecten.size(), std::string());
    stand.rust[0] = 1;           // the highest-ranked object rests
    stand.hercontroles = {5};    // in the shared pand, whose highest-ranked object is 2
    const auto controles = propose_controles(f.b.town, f.index, f.ranked, f.panden, {2, 4, 500, 0.25, 7}, &stand);
    ASSERT_FALSE(controles.empty());
    const auto days = by_day(controles);
    const auto& first = days.at(1);
    const auto her = std::find_if(first.begin(), first.end(), [](const auto& c) { return c.selectie == Selectie::hercontrole; });
    ASSERT_NE(her, first.end());
    EXPECT_EQ(her->vbo, 5u);
    EXPECT_EQ(her->pand_rang, 0) << "not the pand's highest-ranked object";
    for (const auto& c : controles) {
        EXPECT_NE(c.vbo, 0u) << "resting";
        EXPECT_NE(c.vbo, 2u) << "its pand is visited through the hercontrole";
    }
    // Without the register the same call visits object 0 first.
    const auto plain = f.propose(2, 4, 500, 0.25);
    EXPECT_EQ(by_day(plain).at(1).front().vbo, 0u);
}

}  // namespace
}  // namespace onregel
