// The register from the command line, as a gemeente uses it: run --register proposes controles, the
// sheet comes back filled in and is imported (twice: the second time changes nothing), the next run
// leaves the clean address out, puts the due hercontrole first and shows the history; a sheet with a
// mistake changes nothing and says what to do; purge removes what is past the bewaartermijn.
#include <gdal_priv.h>
#include <gtest/gtest.h>
#include <ogrsf_frmts.h>
#include <map>
#include <nlohmann/json.hpp>

#include "cli_runner.hpp"
#include "engine/date.hpp"

namespace onregel::test {
namespace {

namespace fs = std::filesystem;

std::vector<std::string> run_args(const fs::path& out, const fs::path& reg) {
    return {"run", "--bag", tiny("bag.csv"), "--kvk", tiny("kvk.csv"), "--meldingen", tiny("meldingen.csv"), "--out", out.string(),
            "--quiet", "--capaciteit", "2", "--per-dag", "3", "--register", reg.string()};
}

// The fields of one line of controles.csv (';', every field in "…" with "" inside), unquoted.
std::vector<std::string> fields(const std::string& line) {
    std::vector<std::string> out(1);
    bool quoted = false;
    for (std::size_t i = 0; i < line.size(); ++i) {
        const char c = line[i];
        if (quoted && c == '"' && i + 1 < line.size() && line[i + 1] == '"') {
            out.back() += '"';
            ++i;
        } else if (c == '"') {
            quoted = !quoted;
        } else if (c == ';' && !quoted) {
            out.emplace_back();
        } else {
            out.back() += c;
        }
    }
    return out;
}

std::string quoted_field(const std::string& value) {
    std::string out = "\"";
    for (char c : value) out += c == '"' ? std::string("\"\"") : std::string(1, c);
    return out + "\"";
}

// controles.csv as the handhavers bring it back: `fill` gives each data row's new cells by column name.
void fill_sheet(const fs::path& csv, const std::function<std::map<std::string, std::string>(const std::map<std::string, std::string>&)>& fill) {
    std::istringstream in(slurp(csv));
    std::string header, line, out;
    std::getline(in, header);
    out = header + "\n";  // BOM and all
    if (header.rfind("\xEF\xBB\xBF", 0) == 0) header.erase(0, 3);
    if (!header.empty() && header.back() == '\r') header.pop_back();
    const auto names = fields(header);
    while (std::getline(in, line)) {
        if (!line.empty() && line.back() == '\r') line.pop_back();
        auto cells = fields(line);
        std::map<std::string, std::string> row;
        for (std::size_t i = 0; i < names.size() && i < cells.size(); ++i) row[names[i]] = cells[i];
        for (const auto& [name, value] : fill(row))
            for (std::size_t i = 0; i < names.size(); ++i)
                if (names[i] == name) cells[i] = value;
        std::string joined;
        for (std::size_t i = 0; i < cells.size(); ++i) joined += (i ? ";" : "") + quoted_field(cells[i]);
        out += joined + "\r\n";
    }
    std::ofstream(csv, std::ios::binary) << out;
}

std::string unquoted_id(std::string id) {  // ="0353…" as the sheet writes ids
    if (id.rfind("=\"", 0) == 0) id = id.substr(2, id.size() - 3);
    return id;
}

TEST(CliRegister, AYearInTheRegisterFromProposalToHercontrole) {
    const auto dir = scratch("register_cycle");
    const auto reg = dir / "register.gpkg";
    auto first = run_cli(run_args(dir / "eerste", reg));
    ASSERT_EQ(first.exit_code, 0) << first.err;
    EXPECT_NE(first.out.find("Register bijgewerkt"), std::string::npos) << first.out;
    const auto manifest = nlohmann::json::parse(slurp(dir / "eerste" / "manifest.json"));
    const std::string peildatum = manifest["peildatum"];
    const std::string bezoek = format_date(*parse_date(peildatum) - 30);  // the hercontrole falls due 30 days later
    EXPECT_EQ(manifest["register"]["wijzigingen"]["runs"]["nieuw"], 1);

    // The handhavers visit the first two ranked addresses: nothing at the first, a wrong KvK
    // registration at the second, with a last onder dwangsom and a hercontrole on the peildatum.
    const auto sheet = dir / "controles-ingevuld.csv";
    fs::copy_file(dir / "eerste" / "controles.csv", sheet);
    std::string schoon, gevonden;
    fill_sheet(sheet, [&](const auto& row) -> std::map<std::string, std::string> {
        if (row.at("selectie") != "ranking") return {};
        if (schoon.empty()) {
            schoon = unquoted_id(row.at("bag_id"));
            return {{"datum_bezoek", bezoek}, {"bevinding", "nee"}, {"partners", "politie"}};
        }
        if (gevonden.empty()) {
            gevonden = unquoted_id(row.at("bag_id"));
            return {{"datum_bezoek", bezoek},
                    {"bevinding", "ja"},
                    {"constateringen", "KvK-inschrijving onjuist"},
                    {"vervolg", "last onder dwangsom; hercontrole " + peildatum}};
        }
        return {};
    });
    ASSERT_FALSE(schoon.empty());
    ASSERT_FALSE(gevonden.empty());

    const auto import = run_cli({"register", "import", "--register", reg.string(), "--controles", sheet.string()});
    ASSERT_EQ(import.exit_code, 0) << import.err;
    EXPECT_NE(import.out.find("controles: 2 nieuw, 0 gewijzigd, 0 ongewijzigd"), std::string::npos) << import.out;
    EXPECT_NE(import.out.find("interventies: 2 nieuw"), std::string::npos) << import.out;
    const auto again = run_cli({"register", "import", "--register", reg.string(), "--controles", sheet.string()});
    ASSERT_EQ(again.exit_code, 0) << again.err;
    EXPECT_NE(again.out.find("niets veranderd"), std::string::npos) << again.out;

    // The next run: the clean address rests, the hercontrole comes first, with its history.
    auto second = run_cli(run_args(dir / "tweede", reg));
    ASSERT_EQ(second.exit_code, 0) << second.err;
    const auto controles = nlohmann::json::parse(slurp(dir / "tweede" / "controles.geojson"))["features"];
    ASSERT_FALSE(controles.empty());
    const auto& eerste = controles[0]["properties"];
    EXPECT_EQ(eerste["bag_id"], gevonden);
    EXPECT_EQ(eerste["selectie"], "hercontrole");
    EXPECT_EQ(eerste["controledag"], 1);
    const std::string historie = eerste["historie"];
    EXPECT_NE(historie.find("KvK-inschrijving onjuist; last onder dwangsom, loopt; hercontrole op"), std::string::npos) << historie;
    for (const auto& f : controles) EXPECT_NE(f["properties"]["bag_id"], schoon);
    const auto manifest2 = nlohmann::json::parse(slurp(dir / "tweede" / "manifest.json"));
    EXPECT_EQ(manifest2["register"]["in_rust"], 1);
    EXPECT_EQ(manifest2["voorstel"]["hercontroles"], 1);
    EXPECT_EQ(manifest2["register"]["wijzigingen"]["runs"]["ongewijzigd"], 1);  // the same inputs: the same run

    // explain shows what the register knows, from the run's own register.
    const auto explained = run_cli({"explain", "--out", (dir / "tweede").string(), gevonden});
    ASSERT_EQ(explained.exit_code, 0) << explained.err;
    EXPECT_NE(explained.out.find("Register: Gecontroleerd"), std::string::npos) << explained.out;

    // The logboek holds every change, never a row.
    const auto logboek = slurp(dir / "onregel-logboek.jsonl");
    EXPECT_NE(logboek.find("\"commando\":\"register import\""), std::string::npos);
    EXPECT_EQ(logboek.find(gevonden), std::string::npos);

    // The hercontrole done: a visit on its day closes it, afloop filled in or not; the address is not
    // proposed as a hercontrole again.
    const auto terug = dir / "hercontrole.csv";
    std::ofstream(terug) << "bag_id;datum_bezoek;bevinding;selectie\n" << gevonden << ";" << peildatum << ";nee;hercontrole\n";
    ASSERT_EQ(run_cli({"register", "import", "--register", reg.string(), "--controles", terug.string()}).exit_code, 0);
    ASSERT_EQ(run_cli(run_args(dir / "derde", reg)).exit_code, 0);
    for (const auto& f : nlohmann::json::parse(slurp(dir / "derde" / "controles.geojson"))["features"])
        EXPECT_NE(f["properties"]["selectie"], "hercontrole");

    // Purge on a day far ahead: everything ended goes; the running dwangsom and hercontrole stay.
    const auto purge = run_cli({"register", "purge", "--register", reg.string(), "--peildatum", "2099-01-01"});
    ASSERT_EQ(purge.exit_code, 0) << purge.err;
    EXPECT_NE(purge.out.find("3 controles, 0 interventies"), std::string::npos) << purge.out;
}

// controles.xlsx as Excel keeps it: the visit's date a date cell, the names as the config writes them.
TEST(CliRegister, TheSpreadsheetFromTheDoor) {
    const auto dir = scratch("register_xlsx");
    const auto reg = dir / "register.gpkg";
    ASSERT_EQ(run_cli(run_args(dir / "run", reg)).exit_code, 0);
    GDALAllRegister();
    std::unique_ptr<GDALDataset> source(GDALDataset::Open((dir / "run" / "controles.xlsx").c_str(), GDAL_OF_VECTOR | GDAL_OF_READONLY));
    ASSERT_TRUE(source);
    OGRLayer* in = source->GetLayerByName("controles");
    ASSERT_TRUE(in);
    const auto filled = dir / "ingevuld.xlsx";
    {
        std::unique_ptr<GDALDataset> target(
            GetGDALDriverManager()->GetDriverByName("XLSX")->Create(filled.c_str(), 0, 0, 0, GDT_Unknown, nullptr));
        ASSERT_TRUE(target);
        OGRLayer* out = target->CreateLayer("controles", nullptr, wkbNone, nullptr);
        const auto* defn = in->GetLayerDefn();
        for (int i = 0; i < defn->GetFieldCount(); ++i) {
            OGRFieldDefn field(defn->GetFieldDefn(i));
            if (std::string(field.GetNameRef()) == "datum_bezoek") field.SetType(OFTDate);
            ASSERT_EQ(out->CreateField(&field), OGRERR_NONE);
        }
        bool first = true;
        for (std::unique_ptr<OGRFeature> f(in->GetNextFeature()); f; f.reset(in->GetNextFeature())) {
            OGRFeature copy(out->GetLayerDefn());
            for (int i = 0; i < defn->GetFieldCount(); ++i)
                if (f->IsFieldSetAndNotNull(i)) copy.SetField(i, f->GetFieldAsString(i));
            if (first) {
                copy.SetField("datum_bezoek", 2024, 3, 12);
                copy.SetField("bevinding", "Ja");
                copy.SetField("constateringen", "Opiumwet; Milieu");
                copy.SetField("vervolg", "Sluiting (Opiumwet art. 13b of APV); Doorzetting naar RIEC, politie of Belastingdienst");
                copy.SetField("partners", "politie; omgevingsdienst");
                first = false;
            }
            ASSERT_EQ(out->CreateFeature(&copy), OGRERR_NONE);
        }
    }
    const auto import = run_cli({"register", "import", "--register", reg.string(), "--controles", filled.string()});
    ASSERT_EQ(import.exit_code, 0) << import.err;
    EXPECT_NE(import.out.find("controles: 1 nieuw"), std::string::npos) << import.out;
    EXPECT_NE(import.out.find("interventies: 2 nieuw"), std::string::npos) << import.out;
    const auto again = run_cli({"register", "import", "--register", reg.string(), "--controles", filled.string()});
    EXPECT_NE(again.out.find("niets veranderd"), std::string::npos) << again.out;
}

TEST(CliRegister, ASheetWithAMistakeChangesNothingAndSaysWhatToDo) {
    const auto dir = scratch("register_mistake");
    const auto reg = dir / "register.gpkg";
    const auto sheet = dir / "controles.csv";
    std::ofstream(sheet) << "bag_id;datum_bezoek;bevinding;constateringen;vervolg\n"
                            "0353010000000001;12-3-2026;nee;;\n"
                            "0353010000000002;12-3-2026;ja;;\n"
                            "0353010000000003;12-3-2026;ja;hennepkwekerij;\n"
                            "3.53E+15;12-3-2026;nee;;\n";
    const auto result = run_cli({"register", "import", "--register", reg.string(), "--controles", sheet.string()});
    EXPECT_EQ(result.exit_code, 1);
    EXPECT_NE(result.err.find("niets in het register gezet: 3 rijen"), std::string::npos) << result.err;
    EXPECT_NE(result.err.find("bevinding ja, maar geen constatering genoemd"), std::string::npos) << result.err;
    EXPECT_NE(result.err.find("constatering staat niet in [register.constateringen] 'hennepkwekerij'"), std::string::npos) << result.err;
    EXPECT_NE(result.err.find("wetenschappelijke"), std::string::npos) << result.err;
    EXPECT_FALSE(fs::exists(reg));
}

}  // namespace
}  // namespace onregel::test
