#pragma once
// The GeoJSON outputs (RFC 7946: WGS84 longitude/latitude, 6 decimals), built from the town and
// the ranking. Byte-reproducible: fixed key order, locale-free numbers.
#include <string>
#include <string_view>
#include <vector>

#include "crs.hpp"
#include "engine/analysis/ranking.hpp"
#include "engine/analysis/scoring.hpp"
#include "engine/model.hpp"
#include "feature_table.hpp"
#include "gpkg_writer.hpp"

namespace onregel {

// Who the output is for. `loo` (default) carries no handelsnamen or KvK numbers; `handhaving`
// adds what the teams need at the door.
enum class Profiel { loo, handhaving };
Profiel parse_profiel(std::string_view text);  // throws config_error
std::string_view profiel_name(Profiel profiel);

// One Point per flagged verblijfsobject, in rank order, with the properties of the data contract
// (`bijdragen` and `bewijs` as nested objects). `buurt`, when given (--buurten), holds each
// verblijfsobject's buurt name and adds the column `buurt`.
FeatureTable locaties_table(const Town& town, const std::vector<Beoordeling>& ranked, Profiel profiel,
                            const std::vector<std::string>& buurt = {});
std::string locaties_geojson(const Town& town, const std::vector<Beoordeling>& ranked, Profiel profiel,
                             const RdToWgs84& to_wgs84);

// The panden ranking: one row per pand with a flagged object, its outline when the input has one.
FeatureTable panden_ranking_table(const Town& town, const std::vector<Beoordeling>& ranked,
                                  const std::vector<PandScore>& panden);

// The signal ids of a pand's flagged objects, in rank order, each once; the integrale bonus left out.
std::vector<std::string> pand_signalen(const std::vector<Beoordeling>& ranked, const PandScore& pand);

// QGIS styles in the viewer's colours for the tables of a run: locaties and panden_ranking graduated
// by score (four equal bands), hotspots by klasse (0 not drawn), controles by controledag.
std::vector<LayerStyle> run_styles(const std::vector<const FeatureTable*>& tables);

// Pand outlines as the offline basemap of the viewer.
std::string panden_geojson(const Town& town, const RdToWgs84& to_wgs84);

// The number of active vestigingen on an object at the peildatum.
int actieve_vestigingen(const Town& town, std::uint32_t vbo);

}  // namespace onregel
