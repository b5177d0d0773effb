// The sample town's three years of register history (engine/sample/history): determinism, only the
// town's own BAG ids and the config's keys, a ranking that finds more than the steekproef, interventies
// that follow findings, hercontroles due on the peildatum, and meldingen counted from the town's own.
#include <gtest/gtest.h>

#include <algorithm>
#include <map>
#include <set>
#include <sstream>
#include <tuple>

#include "engine/register/register_config.hpp"
#include "engine/sample/history.hpp"
#include "engine/sample/sample.hpp"
#include "engine/signals/registry.hpp"

namespace onregel::test {
namespace {

using sample::Chunk;

const Chunk& town(std::uint64_t seed) {
    static std::map<std::uint64_t, Chunk> towns;
    auto it = towns.find(seed);
    if (it == towns.end()) {
        Chunk chunk;
        sample::generate({seed, 0, false}, [&](Chunk& c) { chunk = std::move(c); });
        it = towns.emplace(seed, std::move(chunk)).first;
    }
    return it->second;
}

const Register& history(std::uint64_t seed) {
    static std::map<std::uint64_t, Register> histories;
    auto it = histories.find(seed);
    if (it == histories.end()) it = histories.emplace(seed, sample::history(town(seed), seed)).first;
    return it->second;
}

std::string joined(const std::vector<std::string>& items) {
    std::string out;
    for (const auto& s : items) out += s + ";";
    return out;
}

// Every field of every row, so two registers compare whole.
std::string text_of(const Register& r) {
    std::ostringstream out;
    for (const auto& x : r.runs)
        out << "run " << x.id << " " << x.peildatum << " " << x.config_sha256 << " " << x.gemarkeerd << "\n";
    for (const auto& x : r.run_signalen) out << "sig " << x.run << " " << x.buurt << " " << x.signaal << " " << x.aantal << "\n";
    for (const auto& c : r.controles)
        out << "controle " << c.bag_id << " " << c.datum << " " << c.controledag << " "
            << selectie_name(c.selectie) << " " << joined(c.partners) << " " << joined(c.constateringen) << " "
            << joined(c.signalen) << " " << c.signalen_bekend << "\n";
    for (const auto& i : r.interventies)
        out << "interventie " << i.bag_id << " " << i.soort << " " << i.start << " " << i.einde.value_or(-1) << " " << i.afloop
            << "\n";
    for (const auto& m : r.meldingen)
        out << "meldingen " << m.jaar << " " << m.kwartaal << " " << m.buurt << " " << m.categorie << " " << m.aantal << "\n";
    return out.str();
}

bool bevinding(const RegisterControle& c) {
    return std::any_of(c.constateringen.begin(), c.constateringen.end(), [](const auto& k) { return k != geen_bevinding; });
}

TEST(SampleHistory, IsDeterministicAndDrawnApartFromTheTown) {
    EXPECT_EQ(text_of(sample::history(town(1), 1)), text_of(history(1)));
    EXPECT_NE(text_of(history(2)), text_of(history(1)));
    // Its own stream: the town of a seed is the same with or without it.
    Chunk again;
    sample::generate({1, 0, false}, [&](Chunk& c) { again = std::move(c); });
    EXPECT_EQ(again.meldingen.size(), town(1).meldingen.size());
    EXPECT_EQ(again.ground_truth, town(1).ground_truth);
}

void expect_town_ids_and_config_keys(std::uint64_t seed) {
    SCOPED_TRACE("seed " + std::to_string(seed));
    const auto& t = town(seed);
    const auto& h = history(seed);
    std::set<std::string> ids;
    for (const auto& v : t.verblijfsobjecten) ids.insert(bag_id_text(v.id));
    const auto beleid = default_register_beleid();
    const auto known = [](const std::vector<Keuze>& lijst, const std::string& key) {
        return std::any_of(lijst.begin(), lijst.end(), [&](const Keuze& k) { return k.sleutel == key; });
    };
    std::set<std::string> signal_ids;
    for (const auto& s : make_signals()) signal_ids.insert(s->info().id);
    for (const auto& c : h.controles) {
        EXPECT_TRUE(ids.count(c.bag_id)) << c.bag_id;
        EXPECT_FALSE(c.constateringen.empty()) << c.bag_id << ": geen_bevinding is written, as the sheets do";
        for (const auto& k : c.constateringen) EXPECT_TRUE(known(beleid.constateringen, k)) << k;
        for (const auto& s : c.signalen) EXPECT_TRUE(signal_ids.count(s)) << s;
        for (const auto& p : c.partners) EXPECT_TRUE(p == "politie" || p == "omgevingsdienst" || p == "belastingdienst") << p;
        EXPECT_FALSE(c.partners.empty());
        EXPECT_GE(c.datum, sample::peildatum() - 3 * 366);
        EXPECT_LE(c.datum, sample::peildatum());
    }
    for (const auto& i : h.interventies) {
        EXPECT_TRUE(ids.count(i.bag_id)) << i.bag_id;
        EXPECT_TRUE(known(beleid.interventies, i.soort)) << i.soort;
        EXPECT_EQ(i.afloop.empty(), !i.einde.has_value()) << i.bag_id << " " << i.soort;
        if (!i.afloop.empty()) {
            EXPECT_TRUE(known(beleid.afloop, i.afloop)) << i.afloop;
        }
        if (i.einde) {
            EXPECT_GE(*i.einde, i.start);
            EXPECT_LE(*i.einde, sample::peildatum());
        }
        if (i.soort != hercontrole) {
            EXPECT_LE(i.start, sample::peildatum()) << "only a hercontrole is planned ahead";
        }
    }
    for (const auto& r : h.run_signalen) EXPECT_TRUE(signal_ids.count(r.signaal)) << r.signaal;
    // One key per row: the store would fold rows with the same key into one.
    std::set<std::string> controle_keys, interventie_keys;
    for (const auto& c : h.controles) controle_keys.insert(sleutel(c));
    for (const auto& i : h.interventies) interventie_keys.insert(sleutel(i));
    EXPECT_EQ(controle_keys.size(), h.controles.size());
    EXPECT_EQ(interventie_keys.size(), h.interventies.size());
}

TEST(SampleHistory, OnlyTheTownsBagIdsAndTheConfigsKeys) {
    for (const std::uint64_t seed : {1, 2, 3}) expect_town_ids_and_config_keys(seed);
}

TEST(SampleHistory, RunsOncePerQuarterWithSteadyCounts) {
    const auto& h = history(1);
    ASSERT_EQ(h.runs.size(), 12u);
    std::set<std::string> run_ids;
    for (std::size_t k = 0; k < h.runs.size(); ++k) {
        const auto& run = h.runs[k];
        EXPECT_EQ(run.id.size(), 16u);
        EXPECT_EQ(run.id.find_first_not_of("0123456789abcdef"), std::string::npos) << run.id;
        EXPECT_EQ(run.config_sha256.size(), 64u);
        run_ids.insert(run.id);
        int y = 0;
        unsigned m = 0, d = 0;
        ymd_from_date(run.peildatum + 1, y, m, d);
        EXPECT_EQ(d, 1u) << format_date(run.peildatum) << " ends a quarter";
        EXPECT_EQ((m - 1) % 3, 0u) << format_date(run.peildatum);
        if (k > 0) {
            EXPECT_GT(run.peildatum, h.runs[k - 1].peildatum);
        }
        EXPECT_GT(run.gemarkeerd, 150) << "the town flags about 300 addresses";
        EXPECT_LT(run.gemarkeerd, 500);
    }
    EXPECT_EQ(run_ids.size(), 12u);
    EXPECT_EQ(format_date(h.runs.front().peildatum), "2023-09-30");
    EXPECT_EQ(format_date(h.runs.back().peildatum), "2026-06-30");
    std::map<std::string, std::vector<int>> per_signaal;
    for (const auto& r : h.run_signalen) {
        EXPECT_TRUE(run_ids.count(r.run)) << r.run;
        per_signaal[r.signaal].push_back(r.aantal);
    }
    EXPECT_EQ(per_signaal.size(), make_signals().size()) << "every signal flags something in the sample town";
    for (const auto& [signaal, counts] : per_signaal) {
        EXPECT_EQ(counts.size(), 12u) << signaal;
        const auto [lo, hi] = std::minmax_element(counts.begin(), counts.end());
        EXPECT_LE(*hi, *lo * 3 / 2 + 2) << signaal << ": a little movement, no jumps";
    }
    EXPECT_GT(per_signaal["meldingen_hotspot"].front(), per_signaal["verloop"].front());
}

TEST(SampleHistory, ControledagenAndTheirSelection) {
    for (const std::uint64_t seed : {1, 2, 3}) {
        const auto& h = history(seed);
        std::map<int, std::set<Date>> days_per_year;  // by the 12-month block before the peildatum
        std::map<Selectie, int> controles, met_bevinding;
        for (const auto& c : h.controles) {
            days_per_year[(sample::peildatum() - c.datum) / 366].insert(c.datum);
            ++controles[c.selectie];
            met_bevinding[c.selectie] += bevinding(c);
            const bool from_proposal =
                c.selectie == Selectie::ranking || c.selectie == Selectie::steekproef || c.selectie == Selectie::hercontrole;
            EXPECT_EQ(c.controledag > 0, from_proposal) << c.bag_id;
            if (c.selectie == Selectie::ranking) {
                EXPECT_TRUE(c.signalen_bekend);
                EXPECT_FALSE(c.signalen.empty()) << c.bag_id;
            }
            if (c.selectie == Selectie::tip || c.selectie == Selectie::partnerverzoek) {
                EXPECT_FALSE(c.signalen_bekend);
            }
        }
        EXPECT_EQ(days_per_year.size(), 3u);
        for (const auto& [year, days] : days_per_year) {
            EXPECT_GE(days.size(), 4u) << "seed " << seed << " year " << year;
            EXPECT_LE(days.size(), 8u) << "seed " << seed << " year " << year;
        }
        const double total = static_cast<double>(h.controles.size());
        EXPECT_GT(controles[Selectie::ranking],
                  controles[Selectie::steekproef] + controles[Selectie::tip] + controles[Selectie::partnerverzoek]);
        EXPECT_GE(controles[Selectie::ranking] / total, 0.4) << "seed " << seed;
        EXPECT_GE(controles[Selectie::steekproef] / total, 0.12) << "seed " << seed << ": about a fifth";
        EXPECT_LE(controles[Selectie::steekproef] / total, 0.3) << "seed " << seed;
        EXPECT_GT(controles[Selectie::tip], 0);
        EXPECT_GT(controles[Selectie::partnerverzoek], 0);
        EXPECT_GT(controles[Selectie::hercontrole], 0);
        const auto share = [&](Selectie s) { return static_cast<double>(met_bevinding[s]) / controles[s]; };
        EXPECT_GE(share(Selectie::ranking), 0.4) << "seed " << seed;
        EXPECT_LE(share(Selectie::steekproef), 0.15) << "seed " << seed;
        EXPECT_GE(share(Selectie::ranking) - share(Selectie::steekproef), 0.3) << "seed " << seed;
    }
}

TEST(SampleHistory, PlantedAddressesFindMoreThanTheSteekproef) {
    const auto& t = town(1);
    std::map<std::string, std::set<std::string>> planted;
    std::set<std::string> lookalike;
    for (const auto& g : t.ground_truth) {
        if (g.kind == "planted")
            planted[g.bag_id].insert(g.expected_signal);
        else
            lookalike.insert(g.bag_id);
    }
    int at_planted = 0, found_planted = 0, steekproef = 0, found_steekproef = 0;
    for (const auto& c : history(1).controles) {
        EXPECT_FALSE(lookalike.count(c.bag_id)) << c.bag_id << ": a look-alike is never flagged, nor drawn as unflagged";
        if (c.selectie == Selectie::steekproef) {
            EXPECT_FALSE(planted.count(c.bag_id)) << c.bag_id;
            ++steekproef;
            found_steekproef += bevinding(c);
        } else if (c.selectie == Selectie::ranking && planted.count(c.bag_id)) {
            const auto& signals = planted.at(c.bag_id);
            EXPECT_EQ(std::set<std::string>(c.signalen.begin(), c.signalen.end()), signals)
                << c.bag_id << ": flagged for what was planted";
            ++at_planted;
            found_planted += bevinding(c);
        }
    }
    ASSERT_GT(at_planted, 30);
    ASSERT_GT(steekproef, 10);
    EXPECT_GE(static_cast<double>(found_planted) / at_planted, 0.6);
    EXPECT_LE(static_cast<double>(found_steekproef) / steekproef, 0.15);
}

TEST(SampleHistory, EveryInterventieFollowsAFindingAtItsAddress) {
    for (const std::uint64_t seed : {1, 2, 3}) {
        const auto& h = history(seed);
        std::map<std::string, std::vector<const RegisterControle*>> at;
        for (const auto& c : h.controles) at[c.bag_id].push_back(&c);
        std::map<std::string, int> soorten, afloop;
        for (const auto& i : h.interventies) {
            ++soorten[i.soort];
            ++afloop[i.afloop];
            const auto& visits = at[i.bag_id];
            const auto follows = std::any_of(visits.begin(), visits.end(), [&](const auto* c) {
                return bevinding(*c) && c->datum <= i.start &&
                       (i.soort != hercontrole || (i.start - c->datum >= 56 && i.start - c->datum <= 112));
            });
            EXPECT_TRUE(follows) << "seed " << seed << ": " << i.bag_id << " " << i.soort << " " << format_date(i.start);
            // A hercontrole carried out is a controle of its own, on the day it ended.
            if (i.soort == hercontrole && i.einde) {
                EXPECT_TRUE(
                    std::any_of(visits.begin(), visits.end(),
                                [&](const auto* c) { return c->selectie == Selectie::hercontrole && c->datum == *i.einde; }))
                    << i.bag_id << " " << format_date(*i.einde);
            }
        }
        for (const auto& c : h.controles) {
            if (c.selectie != Selectie::hercontrole) continue;
            EXPECT_TRUE(std::any_of(
                h.interventies.begin(), h.interventies.end(),
                [&](const Interventie& i) { return i.bag_id == c.bag_id && i.soort == hercontrole && i.einde == c.datum; }))
                << c.bag_id << " " << format_date(c.datum);
        }
        for (const char* soort : {"waarschuwing", "last_onder_dwangsom", "doorzetting", "hercontrole"})
            EXPECT_GT(soorten[soort], 0) << soort;
        EXPECT_GT(soorten["sluiting"] + soorten["bestuurlijke_boete"] + soorten["bibob_toets"], 0);
        for (const char* how : {"opgevolgd", "uitgevoerd"}) EXPECT_GT(afloop[how], 0) << how;
        EXPECT_GT(afloop[""], 0) << "some still run on the peildatum";
    }
}

TEST(SampleHistory, HercontrolesAreDueOnThePeildatum) {
    for (const std::uint64_t seed : {1, 2, 3, 4, 5}) {
        const auto& h = history(seed);
        const auto last_day = std::max_element(h.controles.begin(), h.controles.end(), [](const auto& a, const auto& b) {
                                  return a.datum < b.datum;
                              })->datum;
        int due = 0, carried_out = 0;
        for (const auto& i : h.interventies) {
            if (i.soort != hercontrole) continue;
            if (hercontrole_verschuldigd(i, sample::peildatum())) {
                ++due;
                EXPECT_GT(i.start, last_day) << "a hercontrole due before the last controledag was done that day";
            }
            carried_out += i.einde.has_value();
        }
        EXPECT_GE(due, 1) << "seed " << seed;
        EXPECT_LE(due, 4) << "seed " << seed;
        EXPECT_GT(carried_out, 3 * due) << "seed " << seed << ": most are carried out";
        EXPECT_LE(last_day, sample::peildatum() - 14) << "seed " << seed;
    }
}

TEST(SampleHistory, MeldingenPerKwartaalAreTheTownsOwn) {
    const auto& t = town(1);
    std::map<std::tuple<int, int, std::string>, int> expected;
    for (const auto& m : t.meldingen) {
        int y = 0;
        unsigned month = 0, day = 0;
        ymd_from_date(m.datum, y, month, day);
        ++expected[{y, static_cast<int>(month + 2) / 3, m.categorie}];
    }
    std::map<std::tuple<int, int, std::string>, int> got;
    int total = 0;
    for (const auto& m : history(1).meldingen) {
        EXPECT_EQ(m.buurt, "");
        EXPECT_TRUE(got.emplace(std::tuple(m.jaar, m.kwartaal, m.categorie), m.aantal).second)
            << "one row per quarter and categorie";
        total += m.aantal;
    }
    EXPECT_EQ(got, expected);
    EXPECT_EQ(total, static_cast<int>(t.meldingen.size()));
    std::set<std::pair<int, int>> quarters;
    for (const auto& [key, n] : got) quarters.emplace(std::get<0>(key), std::get<1>(key));
    EXPECT_EQ(quarters.size(), 12u) << "three years of quarters";
}

}  // namespace
}  // namespace onregel::test
