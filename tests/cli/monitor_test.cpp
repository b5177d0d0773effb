// `onregel monitor` from the command line on a register written as the stores write it (the fixture
// of tests/app/monitor, with one more interventie imported through `register import`): the three files,
// private, with the logboek lines; the figures in the Markdown; no bag_id or canary in any byte of any
// file (the workbook's members inflated); the period options; Dutch errors.
#include <gtest/gtest.h>
#include <sys/stat.h>

#include <fstream>
#include <nlohmann/json.hpp>

#include "../app/monitor/monitor_fixture.hpp"
#include "cli_runner.hpp"
#include "layers/postgis_server.hpp"
#include "layers/register/register_store.hpp"
#include "written.hpp"

namespace onregel::test {
namespace {

namespace fs = std::filesystem;

fs::path fixture_register(const fs::path& dir) {
    const auto reg = dir / "register.gpkg";
    write_register(reg.string(), monitor_fixture());
    // G gets a waarschuwing in 2026, through the sheet a gemeente fills in.
    const auto sheet = dir / "interventies.csv";
    std::ofstream(sheet) << "bag_id,soort,start,einde,afloop\n"
                         << monitor_bag_ids[6] << ",Waarschuwing,2026-06-01,2026-06-15,opgevolgd\n";
    const auto import = run_cli({"register", "import", "--register", reg.string(), "--interventies", sheet.string()});
    EXPECT_EQ(import.exit_code, 0) << import.err;
    return reg;
}

TEST(CliMonitor, TheYearlyReportFromTheRegister) {
    const auto dir = scratch("monitor");
    const auto reg = fixture_register(dir);
    const auto out = dir / "rapport";
    const auto result = run_cli({"monitor", "--register", reg.string(), "--jaar", "2026", "--out", out.string()});
    ASSERT_EQ(result.exit_code, 0) << result.err;
    EXPECT_NE(result.out.find("Periode 2026-01-01 tot en met 2026-12-31: 8 controles."), std::string::npos) << result.out;
    EXPECT_NE(result.out.find("Minstens zes integrale controles (controledagen) per jaar: gehaald"), std::string::npos) << result.out;

    for (const auto* name : {"monitor.html", "monitor.md", "monitor.xlsx"}) {
        struct stat st {};
        ASSERT_EQ(::stat((out / name).c_str(), &st), 0) << name;
        EXPECT_EQ(st.st_mode & 0777, 0600u) << name;
    }
    const auto md = slurp(out / "monitor.md");
    EXPECT_NE(md.find("# Monitor controles en interventies 2026"), std::string::npos);
    EXPECT_NE(md.find("| Hele periode | 8 | 6 | 4 |"), std::string::npos) << md;
    // The imported waarschuwing (14 days) beside D's (113 days): two, median (14 + 113) / 2 = 63.5.
    EXPECT_NE(md.find("| Waarschuwing | 2 | 0 | 2 | 0 | 0 | 0 | 0 | 0 | 2 | 63,5 |"), std::string::npos) << md;
    EXPECT_NE(md.find("| Oost | 0 | 0 | 0 | < 5 | 0 |"), std::string::npos) << md;

    const auto html = slurp(out / "monitor.html");
    EXPECT_NE(html.find("content=\"default-src 'none'; style-src 'unsafe-inline'\""), std::string::npos);
    EXPECT_NE(html.find("@page{size:A4"), std::string::npos);
    EXPECT_NE(html.find("<svg"), std::string::npos);
    EXPECT_EQ(html.find("<script"), std::string::npos);
    EXPECT_EQ(html.find("src="), std::string::npos);
    EXPECT_EQ(html.find("href="), std::string::npos);

    // One workbook, a sheet per table and the contents sheet.
    const auto members = zip_members(slurp(out / "monitor.xlsx"));
    std::string workbook;
    for (const auto& [name, content] : members)
        if (name == "xl/workbook.xml") workbook = content;
    for (const auto* sheet : {"inhoud", "doelen", "kwartalen", "selectie", "meldingen_buurt", "signalen_buurt"})
        EXPECT_NE(workbook.find(std::string("name=\"") + sheet + "\""), std::string::npos) << sheet << "\n" << workbook;

    Written written;
    written.add_files(out);
    written.add("stdout", result.out);
    for (const auto& id : monitor_bag_ids) EXPECT_EQ(written.where(id), "") << id;
    EXPECT_EQ(written.where("canary"), "");

    // The logboek beside the output: started, then ok with the period and the files.
    std::ifstream log(dir / "onregel-logboek.jsonl");
    std::vector<nlohmann::json> lines;
    for (std::string line; std::getline(log, line);) lines.push_back(nlohmann::json::parse(line));
    ASSERT_GE(lines.size(), 2u);
    EXPECT_EQ(lines.back()["commando"], "monitor");
    EXPECT_EQ(lines.back()["resultaat"], "ok");
    EXPECT_EQ(lines.back()["periode"]["tot_en_met"], "2026-12-31");
    EXPECT_EQ(lines.back()["uitvoer"]["bestanden"].size(), 3u);
}

TEST(CliMonitor, PeriodsAndErrors) {
    const auto dir = scratch("monitor_periods");
    const auto reg = fixture_register(dir);
    // Without a period: the year of the latest controle (G, 2027-01-10).
    const auto latest = run_cli({"monitor", "--register", reg.string(), "--out", (dir / "laatste").string()});
    ASSERT_EQ(latest.exit_code, 0) << latest.err;
    EXPECT_NE(latest.out.find("Periode 2027-01-01 tot en met 2027-12-31: 1 controle."), std::string::npos) << latest.out;
    // A half year: the yearly goal cannot be judged.
    const auto half = run_cli(
        {"monitor", "--register", reg.string(), "--van", "2026-01-01", "--tot", "2026-06-30", "--out", (dir / "half").string()});
    ASSERT_EQ(half.exit_code, 0) << half.err;
    EXPECT_NE(half.out.find("5 controles"), std::string::npos) << half.out;
    EXPECT_NE(half.out.find("Minstens zes integrale controles (controledagen) per jaar: niet te bepalen"), std::string::npos) << half.out;
    // A register that is not there is an input error, and no output appears.
    const auto missing = run_cli({"monitor", "--register", (dir / "nergens.gpkg").string(), "--out", (dir / "niets").string()});
    EXPECT_EQ(missing.exit_code, 1);
    EXPECT_NE(missing.err.find("dit register bestaat niet"), std::string::npos) << missing.err;
    EXPECT_FALSE(fs::exists(dir / "niets" / "monitor.html"));
    EXPECT_FALSE(fs::exists(dir / "nergens.gpkg"));
}

// The register works the same in PostgreSQL: the same rows written there give the same report, but for
// the line that names the source (a PG: string is never printed: it may hold a password).
TEST(CliMonitor, TheSameReportFromPostgis) {
    const PostgisServer server;
    ASSERT_TRUE(server.running()) << "could not start PostgreSQL + PostGIS (scripts/install-deps --tests installs it)";
    const auto dir = scratch("monitor_postgis");
    const auto gpkg = fixture_register(dir);
    const auto pg = server.connection() + " password=geheim-wachtwoord";
    write_register(pg, read_register(gpkg.string()));
    for (const auto& [reg, out] : {std::pair{gpkg.string(), dir / "uit-bestand"}, {pg, dir / "uit-postgis"}}) {
        const auto result = run_cli({"monitor", "--register", reg, "--jaar", "2026", "--out", out.string()});
        ASSERT_EQ(result.exit_code, 0) << result.err;
    }
    const auto without_source = [](std::string md) {
        const auto at = md.find("Bron: ");
        return md.erase(at, md.find(')', at) - at);
    };
    const auto from_file = slurp(dir / "uit-bestand" / "monitor.md"), from_pg = slurp(dir / "uit-postgis" / "monitor.md");
    EXPECT_NE(from_pg.find("Bron: het controleregister (PostgreSQL"), std::string::npos) << from_pg.substr(0, 400);
    EXPECT_EQ(without_source(from_file), without_source(from_pg));
    for (const auto* name : {"monitor.md", "monitor.html"})
        EXPECT_EQ(slurp(dir / "uit-postgis" / name).find("geheim-wachtwoord"), std::string::npos) << name;
    EXPECT_EQ(slurp(dir / "onregel-logboek.jsonl").find("geheim-wachtwoord"), std::string::npos);
}

}  // namespace
}  // namespace onregel::test
