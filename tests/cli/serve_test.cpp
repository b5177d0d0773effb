// `onregel serve`: the real binary on a run of the tiny fixture, spoken to through plain sockets the
// way a browser or an attacker on this computer would.
#include <algorithm>
#include <cctype>
#include <csignal>
#include <cstring>
#include <iostream>
#include <gtest/gtest.h>
#include <map>
#include <netinet/in.h>
#include <poll.h>
#include <set>
#include <sys/socket.h>
#include <thread>

#include "cli_runner.hpp"

namespace onregel::test {
namespace {

namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;
using namespace std::chrono_literals;

constexpr auto deadline = 20s;  // for anything that should take milliseconds

const std::string csp =
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; frame-ancestors 'none'; "
    "base-uri 'none'; form-action 'none'";

// A running `onregel serve --port 0` on `out`; the port comes from the line it prints on stdout.
class Server {
public:
    explicit Server(const fs::path& out, const std::string& port = "0") {
        std::vector<std::string> args = {ONREGEL_BINARY, "serve", "--out", out.string(), "--port", port};
        std::vector<char*> argv;
        for (auto& a : args) argv.push_back(a.data());
        argv.push_back(nullptr);
        int fds[2];
        if (::pipe(fds) != 0) throw std::runtime_error("pipe");
        pid_ = ::fork();
        if (pid_ == 0) {
            ::dup2(fds[1], STDOUT_FILENO);
            ::close(fds[0]);
            ::close(fds[1]);
            ::execv(argv[0], argv.data());
            ::_exit(127);
        }
        ::close(fds[1]);
        stdout_ = fds[0];
        const auto until = Clock::now() + deadline;
        char c = 0;
        while (line_.find('\n') == std::string::npos && Clock::now() < until) {
            pollfd p{stdout_, POLLIN, 0};
            if (::poll(&p, 1, 100) != 1) continue;
            if (::read(stdout_, &c, 1) != 1) break;  // it exited
            line_ += c;
        }
        const std::string prefix = "onregel serve: http://127.0.0.1:";
        if (line_.starts_with(prefix)) port_ = std::atoi(line_.c_str() + prefix.size());
    }
    ~Server() {
        if (pid_ > 0) {
            ::kill(pid_, SIGKILL);
            ::waitpid(pid_, nullptr, 0);
        }
        ::close(stdout_);
    }
    Server(const Server&) = delete;
    Server& operator=(const Server&) = delete;

    int port() const { return port_; }
    pid_t pid() const { return pid_; }
    const std::string& line() const { return line_; }

    // Sends the signal and waits for the exit: its exit code, or -1 when it did not exit normally in time.
    int stop(int signal) {
        ::kill(pid_, signal);
        int status = 0;
        for (const auto until = Clock::now() + deadline; Clock::now() < until; std::this_thread::sleep_for(10ms)) {
            if (::waitpid(pid_, &status, WNOHANG) == pid_) {
                pid_ = -1;
                return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
            }
        }
        return -1;
    }

private:
    pid_t pid_ = -1;
    int stdout_ = -1;
    int port_ = 0;
    std::string line_;
};

int connect_to(int port) {
    const int fd = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_port = htons(static_cast<std::uint16_t>(port));
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    if (::connect(fd, reinterpret_cast<const sockaddr*>(&address), sizeof address) != 0) {
        ::close(fd);
        return -1;
    }
    return fd;
}

// Reads until the server closes the connection (or the deadline passes).
std::string read_to_end(int fd) {
    std::string data;
    char buffer[65536];
    for (const auto until = Clock::now() + deadline; Clock::now() < until;) {
        pollfd p{fd, POLLIN, 0};
        if (::poll(&p, 1, 100) != 1) continue;
        const auto n = ::recv(fd, buffer, sizeof buffer, 0);
        if (n <= 0) break;
        data.append(buffer, static_cast<std::size_t>(n));
    }
    return data;
}

struct Reply {
    int status = 0;
    std::map<std::string, std::string> headers;  // names in lower case
    std::string body;

