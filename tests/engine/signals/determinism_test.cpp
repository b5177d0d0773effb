// score_town gives the same bytes whatever the thread count: every signal's parallel parts merge in a
// fixed order.
#include <gtest/gtest.h>

#include <set>
#include <tuple>

#include <tbb/global_control.h>

#include "engine/analysis/scoring.hpp"
#include "engine/signals/registry.hpp"
#include "town_builder.hpp"

namespace onregel::test {
namespace {

// A town large enough for several chunks per signal and several ranges of the merge, from a fixed
// pseudo-random sequence.
TownBuilder busy_town() {
    constexpr std::uint64_t objects = 40000;
    std::uint64_t state = 12345;
    const auto next = [&](std::uint64_t n) {
        state = state * 6364136223846793005ull + 1442695040888963407ull;
        return (state >> 33) % n;
    };
    const std::vector<std::string> sbi = {"4520", "45201", "4511", "6420", "70102", "6201", "5610", "96021",
                                          "4711", "47911", "1071", "4941", "9604", "6810", "45205"};
    const std::vector<GebruiksdoelSet> doelen = {woonfunctie, woonfunctie, kantoorfunctie, winkelfunctie,
                                                 industriefunctie, overige_gebruiksfunctie, woonfunctie | winkelfunctie};
    const std::vector<std::string> categorie = {"overlast", "afval", "drugs"};
    TownBuilder b;
    for (int p = 0; p < 400; ++p) b.pand(p % 97 == 0 ? "Pand gesloopt" : "Pand in gebruik");
    for (std::uint64_t i = 0; i < objects; ++i) {
        const Point punt{static_cast<double>(next(3000)), static_cast<double>(next(3000))};
        const auto pand = static_cast<std::int32_t>(next(400));
        const auto v = b.vbo_at(doelen[next(doelen.size())], static_cast<std::int32_t>(5 + next(300)), punt, pand);
        if (i % 50 == 0) b.object(v).status = VboStatus::ingetrokken;
    }
    const auto complex = b.pand();
    for (int k = 0; k < 12; ++k) {
        const auto box = b.vbo_at(overige_gebruiksfunctie, 18, {1500.0 + 4 * k, 1500}, complex);
        if (k % 5 == 0) b.vestiging(box, "4520");
    }
    // Gemeente 0344: ordinary firms spread out, and one small terrain where every unit is a risk branch
    // (the busy town's own gemeente has so many risk branches that none can stand out).
    for (int k = 0; k < 212; ++k) {
        const bool terrain = k < 12;
        const Point punt = terrain ? Point{20000.0 + 10 * k, 20000} : Point{20000.0 + 300 * (k % 15), 25000.0 + 300 * (k / 15)};
        const auto v = b.vbo_at(industriefunctie, 200, punt);
        b.object(v).id = 344010000000000 + static_cast<BagId>(k) + 1;
        b.vestiging(v, terrain ? (k % 2 ? "4520" : "5630") : "2511");
    }
    for (std::uint64_t k = 0; k < objects * 3 / 2; ++k) {
        const auto v = static_cast<std::uint32_t>(next(objects));
        const Date aanvang = day(2015, 1, 1) + static_cast<Date>(next(3600));
        auto& vestiging = b.vestiging(v, sbi[next(sbi.size())], aanvang,
                                      next(3) == 0 ? std::optional<Date>(aanvang + static_cast<Date>(next(900))) : std::nullopt);
        vestiging.werkzame_personen = static_cast<std::int32_t>(next(20)) - 1;
        if (next(10) == 0) vestiging.rechtsvorm = "Stichting";
    }
    for (std::uint64_t k = 0; k < objects * 4 / 3; ++k) {
        const Date datum = day(2022, 1, 1) + static_cast<Date>(next(1200));
        if (next(2) == 0) {
            b.melding(static_cast<std::int32_t>(next(objects)), datum, categorie[next(3)]);
        } else {  // heaped near one corner
            const Point p{static_cast<double>(next(600)), static_cast<double>(next(600))};
            b.melding(-1, datum, categorie[next(3)], p);
        }
    }
    for (std::uint64_t k = 0; k < objects / 10; ++k)
        b.vergunning(static_cast<std::int32_t>(next(objects)), day(2023, 1, 1) + static_cast<Date>(next(700)),
                     static_cast<std::int64_t>(next(700000)), "A" + std::to_string(next(150)));
    for (int k = 0; k < 40; ++k)
        b.erkenning(-1, {static_cast<double>(next(3000)), static_cast<double>(next(3000))});
    return b;
}

std::string render(const std::vector<Beoordeling>& result) {
    std::string out;
    for (const auto& r : result) {
        out += std::to_string(r.vbo) + " " + std::to_string(r.score) + "\n";
        for (const auto& b : r.bijdragen)
            out += "  " + b.signaal + " " + std::to_string(b.level) + " " + std::to_string(b.points) + " " + b.bewijs + "\n";
    }
    return out;
}

// The busy town linked and indexed, with every signal at its defaults: what score_town is given.
struct Scoring {
    TownBuilder b = linked(busy_town());
    const GridIndex vbo_index{points_of(b.town.verblijfsobjecten), 100}, melding_index{points_of(b.town.meldingen), 100};
    const Context context{b.town, vbo_index, melding_index, b.policy};
    const Signals signals = make_signals();
    const Config config = configured(default_config(signals), signals);

