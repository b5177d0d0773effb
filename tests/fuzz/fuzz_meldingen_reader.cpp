// libFuzzer: the meldingen reader on arbitrary bytes, as CSV and as GeoJSON (first byte chooses).
#include "engine/errors.hpp"
#include "fuzz_support.hpp"
#include "layers/read/readers.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace onregel;
    if (size == 0) return 0;
    register_gdal_once();
    static const auto vbos = fuzz::small_bag();
    static const std::vector<NevenAdres> geen_nevenadressen;
    static const AddressIndex index(vbos, geen_nevenadressen);
    const fuzz::MemFile file(data[0] & 1 ? "meldingen.geojson" : "meldingen.csv", data + 1, size - 1);
    Town town;
    Rejects rejects;
    LayerStats stats;
    try {
        read_meldingen(file.path(), index, ReadOptions{}, town, rejects, stats);
    } catch (const input_error&) {
    }
    return 0;
}
