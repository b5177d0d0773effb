#pragma once
// `onregel hotspots`: the hot spots of any point layer, written to one file.
#include <cstddef>
#include <filesystem>
#include <string>

namespace onregel {

struct HotspotsOptions {
    std::string input;                  // any OGR point source
    std::string layer;                  // empty: the first layer
    std::string methode = "overschot";  // overschot: against the addresses of `bag`; gi: Getis-Ord Gi* on the counts
    std::string bag;                    // overschot: the BAG source whose verblijfsobjecten are the exposure
    std::string value;                  // gi: numeric column to sum per cell (empty: count points)
    double cell = 100;                  // metres; gi with 0: Gi* on the points themselves
    double band = 300;                  // gi: distance band in metres
    std::filesystem::path out;          // .geojson/.json (WGS84), .csv (RD New x, y) or .gpkg (RD New)
};

struct HotspotsSummary {
    bool overschot = true;
    bool cells = true;  // rows are grid cells, else the points themselves (gi with cell 0)
    std::size_t rows = 0;
    std::size_t hot = 0, cold = 0;  // klasse above and below 0 after FDR
    std::size_t bag_rejects = 0;    // overschot: BAG rows that could not be used
};

// Checks the combination of options (config_error), computes the hot spots and writes `out` beside
// itself, then renames it into place: a link there is replaced, not written through, and no one reads
// half a file.
HotspotsSummary run_hotspots(const HotspotsOptions& options);

}  // namespace onregel
