#include "app/serve/http_server.hpp"

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <deque>
#include <fcntl.h>
#include <netinet/in.h>
#include <optional>
#include <poll.h>
#include <string>
#include <string_view>
#include <sys/socket.h>
#include <sys/stat.h>
#include <system_error>
#include <unistd.h>
#include <utility>
#include <vector>

#include "layers/errors.hpp"

namespace onregel {

namespace {

using Clock = std::chrono::steady_clock;
using namespace std::chrono_literals;

constexpr std::size_t max_head = 8192;        // request line and header fields together
constexpr std::size_t max_connections = 256;  // beyond this, the connection held longest is closed
constexpr std::size_t max_drain = 64 * 1024;  // request bytes read and dropped after the response
constexpr auto head_timeout = 5s;             // from accept to the end of the request head
constexpr auto write_timeout = 10s;           // without progress while sending the response
constexpr auto linger_timeout = 2s;           // for the client to close after the response

// Every response carries these. The page loads only its own scripts, style sheets and images, plus
// the data: favicon. Leaflet and app.js style elements through the CSSOM, which style-src does not
// govern, so no 'unsafe-inline'. connect-src, font-src and the rest fall back to default-src 'none'.
constexpr std::string_view security_headers =
    "Content-Security-Policy: default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "frame-ancestors 'none'; base-uri 'none'; form-action 'none'\r\n"
    "X-Content-Type-Options: nosniff\r\n"
    "Referrer-Policy: no-referrer\r\n"
    "Cache-Control: no-store\r\n"
    // A page of another site must not run data.js through a <script> tag and read the data (XSSI).
    "Cross-Origin-Resource-Policy: same-origin\r\n";

class Fd {
public:
    explicit Fd(int fd = -1) : fd_(fd) {}
    Fd(Fd&& other) noexcept : fd_(std::exchange(other.fd_, -1)) {}
    Fd& operator=(Fd&& other) noexcept {
        std::swap(fd_, other.fd_);
        return *this;
    }
    ~Fd() {
        if (fd_ >= 0) ::close(fd_);
    }
    int get() const { return fd_; }
    int release() { return std::exchange(fd_, -1); }
    explicit operator bool() const { return fd_ >= 0; }

private:
    int fd_;
};

std::string_view reason(int status) {
    switch (status) {
        case 200: return "OK";
        case 400: return "Bad Request";
        case 404: return "Not Found";
        case 405: return "Method Not Allowed";
        case 421: return "Misdirected Request";
        case 431: return "Request Header Fields Too Large";
        default: return "Internal Server Error";
    }
}

std::string response(int status, std::string_view type, std::string_view body, bool with_body,
                     std::string_view extra_headers = {}) {
    std::string out = "HTTP/1.1 " + std::to_string(status) + " " + std::string(reason(status)) + "\r\n";
    out += "Content-Type: " + std::string(type) + "\r\n";
    out += "Content-Length: " + std::to_string(body.size()) + "\r\n";
    out += security_headers;
    out += extra_headers;
    out += "Connection: close\r\n\r\n";
    if (with_body) out += body;
    return out;
}

std::string error_response(int status, bool with_body, std::string_view extra_headers = {}) {
    const auto body = std::to_string(status) + " " + std::string(reason(status)) + "\n";
    return response(status, "text/plain; charset=utf-8", body, with_body, extra_headers);
}

// Only the kinds of file the viewer consists of are served.
std::optional<std::string_view> content_type(std::string_view name) {
    static constexpr std::pair<std::string_view, std::string_view> types[] = {
        {".html", "text/html; charset=utf-8"},
        {".js", "text/javascript; charset=utf-8"},
        {".css", "text/css; charset=utf-8"},
        {".png", "image/png"},
    };
    for (const auto& [extension, type] : types)
        if (name.size() > extension.size() && name.ends_with(extension)) return type;
    return std::nullopt;
}

int hex_digit(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

// The percent-decoded path of an origin-form target ("/a/b?q"); nullopt when the target is of
// another form (absolute URL, "*"), has a bad escape or decodes to a NUL.
std::optional<std::string> target_path(std::string_view target) {
    if (target.empty() || target[0] != '/') return std::nullopt;
    target = target.substr(0, target.find_first_of("?#"));
    std::string path;
    for (std::size_t i = 0; i < target.size(); ++i) {
        char c = target[i];
        if (c == '%') {
            if (i + 2 >= target.size()) return std::nullopt;
            const int high = hex_digit(target[i + 1]), low = hex_digit(target[i + 2]);
            if (high < 0 || low < 0) return std::nullopt;
            c = static_cast<char>(high * 16 + low);
            i += 2;
        }
        if (c == '\0') return std::nullopt;
        path += c;
    }
    return path;
}

// Opens the regular file `path` ("/a/b") below root, one name at a time and following no symbolic
// link, root itself included. Empty names and names starting with '.' (., .., hidden files) are
// refused, so nothing outside root can be reached. An invalid Fd when there is no such file.
Fd open_below(const std::filesystem::path& root, std::string_view path) {
    Fd dir(::open(root.c_str(), O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC));
    path.remove_prefix(1);
    while (dir) {
        const auto slash = path.find('/');
        const std::string name(path.substr(0, slash));
        if (name.empty() || name[0] == '.') return Fd();
        const bool last = slash == std::string_view::npos;
        // O_NONBLOCK: opening a FIFO must not wait for a writer; fstat refuses it afterwards.
        Fd next(::openat(dir.get(), name.c_str(), O_RDONLY | O_NOFOLLOW | O_CLOEXEC | (last ? O_NONBLOCK : O_DIRECTORY)));
        if (last) {
            struct stat status {};
            if (!next || ::fstat(next.get(), &status) != 0 || !S_ISREG(status.st_mode)) return Fd();
            return next;
        }
        dir = std::move(next);
        path.remove_prefix(slash + 1);
    }
    return Fd();
}

std::optional<std::string> read_all(int fd) {
    std::string data;
    char buffer[65536];
    for (;;) {
        const auto n = ::read(fd, buffer, sizeof buffer);
        if (n == 0) return data;
        if (n < 0 && errno != EINTR) return std::nullopt;
        if (n > 0) data.append(buffer, static_cast<std::size_t>(n));
    }
}

bool equal_ignoring_case(std::string_view a, std::string_view b) {
    return std::ranges::equal(a, b, [](char x, char y) {
        const auto lower = [](char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; };
        return lower(x) == lower(y);
    });
}

std::string_view trim(std::string_view s) {
    const auto first = s.find_first_not_of(" \t");
    if (first == std::string_view::npos) return {};
    return s.substr(first, s.find_last_not_of(" \t") - first + 1);
}

// The complete response to one request head (request line and header fields, without the blank line).
std::string respond(const std::filesystem::path& root, std::uint16_t port, std::string_view head) {
    constexpr auto npos = std::string_view::npos;
    const auto line_end = head.find("\r\n");
    const auto request_line = head.substr(0, line_end);
    const auto space1 = request_line.find(' ');
    const auto space2 = space1 == npos ? npos : request_line.find(' ', space1 + 1);
    if (space2 == npos || request_line.find(' ', space2 + 1) != npos) return error_response(400, true);
    const auto method = request_line.substr(0, space1);
    const auto target = request_line.substr(space1 + 1, space2 - space1 - 1);
    const auto version = request_line.substr(space2 + 1);
    if (version != "HTTP/1.1" && version != "HTTP/1.0") return error_response(400, true);

    int hosts = 0;
    std::string_view host;
    for (auto rest = line_end == npos ? std::string_view() : head.substr(line_end + 2); !rest.empty();) {
        const auto end = rest.find("\r\n");
        const auto field = rest.substr(0, end);
        rest = end == npos ? std::string_view() : rest.substr(end + 2);
        const auto colon = field.find(':');
        if (colon == 0 || colon == npos || field.substr(0, colon).find_first_of(" \t") != npos) return error_response(400, true);
        if (equal_ignoring_case(field.substr(0, colon), "host")) {
            ++hosts;
            host = trim(field.substr(colon + 1));
        }
    }
    if (hosts != 1) return error_response(400, true);
    // Another name that resolves to 127.0.0.1 (DNS rebinding) would give a foreign site our origin.
    const auto port_suffix = ":" + std::to_string(port);
    if (!equal_ignoring_case(host, "127.0.0.1" + port_suffix) && !equal_ignoring_case(host, "localhost" + port_suffix))
        return error_response(421, true);

    const bool with_body = method != "HEAD";
    if (method != "GET" && method != "HEAD") return error_response(405, true, "Allow: GET, HEAD\r\n");
    const auto path = target_path(target);
    if (!path) return error_response(400, with_body);
    const auto name = *path == "/" ? std::string("/index.html") : *path;
    const auto type = content_type(name);
    const auto file = type ? open_below(root, name) : Fd();
    if (!file) return error_response(404, with_body);
    const auto body = read_all(file.get());
    if (!body) return error_response(500, with_body);
    return response(200, *type, *body, with_body);
}

bool would_block(int error) { return error == EAGAIN || error == EWOULDBLOCK || error == EINTR; }

struct Connection {
    enum class State { reading, writing, draining };
    Fd fd;
    State state = State::reading;
    std::string data;      // the request head while reading, the response while writing
    std::size_t done = 0;  // bytes sent while writing, bytes dropped while draining
    Clock::time_point deadline;
};

// Moves a connection on after poll() reported `events` for it; false once it is to be closed.
bool advance(Connection& c, short events, const std::filesystem::path& root, std::uint16_t port, Clock::time_point now) {
    using State = Connection::State;
    const bool readable = events & (POLLIN | POLLHUP | POLLERR);
    char buffer[4096];
    if (c.state == State::reading && readable) {
        const auto n = ::recv(c.fd.get(), buffer, std::min(sizeof buffer, max_head + 1 - c.data.size()), 0);
        if (n == 0 || (n < 0 && !would_block(errno))) return false;
        if (n > 0) {
            const auto from = c.data.size() < 3 ? 0 : c.data.size() - 3;
            c.data.append(buffer, static_cast<std::size_t>(n));
            const auto end = c.data.find("\r\n\r\n", from);
            if (end != std::string::npos || c.data.size() > max_head) {
                c.data = end != std::string::npos && end + 4 <= max_head ? respond(root, port, std::string_view(c.data).substr(0, end))
                                                                         : error_response(431, true);
                c.state = State::writing;
                c.deadline = now + write_timeout;
            }
        }
    } else if (c.state == State::writing && (events & (POLLOUT | POLLHUP | POLLERR))) {
        const auto n = ::send(c.fd.get(), c.data.data() + c.done, c.data.size() - c.done, MSG_NOSIGNAL);
        if (n < 0 && !would_block(errno)) return false;
        if (n > 0) {
            c.done += static_cast<std::size_t>(n);
            c.deadline = now + write_timeout;
        }
        if (c.done == c.data.size()) {
            // Half-close and read on until the client closes: closing with unread request bytes
            // would reset the connection and could destroy the response before the client reads it.
            ::shutdown(c.fd.get(), SHUT_WR);
            c.state = State::draining;
            c.data = std::string();
            c.done = 0;
            c.deadline = now + linger_timeout;
        }
    } else if (c.state == State::draining && readable) {
        const auto n = ::recv(c.fd.get(), buffer, sizeof buffer, 0);
        if (n == 0 || (n < 0 && !would_block(errno))) return false;
        if (n > 0 && (c.done += static_cast<std::size_t>(n)) > max_drain) return false;
    }
    return now < c.deadline;
}

}  // namespace

ViewerServer::ViewerServer(std::filesystem::path root, std::uint16_t port) : root_(std::move(root)) {
    Fd fd(::socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0));
    if (!fd) throw std::system_error(errno, std::generic_category(), "kan geen socket openen");
    const int on = 1;
    // A restart may take the port again while connections of the previous server are in TIME_WAIT.
    ::setsockopt(fd.get(), SOL_SOCKET, SO_REUSEADDR, &on, sizeof on);
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_port = htons(port);
    // Loopback only: the data is confidential, no other machine may reach it.
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    if (::bind(fd.get(), reinterpret_cast<const sockaddr*>(&address), sizeof address) != 0 || ::listen(fd.get(), SOMAXCONN) != 0) {
        const auto where = "127.0.0.1:" + std::to_string(port);
        if (errno == EADDRINUSE)
            throw environment_error("poort " + where + " is al in gebruik (draait onregel serve al?); kies een andere met "
                                    "--port, of --port 0 voor een vrije poort");
        throw std::system_error(errno, std::generic_category(), "kan niet luisteren op " + where);
    }
    socklen_t size = sizeof address;
    if (::getsockname(fd.get(), reinterpret_cast<sockaddr*>(&address), &size) != 0)
        throw std::system_error(errno, std::generic_category(), "kan de poort niet bepalen");
    port_ = ntohs(address.sin_port);
    listen_fd_ = fd.release();
}

ViewerServer::~ViewerServer() { ::close(listen_fd_); }

void ViewerServer::run(int stop_fd) {
    std::deque<Connection> connections;  // in the order accepted
    std::vector<pollfd> polled;
    for (;;) {
        const auto now = Clock::now();
        int timeout = -1;  // milliseconds until the first deadline
        polled.assign({{stop_fd, POLLIN, 0}, {listen_fd_, POLLIN, 0}});
        for (const auto& c : connections) {
            polled.push_back({c.fd.get(), static_cast<short>(c.state == Connection::State::writing ? POLLOUT : POLLIN), 0});
            const auto left = static_cast<int>(std::max<std::int64_t>(0, std::chrono::ceil<std::chrono::milliseconds>(c.deadline - now).count()));
            timeout = timeout < 0 ? left : std::min(timeout, left);
        }
        if (::poll(polled.data(), polled.size(), timeout) < 0) {
            if (errno == EINTR) continue;
            throw std::system_error(errno, std::generic_category(), "kan niet op verbindingen wachten");
        }
        if (polled[0].revents != 0) return;

        const auto after = Clock::now();
        std::size_t kept = 0;
        for (std::size_t i = 0; i < connections.size(); ++i) {
            if (!advance(connections[i], polled[i + 2].revents, root_, port_, after)) continue;
            if (kept != i) connections[kept] = std::move(connections[i]);
            ++kept;
        }
        connections.erase(connections.begin() + static_cast<std::ptrdiff_t>(kept), connections.end());

        // New connections are always taken; at the limit the one held longest makes room. Silent
        // clients then delay a request by one round through poll(), not until their head timeout,
        // while a real client on loopback is done within milliseconds and never the oldest.
        for (std::size_t accepted = 0; (polled[1].revents & POLLIN) && accepted < max_connections; ++accepted) {
            Fd client(::accept4(listen_fd_, nullptr, nullptr, SOCK_NONBLOCK | SOCK_CLOEXEC));
            if (!client) break;  // none left, or the client gave up already
            if (connections.size() == max_connections) connections.pop_front();
            connections.push_back({std::move(client), Connection::State::reading, {}, 0, after + head_timeout});
        }
    }
}

}  // namespace onregel
