#pragma once
// The entry point of each source reader, in GDAL-free declarations: what app/ and read_inputs() call.
// How they read (OGR, the CSV fast route, rejects per row) is in readers.hpp, for layers/read/ only.
#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "engine/model.hpp"
#include "engine/register/register.hpp"
#include "engine/register/register_config.hpp"
#include "layers/read/address_index.hpp"
#include "layers/read/inputs.hpp"

namespace onregel {

// The BAG readers add verblijfsobjecten (and ligplaatsen/standplaatsen) and their panden to `town`;
// nevenadressen (LV BAG only) go to `nevenadressen` for the address index.
void read_bag(const std::string& source, const ReadOptions& options, Town& town, std::vector<NevenAdres>& nevenadressen,
              Rejects& rejects, LayerStats& stats);
// The pand layer of the same source (bag-light): status, bouwjaar and outline of the panden that
// read_bag found through their verblijfsobjecten; panden without verblijfsobjecten are not needed.
// Every row of the pand layer is counted in `telling`: used, not needed, outside the selection, or
// unreadable (its outline is then missing).
void read_bag_panden(const std::string& source, const ReadOptions& options, Town& town, Telling& telling);
// The Kadaster LV BAG 2.0 extract: a zip of zips, a zip of XML files, or a directory of XML files.
bool is_lvbag_extract(const std::string& source);
void read_lvbag(const std::string& source, const ReadOptions& options, Town& town,
                std::vector<NevenAdres>& nevenadressen, Rejects& rejects, LayerStats& stats);

void read_kvk(const std::string& source, const AddressIndex& index, const ReadOptions& options, Town& town,
              Rejects& rejects, LayerStats& stats);
// Vestigingsprofiel JSON as the KvK API returns it: an array, or one object per line.
bool is_kvk_json(const std::string& source);
void read_kvk_json(const std::string& source, const AddressIndex& index, const ReadOptions& options, Town& town,
                   Rejects& rejects, LayerStats& stats);
void read_meldingen(const std::string& source, const AddressIndex& index, const ReadOptions& options, Town& town,
                    Rejects& rejects, LayerStats& stats);
void read_vergunningen(const std::string& source, const AddressIndex& index, const ReadOptions& options, Town& town,
                       Rejects& rejects, LayerStats& stats);
void read_erkenningen(const std::string& source, const AddressIndex& index, const ReadOptions& options, Town& town,
                      Rejects& rejects, LayerStats& stats);
void read_uitkomsten(const std::string& source, const AddressIndex& index, const ReadOptions& options,
                     std::vector<Uitkomst>& uitkomsten, Rejects& rejects, LayerStats& stats);
// The register's sheets (onregel register import): the controles sheet of `run` as filled in at the
// door, or the uitkomsten CSV of `evaluate` (bag_id, datum, uitkomst, categorie), gives controles and
// the interventies its vervolg column names; an interventies sheet (bag_id, soort, start, einde, afloop)
// gives interventies. Keys and names are those of the config's [register] tables.
void read_controles_sheet(const std::string& source, const RegisterBeleid& beleid, Register& out, Rejects& rejects,
                          LayerStats& stats);
void read_interventies_sheet(const std::string& source, const RegisterBeleid& beleid, Register& out, Rejects& rejects,
                             LayerStats& stats);
// Assigns every verblijfsobject the buurt its point lies in (GEOS prepared polygons).
void read_buurten(const std::string& source, const std::vector<Verblijfsobject>& vbos, const ReadOptions& options,
                  std::vector<std::string>& buurt, std::map<std::string, std::string>& buurtnamen, Rejects& rejects,
                  LayerStats& stats);

// The points of any OGR point layer in RD New (`onregel hotspots`), with the number in `value_column`
// per point when one is named; input_error naming the row for a point or number that cannot be read.
struct PuntenLaag {
    std::vector<Point> points;
    std::vector<double> values;  // with a value column only
};
PuntenLaag read_points(const std::string& source, const std::string& layer_name, const std::string& value_column);

// The addresses a run proposed as steekproef, as its controles.csv writes them.
struct SteekproefAdres {
    std::string bag_id, postcode;
    std::int32_t huisnummer = 0;
    std::string huisletter, toevoeging;
};
std::vector<SteekproefAdres> read_steekproef_controles(const std::string& controles_csv);

}  // namespace onregel
