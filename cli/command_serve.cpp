#include "command_serve.hpp"

#include <csignal>
#include <filesystem>
#include <iostream>
#include <memory>
#include <system_error>
#include <unistd.h>

#include "checks.hpp"
#include "engine/errors.hpp"
#include "app/serve/http_server.hpp"

namespace onregel::cli {

namespace {

struct ServeArguments {
    std::filesystem::path out;
    int port = 8765;
};

volatile std::sig_atomic_t stop_write_fd = -1;

extern "C" void request_stop(int) {
    const char byte = 0;
    [[maybe_unused]] const auto written = ::write(stop_write_fd, &byte, 1);
}

// SIGINT and SIGTERM write to a pipe the server polls (the self-pipe trick), so it stops between
// requests and the command returns normally. The previous handlers come back on destruction.
class StopOnSignal {
public:
    StopOnSignal() {
        if (::pipe(fds_) != 0) throw std::system_error(errno, std::generic_category(), "kan geen pipe voor Ctrl-C maken");
        stop_write_fd = fds_[1];
        struct sigaction action {};
        action.sa_handler = request_stop;
        sigemptyset(&action.sa_mask);
        ::sigaction(SIGINT, &action, &previous_int_);
        ::sigaction(SIGTERM, &action, &previous_term_);
    }
    ~StopOnSignal() {
        ::sigaction(SIGINT, &previous_int_, nullptr);
        ::sigaction(SIGTERM, &previous_term_, nullptr);
        stop_write_fd = -1;
        ::close(fds_[0]);
        ::close(fds_[1]);
    }
    StopOnSignal(const StopOnSignal&) = delete;
    StopOnSignal& operator=(const StopOnSignal&) = delete;

    int fd() const { return fds_[0]; }

private:
    int fds_[2] = {-1, -1};
    struct sigaction previous_int_ {};
    struct sigaction previous_term_ {};
};

}  // namespace

void add_serve_command(CLI::App& app) {
    auto args = std::make_shared<ServeArguments>();
    auto* cmd = app.add_subcommand("serve", "Serve the viewer of an output directory on http://127.0.0.1 (this computer only)");
    cmd->add_option("--out", args->out, "Output directory of `onregel run` or `onregel gebied` (serves its viewer/)")->required();
    cmd->add_option("--port", args->port, "TCP port on 127.0.0.1; 0: any free port")->capture_default_str()->check(whole_number(0, 65535));
    cmd->callback([args] {
        const auto root = args->out / "viewer";
        std::error_code ec;
        // onregel writes viewer/ as a directory; a link there could show any directory's files.
        if (std::filesystem::is_symlink(root, ec))
            throw input_error(root.string() + " is een symbolische koppeling: serve toont alleen de map viewer/ die `onregel run` schrijft");
        if (!std::filesystem::is_regular_file(root / "index.html", ec))
            throw input_error((root / "index.html").string() + " bestaat niet: serve toont de kaart die `onregel run --out " +
                              args->out.string() + "` schrijft");
        const StopOnSignal stop;
        ViewerServer server(root, static_cast<std::uint16_t>(args->port));
        std::cout << "onregel serve: http://127.0.0.1:" << server.port() << "/ (open dit adres in de browser; Ctrl-C stopt)"
                  << std::endl;
        server.run(stop.fd());
    });
}

}  // namespace onregel::cli
