#include "layers/store/files.hpp"

#include <algorithm>

#include <cstdint>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <fcntl.h>
#include <fstream>
#include <random>
#include <sstream>
#include <sys/stat.h>
#include <memory>
#include <openssl/evp.h>
#include <unistd.h>
#include <utility>
#include <vector>

#include "engine/errors.hpp"
#include "layers/errors.hpp"

namespace fs = std::filesystem;

namespace onregel {

void check_not_special(const std::string& path) {
    struct stat st {};
    if (::stat(path.c_str(), &st) != 0 || S_ISREG(st.st_mode) || S_ISDIR(st.st_mode)) return;
    throw input_error(path + ": is geen gewoon bestand maar " +
                      (S_ISFIFO(st.st_mode) ? "een named pipe (FIFO)" : S_ISSOCK(st.st_mode) ? "een socket" : "een apparaat") +
                      "; geef een bestand of een map op");
}

std::string read_text_file(const fs::path& path) {
    check_not_special(path.string());
    std::ifstream in(path, std::ios::binary);
    if (!in) throw input_error(path.string() + ": het bestand kan niet worden geopend");
    std::ostringstream buffer;
    buffer << in.rdbuf();
    return buffer.str();
}

namespace {

// OpenSSL's SHA-256 uses the CPU's SHA extensions where present: hashing the inputs for the
// manifest and the logboek costs a fraction of a second even at national scale.
class Sha256 {
public:
    Sha256() : ctx_(EVP_MD_CTX_new()) {
        if (!ctx_ || EVP_DigestInit_ex(ctx_.get(), EVP_sha256(), nullptr) != 1) throw environment_error("SHA-256 unavailable");
    }
    void update(const void* data, std::size_t size) { EVP_DigestUpdate(ctx_.get(), data, size); }
    std::string hex() {
        unsigned char digest[EVP_MAX_MD_SIZE];
        unsigned int size = 0;
        EVP_DigestFinal_ex(ctx_.get(), digest, &size);
        static constexpr char digits[] = "0123456789abcdef";
        std::string out;
        for (unsigned int i = 0; i < size; ++i) {
            out += digits[digest[i] >> 4];
            out += digits[digest[i] & 15];
        }
        return out;
    }

private:
    struct Free {
        void operator()(EVP_MD_CTX* ctx) const { EVP_MD_CTX_free(ctx); }
    };
    std::unique_ptr<EVP_MD_CTX, Free> ctx_;
};

}  // namespace

std::string sha256_hex(const std::string& data) {
    Sha256 sha;
    sha.update(data.data(), data.size());
    return sha.hex();
}

std::string sha256_file(const fs::path& path) {
    std::error_code ec;
    if (fs::is_directory(path, ec)) {
        std::vector<fs::path> files;
        for (const auto& entry : fs::recursive_directory_iterator(path, ec))
            if (entry.is_regular_file(ec)) files.push_back(entry.path());
        std::sort(files.begin(), files.end());
        std::string list;
        for (const auto& f : files) list += fs::relative(f, path).generic_string() + " " + sha256_file(f) + "\n";
        return sha256_hex(list);
    }
    if (!fs::is_regular_file(path, ec)) return "";
    const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) throw input_error(path.string() + ": het bestand kan niet worden geopend");
    Sha256 sha;
    std::vector<char> buffer(1 << 20);
    for (;;) {
        const auto n = ::read(fd, buffer.data(), buffer.size());
        if (n < 0 && errno == EINTR) continue;
        if (n < 0) {
            const int error = errno;
            ::close(fd);
            throw input_error(path.string() + ": lezen mislukt (" + std::strerror(error) + ")");
        }
        if (n == 0) break;
        sha.update(buffer.data(), static_cast<std::size_t>(n));
    }
    ::close(fd);
    return sha.hex();
}

void create_private_directories(const fs::path& dir) {
    std::error_code ec;
    if (dir.empty() || fs::is_directory(dir, ec)) return;
    create_private_directories(dir.parent_path());
    // 0700 whatever the umask: they hold the outputs and the logboek.
    if (::mkdir(dir.c_str(), 0700) == 0) ::chmod(dir.c_str(), 0700);
    else if (errno != EEXIST) throw environment_error(dir.string() + ": cannot create directory: " + std::strerror(errno));
}

void write_private_file(const fs::path& path, std::string_view content) {
    PrivateFile file(path);
    file.append(content);
    file.finish();
}

PrivateFile::PrivateFile(fs::path path) : path_(std::move(path)) {
    // Not through a link, and 0600 whatever the umask or an existing file's mode.
    fd_ = ::open(path_.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC | O_NOFOLLOW, 0600);
    if (fd_ < 0 && errno == ELOOP)
        throw environment_error(path_.string() + " is een symbolische koppeling; onregel schrijft er niet doorheen");
    if (fd_ < 0 || ::fchmod(fd_, 0600) != 0) throw environment_error(path_.string() + ": cannot create file");
}

PrivateFile::~PrivateFile() {
    if (fd_ < 0) return;
    ::close(fd_);
    ::unlink(path_.c_str());
}

void PrivateFile::append(std::string_view data) {
    while (!data.empty()) {
        const auto n = ::write(fd_, data.data(), data.size());
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) throw environment_error(path_.string() + ": write failed");
        data.remove_prefix(static_cast<std::size_t>(n));
    }
}

void PrivateFile::finish() {
    const int fd = std::exchange(fd_, -1);
    if (::close(fd) != 0) {
        ::unlink(path_.c_str());
        throw environment_error(path_.string() + ": write failed");
    }
}

StagedOutput::StagedOutput(fs::path final_dir, bool overwrite) : final_(std::move(final_dir)) {
    if (final_.filename().empty()) final_ = final_.parent_path();  // "out/" names "out"
    std::error_code ec;
    // A link would be replaced by a directory here, and the previous output stay at its target:
    // refused, so --out always names the directory the output is in.
    if (fs::is_symlink(final_, ec))
        throw config_error("--out " + final_.string() + " is een symbolische koppeling; geef de map zelf op (" +
                           fs::read_symlink(final_, ec).string() + ")");
    if (fs::exists(final_, ec)) {
        if (!fs::is_directory(final_, ec)) throw config_error("--out " + final_.string() + " bestaat en is geen map");
        if (!fs::is_empty(final_, ec) && !overwrite)
            throw config_error("--out " + final_.string() + " is niet leeg; voeg --overwrite toe om de map te vervangen");
        // --overwrite replaces only what onregel wrote: the marker is in every output it makes.
        if (!fs::is_empty(final_, ec) && !fs::is_regular_file(fs::symlink_status(final_ / output_marker, ec)))
            throw config_error("--out " + final_.string() + " is geen uitvoermap van onregel (" + output_marker +
                               " ontbreekt); --overwrite vervangt alleen een map die onregel heeft gemaakt. "
                               "Kies een nieuwe of lege map");
    }
    const auto parent = final_.has_parent_path() ? final_.parent_path() : fs::path(".");
    create_private_directories(parent);
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
        if (errno != EEXIST || attempt > 100)
            throw environment_error("cannot create a staging directory in " + parent.string() + ": " + std::strerror(errno));
    }
    ::chmod(staging_.c_str(), 0700);  // whatever the umask
    write_private_file(staging_ / output_marker, "Deze map is uitvoer van onregel; --overwrite mag haar vervangen.\n");
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
        throw environment_error("cannot move the new output into place at " + final_.string() + ": " + std::strerror(errno));
    committed_ = true;
    if (replace) fs::remove_all(staging_, ec);  // now holds the previous output
}

}  // namespace onregel
