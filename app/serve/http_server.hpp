#pragma once
// The viewer over HTTP on 127.0.0.1 only: GET and HEAD of the .html, .js, .css and .png files below
// one directory, every response with a strict Content-Security-Policy. Plain POSIX sockets, one
// thread multiplexing up to 256 connections with poll(), each with deadlines; at the limit the
// connection held longest is closed, so neither a silent client nor hundreds of them hold up others.
#include <cstdint>
#include <filesystem>

namespace onregel {

class ViewerServer {
public:
    // Listens on 127.0.0.1:port (0: a free port chosen by the OS). The root is opened anew for every
    // request, so a new run into the same output directory shows on reload.
    // Throws environment_error when the port is taken, std::system_error when it cannot be bound otherwise.
    ViewerServer(std::filesystem::path root, std::uint16_t port);
    ~ViewerServer();
    ViewerServer(const ViewerServer&) = delete;
    ViewerServer& operator=(const ViewerServer&) = delete;

    std::uint16_t port() const { return port_; }

    // Serves until stop_fd becomes readable (a signal handler writes to a pipe).
    void run(int stop_fd);

private:
    std::filesystem::path root_;
    int listen_fd_ = -1;
    std::uint16_t port_ = 0;
};

}  // namespace onregel
