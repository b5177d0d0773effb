// score_town gives the same bytes whatever the thread count: every signal's parallel parts merge in a
// fixed order.
#include <gtest/gtest.h>

#include <tbb/global_control.h>

#include "engine/analysis/scoring.hpp"
#include "engine/signals/registry.hpp"
#include "town_builder.hpp"

namespace onregel::test {
namespace {

// A town large enough for several chunks per signal, from a fixed pseudo-random sequence.
TownBuilder busy_town() {
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
    for (int i = 0; i < 6000; ++i) {
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
    for (int k = 0; k < 9000; ++k) {
        const auto v = static_cast<std::uint32_t>(next(6000));
        const Date aanvang = day(2015, 1, 1) + static_cast<Date>(next(3600));
        auto& vestiging = b.vestiging(v, sbi[next(sbi.size())], aanvang,
                                      next(3) == 0 ? std::optional<Date>(aanvang + static_cast<Date>(next(900))) : std::nullopt);
        vestiging.werkzame_personen = static_cast<std::int32_t>(next(20)) - 1;
        if (next(10) == 0) vestiging.rechtsvorm = "Stichting";
    }
    for (int k = 0; k < 8000; ++k) {
        const Date datum = day(2022, 1, 1) + static_cast<Date>(next(1200));
        if (next(2) == 0) {
            b.melding(static_cast<std::int32_t>(next(6000)), datum, categorie[next(3)]);
        } else {  // heaped near one corner
            const Point p{static_cast<double>(next(600)), static_cast<double>(next(600))};
            b.melding(-1, datum, categorie[next(3)], p);
        }
    }
    for (int k = 0; k < 600; ++k)
        b.vergunning(static_cast<std::int32_t>(next(6000)), day(2023, 1, 1) + static_cast<Date>(next(700)),
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

TEST(Determinism, ScoreTownIsTheSameForOneAndFourThreads) {
    auto b = busy_town();
    b.town.link();
    std::vector<Point> vbo_points, melding_points;
    for (const auto& v : b.town.verblijfsobjecten) vbo_points.push_back(v.punt);
    for (const auto& m : b.town.meldingen) melding_points.push_back(m.punt);
    const GridIndex vbo_index(vbo_points, 100), melding_index(melding_points, 100);
    const Context context{b.town, vbo_index, melding_index, b.policy};
    const auto signals = make_signals();
    const auto config = default_config(signals);
    configure_signals(config, signals);

    std::string one, four;
    {
        tbb::global_control limit(tbb::global_control::max_allowed_parallelism, 1);
        one = render(score_town(context, config, signals));
    }
    {
        tbb::global_control limit(tbb::global_control::max_allowed_parallelism, 4);
        four = render(score_town(context, config, signals));
    }
    EXPECT_EQ(one, four);
    // Every signal contributed, so the comparison covers all of them.
    for (const auto& signal : signals)
        EXPECT_NE(one.find("  " + signal->info().id + " "), std::string::npos) << signal->info().id << " never fired";
}

}  // namespace
}  // namespace onregel::test
