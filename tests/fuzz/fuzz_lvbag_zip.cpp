// libFuzzer: the LV BAG reader on arbitrary bytes as an extract zip. This is the path of a hostile
// zip: its central directory read by zip_entries (entry count, declared sizes, zip64) and checked
// before anything is unpacked, then the zips inside it and their XML. Besides not crashing,
// zip_entries never returns more entries than it was allowed. The seeds in corpus/lvbag_zip/ are cut
// from the Doesburg extract in ../shared/data/bag-doesburg-0221-subset (Kadaster open data, CC0).
#include <cstdlib>
#include <string>
#include <vector>

#include "engine/errors.hpp"
#include "fuzz_support.hpp"
#include "layers/read/readers.hpp"
#include "layers/read/zip_directory.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace onregel;
    register_gdal_once();
    // A new name for every input: GDAL caches the listing of an archive by name, size and time.
    static std::uint64_t inputs = 0;
    const fuzz::MemFile file("extract-" + std::to_string(++inputs) + ".zip", data, size);
    constexpr std::uint64_t max_entries = 100;
    try {
        if (zip_entries(file.path(), max_entries).size() > max_entries) std::abort();
    } catch (const input_error&) {}
    Town town;
    std::vector<NevenAdres> nevenadressen;
    Rejects rejects;
    LayerStats stats;
    try {
        read_lvbag(file.path(), ReadOptions{}, town, nevenadressen, rejects, stats);
    } catch (const input_error&) {}
    return 0;
}
