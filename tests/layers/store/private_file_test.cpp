// A private output file written in pieces: mode 0600 when finished, gone when not.
#include <filesystem>
#include <gtest/gtest.h>

#include "layers/store/files.hpp"
#include "layers/layers_test_util.hpp"

namespace onregel {
namespace {

TEST(PrivateFile, UnfinishedIsRemovedFinishedIsPrivate) {
    const auto dir = test::scratch_dir("private-file");
    {
        PrivateFile file(dir / "half");
        file.append("begun");
    }
    EXPECT_FALSE(std::filesystem::exists(dir / "half"));
    PrivateFile file(dir / "whole");
    file.append("een ");
    file.append("");
    file.append("twee\n");
    file.finish();
    EXPECT_EQ(read_text_file(dir / "whole"), "een twee\n");
    EXPECT_EQ(std::filesystem::status(dir / "whole").permissions(),
              std::filesystem::perms::owner_read | std::filesystem::perms::owner_write);
}

}  // namespace
}  // namespace onregel
