#pragma once
// The GeoPackage spatial index (the gpkg_rtree_index extension), bulk-loaded.
//
// GDAL 3.6 fills a GeoPackage R-tree one row at a time through SQLite's R*-tree module, whose
// insertions (choose-leaf, splits, forced reinserts) took three quarters of the time of writing
// onregel.gpkg at a million objects. Here the tree is packed with Sort-Tile-Recursive (Leutenegger et
// al. 1997) and its nodes are written straight into the module's three shadow tables, in the format
// of SQLite's rtree.c; GDAL 3.7 and later load their R-trees the same way. The triggers and the
// gpkg_extensions row are the ones the GeoPackage standard (Annex F.3) prescribes, so the index stays
// correct when someone edits the file later in QGIS.
#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

namespace onregel {

struct RtreeEntry {
    std::int64_t fid = 0;
    double min_x = 0, max_x = 0, min_y = 0, max_y = 0;
};

// Adds the spatial index of `table`.`column` to the GeoPackage at `path`, which must have no index on it
// yet, holding `entries` (one per feature with a non-empty geometry). Throws with the SQLite message.
void write_gpkg_rtree(const std::filesystem::path& path, const std::string& table, const std::string& column,
                      std::vector<RtreeEntry> entries);

}  // namespace onregel
