#pragma once
// A throwaway PostgreSQL + PostGIS server for the tests that compare with a real database
// (tests/layers/read/postgis/start-cluster): started in the constructor, stopped and removed in the
// destructor. No server means a failed test, never a skipped one.
#include <cstdio>
#include <cstdlib>
#include <string>

#include "layers/layers_test_util.hpp"

namespace onregel::test {

class PostgisServer {
public:
    PostgisServer() {
        const std::string script = std::string(ONREGEL_SOURCE_DIR) + "/tests/layers/read/postgis/start-cluster";
        FILE* pipe = ::popen(script.c_str(), "r");
        if (!pipe) return;
        char line[512];
        while (std::fgets(line, sizeof line, pipe)) {
            std::string text(line);
            while (!text.empty() && text.back() == '\n') text.pop_back();
            if (text.rfind("dir=", 0) == 0) dir_ = text.substr(4);
            if (text.rfind("port=", 0) == 0) port_ = text.substr(5);
        }
        if (::pclose(pipe) != 0) port_.clear();
    }
    ~PostgisServer() {
        if (!dir_.empty())
            std::system((std::string(ONREGEL_SOURCE_DIR) + "/tests/layers/read/postgis/stop-cluster " + onregel::test::quoted(dir_)).c_str());
    }
    PostgisServer(const PostgisServer&) = delete;
    PostgisServer& operator=(const PostgisServer&) = delete;

    bool running() const { return !port_.empty(); }
    std::string connection() const { return "PG:host=127.0.0.1 port=" + port_ + " dbname=onregel user=onregel"; }

private:
    std::string dir_, port_;
};

}  // namespace onregel::test
