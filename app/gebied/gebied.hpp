#pragma once
// `onregel gebied`: DOOK's "gebied analyseren". For each polygon of --gebied, the verblijfsobjecten
// whose point lies inside (GEOS prepared geometries: a pand that straddles the boundary contributes
// only its objects inside), a basisdataset of them (XLSX + CSV), an informatiebeeld of the area beside
// the gemeente (JSON, Markdown, HTML), gebieden.geojson and the viewer.
#include <filesystem>
#include <string>
#include <vector>

#include "layers/read/inputs.hpp"
#include "app/run/outputs.hpp"

namespace onregel {

// One area of --gebied: its name, the file name its basisdataset gets (without extension) and its
// polygons in RD New, each a list of closed rings with the outer ring first.
struct Gebied {
    std::string naam;
    std::string bestand;
    std::vector<std::vector<std::vector<Point>>> vlakken;
};

// Reads every feature of the first layer (or the layer "gebieden") as an area. Names come from
// `naam_kolom`, else from the column naam, name or buurtnaam, else "gebied <n>" (n: the feature's
// position, from 1). Throws input_error for a feature without a polygon or outside the Netherlands.
std::vector<Gebied> read_gebieden(const std::string& source, const std::string& naam_kolom);

// The members of each area, ascending: objects whose point lies inside or on the boundary, and
// meldingen on such an object or, without object, with their location inside.
struct GebiedLeden {
    std::vector<std::uint32_t> vbos;
    std::vector<std::uint32_t> meldingen;
};
std::vector<GebiedLeden> gebied_leden(const std::vector<Gebied>& gebieden, const Town& town);

struct GebiedOptions {
    InputSources sources;     // bag, kvk and optionally meldingen
    std::string gebied;       // the polygon source
    std::string naam_kolom;   // empty: naam, name or buurtnaam
    std::string config_path;  // empty: defaults
    std::filesystem::path out;
    bool overwrite = false;
    Profiel profiel = Profiel::loo;
};

struct GebiedRegel {
    std::string naam, bestand;
    int objecten = 0, vestigingen = 0, objecten_met_signaal = 0;
};

struct GebiedSummary {
    std::vector<std::string> written;  // file names inside --out
    std::vector<GebiedRegel> gebieden;
};

GebiedSummary run_gebied(const GebiedOptions& options);

}  // namespace onregel
