// The sample generator: the IJsselstein town's size and shape, its planted cases and ground truth,
// determinism, the null world, the --scale mode, and the files layers/sample_writer makes of it.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <map>
#include <regex>
#include <set>
#include <sstream>
#include <tuple>
#include <unistd.h>

#include "engine/errors.hpp"
#include "engine/sample/csv.hpp"
#include "engine/sample/sample.hpp"
#include "engine/signals/registry.hpp"
#include "engine/match/address.hpp"
#include "sample/sample_writer.hpp"

namespace onregel::test {
namespace {

namespace fs = std::filesystem;
using sample::Chunk;

const Chunk& town(std::uint64_t seed, bool null_world = false) {
    static std::map<std::pair<std::uint64_t, bool>, Chunk> towns;
    auto it = towns.find({seed, null_world});
    if (it == towns.end()) {
        Chunk chunk;
        sample::generate({seed, 0, null_world}, [&](Chunk& c) { chunk = std::move(c); });
        it = towns.emplace(std::pair(seed, null_world), std::move(chunk)).first;
    }
    return it->second;
}

bool in_netherlands(Point p) { return p.x >= 13'000 && p.x <= 278'000 && p.y >= 306'000 && p.y <= 619'000; }

template <class Row>
std::string csv_of(std::string_view header, const std::vector<Row>& rows) {
    std::string out(header);
    for (const auto& r : rows) sample::append_row(out, r);
    return out;
}

std::string all_csv(const Chunk& c) {
    return csv_of(sample::kvk_header(), c.vestigingen) + csv_of(sample::meldingen_header(), c.meldingen) +
           csv_of(sample::vergunningen_header(), c.vergunningen) + csv_of(sample::erkenningen_header(), c.erkenningen) +
           csv_of(sample::ground_truth_header(), c.ground_truth);
}

std::string slurp(const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

fs::path scratch(const std::string& name) {
    const auto dir = fs::temp_directory_path() / ("onregel-sample-" + std::to_string(::getpid()) + "-" + name);
    fs::remove_all(dir);
    return dir;
}

TEST(SampleGenerator, HasTheSizeOfIJsselstein) {
    const auto& t = town(1);
    EXPECT_GE(t.verblijfsobjecten.size(), 15'000u);
    EXPECT_LE(t.verblijfsobjecten.size(), 17'000u);
    EXPECT_GE(t.panden.size(), 11'000u);
    EXPECT_LE(t.panden.size(), 13'000u);
    EXPECT_GE(t.vestigingen.size(), 4'000u);
    EXPECT_LE(t.vestigingen.size(), 5'000u);
    EXPECT_GE(t.meldingen.size(), 200u);
    EXPECT_LE(t.meldingen.size(), 700u);
    EXPECT_GE(t.vergunningen.size(), 100u);
    EXPECT_GE(t.erkenningen.size(), 20u);
}

TEST(SampleGenerator, IdsAndAddressesFollowBag) {
    const auto& t = town(1);
    const std::regex vbo_id("0353010[0-9]{9}"), pand_id("0353100[0-9]{9}"), postcode("340[0-5][A-Z]{2}");
    std::set<std::string> ids, addresses;
    std::map<std::string, int> boxes_per_pand;
    const auto pand_of = [&](const Verblijfsobject& v) { return bag_id_text(t.panden[static_cast<std::size_t>(v.pand)].id); };
    for (const auto& v : t.verblijfsobjecten) {
        const auto id = bag_id_text(v.id);
        ASSERT_TRUE(std::regex_match(id, vbo_id)) << id;
        ASSERT_GE(v.pand, 0) << id;
        ASSERT_TRUE(std::regex_match(pand_of(v), pand_id)) << pand_of(v);
        ASSERT_TRUE(std::regex_match(v.adres.postcode.str(), postcode)) << v.adres.postcode;
        EXPECT_EQ(v.adres.woonplaats, "IJsselstein");
        EXPECT_TRUE(ids.insert(id).second) << "duplicate " << id;
        EXPECT_TRUE(addresses.insert(format_adres(v.adres)).second) << "duplicate " << format_adres(v.adres);
        if (v.gebruiksdoelen == overige_gebruiksfunctie && v.oppervlakte >= 10 && v.oppervlakte <= 25) ++boxes_per_pand[pand_of(v)];
    }
    const auto complexes = std::count_if(boxes_per_pand.begin(), boxes_per_pand.end(), [](const auto& b) { return b.second >= 10; });
    EXPECT_GE(complexes, 10) << "garagebox complexes of 10-60 boxes";
}

TEST(SampleGenerator, EveryPointLiesInTheTownInTheNetherlands) {
    const auto& t = town(1);
    const auto near_ijsselstein = [](Point p) {
        return in_netherlands(p) && std::abs(p.x - 131'900) < 3'000 && std::abs(p.y - 447'300) < 3'000;
    };
    for (const auto& v : t.verblijfsobjecten) ASSERT_TRUE(near_ijsselstein(v.punt)) << v.id;
    for (const auto& p : t.panden) {
        ASSERT_EQ(p.omtrek.size(), 5u);
        for (const auto& q : p.omtrek) ASSERT_TRUE(near_ijsselstein(q)) << p.id;
    }
    for (const auto& m : t.meldingen) {
        if (!m.by_address) { ASSERT_TRUE(near_ijsselstein(m.punt)) << m.id; }
    }
    for (const auto& e : t.erkenningen) ASSERT_TRUE(near_ijsselstein(e.punt)) << e.naam;
}

TEST(SampleGenerator, NoDateAfterThePeildatumAndTheLatestIsIt) {
    const auto& t = town(1);
    const Date peil = sample::peildatum();
    EXPECT_EQ(format_date(peil), "2026-09-30");
    Date latest = 0;
    for (const auto& v : t.vestigingen) {
        latest = std::max({latest, v.aanvang, v.einde.value_or(0)});
        if (v.einde) {
            EXPECT_LT(v.aanvang, *v.einde) << v.vestigingsnummer;
        }
    }
    for (const auto& m : t.meldingen) {
        latest = std::max(latest, m.datum);
        EXPECT_GE(m.datum, peil - 3 * 366) << m.id;
    }
    for (const auto& v : t.vergunningen) latest = std::max(latest, v.datum_aanvraag);
    EXPECT_EQ(latest, peil);
}

TEST(SampleGenerator, SbiMixIsPlausible) {
    const auto& t = town(1);
    std::map<std::string, int> divisions;
    int ended = 0, with_id = 0;
    const std::regex sbi("[0-9]{4,5}");
    for (const auto& v : t.vestigingen) {
        ASSERT_TRUE(std::regex_match(v.sbi_hoofd, sbi)) << v.sbi_hoofd;
        for (const auto& n : v.sbi_neven) ASSERT_TRUE(std::regex_match(n, sbi)) << n;
        ++divisions[v.sbi_hoofd.substr(0, 2)];
        ended += v.einde.has_value();
        with_id += !v.bag_id.empty();
    }
    const auto n = static_cast<double>(t.vestigingen.size());
    EXPECT_GE(divisions.size(), 25u);
    for (const auto& [division, count] : divisions) EXPECT_LT(count / n, 0.2) << "SBI " << division;
    for (const char* common : {"43", "47", "62", "70", "56", "86", "64"}) EXPECT_GE(divisions[common], 40) << common;
    EXPECT_GE(divisions["95"], 20);  // SBI 2025, the default: car repair moved from 45 (gone) to 95
    EXPECT_GT(ended / n, 0.1);
    EXPECT_LT(ended / n, 0.35);
    EXPECT_GT(with_id / n, 0.65);
    EXPECT_LT(with_id / n, 0.75);
}

// SBI 2025 by default, SBI 2008 on request: the same rows, each SBI 2025 code a real one (the SBI 2008
// list of ../shared is the KvK codes Amsterdam used, which lack some the generator writes, e.g. 43341).
TEST(SampleGenerator, WritesSbi2025OrSbi2008) {
    const auto& t2025 = town(1);
    Chunk t2008;
    sample::generate({1, 0, false, SbiVersie::sbi2008}, [&](Chunk& c) { t2008 = std::move(c); });
    ASSERT_EQ(t2008.vestigingen.size(), t2025.vestigingen.size());
    for (std::size_t i = 0; i < t2008.vestigingen.size(); ++i) {
        const auto &a = t2008.vestigingen[i], &b = t2025.vestigingen[i];
        EXPECT_EQ(a.vestigingsnummer, b.vestigingsnummer);
        EXPECT_NE(a.sbi_hoofd, b.sbi_hoofd == "70102" || b.sbi_hoofd == "47793" ? "" : b.sbi_hoofd);
        EXPECT_TRUE(sbi_exists(b.sbi_hoofd, SbiVersie::sbi2025)) << b.sbi_hoofd;
        ASSERT_EQ(a.sbi_neven.size(), b.sbi_neven.size());
    }
}

// Rows without addresseerbaarObjectId are written the ways people write addresses, and all but the
// planted unknown addresses still find their object after the data contract's normalisation.
TEST(SampleGenerator, KvkAddressesMatchBagAfterNormalisation) {
    const auto& t = town(1);
    std::set<std::string> keys;
    for (const auto& v : t.verblijfsobjecten)
        keys.insert(loose_address_key(v.adres.postcode, *parse_huisnummer(std::to_string(v.adres.huisnummer),
                                                                          v.adres.huisletter, v.adres.toevoeging)));
    int by_address = 0, unknown = 0, respelled = 0;
    for (const auto& r : t.vestigingen) {
        if (!r.bag_id.empty()) continue;
        ++by_address;
        const auto postcode = normalise_postcode(r.postcode);
        ASSERT_TRUE(postcode) << r.postcode;
        respelled += *postcode != r.postcode || (!r.toevoeging.empty() && r.huisletter.empty() && r.toevoeging.size() == 1 &&
                                                 std::isalpha(static_cast<unsigned char>(r.toevoeging[0])));
        const auto h = parse_huisnummer(r.huisnummer, r.huisletter, r.toevoeging);
        ASSERT_TRUE(h) << r.huisnummer;
        if (!keys.count(loose_address_key(*postcode, *h))) ++unknown;
    }
    EXPECT_GT(by_address, 1000);
    EXPECT_GT(respelled, 200);
    EXPECT_EQ(unknown, 4) << "only the planted firms on house numbers that do not exist";
}

TEST(SampleGenerator, GroundTruthCoversEverySignalAndLookalike) {
    const auto& t = town(1);
    std::map<std::string, const Verblijfsobject*> by_id;
    for (const auto& v : t.verblijfsobjecten) by_id[bag_id_text(v.id)] = &v;
    ASSERT_TRUE(std::is_sorted(t.ground_truth.begin(), t.ground_truth.end()));
    ASSERT_EQ(std::adjacent_find(t.ground_truth.begin(), t.ground_truth.end()), t.ground_truth.end());
    std::map<std::string, std::set<std::string>> planted, lookalike;
    for (const auto& g : t.ground_truth) {
        ASSERT_TRUE(by_id.count(g.bag_id)) << g.bag_id;
        ASSERT_TRUE(g.kind == "planted" || g.kind == "lookalike") << g.kind;
        (g.kind == "planted" ? planted : lookalike)[g.expected_signal].insert(g.bag_id);
    }
    const auto signals = make_signals();
    for (const auto& s : signals) EXPECT_GE(planted[s->info().id].size(), 3u) << s->info().id;
    EXPECT_EQ(planted.size(), signals.size()) << "no ground truth for a signal that does not exist";
    for (const char* kind : {"bedrijven_op_adres", "woonadres_bedrijvigheid", "gebruiksdoel_mismatch", "oppervlakte_onrealistisch"})
        EXPECT_GE(lookalike[kind].size(), 3u) << kind;
    EXPECT_GE(lookalike["boxencomplex"].size(), 30u) << "three complexes of ten boxes or more";
    for (const auto& id : planted["adres_onbekend"]) {
        const auto status = by_id[id]->status;
        EXPECT_TRUE(status == VboStatus::ingetrokken || status == VboStatus::niet_gerealiseerd) << id;
    }
    for (const auto& id : lookalike["oppervlakte_onrealistisch"]) EXPECT_GE(by_id[id]->oppervlakte, 1000) << id;
}

TEST(SampleGenerator, PrivacyCanaryOnlyInTheFreeText) {
    const auto& t = town(1);
    for (std::size_t i = 0; i < t.meldingen.size(); ++i) {
        const auto& m = t.meldingen[i];
        const std::string canary = "PRIVACY-CANARY-" + std::to_string(i + 1);
        EXPECT_NE(m.omschrijving.find(canary), std::string::npos) << m.id;
        EXPECT_NE(m.melder.find(canary), std::string::npos) << m.id;
        for (const auto* field : {&m.id, &m.categorie, &m.bron, &m.postcode, &m.huisnummer, &m.huisletter, &m.toevoeging})
            EXPECT_EQ(field->find("CANARY"), std::string::npos) << m.id;
    }
}

TEST(SampleGenerator, SameSeedSameBytesOtherSeedOtherTown) {
    Chunk again;
    sample::generate({1, 0}, [&](Chunk& c) { again = std::move(c); });
    EXPECT_EQ(all_csv(again), all_csv(town(1)));
    EXPECT_NE(csv_of(sample::kvk_header(), town(2).vestigingen), csv_of(sample::kvk_header(), town(1).vestigingen));
    EXPECT_NE(csv_of(sample::ground_truth_header(), town(2).ground_truth),
              csv_of(sample::ground_truth_header(), town(1).ground_truth));
}

// The null world is the normal town's layout and background: the planted rows come first in the
// normal town, so the null town's rows are the normal town's last ones, with the firms permuted over
// the vestigingen and the meldingen moved.
TEST(SampleNullWorld, TheNormalTownsBackgroundWithNothingPlanted) {
    const auto& normal = town(1);
    const auto& null = town(1, true);
    EXPECT_TRUE(null.ground_truth.empty());
    std::set<std::string> planted_hosts;
    for (const auto& g : normal.ground_truth) planted_hosts.insert(g.bag_id);

    ASSERT_EQ(null.verblijfsobjecten.size(), normal.verblijfsobjecten.size());
    ASSERT_EQ(null.panden.size(), normal.panden.size());
    for (std::size_t i = 0; i < null.verblijfsobjecten.size(); ++i) {
        const auto &v = null.verblijfsobjecten[i], &w = normal.verblijfsobjecten[i];
        ASSERT_EQ(v.id, w.id);
        ASSERT_EQ(format_adres(v.adres), format_adres(w.adres));
        ASSERT_TRUE(v.punt.x == w.punt.x && v.punt.y == w.punt.y) << v.id;
        // Planting changes a host's floor area, status or gebruiksdoel; the null town keeps the layout's.
        if (v.oppervlakte != w.oppervlakte || v.status != w.status || v.gebruiksdoelen != w.gebruiksdoelen) {
            EXPECT_TRUE(planted_hosts.count(bag_id_text(v.id))) << v.id;
        }
    }

    ASSERT_LT(null.vestigingen.size(), normal.vestigingen.size());
    const auto planted_rows = normal.vestigingen.size() - null.vestigingen.size();
    EXPECT_GT(planted_rows, 100u);
    EXPECT_LT(planted_rows, 300u);
    for (std::size_t k = 0; k < planted_rows; ++k) {
        const auto& r = normal.vestigingen[k];
        if (!r.bag_id.empty()) { EXPECT_TRUE(planted_hosts.count(r.bag_id)) << r.vestigingsnummer; }
    }
    using Firm = std::tuple<std::string, std::string, std::string, bool, std::string, std::vector<std::string>>;
    const auto firm = [](const sample::KvkRow& r) {
        return Firm{r.kvk_nummer, r.handelsnaam, r.rechtsvorm, r.hoofdvestiging, r.sbi_hoofd, r.sbi_neven};
    };
    std::vector<Firm> null_firms, background_firms;
    std::size_t moved = 0;
    for (std::size_t k = 0; k < null.vestigingen.size(); ++k) {
        const auto &r = null.vestigingen[k], &b = normal.vestigingen[planted_rows + k];
        ASSERT_EQ(r.vestigingsnummer, b.vestigingsnummer);
        ASSERT_EQ(std::tie(r.straat, r.huisnummer, r.huisletter, r.toevoeging, r.postcode, r.plaats, r.bag_id),
                  std::tie(b.straat, b.huisnummer, b.huisletter, b.toevoeging, b.postcode, b.plaats, b.bag_id));
        ASSERT_EQ(std::tie(r.aanvang, r.einde, r.werkzame_personen), std::tie(b.aanvang, b.einde, b.werkzame_personen));
        null_firms.push_back(firm(r));
        background_firms.push_back(firm(b));
        moved += r.sbi_hoofd != b.sbi_hoofd;
    }
    std::sort(null_firms.begin(), null_firms.end());
    std::sort(background_firms.begin(), background_firms.end());
    EXPECT_TRUE(null_firms == background_firms) << "the background's firms, SBI codes included, permuted";
    EXPECT_GT(moved, null.vestigingen.size() * 8 / 10);

    // The meldingen: the background's, each on a verblijfsobject's address or exactly on its point.
    ASSERT_GT(null.meldingen.size(), 200u);
    ASSERT_LT(null.meldingen.size(), normal.meldingen.size());
    const auto planted_meldingen = normal.meldingen.size() - null.meldingen.size();
    std::set<std::pair<double, double>> points;
    std::set<std::string> addresses;
    for (const auto& v : null.verblijfsobjecten) {
        points.insert({std::round(v.punt.x * 100) / 100, std::round(v.punt.y * 100) / 100});
        addresses.insert(v.adres.postcode + " " + std::to_string(v.adres.huisnummer) + v.adres.huisletter + "-" + v.adres.toevoeging);
    }
    std::set<std::pair<double, double>> used;
    for (std::size_t k = 0; k < null.meldingen.size(); ++k) {
        const auto &m = null.meldingen[k], &b = normal.meldingen[planted_meldingen + k];
        ASSERT_EQ(std::tie(m.id, m.datum, m.categorie, m.bron, m.by_address), std::tie(b.id, b.datum, b.categorie, b.bron, b.by_address));
        if (m.by_address) {
            ASSERT_EQ(m.postcode.size(), b.postcode.size()) << m.id << ": the postcode written as before";
            const auto postcode = m.postcode.size() == 7 ? m.postcode.substr(0, 4) + m.postcode.substr(5) : m.postcode;
            EXPECT_TRUE(addresses.count(postcode + " " + m.huisnummer + m.huisletter + "-" + m.toevoeging)) << m.id;
        } else {
            EXPECT_TRUE(points.count({m.punt.x, m.punt.y})) << m.id;
            used.insert({m.punt.x, m.punt.y});
        }
    }
    EXPECT_GT(used.size(), 150u) << "spread over the town, not heaped";
}

TEST(SampleNullWorld, SameSeedSameBytesAndEveryScaleTownToo) {
    Chunk again;
    sample::generate({1, 0, true}, [&](Chunk& c) { again = std::move(c); });
    EXPECT_EQ(all_csv(again), all_csv(town(1, true)));
    EXPECT_NE(all_csv(town(2, true)), all_csv(town(1, true)));
    std::int64_t vbos = 0, null_vbos = 0, towns = 0;
    sample::generate({5, 40'000}, [&](Chunk& c) { vbos += static_cast<std::int64_t>(c.verblijfsobjecten.size()); });
    sample::generate({5, 40'000, true}, [&](Chunk& c) {
        ++towns;
        null_vbos += static_cast<std::int64_t>(c.verblijfsobjecten.size());
        EXPECT_TRUE(c.ground_truth.empty());
        EXPECT_FALSE(c.meldingen.empty());
    });
    EXPECT_EQ(null_vbos, vbos);
    EXPECT_GE(towns, 2);
}

TEST(SampleScale, WritesExactlyNObjectsInTownsOverTheNetherlands) {
    std::int64_t vbos = 0, vestigingen = 0, meldingen = 0, towns = 0;
    std::set<std::string> ids, vestigingsnummers, postcodes;
    sample::generate({5, 40'000}, [&](Chunk& c) {
        ++towns;
        vbos += static_cast<std::int64_t>(c.verblijfsobjecten.size());
        vestigingen += static_cast<std::int64_t>(c.vestigingen.size());
        meldingen += static_cast<std::int64_t>(c.meldingen.size());
        std::set<std::string> town_postcodes;
        for (const auto& v : c.verblijfsobjecten) {
            ASSERT_TRUE(in_netherlands(v.punt)) << v.id;
            ASSERT_TRUE(ids.insert(bag_id_text(v.id)).second) << v.id;
            town_postcodes.insert(v.adres.postcode.str());
        }
        for (const auto& p : town_postcodes) ASSERT_TRUE(postcodes.insert(p).second) << "postcode in two towns: " << p;
        for (const auto& v : c.vestigingen) ASSERT_TRUE(vestigingsnummers.insert(v.vestigingsnummer).second);
        for (const auto& m : c.meldingen) {
            if (!m.by_address) { ASSERT_TRUE(in_netherlands(m.punt)) << m.id; }
        }
    });
    EXPECT_EQ(vbos, 40'000);
    EXPECT_GE(towns, 2);
    EXPECT_NEAR(static_cast<double>(vestigingen) / 40'000, 0.26, 0.05);
    EXPECT_NEAR(static_cast<double>(meldingen) / 40'000, 0.1, 0.02);
}

TEST(SampleScale, OutOfRangeIsAConfigError) {
    EXPECT_THROW(sample::generate({1, sample::max_scale + 1}, [](Chunk&) {}), config_error);
    EXPECT_THROW(sample::generate({1, -5}, [](Chunk&) {}), config_error);
}

void write_sample(const fs::path& dir, std::uint64_t seed) {
    SampleWriter writer(dir, true);
    sample::generate({seed, 0}, [&](Chunk& c) { writer.write(c); });
    writer.finish();
}

// Written through GDAL and read back: the PDOK bag-light layers in RD New, and the CSV files byte for
// byte what the engine formats (so the same seed gives the same files).
TEST(SampleWriter, WritesBagLightLayersAndTheCsvFiles) {
    const auto dir = scratch("writer");
    write_sample(dir, 1);
    const auto layers = summarise_layers(dir / "bag.gpkg");
    ASSERT_EQ(layers.size(), 2u);
    std::map<std::string, LayerSummary> by_name;
    for (const auto& l : layers) by_name[l.name] = l;
    const auto& vbo = by_name["verblijfsobject"];
    EXPECT_EQ(vbo.geometry, "Point");
    EXPECT_EQ(vbo.epsg, "28992");
    EXPECT_EQ(vbo.features, static_cast<std::int64_t>(town(1).verblijfsobjecten.size()));
    EXPECT_EQ(vbo.fields, (std::vector<std::string>{"identificatie", "status", "gebruiksdoel", "oppervlakte",
                                                    "openbare_ruimte_naam", "huisnummer", "huisletter", "toevoeging",
                                                    "postcode", "woonplaats_naam", "bouwjaar", "pand_identificatie",
                                                    "pandstatus", "nummeraanduiding_hoofdadres_identificatie",
                                                    "bronhouder_identificatie"}));
    EXPECT_TRUE(in_netherlands({vbo.min_x, vbo.min_y}) && in_netherlands({vbo.max_x, vbo.max_y}));
    const auto& pand = by_name["pand"];
    EXPECT_EQ(pand.geometry, "Polygon");
    EXPECT_EQ(pand.epsg, "28992");
    EXPECT_EQ(pand.features, static_cast<std::int64_t>(town(1).panden.size()));
    EXPECT_EQ(pand.fields, (std::vector<std::string>{"identificatie", "bouwjaar", "status", "gebruiksdoel",
                                                     "oppervlakte_min", "oppervlakte_max", "aantal_verblijfsobjecten"}));

    const auto& t = town(1);
    EXPECT_EQ(slurp(dir / "kvk_vestigingen.csv"), csv_of(sample::kvk_header(), t.vestigingen));
    EXPECT_EQ(slurp(dir / "meldingen.csv"), csv_of(sample::meldingen_header(), t.meldingen));
    EXPECT_EQ(slurp(dir / "vergunningen.csv"), csv_of(sample::vergunningen_header(), t.vergunningen));
    EXPECT_EQ(slurp(dir / "erkenningen.csv"), csv_of(sample::erkenningen_header(), t.erkenningen));
    EXPECT_EQ(slurp(dir / "ground_truth.csv"), csv_of(sample::ground_truth_header(), t.ground_truth));

    const auto other = scratch("writer-seed2");
    write_sample(other, 2);
    for (const char* f : {"kvk_vestigingen.csv", "meldingen.csv", "ground_truth.csv"})
        EXPECT_NE(slurp(dir / f), slurp(other / f)) << f;
    fs::remove_all(dir);
    fs::remove_all(other);
}

}  // namespace
}  // namespace onregel::test
