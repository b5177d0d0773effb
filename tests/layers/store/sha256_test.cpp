// SHA-256 of inputs (manifest, logboek) against the FIPS 180-4 test vectors and coreutils' sha256sum.
#include <cstdio>
#include <filesystem>
#include <gtest/gtest.h>
#include <string>
#include <unistd.h>

#include "layers/store/files.hpp"

namespace onregel {
namespace {

TEST(Sha256, FipsVectors) {
    EXPECT_EQ(sha256_hex(""), "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    EXPECT_EQ(sha256_hex("abc"), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    EXPECT_EQ(sha256_hex("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq"),
              "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
}

// A file larger than the read buffer, with every byte value, hashed as sha256sum hashes it.
TEST(Sha256, FileMatchesSha256sum) {
    const auto path = std::filesystem::temp_directory_path() / ("onregel-sha256-" + std::to_string(::getpid()));
    std::string content;
    for (int i = 0; i < 3 * (1 << 20) + 17; ++i) content += static_cast<char>((i * 131) & 255);
    write_private_file(path, content);
    const std::string command = "sha256sum '" + path.string() + "'";
    FILE* pipe = ::popen(command.c_str(), "r");
    ASSERT_NE(pipe, nullptr);
    char expected[65] = {};
    ASSERT_EQ(std::fread(expected, 1, 64, pipe), 64u);
    ::pclose(pipe);
    EXPECT_EQ(sha256_file(path), std::string(expected));
    EXPECT_EQ(sha256_file(path), sha256_hex(content));
    std::filesystem::remove(path);
}

// A folder given as a source (an RDW or Signalen download, an LV BAG of XML files) hashes its files:
// by name and content, whatever the order they were written in.
TEST(Sha256, AFolderHashesItsFiles) {
    const auto base = std::filesystem::temp_directory_path() / ("onregel-sha256-dir-" + std::to_string(::getpid()));
    const auto a = base / "a", b = base / "b";
    std::filesystem::create_directories(a / "sub");
    std::filesystem::create_directories(b / "sub");
    write_private_file(a / "x.csv", "1");
    write_private_file(a / "sub" / "y.csv", "2");
    write_private_file(b / "sub" / "y.csv", "2");
    write_private_file(b / "x.csv", "1");
    EXPECT_EQ(sha256_file(a), sha256_file(b));
    EXPECT_EQ(sha256_file(a).size(), 64u);
    write_private_file(b / "x.csv", "3");
    EXPECT_NE(sha256_file(a), sha256_file(b));
    const auto before = sha256_file(a);
    std::filesystem::rename(a / "x.csv", a / "z.csv");
    EXPECT_NE(sha256_file(a), before) << "a renamed file is another input";
    EXPECT_EQ(sha256_file(base / "missing"), "");
    std::filesystem::remove_all(base);
}

}  // namespace
}  // namespace onregel
