#include "files.hpp"

#include <array>
#include <cstdint>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <fcntl.h>
#include <fstream>
#include <random>
#include <sstream>
#include <sys/stat.h>
#include <unistd.h>

#include "engine/errors.hpp"

namespace fs = std::filesystem;

namespace onregel {

std::string read_text_file(const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) throw input_error(path.string() + ": cannot open file");
    std::ostringstream buffer;
    buffer << in.rdbuf();
    return buffer.str();
}

namespace {

// FIPS 180-4 SHA-256. GDAL has one internally but does not install its header.
class Sha256 {
public:
    void update(const unsigned char* data, std::size_t size) {
        for (std::size_t i = 0; i < size; ++i) {
            block_[fill_++] = data[i];
            if (fill_ == 64) {
                compress();
                fill_ = 0;
            }
        }
        length_ += size;
    }
    std::string hex() {
        const std::uint64_t bits = length_ * 8;
        const unsigned char pad = 0x80, zero = 0;
        update(&pad, 1);
        while (fill_ != 56) update(&zero, 1);
        for (int i = 7; i >= 0; --i) {
            const auto b = static_cast<unsigned char>(bits >> (i * 8));
            update(&b, 1);
        }
        static const char* digits = "0123456789abcdef";
        std::string out;
        for (auto v : h_)
            for (int i = 28; i >= 0; i -= 4) out += digits[(v >> i) & 0xf];
        return out;
    }

private:
    static std::uint32_t rotr(std::uint32_t x, int n) { return (x >> n) | (x << (32 - n)); }
    void compress() {
        static constexpr std::array<std::uint32_t, 64> k = {
            0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
            0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
            0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
            0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
            0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
            0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
            0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
            0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2};
        std::array<std::uint32_t, 64> w{};
        for (int i = 0; i < 16; ++i)
            w[i] = std::uint32_t(block_[i * 4]) << 24 | std::uint32_t(block_[i * 4 + 1]) << 16 |
                   std::uint32_t(block_[i * 4 + 2]) << 8 | std::uint32_t(block_[i * 4 + 3]);
        for (int i = 16; i < 64; ++i) {
            const auto s0 = rotr(w[i - 15], 7) ^ rotr(w[i - 15], 18) ^ (w[i - 15] >> 3);
            const auto s1 = rotr(w[i - 2], 17) ^ rotr(w[i - 2], 19) ^ (w[i - 2] >> 10);
            w[i] = w[i - 16] + s0 + w[i - 7] + s1;
        }
        auto [a, b, c, d, e, f, g, h] = h_;
        for (int i = 0; i < 64; ++i) {
            const auto t1 = h + (rotr(e, 6) ^ rotr(e, 11) ^ rotr(e, 25)) + ((e & f) ^ (~e & g)) + k[i] + w[i];
            const auto t2 = (rotr(a, 2) ^ rotr(a, 13) ^ rotr(a, 22)) + ((a & b) ^ (a & c) ^ (b & c));
            h = g; g = f; f = e; e = d + t1; d = c; c = b; b = a; a = t1 + t2;
        }
        const std::array<std::uint32_t, 8> add = {a, b, c, d, e, f, g, h};
        for (int i = 0; i < 8; ++i) h_[i] += add[i];
    }
    std::array<std::uint32_t, 8> h_ = {0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a,
                                       0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19};
    std::array<unsigned char, 64> block_{};
    std::size_t fill_ = 0;
    std::uint64_t length_ = 0;
};

}  // namespace

std::string sha256_hex(const std::string& data) {
    Sha256 sha;
    sha.update(reinterpret_cast<const unsigned char*>(data.data()), data.size());
    return sha.hex();
}

std::string sha256_file(const fs::path& path) {
    std::error_code ec;
    if (!fs::is_regular_file(path, ec)) return "";
    std::ifstream in(path, std::ios::binary);
    if (!in) throw input_error(path.string() + ": cannot open file");
    Sha256 sha;
    std::array<char, 1 << 16> buffer;
    while (in) {
        in.read(buffer.data(), buffer.size());
        sha.update(reinterpret_cast<const unsigned char*>(buffer.data()), static_cast<std::size_t>(in.gcount()));
    }
    return sha.hex();
}

void write_private_file(const fs::path& path, const std::string& content) {
    const int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
    if (fd < 0) throw std::runtime_error(path.string() + ": cannot create file");
    std::size_t written = 0;
    while (written < content.size()) {
        const auto n = ::write(fd, content.data() + written, content.size() - written);
        if (n <= 0) {
            ::close(fd);
            throw std::runtime_error(path.string() + ": write failed");
        }
        written += static_cast<std::size_t>(n);
    }
    if (::close(fd) != 0) throw std::runtime_error(path.string() + ": write failed");
}

StagedOutput::StagedOutput(fs::path final_dir, bool overwrite) : final_(std::move(final_dir)) {
    if (final_.filename().empty()) final_ = final_.parent_path();  // "out/" names "out"
    std::error_code ec;
    if (fs::exists(final_, ec)) {
        if (!fs::is_directory(final_, ec)) throw config_error("--out " + final_.string() + " exists and is not a directory");
        if (!fs::is_empty(final_, ec) && !overwrite)
            throw config_error("--out " + final_.string() + " is not empty; add --overwrite to replace it");
    }
    const auto parent = final_.has_parent_path() ? final_.parent_path() : fs::path(".");
    fs::create_directories(parent);
    // Staging directories are named after their process: one whose process is gone was left by a
    // run that was killed, and is removed here.
    const std::string prefix = "." + final_.filename().string() + ".tmp-";
    for (const auto& entry : fs::directory_iterator(parent, ec)) {
        const auto name = entry.path().filename().string();
        if (name.rfind(prefix, 0) != 0) continue;
        const auto pid = name.substr(prefix.size(), name.find('-', prefix.size()) - prefix.size());
        if (!pid.empty() && pid.find_first_not_of("0123456789") == std::string::npos && !fs::exists("/proc/" + pid))
            fs::remove_all(entry.path(), ec);
    }
    std::random_device random;
    for (int attempt = 0;; ++attempt) {
        staging_ = parent / (prefix + std::to_string(::getpid()) + "-" + std::to_string(random()));
        if (::mkdir(staging_.c_str(), 0700) == 0) break;
        if (attempt > 100) throw std::runtime_error("cannot create a staging directory in " + parent.string());
    }
}

StagedOutput::~StagedOutput() {
    if (!committed_) {
        std::error_code ec;
        fs::remove_all(staging_, ec);
    }
}

void StagedOutput::commit() {
    // One atomic step: the new output takes the final name (swapping with the old one when there
    // is one), so at every instant --out is either the whole previous or the whole new output.
    std::error_code ec;
    const bool replace = fs::exists(final_, ec);
    if (::renameat2(AT_FDCWD, staging_.c_str(), AT_FDCWD, final_.c_str(), replace ? RENAME_EXCHANGE : RENAME_NOREPLACE) != 0)
        throw std::runtime_error("cannot move the new output into place at " + final_.string() + ": " + std::strerror(errno));
    committed_ = true;
    if (replace) fs::remove_all(staging_, ec);  // now holds the previous output
}

}  // namespace onregel
