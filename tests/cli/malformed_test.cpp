// The corpus of broken inputs in tests/malformed/: each case has its expected outcome in cases.json,
// and none may crash, hang or leave a half-written output behind.
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>
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
    return path;
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

TEST(MalformedCorpus, HasAtLeastFortyCasesEachWithAFile) {
    const auto cases = load_cases();
    EXPECT_GE(cases.size(), 40u);
    for (const auto& c : cases)
        if (!c.contains("generate")) { EXPECT_TRUE(fs::exists(corpus / c["file"].get<std::string>())) << c["file"]; }
}

}  // namespace
}  // namespace onregel::test