    std::string header(const std::string& name) const {
        const auto it = headers.find(name);
        return it == headers.end() ? "" : it->second;
    }
};

Reply parse(const std::string& raw) {
    Reply reply;
    const auto end = raw.find("\r\n\r\n");
    if (!raw.starts_with("HTTP/1.1 ") || end == std::string::npos) return reply;
    reply.status = std::atoi(raw.c_str() + 9);
    reply.body = raw.substr(end + 4);
    for (auto at = raw.find("\r\n") + 2; at < end;) {
        const auto line_end = raw.find("\r\n", at);
        const auto line = raw.substr(at, line_end - at);
        auto name = line.substr(0, line.find(':'));
        std::transform(name.begin(), name.end(), name.begin(), [](unsigned char c) { return std::tolower(c); });
        reply.headers[name] = line.substr(line.find(':') + 2);
        at = line_end + 2;
    }
    return reply;
}

// Sends `request` as it is and returns the parsed reply.
Reply send_request(int port, const std::string& request) {
    const int fd = connect_to(port);
    if (fd < 0) return {};
    ::send(fd, request.data(), request.size(), MSG_NOSIGNAL);
    const auto raw = read_to_end(fd);
    ::close(fd);
    return parse(raw);
}

std::string host(int port) { return "127.0.0.1:" + std::to_string(port); }

Reply get(int port, const std::string& target, const std::string& method = "GET") {
    return send_request(port, method + " " + target + " HTTP/1.1\r\nHost: " + host(port) + "\r\n\r\n");
}

class CliServe : public ::testing::Test {
protected:
    // One run of the tiny fixture serves all tests; a canary page lies beside its viewer/. The pid in
    // the name: ctest runs each test in a process of its own, several at a time.
    static void SetUpTestSuite() {
        dir_ = scratch("serve-" + std::to_string(::getpid()));
        const auto result = run_cli({"run", "--bag", tiny("bag.csv"), "--kvk", tiny("kvk.csv"), "--meldingen",
                                     tiny("meldingen.csv"), "--out", (dir_ / "out").string(), "--quiet"});
        ASSERT_EQ(result.exit_code, 0) << result.err;
        std::ofstream(dir_ / "out" / "canary.js") << "CANARY-OUTSIDE-VIEWER";
        fs::create_symlink(dir_ / "out" / "canary.js", viewer() / "link.js");
        fs::create_directory_symlink(dir_ / "out", viewer() / "linkdir");
        std::ofstream(viewer() / ".hidden.js") << "CANARY-HIDDEN";
    }
    static void TearDownTestSuite() { fs::remove_all(dir_); }
    static fs::path out() { return dir_ / "out"; }
    static fs::path viewer() { return dir_ / "out" / "viewer"; }

