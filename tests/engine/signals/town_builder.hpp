#pragma once
// Small hand-made towns for signal tests (PDAL's FauxReader idea): one line per object, then
// run(make_configured<Signal>({overrides})), the path every configuration takes.
#include <map>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "engine/config.hpp"
#include "engine/errors.hpp"
#include "engine/grid_index.hpp"
#include "engine/model.hpp"
#include "engine/policy.hpp"
#include "engine/signal.hpp"
#include "engine/text.hpp"

namespace onregel::test {

inline Date day(int y, unsigned m, unsigned d) { return date_from_ymd(y, m, d); }

// Tests write SBI 2008 codes; on SBI 2025 the builder writes each code's SBI 2025 successor (CBS's list,
// Eurostat's NACE Rev. 2 -> 2.1 table), so a test runs on both versions with one body. Every code a
// test names is here (a missing one fails the test), and sbi_test checks each twin is a real code.
inline const std::map<std::string, std::string>& sbi2025_twins() {
    static const std::map<std::string, std::string> twins = {
        {"0111", "01110"},  {"1071", "10710"},  {"2511", "25110"},  {"3312", "33121"},  {"41", "41"},
        {"4120", "41000"},  {"4511", "47810"},  {"4520", "95311"},  {"45201", "95312"}, {"45203", "95314"},
        {"45205", "95316"}, {"4532", "47820"},  {"4690", "46902"},  {"4711", "47110"},  {"4771", "47713"},
        {"47911", "47910"}, {"4941", "49410"},  {"5610", "56111"},  {"5630", "56300"},  {"6201", "62100"},
        {"6202", "62200"},  {"6420", "64210"},  {"70102", "70102"}, {"7022", "70202"},  {"70221", "70201"},
        {"7410", "74140"},  {"7711", "77111"},  {"9499", "94991"},  {"96021", "96210"}, {"9604", "96230"},
    };
    return twins;
}

class TownBuilder {
public:
    Town town;
    Policy policy = default_policy();
    SbiVersie sbi_versie = SbiVersie::sbi2008;  // of the vestigingen written

    explicit TownBuilder(Date peildatum = day(2025, 1, 1), SbiVersie versie = SbiVersie::sbi2008) : sbi_versie(versie) {
        town.peildatum = peildatum;
    }

    // The code a vestiging given the SBI 2008 code gets in this town's version.
    std::string sbi(const std::string& sbi2008) const {
        if (sbi_versie != SbiVersie::sbi2025) return sbi2008;
        const auto it = sbi2025_twins().find(sbi2008);
        if (it == sbi2025_twins().end()) ADD_FAILURE() << "no SBI 2025 twin for " << sbi2008 << " in town_builder.hpp";
        return it == sbi2025_twins().end() ? sbi2008 : it->second;
    }

    // A verblijfsobject; without a point, objects lie 1 km apart so nothing is near by accident.
    std::uint32_t vbo(GebruiksdoelSet doelen, std::int32_t m2, std::int32_t pand = -1) {
        const auto n = town.verblijfsobjecten.size();
        return vbo_at(doelen, m2, {100000.0 + 1000.0 * static_cast<double>(n), 450000}, pand);
    }
    std::uint32_t vbo_at(GebruiksdoelSet doelen, std::int32_t m2, Point punt, std::int32_t pand = -1) {
        Verblijfsobject v;
        const auto n = town.verblijfsobjecten.size();
        v.id = 363010000000000 + n + 1;  // 0363010000000001, ...
        v.punt = punt;
        v.gebruiksdoelen = doelen;
        v.oppervlakte = m2;
        v.pand = pand;
        v.adres = {"Teststraat", static_cast<std::int32_t>(n + 1), "", "", "1234AB", "Teststad"};
        town.verblijfsobjecten.push_back(v);
        return static_cast<std::uint32_t>(n);
    }
    Verblijfsobject& object(std::uint32_t i) { return town.verblijfsobjecten[i]; }

