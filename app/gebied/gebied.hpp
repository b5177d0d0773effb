#pragma once
// `onregel gebied`: DOOK's "gebied analyseren". For each polygon of --gebied, the verblijfsobjecten
// whose point lies inside (GEOS prepared geometries: a pand that straddles the boundary contributes
// only its objects inside), a basisdataset of them (XLSX + CSV), an informatiebeeld of the area beside
// the gemeente (JSON, Markdown, HTML), gebieden.geojson and the viewer.
#include <filesystem>
#include <string>
#include <vector>

#include "layers/read/gebieden.hpp"
#include "layers/read/inputs.hpp"
#include "app/run/outputs.hpp"

namespace onregel {

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
