// `onregel validate` as an adviseur runs it: the real binary on the tiny fixture and the Doesburg
// LV BAG extract.
#include <gtest/gtest.h>

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
             "gekoppeld:     17 van 20 (85.0%)", "adres: 15 (75.0%)",
             "SBI-versie:    SBI 2008", "datums:        2024-05-01 t/m 2024-07-01",
             "1x BAG-id te kort (voorloopnullen verloren?) -- open het bestand niet in Excel",
             "regel 13 (000000000012): '3409ZZ 99'", "x/y: Amersfoort / RD New (EPSG:28992), aangenomen"})
        EXPECT_NE(out.find(expected), std::string::npos) << expected << "\n" << out;
    EXPECT_EQ(out.find("TINY-CANARY"), std::string::npos) << "free text of meldingen is never read";
}

TEST(Validate, LvBagExtractAndAWarningAboutItsAge) {
    const auto dir = scratch_dir("validate_lvbag");
    const auto kvk = write_file(dir / "kvk.csv", "vestigingsnummer;sbiHoofdactiviteit;postcode;huisnummer;datumAanvang\n"
                                                 "000000000001;6201;6981CH;4;20240101\n");
    const auto result = run_cli({"validate", "--bag", doesburg("BAGNLDL-15092020-small.zip"), "--kvk", kvk, "--gemeente", "0221"});
    ASSERT_EQ(result.exit_code, 0) << result.err;
    for (const char* expected : {"driver:        LVBAG", "stand:         2020-09-15", "selectie:      gemeente 0221",
                                 "3x historie", "LET OP: De BAG (stand 2020-09-15) is ouder dan de nieuwste datum in de KvK-gegevens (2024-01-01)"})
        EXPECT_NE(result.out.find(expected), std::string::npos) << expected << "\n" << result.out;
}

TEST(Validate, MissingColumnExitsOneNamingColumnLayerAndFoundColumns) {
    const auto result = run_cli({"validate", "--bag", tiny("bag.csv"), "--kvk", tiny("missing_column_kvk.csv")});
    EXPECT_EQ(result.exit_code, 1);
    EXPECT_NE(result.err.find("missing_column_kvk.csv: layer 'missing_column_kvk': missing required column 'sbiHoofdactiviteit' (found: vestigingsnummer"),
              std::string::npos) << result.err;
}

TEST(Validate, BadSelectionIsAUsageError) {
    EXPECT_EQ(run_cli({"validate", "--bag", tiny("bag.csv"), "--kvk", tiny("kvk.csv"), "--bbox", "1,2,3"}).exit_code, 2);
    EXPECT_EQ(run_cli({"validate", "--bag", tiny("bag.csv"), "--kvk", tiny("kvk.csv"), "--gemeente", "Doesburg"}).exit_code, 2);
}

}  // namespace
}  // namespace onregel::test