    std::int32_t pand(std::string status = "Pand in gebruik") {
        const auto n = town.panden.size();
        town.panden.push_back({363100000000000 + n + 1, 1970, std::move(status), {}});
        return static_cast<std::int32_t>(n);
    }

    // An active vestiging (started 2020-01-01) on the object, with the SBI 2008 code or its twin; tweak the
    // returned reference in place.
    Vestiging& vestiging(std::uint32_t vbo, const std::string& sbi2008, std::optional<Date> aanvang = day(2020, 1, 1),
                         std::optional<Date> einde = std::nullopt) {
        Vestiging v;
        v.vestigingsnummer = std::to_string(100000000000 + town.vestigingen.size());
        v.kvk_nummer = std::to_string(10000000 + town.vestigingen.size());
        v.rechtsvorm = "Besloten Vennootschap";
        v.aanvang = aanvang;
        v.einde = einde;
        v.sbi_hoofd = sbi(sbi2008);
        v.sbi_versie = sbi_versie;
        v.adres = town.verblijfsobjecten[vbo].adres;
        v.vbo = static_cast<std::int32_t>(vbo);
        town.vestigingen.push_back(std::move(v));
        return town.vestigingen.back();
    }
    // n identical active vestigingen.
    void vestigingen(std::uint32_t vbo, int n, const std::string& sbi) {
        for (int k = 0; k < n; ++k) vestiging(vbo, sbi);
    }

    // A melding matched to the object (at its point), or with only a location when vbo < 0.
    Melding& melding(std::int32_t vbo, Date datum, std::string categorie = "overlast", std::optional<Point> punt = {}) {
        Melding m;
        m.id = "M" + std::to_string(town.meldingen.size() + 1);
        m.datum = datum;
        m.categorie = std::move(categorie);
        m.bron = "intern";
        m.vbo = vbo;
        m.punt = punt ? *punt : town.verblijfsobjecten[static_cast<std::size_t>(vbo)].punt;
        town.meldingen.push_back(m);
        return town.meldingen.back();
    }

    Vergunning& vergunning(std::int32_t vbo, Date datum, std::int64_t bouwkosten, std::string aanvrager = "") {
        town.has_vergunningen = true;
        town.vergunningen.push_back({"Z" + std::to_string(town.vergunningen.size() + 1), datum, std::move(aanvrager),
                                     bouwkosten, "bouwen", vbo});
        return town.vergunningen.back();
    }

    Erkenning& erkenning(std::int32_t vbo, Point punt, std::string soort = "APK") {
        town.has_erkenningen = true;
        town.erkenningen.push_back({"Garage", std::move(soort), punt, vbo});
        return town.erkenningen.back();
    }

    // Links the town, builds the indices and evaluates the signal.
    std::vector<Hit> run(const Signal& signal) {
        town.link();
        std::vector<Point> vbo_points, melding_points;
        for (const auto& v : town.verblijfsobjecten) vbo_points.push_back(v.punt);
        for (const auto& m : town.meldingen) melding_points.push_back(m.punt);
        const GridIndex vbo_index(vbo_points, 100), melding_index(melding_points, 100);
        const Context context{town, vbo_index, melding_index, policy};
        return signal.evaluate(context);
    }
};

// A signal test that uses a branch runs on both SBI versions: TEST_P(Suite, ...) with `auto b = town();`,
// where Suite is `using Suite = BothSbi;` and ONREGEL_ON_BOTH_SBI(Suite) follows the tests.
class BothSbi : public ::testing::TestWithParam<SbiVersie> {
protected:
    TownBuilder town(Date peildatum = day(2025, 1, 1)) const { return TownBuilder(peildatum, GetParam()); }
};

inline std::string sbi_param_name(const ::testing::TestParamInfo<SbiVersie>& info) {
    return info.param == SbiVersie::sbi2025 ? "sbi2025" : "sbi2008";
}

#define ONREGEL_ON_BOTH_SBI(Suite)                                                                              \
    INSTANTIATE_TEST_SUITE_P(Sbi, Suite, ::testing::Values(SbiVersie::sbi2008, SbiVersie::sbi2025), \
                             sbi_param_name)

}  // namespace onregel::test
