#pragma once
// The informatiebeeld as data: informatiebeeld.json's figures and gebieden.geojson.
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "engine/analysis/informatiebeeld.hpp"
#include "layers/read/gebieden.hpp"
#include "layers/source/crs.hpp"

namespace onregel {

nlohmann::ordered_json cijfers_json(const Gebiedscijfers& c);
nlohmann::ordered_json kengetallen_json(const std::vector<Kengetal>& list);
// The areas as MultiPolygons in WGS84 with their key figures, for the viewer and for QGIS.
std::string gebieden_geojson(const std::vector<Gebied>& gebieden, const std::vector<Gebiedscijfers>& cijfers,
                             const Gemeentebeeld& beeld, const RdToWgs84& to_wgs84);

}  // namespace onregel
