#pragma once
// Everything a command wrote and printed, searchable: the files under an output directory byte for
// byte, each member of a zip (an XLSX workbook) inflated. For the tests that prove something reaches
// no output (the privacy canary, the loo profile).
#include <gtest/gtest.h>
#include <zlib.h>

#include <filesystem>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

#include "cli_runner.hpp"

namespace onregel::test {

// ASCII only: the tokens are ASCII and other bytes of binary files stay as they are.
inline std::string lower(std::string text) {
    for (char& c : text)
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    return text;
}

inline bool is_zip(const std::string& bytes) { return bytes.rfind(std::string("PK\x03\x04", 4), 0) == 0; }

// The members of a zip archive (an XLSX workbook), inflated, by name. Sizes and offsets come from
// the central directory, which is complete even when the local headers defer them.
inline std::vector<std::pair<std::string, std::string>> zip_members(const std::string& zip) {
    const auto u16 = [&](std::size_t at) {
        return static_cast<std::size_t>(static_cast<unsigned char>(zip.at(at))) |
               static_cast<std::size_t>(static_cast<unsigned char>(zip.at(at + 1))) << 8;
    };
    const auto u32 = [&](std::size_t at) { return u16(at) | u16(at + 2) << 16; };
    const auto end = zip.rfind(std::string("PK\x05\x06", 4));
    if (end == std::string::npos) throw std::runtime_error("no end of central directory");
    std::vector<std::pair<std::string, std::string>> members;
    std::size_t entry = u32(end + 16);
    for (std::size_t i = 0, count = u16(end + 10); i < count; ++i) {
        if (zip.compare(entry, 4, "PK\x01\x02", 4) != 0) throw std::runtime_error("bad central directory entry");
        const auto method = u16(entry + 10), packed = u32(entry + 20), size = u32(entry + 24);
        const auto name_length = u16(entry + 28), local = u32(entry + 42);
        const auto name = zip.substr(entry + 46, name_length);
        const auto data = local + 30 + u16(local + 26) + u16(local + 28);
        std::string content(size, '\0');
        if (method == 0) {
            content = zip.substr(data, size);
        } else if (method == 8) {
            z_stream stream{};
            if (inflateInit2(&stream, -MAX_WBITS) != Z_OK) throw std::runtime_error("inflateInit2");
            stream.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(zip.data() + data));
            stream.avail_in = static_cast<uInt>(packed);
            stream.next_out = reinterpret_cast<Bytef*>(content.data());
            stream.avail_out = static_cast<uInt>(size);
            const int status = inflate(&stream, Z_FINISH);
            inflateEnd(&stream);
            if (status != Z_STREAM_END || stream.total_out != size) throw std::runtime_error(name + ": cannot inflate");
        } else {
            throw std::runtime_error(name + ": compression method " + std::to_string(method));
        }
        members.emplace_back(name, content);
        entry += 46 + name_length + u16(entry + 30) + u16(entry + 32);
    }
    return members;
}

// Everything the commands wrote and printed, lower case, by where it came from.
class Written {
public:
    void add(const std::string& where, const std::string& bytes) {
        texts_.emplace_back(where, lower(bytes));
        if (!is_zip(bytes)) return;
        try {
            for (const auto& [name, content] : zip_members(bytes)) add(where + " » " + name, content);
        } catch (const std::exception& e) {
            ADD_FAILURE() << where << ": unreadable zip: " << e.what();
        }
    }
    void add_files(const std::filesystem::path& root) {
        for (const auto& entry : std::filesystem::recursive_directory_iterator(root))
            if (entry.is_regular_file()) add(entry.path().string(), slurp(entry.path()));
    }
    const std::vector<std::pair<std::string, std::string>>& texts() const { return texts_; }
    // Where `token` occurs, one line each; empty when nowhere.
    std::string where(const std::string& token) const {
        std::string found;
        for (const auto& [name, text] : texts_)
            if (text.find(lower(token)) != std::string::npos) found += "  " + name + "\n";
        return found;
    }

private:
    std::vector<std::pair<std::string, std::string>> texts_;
};

}  // namespace onregel::test
