#pragma once
// The entries of a zip archive read from its central directory, through GDAL's virtual file system
// (so also a zip inside a zip), without decompressing anything. A small hostile zip can promise
// gigabytes or hundreds of thousands of entries; these are the facts to refuse it on beforehand.
#include <cstdint>
#include <string>
#include <vector>

namespace onregel {

struct ZipEntry {
    std::string name;  // path inside the archive; directories end in '/'
    std::uint64_t size = 0;        // uncompressed, as declared (GDAL reads no further)
    std::uint64_t compressed = 0;
};

// The entries of the zip file at `path` (a file name or a /vsizip/ path). Throws input_error when it
// is no zip archive or has more than `max_entries` entries; that is known before the list is read.
std::vector<ZipEntry> zip_entries(const std::string& path, std::uint64_t max_entries);

}  // namespace onregel
