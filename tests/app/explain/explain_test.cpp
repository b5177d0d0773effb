// explain() on a hand-made run directory whose list is empty: every address is looked up in the BAG the
// manifest names, known ones show their facts, unknown ones the nearest addresses of their street (in
// the tiny BAG: Kerkstraat 12A and 14; 16 and 18 are rejected rows).
#include "app/explain/explain.hpp"

#include <unistd.h>
#include <filesystem>
#include <fstream>
#include <string>

#include <gtest/gtest.h>

#include "engine/errors.hpp"

namespace onregel {
namespace {

namespace fs = std::filesystem;

std::string tiny(const std::string& file) { return std::string(ONREGEL_SOURCE_DIR) + "/tests/data/tiny/" + file; }

fs::path empty_run() {
    const auto dir = fs::temp_directory_path() / ("onregel-explain-" + std::to_string(::getpid()));
    fs::create_directories(dir);
    std::ofstream(dir / "locaties.geojson") << R"({"type":"FeatureCollection","features":[]})";
    std::ofstream(dir / "manifest.json") << R"({"profiel":"handhaving","peildatum":"2024-06-30","invoer":{"bag":{"bron":")"
                                         << tiny("bag.csv") << R"("},"kvk":{"bron":")" << tiny("kvk.csv") << R"("}}})";
    return dir;
}

std::string error_of(const fs::path& dir, const std::string& query) {
    try {
        explain(dir, query);
    } catch (const input_error& e) {
        return e.what();
    }
    return "no error";
}

TEST(Explain, AnAddressOffTheListShowsItsBagFacts) {
    const auto dir = empty_run();
    const auto text = explain(dir, "kerkstraat 14");
    EXPECT_EQ(text,
              "Kerkstraat 14, 3401AC IJsselstein\n"
              "  BAG verblijfsobject 0353010000000006 in pand 0353100000000005, status Verblijfsobject in gebruik\n"
              "  gebruiksdoel woonfunctie, 120 m², bouwjaar 1932, 0 actieve vestigingen, 0 meldingen\n\n"
              "Geen signaal: het adres staat in de BAG, maar niet bij de 0 locaties met een signaal (peildatum "
              "2024-06-30, profiel handhaving).\n");
    EXPECT_EQ(explain(dir, "3401 AC 14"), text);
    fs::remove_all(dir);
}

TEST(Explain, AnUnknownAddressNamesItsStreetsNearestAddressesOrTheStreetMeant) {
    const auto dir = empty_run();
    EXPECT_EQ(error_of(dir, "Kerkstraat 20"),
              "onbekend adres: 'Kerkstraat 20' staat niet in de BAG van de run. Dichtstbij in dezelfde straat:\n"
              "  Kerkstraat 14, 3401AC IJsselstein (BAG 0353010000000006)\n"
              "  Kerkstraat 12A, 3401AC IJsselstein (BAG 0353010000000003)");
    EXPECT_EQ(error_of(dir, "Kerkstraat 12b, 3401AC"),
              "onbekend adres: 'Kerkstraat 12b, 3401AC' staat niet in de BAG van de run. Dichtstbij in dezelfde straat:\n"
              "  Kerkstraat 12A, 3401AC IJsselstein (BAG 0353010000000003)\n"
              "  Kerkstraat 14, 3401AC IJsselstein (BAG 0353010000000006)");
    EXPECT_EQ(error_of(dir, "Boxenln 2"),
              "onbekend adres: 'Boxenln 2' staat niet in de BAG van de run. De straat Boxenln "
              "komt in de BAG niet voor; bedoelde u Boxenlaan?");
    EXPECT_EQ(error_of(dir, "9999ZZ 1"),
              "onbekend adres: '9999ZZ 1' staat niet in de BAG van de run. Postcode 9999ZZ komt "
              "in de BAG niet voor.");
    EXPECT_NE(error_of(dir, "Boxenlaan 2").find("'Boxenlaan 2' staat niet in de BAG"), std::string::npos)
        << "2-1 and 2-2 exist, 2 itself does not";
    fs::remove_all(dir);
}

}  // namespace
}  // namespace onregel
