#pragma once
#include <unistd.h>
// Paths and small builders for the layer tests: fixtures in tests/data/layers, scratch files in the
// test's working directory. Tests see GDAL only as its command-line tools (gdal-bin).
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <memory>
#include <stdexcept>
#include <string>

#include "layers/read/inputs.hpp"

namespace onregel::test {

inline std::string layers_data(const std::string& file) {
    return std::string(ONREGEL_SOURCE_DIR) + "/tests/data/layers/" + file;
}

inline std::string doesburg(const std::string& file) {
    return std::string(ONREGEL_SHARED_DIR) + "/data/bag-doesburg-0221-subset/" + file;
}

inline std::filesystem::path scratch_dir(const std::string& name) {
    // Per process: ctest runs each test in its own process, side by side, and fixtures are rebuilt per process.
    const auto dir = std::filesystem::current_path() / "scratch" / ("layers-" + std::to_string(::getpid())) / name;
    std::filesystem::remove_all(dir);
    std::filesystem::create_directories(dir);
    return dir;
}

inline std::string write_file(const std::filesystem::path& path, const std::string& content) {
    std::ofstream(path, std::ios::binary) << content;
    return path.string();
}

inline std::string quoted(const std::string& arg) {
    std::string q = "'";
    for (char c : arg) q += c == '\'' ? std::string("'\\''") : std::string(1, c);
    return q + "'";
}

// What a shell command prints, standard error included (ogrinfo answers, for instance).
inline std::string command_output(const std::string& command) {
    std::string output;
    std::unique_ptr<FILE, int (*)(FILE*)> pipe(::popen((command + " 2>&1").c_str(), "r"), ::pclose);
    if (!pipe) throw std::runtime_error("cannot run: " + command);
    char buffer[4096];
    for (std::size_t n; (n = std::fread(buffer, 1, sizeof buffer, pipe.get())) > 0;) output.append(buffer, n);
    return output;
}

// ogr2ogr with the given arguments; throws when it fails.
inline void ogr2ogr(const std::string& args) {
    const std::string command = "ogr2ogr " + args + " 2>&1";
    if (std::system(command.c_str()) != 0) throw std::runtime_error("failed: " + command);
}

// Appends `source` as layer `layer` to the GeoPackage `gpkg`.
inline void add_to_geopackage(const std::string& gpkg, const std::string& source, const std::string& layer) {
    ogr2ogr((std::filesystem::exists(gpkg) ? "-update " : "") + std::string("-f GPKG -nln ") + layer + " " + quoted(gpkg) +
            " " + quoted(source));
}

// The bag-light fixture as PDOK ships it: one GeoPackage with verblijfsobject, ligplaats, standplaats
// and pand, built once per test run from the GeoJSON files in tests/data/layers/bag_light.
inline const std::string& bag_light() {
    static const std::string gpkg = [] {
        const auto path = (scratch_dir("bag_light") / "bag-light.gpkg").string();
        for (const char* layer : {"verblijfsobject", "ligplaats", "standplaats", "pand"})
            add_to_geopackage(path, layers_data(std::string("bag_light/") + layer + ".geojson"), layer);
        return path;
    }();
    return gpkg;
}

inline InputSources inputs_of(const std::string& bag, const std::string& kvk, const std::string& meldingen = "") {
    InputSources s;
    s.bag = bag;
    s.kvk = kvk;
    s.meldingen = meldingen;
    return s;
}

}  // namespace onregel::test
