// `onregel validate` as an adviseur runs it: the real binary on the tiny fixture and the Doesburg
// LV BAG extract.
#include <gtest/gtest.h>
#include <sstream>

#include "cli/cli_runner.hpp"
#include "layers/layers_test_util.hpp"

namespace onregel::test {
namespace {

TEST(Validate, ReportsEveryLayerWithMatchRatesRejectsAndExamples) {
    const auto result = run_cli({"validate", "--bag", tiny("bag.csv"), "--kvk", tiny("kvk.csv"), "--meldingen", tiny("meldingen.csv")});
    ASSERT_EQ(result.exit_code, 0) << result.err;
    const auto& out = result.out;
    for (const char* expected : {
             "== bag: ", "== kvk: ", "== meldingen: ", "driver:        CSV",
             "rijen:         20 gelezen, 17 gebruikt, 3 afgewezen",
             "gekoppeld:     17 van 20 (85,0 %)", "adres: 15 (75,0 %)",
             "SBI-versie:    SBI 2008", "datums:        2024-05-01 t/m 2024-07-01",
             "1x BAG-id te kort (voorloopnullen verloren?) -- open het bestand niet in Excel",
             "regel 13 (000000000012): '3409ZZ 99'", "x/y: Amersfoort / RD New (EPSG:28992), aangenomen"})
        EXPECT_NE(out.find(expected), std::string::npos) << expected << "\n" << out;
    EXPECT_EQ(out.find("TINY-CANARY"), std::string::npos) << "free text of meldingen is never read";
    // Every reason says what to do, from the one table of reasons.
    std::istringstream lines(out);
    bool in_reasons = false;
    int reasons = 0;
    for (std::string line; std::getline(lines, line);) {
        if (line.find("afgewezen per reden:") != std::string::npos) in_reasons = true;
        else if (line.rfind("     ", 0) != 0) in_reasons = false;
        else if (in_reasons && line.rfind("       ", 0) != 0) {
            ++reasons;
            EXPECT_NE(line.find(" -- "), std::string::npos) << "no advice: " << line;
        }
    }
    EXPECT_GE(reasons, 3);
}

TEST(Validate, LvBagExtractAndAWarningAboutItsAge) {
    const auto dir = scratch_dir("validate_lvbag");
    const auto kvk = write_file(dir / "kvk.csv", "vestigingsnummer;sbiHoofdactiviteit;postcode;huisnummer;datumAanvang\n"
                                                 "000000000001;6201;6981CH;4;20240101\n");
    const auto result = run_cli({"validate", "--bag", doesburg("BAGNLDL-15092020-small.zip"), "--kvk", kvk, "--gemeente", "0221"});
    ASSERT_EQ(result.exit_code, 0) << result.err;
    for (const char* expected : {"driver:        LVBAG", "stand:         2020-09-15", "selectie:      gemeente 0221",
                                 "3x historie", "per objecttype (elke rij van elk bestand):",
                                 "     pand: 6 gelezen, 2 gebruikt, 0 afgewezen, 4 historie (voorkomen met eindGeldigheid of inactief)",
                                 "     woonplaats: 1 gelezen, 1 gebruikt, 0 afgewezen\n", "LET OP: De BAG (stand 2020-09-15) is ouder dan de nieuwste datum in de KvK-gegevens (2024-01-01)"})
        EXPECT_NE(result.out.find(expected), std::string::npos) << expected << "\n" << result.out;
}

TEST(Validate, MissingColumnExitsOneNamingColumnLayerAndFoundColumns) {
    const auto result = run_cli({"validate", "--bag", tiny("bag.csv"), "--kvk", tiny("missing_column_kvk.csv")});
    EXPECT_EQ(result.exit_code, 1);
    EXPECT_NE(result.err.find("missing_column_kvk.csv: laag 'missing_column_kvk': de verplichte kolom 'sbiHoofdactiviteit' ontbreekt (gevonden: vestigingsnummer"),
              std::string::npos) << result.err;
}

TEST(Validate, BadSelectionIsAUsageError) {
    EXPECT_EQ(run_cli({"validate", "--bag", tiny("bag.csv"), "--kvk", tiny("kvk.csv"), "--bbox", "1,2,3"}).exit_code, 2);
    EXPECT_EQ(run_cli({"validate", "--bag", tiny("bag.csv"), "--kvk", tiny("kvk.csv"), "--gemeente", "Doesburg"}).exit_code, 2);
}

}  // namespace
}  // namespace onregel::test
