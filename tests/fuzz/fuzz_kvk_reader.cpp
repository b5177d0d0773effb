// libFuzzer: the KvK reader on arbitrary bytes as CSV. An input_error is a correct answer to bad
// input; anything else escaping (or a sanitizer report) is a bug.
#include "engine/errors.hpp"
#include "fuzz_support.hpp"
#include "layers/read/readers.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace onregel;
    register_gdal_once();
    static const auto vbos = fuzz::small_bag();
    static const std::vector<NevenAdres> geen_nevenadressen;
    static const AddressIndex index(vbos, geen_nevenadressen);
    const fuzz::MemFile file("kvk.csv", data, size);
    Town town;
    Rejects rejects;
    LayerStats stats;
    try {
        read_kvk(file.path(), index, ReadOptions{}, town, rejects, stats);
    } catch (const input_error&) {
    }
    return 0;
}
