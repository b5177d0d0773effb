#pragma once
// Writes `onregel sample` output: bag.gpkg (PDOK bag-light layers, EPSG:28992) through GDAL, the
// CSV files streamed, one town chunk at a time, and the town's history as register.gpkg.
#include <cstdint>
#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "engine/register/register.hpp"
#include "engine/sample/sample.hpp"

namespace onregel {

class SampleWriter {
public:
    // Creates `dir` when missing and replaces the sample files in it (a register.gpkg there is removed:
    // write_history makes a new one). Without `with_panden` the pand layer is left out (very large
    // --scale runs).
    SampleWriter(const std::filesystem::path& dir, bool with_panden);
    ~SampleWriter();
    SampleWriter(const SampleWriter&) = delete;
    SampleWriter& operator=(const SampleWriter&) = delete;

    void write(const sample::Chunk& chunk);
    // Writes register.gpkg through the register store, as `register import` would (sample::history).
    void write_history(const Register& history);
    // Writes ground_truth.csv (sorted) and closes every file; throws when a write failed.
    void finish();

private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

// What a vector dataset holds, read back through GDAL: `onregel sample` reports it, tests check it.
struct LayerSummary {
    std::string name;
    std::string geometry;  // OGR's name, e.g. "Point"
    std::int64_t features = 0;
    std::vector<std::string> fields;
    std::string epsg;  // authority code of the layer's CRS, "" when none
    double min_x = 0, min_y = 0, max_x = 0, max_y = 0;
};
std::vector<LayerSummary> summarise_layers(const std::filesystem::path& path);

}  // namespace onregel
