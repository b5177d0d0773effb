// The default policy against the real code lists (../shared/data/sbi, see its SOURCE.txt): every prefix of
// every table is a prefix of a real code of its own version, so no rule matches nothing.
#include <gtest/gtest.h>

#include <algorithm>
#include <fstream>
#include <set>
#include <utility>

#include "engine/policy.hpp"
#include "engine/sbi.hpp"
#include "town_builder.hpp"

namespace onregel::test {
namespace {

const std::string sbi_dir = std::string(ONREGEL_SHARED_DIR) + "/data/sbi/";

std::vector<std::string> split(const std::string& line, char sep) {
    std::vector<std::string> fields;
    std::string field;
    bool quoted = false;
    for (char c : line) {
        if (c == '"') quoted = !quoted;
        else if (c == sep && !quoted) fields.push_back(std::exchange(field, {}));
        else field += c;
    }
    fields.push_back(field);
    return fields;
}

bool digits(const std::string& s) { return !s.empty() && s.find_first_not_of("0123456789") == std::string::npos; }

// CBS's SBI 2025 list, every level.
std::set<std::string> sbi2025_codes() {
    std::ifstream in(sbi_dir + "sbi2025_codes.csv");
    std::set<std::string> codes;
    for (std::string line; std::getline(in, line);)
        if (const auto code = split(line, ',')[0]; digits(code)) codes.insert(code);
    return codes;
}

// Amsterdam's KvK list of SBI 2008 codes (which drops the leading zero of sections A-B, told by the
// section name) and the NACE Rev. 2 codes of Eurostat's table.
std::set<std::string> sbi2008_codes() {
    std::set<std::string> codes;
    std::ifstream kvk(sbi_dir + "sbi2008_amsterdam_mks_vs_cbs_20171102.csv");
    for (std::string line; std::getline(kvk, line);) {
        const auto f = split(line, '|');
        if (f.size() < 4 || !digits(f[0]) || f[0].size() < 2) continue;
        const bool a_b = f[3].starts_with("landbouw") || f[3].starts_with("bosbouw") || f[3].starts_with("visserij") ||
                         f[3].starts_with("winning") || f[3].starts_with("dienstverl");
        codes.insert(a_b ? "0" + f[0] : f[0]);
    }
    std::ifstream nace(sbi_dir + "eurostat_NACE2.1_NACE2_Table.tsv");
    for (std::string line; std::getline(nace, line);) {
        const auto f = split(line, '\t');
        if (f.size() < 4) continue;
        std::string code;
        for (char c : f[3])
            if (c != '.') code += c;
        if (digits(code)) codes.insert(code);
    }
    return codes;
}

bool starts_a_code(const std::set<std::string>& codes, const std::string& prefix) {
    const auto it = codes.lower_bound(prefix);
    return it != codes.end() && it->starts_with(prefix);
}

// Every branch names codes in both versions, but for one: SBI 2025 cannot tell retail with a shop from
// retail without (a webshop has the code of what it sells), so "detailhandel" as a gebruiksdoel rule
// has no SBI 2025 codes and detailhandel_op_afstand takes all of 47 there.
void expect_real(const SbiPrefixes& sbi, const std::string& where, const std::set<std::string>& codes2008,
                 const std::set<std::string>& codes2025) {
    for (const auto& p : sbi.sbi2008) EXPECT_TRUE(starts_a_code(codes2008, p)) << where << " sbi2008 " << p;
    for (const auto& p : sbi.sbi2025) EXPECT_TRUE(starts_a_code(codes2025, p)) << where << " sbi2025 " << p;
    EXPECT_FALSE(sbi.sbi2008.empty()) << where;
    if (where != "gebruiksdoelen detailhandel") {
        EXPECT_FALSE(sbi.sbi2025.empty()) << where;
    }
}

TEST(Sbi, EveryDefaultPrefixStartsARealCodeOfItsVersion) {
    const auto codes2008 = sbi2008_codes(), codes2025 = sbi2025_codes();
    ASSERT_GT(codes2008.size(), 900u);
    ASSERT_EQ(std::count_if(codes2025.begin(), codes2025.end(), [](const auto& c) { return c.size() == 5; }), 907);
    const auto policy = default_policy();
    for (const auto* table : {&policy.risicobranches, &policy.bedrijfsruimte, &policy.erkenningsplichtig})
        for (const auto& b : *table) expect_real(b.sbi, b.naam, codes2008, codes2025);
    for (const auto& r : policy.gebruiksdoelen) expect_real(r.sbi, "gebruiksdoelen " + r.naam, codes2008, codes2025);
    for (const auto& r : policy.minimum_oppervlakte) expect_real(r.sbi, "minimum_oppervlakte " + r.naam, codes2008, codes2025);
    expect_real(policy.holding_sbi, "holdings", codes2008, codes2025);
    // The tests' twins are real codes of their versions too.
    for (const auto& [old, twin] : sbi2025_twins()) {
        EXPECT_TRUE(codes2008.contains(old)) << old;
        EXPECT_TRUE(codes2025.contains(twin)) << twin;
    }
}

// engine/sbi_codes.cpp is generated from the same files (scripts/sbi-codes): it must not go stale.
TEST(Sbi, TheEmbeddedListsAreTheSharedOnes) {
    for (const auto& code : sbi2025_codes()) EXPECT_TRUE(sbi_exists(code, SbiVersie::sbi2025)) << code;
    for (const auto& code : sbi2008_codes()) {
        if (code.size() <= 5) {
            EXPECT_TRUE(sbi_exists(code, SbiVersie::sbi2008)) << code;
        }
    }
    EXPECT_FALSE(sbi_exists("45201", SbiVersie::sbi2025));
    EXPECT_FALSE(sbi_exists("96210", SbiVersie::sbi2008));
    EXPECT_FALSE(sbi_exists("4520", SbiVersie::onbekend));
}

TEST(Sbi, ACodeTellsItsVersionWhenItExistsInOneOnly) {
    EXPECT_EQ(sbi_only_in("45201"), SbiVersie::sbi2008);
    EXPECT_EQ(sbi_only_in("96210"), SbiVersie::sbi2025);
    EXPECT_EQ(sbi_only_in("4777"), SbiVersie::onbekend);  // juweliers in both
    SbiVersionCount count;
    EXPECT_EQ(count.versie(), SbiVersie::onbekend);
    for (const char* code : {"4777", "96210", "56112"}) count.see(code);
    EXPECT_EQ(count.versie(), SbiVersie::sbi2025);
    EXPECT_FALSE(count.mixed());
    for (const char* code : {"45201", "45111", "96021"}) count.see(code);
    EXPECT_TRUE(count.mixed());
    EXPECT_EQ(count.versie(), SbiVersie::sbi2008);
}

// 4781 is market trade in food in SBI 2008 and car retail in SBI 2025: a prefix matches only codes of
// its own version, and a code of unknown version is tried against both.
TEST(Sbi, APrefixMatchesOnlyCodesOfItsOwnVersion) {
    const SbiPrefixes autohandel{{"451"}, {"4781"}};
    Vestiging v;
    v.sbi_hoofd = "47810";
    v.sbi_versie = SbiVersie::sbi2008;
    EXPECT_EQ(sbi_match_length(v, autohandel), 0u);
    v.sbi_versie = SbiVersie::sbi2025;
    EXPECT_EQ(sbi_match_length(v, autohandel), 4u);
    v.sbi_versie = SbiVersie::onbekend;
    EXPECT_EQ(sbi_match_length(v, autohandel), 4u);
    v.sbi_hoofd = "45111";
    EXPECT_EQ(sbi_match_length(v, autohandel), 3u);
    v.sbi_versie = SbiVersie::sbi2025;
    EXPECT_EQ(sbi_match_length(v, autohandel), 0u);
}

}  // namespace
}  // namespace onregel::test
