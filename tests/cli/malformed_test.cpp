// The corpus of broken inputs in tests/malformed/: each case has its expected outcome in cases.json,
// and none may crash, hang or leave a half-written output behind.
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>
#include <regex>
#include <stdexcept>

#include "cli_runner.hpp"
#include "layers/read/rejects.hpp"

namespace onregel::test {
namespace {

namespace fs = std::filesystem;

const fs::path corpus = fs::path(ONREGEL_SOURCE_DIR) / "tests/malformed";

nlohmann::json load_cases() { return nlohmann::json::parse(slurp(corpus / "cases.json"))["cases"]; }

// A KvK file whose first handelsnaam is 100 MB: made at test time, not kept in the repository.
// Under the sanitizers 4 MB, still 64 times the field limit: GDAL's CSV line reader grows its buffer
// 504 bytes per realloc and ASan's realloc always copies, so a 100 MB line would copy terabytes.
fs::path huge_field_kvk(const fs::path& dir) {
#ifdef ONREGEL_SANITIZE
    constexpr int megabytes = 4;
#else
    constexpr int megabytes = 100;
#endif
    const auto path = dir / "kvk_huge_field.csv";
    std::ofstream out(path, std::ios::binary);
    out << slurp(tiny("kvk.csv")).substr(0, slurp(tiny("kvk.csv")).find('\n') + 1);
    out << "000000000001;10000001;";
    const std::string block(1 << 20, 'x');
    for (int i = 0; i < megabytes; ++i) out << block;
    out << ";BV;Ja;20200101;;6420;;Benschopperstraat;1;;;3401AA;IJsselstein;;;;1\n";
    out << "000000000009;10000009;Delta Bakkerij;BV;Ja;20200101;;1071;;Benschopperstraat;1;;;3401AA;IJsselstein;;;;1\n";  // a good row: a wholly rejected file is an error
    return path;
}

// What a user reads of an exit-1 message must be Dutch: the message without the file's own name, the
// prefix cli/main.cpp puts before every input error, and what GDAL itself says ("GDAL meldt: ...",
// its parser's words, quoted). Empty when it is; else the English words found.
std::string english_in(std::string err, const std::string& file) {
    for (std::size_t at; !file.empty() && (at = err.find(file)) != std::string::npos;) err.erase(at, file.size());
    for (const std::string prefix : {"onregel: input error: ", "onregel: "})
        if (err.rfind(prefix, 0) == 0) err.erase(0, prefix.size());
    for (std::size_t at; (at = err.find("GDAL meldt: ")) != std::string::npos;) err.erase(at, err.find('\n', at) - at);
    static const std::regex english(
        R"(\b(expected|missing|column|invalid|file|cannot|found|layer|rows?|not|no|without|needs|reading|stopped|usable|contains|error|is not|must)\b)",
        std::regex::icase);
    std::string found;
    for (std::sregex_iterator it(err.begin(), err.end(), english), end; it != end; ++it) found += it->str() + " ";
    return found;
}

TEST(MalformedMessages, EnglishWordsAreFound) {
    EXPECT_EQ(english_in("onregel: input error: x.csv: layer 'x': missing required column 'id'\n", "x.csv"), "layer missing column ");
    EXPECT_EQ(english_in("x.csv: laag 'x': de verplichte kolom 'id' ontbreekt (GDAL meldt: file not found)\n", "x.csv"), "");
}

// A meldingen file of 49 good rows followed by a megabyte of NUL bytes (a disk hole): made at test time.
fs::path nul_hole_meldingen(const fs::path& dir) {
    const auto path = dir / "meldingen_nul_hole.csv";
    std::ofstream out(path, std::ios::binary);
    out << slurp(tiny("meldingen.csv")).substr(0, slurp(tiny("meldingen.csv")).find('\n') + 1);
    for (int i = 1; i <= 49; ++i) out << 'M' << i << ",2024-07-01,drugs,politie,,,3401AA,1,,,,\n";
    out << std::string(std::size_t{1} << 20, '\0');
    return path;
}

// The inputs of the cases that name a generator in cases.json ("generate") instead of a file.
fs::path generated(const std::string& generator, const fs::path& dir) {
    if (generator == "huge_field") return huge_field_kvk(dir);
    if (generator == "nul_hole") return nul_hole_meldingen(dir);
    throw std::invalid_argument("cases.json: unknown generator " + generator);
}

class Malformed : public ::testing::TestWithParam<std::size_t> {};

TEST_P(Malformed, GivesItsDocumentedOutcome) {
    const auto c = load_cases()[GetParam()];
    SCOPED_TRACE(c["file"].get<std::string>() + ": " + c["about"].get<std::string>());
    const auto dir = scratch("malformed/" + std::to_string(GetParam()));
    std::string bag = tiny("bag.csv"), kvk = tiny("kvk.csv"), meldingen = tiny("meldingen.csv");
    std::vector<std::string> extra;
    const auto file = c.contains("generate") ? generated(c["generate"].get<std::string>(), dir).string()
                                             : (corpus / c["file"].get<std::string>()).string();
    const auto role = c["role"].get<std::string>();
    if (role == "bag") bag = file;
    if (role == "kvk") kvk = file;
    if (role == "meldingen") meldingen = file;
    if (role == "config") extra = {"--config", file};
    std::vector<std::string> args = {"run", "--bag", bag, "--kvk", kvk, "--meldingen", meldingen,
                                     "--out", (dir / "out").string(), "--quiet"};
    args.insert(args.end(), extra.begin(), extra.end());

    const auto result = run_cli(args, "timeout 300");
    const auto& expect = c["expect"];
    ASSERT_EQ(result.exit_code, expect["exit"].get<int>()) << result.err;
    for (const auto& part : expect.value("stderr", nlohmann::json::array()))
        EXPECT_NE(result.err.find(part.get<std::string>()), std::string::npos) << "stderr lacks " << part << ":\n" << result.err;
    for (const auto& part : expect.value("stderr_not", nlohmann::json::array()))  // free text that must not be echoed
        EXPECT_EQ(result.err.find(part.get<std::string>()), std::string::npos) << "stderr holds " << part << ":\n" << result.err;
    for (const auto& entry : fs::directory_iterator(dir))
        EXPECT_TRUE(entry.path().filename() == "out" || entry.path().filename() == "onregel-logboek.jsonl" ||
                    entry.path().extension() == ".csv")
            << "left behind: " << entry.path();
    if (expect["exit"] == 1) {
        EXPECT_EQ(english_in(result.err, file), "") << "English in an input error:\n" << result.err;
    }
    if (expect["exit"] != 0) {
        EXPECT_FALSE(fs::exists(dir / "out")) << "a failed run must not leave output";
        return;
    }
    if (expect.contains("reject")) {
        const std::string row_start = expect["reject"][0].get<std::string>() + ",";
        const std::string reason = "," + csv_field(expect["reject"][1].get<std::string>()) + ",";
        std::istringstream rejects(slurp(dir / "out" / "rejects.csv"));
        bool found = false;
        for (std::string line; std::getline(rejects, line);)
            found = found || (line.rfind(row_start, 0) == 0 && line.find(reason) != std::string::npos &&
                              (!expect.contains("reject_value") || line.ends_with("," + expect["reject_value"].get<std::string>())));
        EXPECT_TRUE(found) << "no reject " << expect["reject"] << " in:\n" << slurp(dir / "out" / "rejects.csv").substr(0, 4000);
    }
    if (expect.contains("used")) {
        const auto manifest = nlohmann::json::parse(slurp(dir / "out" / "manifest.json"));
        EXPECT_EQ(manifest["invoer"][expect["used"][0].get<std::string>()]["gebruikt"], expect["used"][1]);
    }
}

INSTANTIATE_TEST_SUITE_P(Corpus, Malformed, ::testing::Range<std::size_t>(0, load_cases().size()),
                         [](const ::testing::TestParamInfo<std::size_t>& info) {
                             std::string name = load_cases()[info.param]["file"];
                             for (auto& ch : name)
                                 if (!std::isalnum(static_cast<unsigned char>(ch))) ch = '_';
                             return name;
                         });

// A required layer that mostly fails stops `validate` after its report and `run` before it analyses,
// and the logboek keeps why; allowed with --max-afgewezen 100, the run goes on.
TEST(MalformedCorpus, MostlyRejectedLayerIsAnError) {
    const auto dir = scratch("malformed/mostly_rejected");
    const auto kvk = (corpus / "kvk_mostly_rejected.csv").string();
    const auto validate = run_cli({"validate", "--bag", tiny("bag.csv"), "--kvk", kvk});
    EXPECT_EQ(validate.exit_code, 1) << validate.err;
    EXPECT_NE(validate.out.find("25x ongeldige datumAanvang -- schrijf datums als"), std::string::npos) << "the report comes first:\n"
                                                                                                      << validate.out;
    EXPECT_NE(validate.err.find("Meest voorkomende redenen:\n  25x ongeldige datumAanvang"), std::string::npos) << validate.err;
    const std::vector<std::string> run = {"run", "--bag", tiny("bag.csv"), "--kvk", kvk, "--meldingen", tiny("meldingen.csv"),
                                          "--out", (dir / "out").string(), "--quiet"};
    EXPECT_EQ(run_cli(run).exit_code, 1);
    std::istringstream logboek(slurp(dir / "onregel-logboek.jsonl"));
    std::string line, last;
    while (std::getline(logboek, line))
        if (!line.empty()) last = line;
    const auto resultaat = nlohmann::json::parse(last)["resultaat"].get<std::string>();
    EXPECT_EQ(resultaat.rfind("fout: ", 0), 0u) << resultaat;
    EXPECT_NE(resultaat.find("25 van de 25 rijen afgewezen"), std::string::npos) << resultaat;
    auto allowed = run;
    allowed.insert(allowed.end(), {"--max-afgewezen", "100"});
    EXPECT_EQ(run_cli(allowed).exit_code, 0);
    EXPECT_EQ(run_cli({"validate", "--bag", tiny("bag.csv"), "--kvk", kvk, "--max-afgewezen", "101"}).exit_code, 2);
}

TEST(MalformedCorpus, HasAtLeastFortyCasesEachWithAFile) {
    const auto cases = load_cases();
    EXPECT_GE(cases.size(), 40u);
    for (const auto& c : cases)
        if (!c.contains("generate")) { EXPECT_TRUE(fs::exists(corpus / c["file"].get<std::string>())) << c["file"]; }
}

}  // namespace
}  // namespace onregel::test
