#pragma once
// Shared by the libFuzzer targets: a tiny town to match against, and fuzz bytes as a GDAL file.
#include <cpl_vsi.h>
#include <string>
#include <vector>

#include "engine/model.hpp"

namespace onregel::fuzz {

inline std::vector<Verblijfsobject> small_bag() {
    std::vector<Verblijfsobject> vbos(2);
    vbos[0].id = 353010000000001;
    vbos[0].punt = {131900, 447300};
    vbos[0].adres = {"Benschopperstraat", 1, "", "", "3401AA", "IJsselstein"};
    vbos[1].id = 353010000000002;
    vbos[1].punt = {132100, 447450};
    vbos[1].adres = {"Boxenlaan", 2, "A", "1", "3401AB", "IJsselstein"};
    return vbos;
}

// The bytes as an in-memory file named `name` (the extension picks the GDAL driver); removed on scope exit.
class MemFile {
public:
    MemFile(std::string name, const std::uint8_t* data, std::size_t size) : path_("/vsimem/" + std::move(name)) {
        VSIFCloseL(VSIFileFromMemBuffer(path_.c_str(), const_cast<GByte*>(data), static_cast<vsi_l_offset>(size), FALSE));
    }
    ~MemFile() { VSIUnlink(path_.c_str()); }
    const std::string& path() const { return path_; }

private:
    std::string path_;
};

}  // namespace onregel::fuzz
