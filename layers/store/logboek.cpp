#include "layers/store/logboek.hpp"
#include "layers/errors.hpp"

#include <cerrno>
#include <cstring>
#include <ctime>
#include <fcntl.h>
#include <pwd.h>
#include <sys/stat.h>
#include <stdexcept>
#include <unistd.h>

namespace onregel {

namespace {

std::string utc_now() {
    const std::time_t now = std::time(nullptr);
    std::tm tm{};
    gmtime_r(&now, &tm);
    char buf[32];
    std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
    return buf;
}

std::string user_name() {
    if (const passwd* pw = ::getpwuid(::geteuid())) return pw->pw_name;
    return "uid " + std::to_string(::geteuid());
}

std::string host_name() {
    char buf[256] = {};
    return ::gethostname(buf, sizeof buf - 1) == 0 ? buf : "?";
}

}  // namespace

std::filesystem::path default_logboek(const std::filesystem::path& out_dir) {
    auto dir = out_dir.filename().empty() ? out_dir.parent_path() : out_dir;
    const auto parent = dir.has_parent_path() ? dir.parent_path() : std::filesystem::path(".");
    return parent / "onregel-logboek.jsonl";
}

void append_logboek(const std::filesystem::path& path, const nlohmann::ordered_json& record) {
    nlohmann::ordered_json line;
    line["tijd"] = utc_now();
    line["gebruiker"] = user_name();
    line["host"] = host_name();
    line["onregel"] = ONREGEL_VERSION;
    for (const auto& [key, value] : record.items()) line[key] = value;
    const std::string text = line.dump() + "\n";
    // Not through a link (a logboek elsewhere is named in the config), and private whatever mode an
    // existing file had.
    const int fd = ::open(path.c_str(), O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC | O_NOFOLLOW, 0600);
    if (fd < 0 && errno == ELOOP)
        throw environment_error("logboek " + path.string() + " is een symbolische koppeling; noem het bestand zelf in de config (logboek = ...)");
    if (fd < 0) throw environment_error("logboek " + path.string() + ": cannot open for appending: " + std::strerror(errno));
    const bool ok = ::fchmod(fd, 0600) == 0 && ::write(fd, text.data(), text.size()) == static_cast<ssize_t>(text.size()) &&
                    ::fsync(fd) == 0;
    ::close(fd);
    if (!ok) throw environment_error("logboek " + path.string() + ": write failed");
}

void append_logboek_start(const std::filesystem::path& path, nlohmann::ordered_json& record) {
    record["proces"] = ::getpid();
    record["resultaat"] = "gestart";
    append_logboek(path, record);
}

}  // namespace onregel
