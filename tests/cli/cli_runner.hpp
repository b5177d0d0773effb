#pragma once
// Runs the real onregel binary, as a user would, and captures exit code, stdout and stderr.
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <fcntl.h>
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>
#include <sys/wait.h>
#include <unistd.h>
#include <vector>

namespace onregel::test {

struct CliResult {
    int exit_code = -1;
    std::string out;
    std::string err;
};

inline std::string slurp(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

inline std::string shell_quote(const std::string& arg) {
    std::string q = "'";
    for (char c : arg) q += c == '\'' ? std::string("'\\''") : std::string(1, c);
    return q + "'";
}

// `prefix` goes before the binary on the command line: VAR=value words ("LC_ALL=C") or a wrapper
// such as "timeout 120".
inline CliResult run_cli(const std::vector<std::string>& args, const std::string& prefix = "") {
    static int counter = 0;
    const auto dir = std::filesystem::temp_directory_path();
    const auto out_file = dir / ("onregel-cli-" + std::to_string(::getpid()) + "-" + std::to_string(counter) + ".out");
    const auto err_file = dir / ("onregel-cli-" + std::to_string(::getpid()) + "-" + std::to_string(counter++) + ".err");
    std::string command = prefix + " " + shell_quote(ONREGEL_BINARY);
    for (const auto& a : args) command += " " + shell_quote(a);
    command += " >" + shell_quote(out_file) + " 2>" + shell_quote(err_file) + " </dev/null";
    const int status = std::system(command.c_str());
    CliResult result;
    result.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    result.out = slurp(out_file);
    result.err = slurp(err_file);
    std::filesystem::remove(out_file);
    std::filesystem::remove(err_file);
    return result;
}

// Starts the binary without waiting (stdout and stderr to /dev/null); the caller kills or waits.
inline pid_t spawn_cli(const std::vector<std::string>& args) {
    const pid_t pid = ::fork();
    if (pid == 0) {
        const int null = ::open("/dev/null", O_RDWR);
        ::dup2(null, 0);
        ::dup2(null, 1);
        ::dup2(null, 2);
        std::vector<char*> argv;
        std::string binary = ONREGEL_BINARY;
        argv.push_back(binary.data());
        std::vector<std::string> copy = args;
        for (auto& a : copy) argv.push_back(a.data());
        argv.push_back(nullptr);
        ::execv(binary.c_str(), argv.data());
        ::_exit(127);
    }
    return pid;
}

// A fresh scratch directory under the test binary's working directory.
inline std::filesystem::path scratch(const std::string& name) {
    const auto dir = std::filesystem::current_path() / "scratch" / name;
    std::filesystem::remove_all(dir);
    std::filesystem::create_directories(dir);
    return dir;
}

// A layer of a GDAL-readable file as GeoJSON, through ogr2ogr (the tests do not include GDAL).
inline nlohmann::json ogr_layer(const std::filesystem::path& file, const std::string& layer) {
    const auto out = file.parent_path() / (file.filename().string() + "." + layer + ".json");
    const auto command = "ogr2ogr -f GeoJSON " + shell_quote(out.string()) + " " + shell_quote(file.string()) + " " +
                         shell_quote(layer) + " 2>&1";
    EXPECT_EQ(std::system(command.c_str()), 0) << command;
    const auto json = nlohmann::json::parse(slurp(out));
    std::filesystem::remove(out);
    return json;
}

inline std::string tiny(const std::string& file) { return std::string(ONREGEL_SOURCE_DIR) + "/tests/data/tiny/" + file; }

}  // namespace onregel::test
