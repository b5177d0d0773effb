// docs/outputs.md is what `onregel outputs --markdown` prints, and what it prints are the very columns
// the writers write: the documentation cannot drift from the outputs.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>

#include "app/output_docs.hpp"

namespace onregel {
namespace {

const std::filesystem::path source_dir = ONREGEL_SOURCE_DIR;

std::string read_file(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream out;
    out << in.rdbuf();
    return out.str();
}

TEST(OutputDocs, DocsMatchTheColumnDeclarationsByteForByte) {
    // Regenerate with: onregel outputs --markdown > docs/outputs.md
    EXPECT_EQ(read_file(source_dir / "docs" / "outputs.md"), outputs_markdown());
}

TEST(OutputDocs, EveryColumnIsDescribedOnce) {
    for (const auto& doc : output_docs()) {
        std::set<std::string> names;
        for (const auto& column : doc.columns) {
            EXPECT_FALSE(column.beschrijving.empty()) << doc.table << "." << column.name;
            EXPECT_TRUE(names.insert(column.name).second) << doc.table << "." << column.name << " twice";
        }
    }
}

// The drift this replaced: the hand-written contract had lost `bewijs` and `buurt` of locaties.
TEST(OutputDocs, LocatiesListBewijsAndBuurt) {
    const auto md = outputs_markdown();
    EXPECT_NE(md.find("| `bewijs` | JSON object |"), std::string::npos);
    EXPECT_NE(md.find("| `buurt` | text |"), std::string::npos);
    EXPECT_NE(md.find("| `datum_bezoek` | text |"), std::string::npos);
}

}  // namespace
}  // namespace onregel
