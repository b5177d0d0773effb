#pragma once
// The GeoJSON outputs (RFC 7946: WGS84 longitude/latitude, 6 decimals), built from the town and
// the ranking. Byte-reproducible: fixed key order, locale-free numbers.
#include <string>
#include <string_view>
#include <vector>

#include "crs.hpp"
#include "engine/analysis/scoring.hpp"
#include "engine/model.hpp"

namespace onregel {

// Who the output is for. `loo` (default) carries no handelsnamen or KvK numbers; `handhaving`
// adds what the teams need at the door.
enum class Profiel { loo, handhaving };
Profiel parse_profiel(std::string_view text);  // throws config_error
std::string_view profiel_name(Profiel profiel);

// One Point per flagged verblijfsobject, in rank order, with the properties of the data contract.
std::string locaties_geojson(const Town& town, const std::vector<Beoordeling>& ranked, Profiel profiel,
                             const RdToWgs84& to_wgs84);

// Pand outlines as the offline basemap of the viewer.
std::string panden_geojson(const Town& town, const RdToWgs84& to_wgs84);

// The number of active vestigingen on an object at the peildatum.
int actieve_vestigingen(const Town& town, std::uint32_t vbo);

}  // namespace onregel
