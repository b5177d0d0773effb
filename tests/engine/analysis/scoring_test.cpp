// score_town's rule that evidence is paid once: the strongest signal of a family scores, a signal whose
// facts a stronger one of another family already used does not, families add up with the bonus.
#include "engine/analysis/scoring.hpp"

#include <gtest/gtest.h>

#include <random>

#include "../signals/town_builder.hpp"

namespace onregel::test {
namespace {

// A signal that returns the hits it is given.
class FixedSignal final : public Signal {
public:
    FixedSignal(Key key, std::string id, Familie familie, std::vector<Hit> hits) : Signal(key), hits_(std::move(hits)) {
        info_.id = std::move(id);
        info_.familie = familie;
    }
    const SignalInfo& info() const override { return info_; }
    void configure(Params&) override {}
    std::vector<Hit> evaluate(const Context&) const override { return hits_; }

private:
    SignalInfo info_;
    std::vector<Hit> hits_;
};

struct Spec {
    std::string id;
    Familie familie;
    int punten;
    std::vector<Hit> hits;
};

struct Scored {
    std::vector<Beoordeling> ranked;
    const Beoordeling* of(std::uint32_t vbo) const {
        for (const auto& b : ranked)
            if (b.vbo == vbo) return &b;
        return nullptr;
    }
};

Scored score(const std::vector<Spec>& specs, std::uint32_t objects = 3, int bonus = 2) {
    TownBuilder b;
    for (std::uint32_t i = 0; i < objects; ++i) b.vbo(woonfunctie, 80);
    const GridIndex vbo_index(points_of(b.town.verblijfsobjecten), 100), melding_index(points_of(b.town.meldingen), 100);
    const Context context{b.town, vbo_index, melding_index, b.policy};
    Signals signals;
    Config config;
    config.integrale_bonus = bonus;
    for (const auto& s : specs) {
        signals.push_back(std::make_unique<FixedSignal>(make_configured<FixedSignal>({}, s.id, s.familie, s.hits)));
        config.signalen[s.id] = {true, s.punten, {}};
    }
    return {score_town(context, config, signals)};
}

const Bijdrage& bijdrage(const Beoordeling& b, const std::string& signaal) {
    for (const auto& c : b.bijdragen)
        if (c.signaal == signaal) return c;
    throw std::out_of_range(signaal);
}

TEST(Scoring, OnlyTheStrongestSignalOfAFamilyScores) {
    const auto s = score({{"kelderbox", Familie::gebouw, 3, {{0, 3, "box"}}},
                          {"boxencomplex", Familie::gebouw, 2, {{0, 3, "complex"}}}});
    const auto* b = s.of(0);
    ASSERT_NE(b, nullptr);
    EXPECT_EQ(b->score, 9);
    EXPECT_EQ(bijdrage(*b, "kelderbox").points, 9);
    EXPECT_EQ(bijdrage(*b, "boxencomplex").points, 0);
    EXPECT_EQ(bijdrage(*b, "boxencomplex").bewijs, "complex (telt niet mee: al geteld via kelderbox)");
    EXPECT_EQ(b->bijdragen.size(), 2u) << "one family: no bonus";
}

// The top address: the same meldingen raise kelderbox, boxencomplex, meldingen and the hot spot.
TEST(Scoring, MeldingenThatRaisedABuildingSignalAreNotPaidAgain) {
    const std::uint8_t ook = familie_bit(Familie::registratie) | familie_bit(Familie::meldingen);
    const auto s = score({{"kelderbox", Familie::gebouw, 3, {{0, 3, "box", ook}}},
                          {"boxencomplex", Familie::gebouw, 2, {{0, 3, "complex", ook}}},
                          {"meldingen", Familie::meldingen, 2, {{0, 1, "3 meldingen"}}},
                          {"meldingen_hotspot", Familie::meldingen, 1, {{0, 2, "cel"}}}});
    const auto* b = s.of(0);
    ASSERT_NE(b, nullptr);
    EXPECT_EQ(b->score, 9);
    EXPECT_EQ(bijdrage(*b, "meldingen").points, 0);
    EXPECT_EQ(bijdrage(*b, "meldingen").bewijs, "3 meldingen (telt niet mee: al geteld via kelderbox)");
    EXPECT_EQ(bijdrage(*b, "meldingen_hotspot").points, 0);
    EXPECT_EQ(b->bijdragen.size(), 4u) << "no integrale bonus: one piece of evidence, one family scoring";
}

TEST(Scoring, FamiliesAddUpAndTheBonusNamesThem) {
    const auto s = score({{"bedrijven_op_adres", Familie::registratie, 1, {{1, 2, "6 vestigingen"}}},
                          {"holdings_op_adres", Familie::registratie, 1, {{1, 1, "3 holdings"}}},
                          {"kelderbox", Familie::gebouw, 3, {{1, 1, "box"}}},
                          {"meldingen", Familie::meldingen, 2, {{1, 1, "1 melding"}}}});
    const auto* b = s.of(1);
    ASSERT_NE(b, nullptr);
    // registratie 2 + gebouw 3 + meldingen 2, and two extra families x 2.
    EXPECT_EQ(b->score, 2 + 3 + 2 + 4);
    EXPECT_EQ(bijdrage(*b, "holdings_op_adres").points, 0);
    const auto& bonus = bijdrage(*b, std::string(integrale_bonus_id));
    EXPECT_EQ(bonus.points, 4);
    EXPECT_EQ(bonus.level, 2);
    EXPECT_EQ(bonus.bewijs, "Signalen uit 3 domeinen: registratie, gebouw en meldingen");
    int sum = 0;
    for (const auto& c : b->bijdragen) sum += c.points;
    EXPECT_EQ(sum, b->score);
}

// Ties in points go to the signal listed first in the registry.
TEST(Scoring, TiesGoToRegistryOrder) {
    const auto s = score({{"a", Familie::registratie, 2, {{0, 1, "a"}}}, {"b", Familie::registratie, 1, {{0, 2, "b"}}}});
    EXPECT_EQ(bijdrage(*s.of(0), "a").points, 2);
    EXPECT_EQ(bijdrage(*s.of(0), "b").points, 0);
}

// Equal scores: the object whose pand holds more flagged objects first (as the panden are ranked), then
// the BAG id.
TEST(Scoring, TiesGoToTheBusierPandThenTheBagId) {
    TownBuilder b;
    const auto quiet = b.pand(), busy = b.pand();
    const auto alone = b.vbo(woonfunctie, 80, quiet), first = b.vbo(woonfunctie, 80, busy), second = b.vbo(woonfunctie, 80, busy);
    const auto loose = b.vbo(woonfunctie, 80);
    const GridIndex vbo_index(points_of(b.town.verblijfsobjecten), 100), melding_index(points_of(b.town.meldingen), 100);
    const Context context{b.town, vbo_index, melding_index, b.policy};
    Signals signals;
    signals.push_back(std::make_unique<FixedSignal>(make_configured<FixedSignal>(
        {}, "s", Familie::gebouw, std::vector<Hit>{{alone, 2, "a"}, {first, 2, "f"}, {second, 1, "s"}, {loose, 2, "l"}})));
    Config config;
    config.signalen["s"] = {true, 1, {}};
    const auto ranked = score_town(context, config, signals);
    ASSERT_EQ(ranked.size(), 4u);
    EXPECT_EQ(ranked[0].vbo, first) << "score 2 in a pand with two flagged objects";
    EXPECT_EQ(ranked[1].vbo, alone);
    EXPECT_EQ(ranked[2].vbo, loose);
    EXPECT_EQ(ranked[3].vbo, second);
}

// The property: copying a signal's hits into another signal of the same family (same punten) never
// changes a score, whatever the other signals are.
TEST(Scoring, DuplicatedEvidenceInTheSameFamilyNeverChangesAScore) {
    std::mt19937 random(7);
    const std::vector<Familie> families{Familie::registratie, Familie::gebouw, Familie::meldingen, Familie::vergunningen};
    for (int round = 0; round < 200; ++round) {
        std::vector<Spec> specs;
        const int n = 1 + static_cast<int>(random() % 6);
        for (int k = 0; k < n; ++k) {
            Spec spec{"s" + std::to_string(k), families[random() % 4], 1 + static_cast<int>(random() % 3), {}};
            for (std::uint32_t v = 0; v < 6; ++v)
                if (random() % 2) {
                    const auto ook = static_cast<std::uint8_t>(random() % 3 == 0 ? random() % 16 : 0);
                    spec.hits.push_back({v, static_cast<std::uint8_t>(1 + random() % 3), "f", ook});
                }
            specs.push_back(std::move(spec));
        }
        auto with_copy = specs;
        const auto& copied = specs[random() % specs.size()];
        with_copy.push_back({"kopie", copied.familie, copied.punten, copied.hits});
        const auto before = score(specs, 6), after = score(with_copy, 6);
        ASSERT_EQ(before.ranked.size(), after.ranked.size()) << round;
        for (std::size_t i = 0; i < before.ranked.size(); ++i) {
            EXPECT_EQ(before.ranked[i].vbo, after.ranked[i].vbo) << round;
            EXPECT_EQ(before.ranked[i].score, after.ranked[i].score) << round;
        }
    }
}

}  // namespace
}  // namespace onregel::test