    static TownBuilder linked(TownBuilder b) {
        b.town.link();
        return b;
    }
    static Config configured(Config config, const Signals& signals) {
        configure_signals(config, signals);
        return config;
    }
};

TEST(Determinism, ScoreTownIsTheSameForOneAndFourThreads) {
    const Scoring s;
    std::string one, four;
    {
        tbb::global_control limit(tbb::global_control::max_allowed_parallelism, 1);
        one = render(score_town(s.context, s.config, s.signals));
    }
    {
        tbb::global_control limit(tbb::global_control::max_allowed_parallelism, 4);
        four = render(score_town(s.context, s.config, s.signals));
    }
    EXPECT_EQ(one, four);
    // Every signal contributed, so the comparison covers all of them.
    for (const auto& signal : s.signals)
        EXPECT_NE(one.find("  " + signal->info().id + " "), std::string::npos) << signal->info().id << " never fired";
}

// Every hit of every signal lands in its object's Beoordeling once, whichever range of the merge the
// object falls in, and the score is the exact sum of the bijdragen (a hit whose evidence was already
// paid keeps its facts, with the reason it scores 0 appended).
TEST(Determinism, ScoreTownKeepsEveryHitOnce) {
    const Scoring s;
    std::set<std::tuple<std::uint32_t, std::string, std::string>> hits, merged;  // vbo, signal, bewijs
    for (const auto& signal : s.signals)
        for (const auto& hit : signal->evaluate(s.context)) hits.insert({hit.vbo, signal->info().id, hit.bewijs});
    std::set<std::uint32_t> vbos;
    for (const auto& r : score_town(s.context, s.config, s.signals)) {
        EXPECT_TRUE(vbos.insert(r.vbo).second) << "object " << r.vbo << " ranked twice";
        int sum = 0;
        for (const auto& c : r.bijdragen) {
            sum += c.points;
            if (c.signaal != integrale_bonus_id) {
                const auto unpaid = c.bewijs.find(" (telt niet mee: al geteld via ");
                EXPECT_EQ(unpaid != std::string::npos, c.points == 0 && c.punten > 0) << c.bewijs;
                EXPECT_TRUE(merged.insert({r.vbo, c.signaal, c.bewijs.substr(0, unpaid)}).second);
            }
        }
        EXPECT_EQ(r.score, sum) << r.vbo;
    }
    EXPECT_GT(*vbos.rbegin(), 2 * 16384u);  // the merge's ranges are 16384 objects: the last ones are reached
    EXPECT_EQ(hits, merged);
}

}  // namespace
}  // namespace onregel::test