    static fs::path dir_;
};

fs::path CliServe::dir_;

TEST_F(CliServe, ServesTheViewerFilesWithTheSecurityHeadersAndNothingElse) {
    Server server(out());
    ASSERT_GT(server.port(), 0) << server.line();
    EXPECT_EQ(server.line(), "onregel serve: http://127.0.0.1:" + std::to_string(server.port()) + "/ (open dit adres in de browser; Ctrl-C stopt)\n");

    const auto index = get(server.port(), "/");
    ASSERT_EQ(index.status, 200);
    EXPECT_EQ(index.body, slurp(viewer() / "index.html"));
    const std::map<std::string, std::string> expected = {
        {"content-type", "text/html; charset=utf-8"},
        {"content-length", std::to_string(index.body.size())},
        {"content-security-policy", csp},
        {"x-content-type-options", "nosniff"},
        {"referrer-policy", "no-referrer"},
        {"cache-control", "no-store"},
        {"cross-origin-resource-policy", "same-origin"},
        {"connection", "close"},
    };
    EXPECT_EQ(index.headers, expected);

    const std::pair<std::string, std::string> files[] = {{"data.js", "text/javascript; charset=utf-8"},
                                                         {"app.js", "text/javascript; charset=utf-8"},
                                                         {"style.css", "text/css; charset=utf-8"},
                                                         {"leaflet/leaflet.css", "text/css; charset=utf-8"},
                                                         {"leaflet/images/marker-icon.png", "image/png"}};
    for (const auto& [file, type] : files) {
        const auto reply = get(server.port(), "/" + file);
        EXPECT_EQ(reply.status, 200) << file;
        EXPECT_EQ(reply.header("content-type"), type) << file;
        EXPECT_EQ(reply.header("content-security-policy"), csp) << file;
        EXPECT_TRUE(reply.body == slurp(viewer() / file)) << file;
    }
    EXPECT_EQ(get(server.port(), "/index.html?x=1#y").body, index.body);

    const auto head = get(server.port(), "/data.js", "HEAD");
    EXPECT_EQ(head.status, 200);
    EXPECT_EQ(head.header("content-length"), std::to_string(fs::file_size(viewer() / "data.js")));
    EXPECT_EQ(head.body, "");

    const auto missing = get(server.port(), "/ontbreekt.js");
    EXPECT_EQ(missing.status, 404);
    EXPECT_EQ(missing.header("content-security-policy"), csp) << "error responses carry the headers too";
    EXPECT_EQ(get(server.port(), "/leaflet/").status, 404) << "no directory listings";
}

TEST_F(CliServe, NothingOutsideTheViewerDirectoryIsServed) {
    Server server(out());
    ASSERT_GT(server.port(), 0) << server.line();
    const auto canary = (out() / "canary.js").string();
    const std::string targets[] = {
        "/../canary.js", "/%2e%2e/canary.js", "/%2E%2E/canary.js", "/.%2e/canary.js", "/leaflet/../../canary.js",
        "/leaflet/%2e%2e/%2e%2e/canary.js", "/..%2fcanary.js", "/..%5ccanary.js", "/" + canary, "/%2f" + canary.substr(1),
        "http://" + host(server.port()) + "/../canary.js", "/link.js", "/linkdir/canary.js", "/.hidden.js",
        "/../manifest.json", "/%2e%2e/manifest.json", "//etc/passwd", "/%00/index.html", "/%zz", "*"};
    for (const auto& target : targets) {
        const auto reply = get(server.port(), target);
        EXPECT_TRUE(reply.status == 404 || reply.status == 400) << target << ": " << reply.status;
        EXPECT_EQ(reply.body.find("CANARY"), std::string::npos) << target;
        EXPECT_EQ(reply.body.find("root:"), std::string::npos) << target;
        EXPECT_EQ(reply.body.find("invoer"), std::string::npos) << target;
    }
    // The server is still there and serves the right things after all that.
    EXPECT_EQ(get(server.port(), "/data.js").status, 200);
}

TEST_F(CliServe, OnlyGetAndHeadAreAllowed) {
    Server server(out());
    ASSERT_GT(server.port(), 0) << server.line();
    const auto post = send_request(server.port(), "POST / HTTP/1.1\r\nHost: " + host(server.port()) +
                                                  "\r\nContent-Length: 11\r\n\r\nhello=world");
    EXPECT_EQ(post.status, 405);
    EXPECT_EQ(post.header("allow"), "GET, HEAD");
    for (const char* method : {"PUT", "DELETE", "OPTIONS", "TRACE", "get"})
        EXPECT_EQ(get(server.port(), "/", method).status, 405) << method;
}

TEST_F(CliServe, RequestHeadsAreBoundedAndMustNameThisServer) {
    Server server(out());
    ASSERT_GT(server.port(), 0) << server.line();
    const auto with_header = [&](const std::string& field) {
        return send_request(server.port(), "GET / HTTP/1.1\r\nHost: " + host(server.port()) + "\r\n" + field + "\r\n\r\n");
    };
    EXPECT_EQ(with_header("X-Pad: " + std::string(7000, 'a')).status, 200);
    EXPECT_EQ(with_header("X-Pad: " + std::string(9000, 'a')).status, 431);
    EXPECT_EQ(with_header("X-Pad: " + std::string(200000, 'a')).body.find("<html"), std::string::npos);

    // DNS rebinding: a foreign name resolving to 127.0.0.1 must not get the page.
    const auto foreign = send_request(server.port(), "GET / HTTP/1.1\r\nHost: onregel.example:" + std::to_string(server.port()) + "\r\n\r\n");
    EXPECT_EQ(foreign.status, 421);
    EXPECT_EQ(send_request(server.port(), "GET / HTTP/1.1\r\n\r\n").status, 400) << "no Host";
    EXPECT_EQ(with_header("Host: " + host(server.port())).status, 400) << "two Hosts";
    EXPECT_EQ(send_request(server.port(), "GET / HTTP/1.1\r\nHost: localhost:" + std::to_string(server.port()) + "\r\n\r\n").status, 200);
    EXPECT_EQ(send_request(server.port(), "GET / HTTP/2.0\r\nHost: " + host(server.port()) + "\r\n\r\n").status, 400);
    EXPECT_EQ(send_request(server.port(), "GET /\r\n\r\n").status, 400);
}

TEST_F(CliServe, ASilentClientHoldsUpNobodyAndIsDisconnected) {
    Server server(out());
    ASSERT_GT(server.port(), 0) << server.line();
    const int silent = connect_to(server.port());
    ASSERT_GE(silent, 0);
    const auto start = Clock::now();
    EXPECT_EQ(get(server.port(), "/").status, 200);
    EXPECT_LT(Clock::now() - start, 2s) << "served only after the silent client timed out";
    // The server hangs up on it (after its request timeout) without having sent anything.
    EXPECT_EQ(read_to_end(silent), "");
    EXPECT_LT(Clock::now() - start, deadline);
    ::close(silent);
}

// Many clients that connect and send nothing or half a request (more than the server holds at a time, from this process
// only and closed at the end of the test) must not keep a normal request waiting: the server drops
// the connections it has held longest instead of leaving new ones in the listen backlog.
TEST_F(CliServe, HundredsOfIdleConnectionsHoldUpNobody) {
    Server server(out());
    ASSERT_GT(server.port(), 0) << server.line();
    constexpr int idle_count = 300;
    std::vector<int> idle;
    for (int i = 0; i < idle_count; ++i) {
        // Non-blocking: a server that stops accepting must not stall the test in connect().
        const int fd = ::socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
        sockaddr_in address{};
        address.sin_family = AF_INET;
        address.sin_port = htons(static_cast<std::uint16_t>(server.port()));
        address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        ::connect(fd, reinterpret_cast<const sockaddr*>(&address), sizeof address);
        idle.push_back(fd);
    }
    // Half of them slow rather than silent: a request head begun and never finished.
    const std::string begun = "GET /data.js HTTP/1.1\r\nHost: " + host(server.port());
    for (std::size_t i = 0; i < idle.size(); i += 2) ::send(idle[i], begun.data(), begun.size(), MSG_NOSIGNAL);
    std::this_thread::sleep_for(200ms);  // the server has seen them all
    const auto start = Clock::now();
    const auto reply = get(server.port(), "/data.js");
    const std::chrono::duration<double, std::milli> took = Clock::now() - start;
    std::cout << "a request beside " << idle_count << " idle connections took " << took.count() << " ms\n";
    EXPECT_EQ(reply.status, 200);
    // Generous: this is about not being blocked (the old server took seconds), not about speed.
    EXPECT_LT(took.count(), 1000) << "served only after idle clients timed out";
    for (const int fd : idle) ::close(fd);
}

// Its listening sockets, from the socket inodes among its file descriptors and /proc/net/tcp{,6}.
std::set<std::string> listening_addresses(pid_t pid) {
    std::set<std::string> inodes;
    for (const auto& entry : fs::directory_iterator("/proc/" + std::to_string(pid) + "/fd")) {
        std::error_code ec;
        const auto target = fs::read_symlink(entry.path(), ec).string();
        if (target.starts_with("socket:[")) inodes.insert(target.substr(8, target.size() - 9));
    }
    std::set<std::string> addresses;
    for (const char* table : {"/proc/net/tcp", "/proc/net/tcp6"}) {
        std::istringstream lines(slurp(table));
        std::string line;
        std::getline(lines, line);  // column titles
        while (std::getline(lines, line)) {
            std::istringstream fields(line);
            std::string slot, local, remote, state, queues, timer, retransmits, uid, timeout, inode;
            fields >> slot >> local >> remote >> state >> queues >> timer >> retransmits >> uid >> timeout >> inode;
            if (state == "0A" && inodes.contains(inode)) addresses.insert(local);  // 0A: LISTEN
        }
    }
    return addresses;
}

TEST_F(CliServe, ListensOnTheLoopbackAddressOnly) {
    Server server(out());
    ASSERT_GT(server.port(), 0) << server.line();
    char port[8];
    std::snprintf(port, sizeof port, "%04X", server.port());
    // /proc/net/tcp writes the address as a little-endian word: 127.0.0.1 is 0100007F.
    EXPECT_EQ(listening_addresses(server.pid()), std::set<std::string>{"0100007F:" + std::string(port)});
}

TEST_F(CliServe, SigintAndSigtermEndItWithExitCodeZero) {
    for (const int signal : {SIGTERM, SIGINT}) {
        Server server(out());
        ASSERT_GT(server.port(), 0) << server.line();
        const int open_connection = connect_to(server.port());
        EXPECT_EQ(server.stop(signal), 0) << strsignal(signal);
        ::close(open_connection);
    }
}

TEST_F(CliServe, ATakenPortIsAnEnvironmentError) {
    Server first(out());
    ASSERT_GT(first.port(), 0) << first.line();
    const auto second = run_cli({"serve", "--out", out().string(), "--port", std::to_string(first.port())});
    EXPECT_EQ(second.exit_code, 3);
    EXPECT_EQ(second.err, "onregel: fout in de omgeving: poort 127.0.0.1:" + std::to_string(first.port()) +
                              " is al in gebruik (draait onregel serve al?); kies een andere met --port, of --port 0 voor "
                              "een vrije poort\n");
}

TEST_F(CliServe, AViewerThatIsNotThereIsNamedInDutch) {
    const auto dir = scratch("serve_no_viewer");
    const auto result = run_cli({"serve", "--out", dir.string()});
    EXPECT_EQ(result.exit_code, 1);
    EXPECT_NE(result.err.find("index.html bestaat niet: serve toont de kaart die `onregel run --out"), std::string::npos)
        << result.err;
}

TEST_F(CliServe, ASymlinkedViewerDirectoryIsRefused) {
    const auto dir = scratch("serve_symlinked_viewer");
    fs::create_directory(dir / "out");
    fs::create_directory_symlink(viewer(), dir / "out" / "viewer");
    const auto result = run_cli({"serve", "--out", (dir / "out").string()});
    EXPECT_EQ(result.exit_code, 1);
    EXPECT_NE(result.err.find("symbolische koppeling"), std::string::npos) << result.err;
    EXPECT_EQ(result.out, "");

    // Made a link while serving: nothing from it either.
    fs::create_directory(dir / "later");
    fs::create_directory(dir / "later" / "viewer");
    fs::copy_file(viewer() / "index.html", dir / "later" / "viewer" / "index.html");
    Server server(dir / "later");
    ASSERT_GT(server.port(), 0) << server.line();
    EXPECT_EQ(get(server.port(), "/").status, 200);
    fs::rename(dir / "later" / "viewer", dir / "later" / "echt");
    fs::create_directory_symlink(viewer(), dir / "later" / "viewer");
    EXPECT_EQ(get(server.port(), "/").status, 404);
    EXPECT_EQ(get(server.port(), "/data.js").status, 404);
    fs::remove_all(dir);
}

TEST(CliServeUsage, AnOutputWithoutViewerIsAnInputError) {
    const auto dir = scratch("serve_missing");
    const auto result = run_cli({"serve", "--out", (dir / "out").string()});
    EXPECT_EQ(result.exit_code, 1);
    EXPECT_NE(result.err.find((dir / "out" / "viewer" / "index.html").string()), std::string::npos) << result.err;
    EXPECT_EQ(result.out, "");
    EXPECT_EQ(run_cli({"serve", "--out", dir.string(), "--port", "65536"}).exit_code, 2);
}

}  // namespace
}  // namespace onregel::test
