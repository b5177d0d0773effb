#pragma once
// The GeoJSON outputs (RFC 7946: WGS84 longitude/latitude, 6 decimals), built from the town and
// the ranking. Byte-reproducible: fixed key order, locale-free numbers.
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "layers/source/crs.hpp"
#include "engine/analysis/ranking.hpp"
#include "engine/analysis/scoring.hpp"
#include "engine/model.hpp"
#include "layers/table/feature_table.hpp"
#include "layers/gpkg/qgis_style.hpp"

namespace onregel {

// Who the output is for. `loo` (default) carries no handelsnamen or KvK numbers; `handhaving`
// adds what the teams need at the door.
enum class Profiel { loo, handhaving };
Profiel parse_profiel(std::string_view text);  // throws config_error
std::string_view profiel_name(Profiel profiel);

// One Point per flagged verblijfsobject, in rank order, with the properties of the data contract
// (`bijdragen` and `bewijs` as nested objects). `buurt`, when given (--buurten), holds each
// verblijfsobject's buurt name and adds the column `buurt`. The rows are made as the writers come to
// them, from town, ranked and buurt, which must outlive the layer.
// The columns of locaties_layer: with `buurt` when --buurten gave buurten, handelsnamen in profile handhaving.
// The columns that name a verblijfsobject, its pand and address, in every table of addresses.
std::vector<Column> object_columns(std::string_view bag_id_help);  // bag_id_help: a string literal
std::vector<Column> locaties_columns(Profiel profiel, bool buurt);
FeatureLayer locaties_layer(const Town& town, const std::vector<Beoordeling>& ranked, Profiel profiel,
                            std::span<const std::string> buurt = {});

// The panden ranking: one row per pand with a flagged object, its outline when the input has one.
// Made as the writers come to it, from town, ranked and panden, which must outlive the layer.
std::vector<Column> panden_ranking_columns();
FeatureLayer panden_ranking_layer(const Town& town, const std::vector<Beoordeling>& ranked,
                                  const std::vector<PandScore>& panden);

// The signal ids of a pand's flagged objects, in rank order, each once; the integrale bonus left out.
std::vector<std::string> pand_signalen(const std::vector<Beoordeling>& ranked, const PandScore& pand);

// QGIS styles in the viewer's colours for the layers of a run: locaties and panden_ranking graduated
// by score (four equal bands), hotspots by klasse (0 not drawn), controles by controledag.
std::vector<LayerStyle> run_styles(const std::vector<FeatureLayer>& layers);

// What the viewer carries of a run. A browser cannot draw a whole town (at a million objects the full
// lists are hundreds of megabytes), so the viewer holds the top of the ranking, every controle and
// hot spot cell, and as its basemap the panden around what it shows; the full lists stay in
// locaties.geojson, onregel.gpkg and controles.*.
inline constexpr std::size_t viewer_max_locaties = 2000;  // the default of `run --viewer-max`
inline constexpr double viewer_basemap_radius = 250;      // metres around each locatie and controle shown
struct ViewerSelection {
    std::size_t locaties = 0;           // the first rows of the locaties table
    std::vector<std::uint32_t> panden;  // the basemap: indices into town.panden, ascending
};
// The first `max_locaties` rows of `locaties` (in rank order; it may hold just those, see first_rows)
// and the panden within viewer_basemap_radius of any of them or of any row of `controles`.
ViewerSelection viewer_selection(const Town& town, const FeatureTable& locaties, const FeatureTable& controles,
                                 std::size_t max_locaties);

// The panden with an outline whose bounding box lies within `radius` metres of any of `points`.
std::vector<std::uint32_t> panden_near(const Town& town, std::span<const Point> points, double radius);

inline constexpr double basemap_tolerance = 0.5;  // metres: about a pixel where a street fills the screen

// Pand outlines as the offline basemap of the viewer, simplified by basemap_tolerance: the given
// panden (see panden_near).
std::string panden_geojson(const Town& town, std::span<const std::uint32_t> panden, const RdToWgs84& to_wgs84);

// The number of active vestigingen on an object at the peildatum.
int actieve_vestigingen(const Town& town, std::uint32_t vbo);

}  // namespace onregel
