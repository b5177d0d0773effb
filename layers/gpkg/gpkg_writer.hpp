#pragma once
// Feature tables into a GeoPackage in RD New (EPSG:28992) with QGIS layer styles (qgis_style.hpp),
// so QGIS colours each layer on opening.
#include <filesystem>
#include <string>
#include <vector>

#include "layers/gpkg/qgis_style.hpp"
#include "layers/table/feature_table.hpp"

namespace onregel {

// Writes every layer, a block of rows at a time, and the styles into QGIS's `layer_styles` table (marked
// as default). `timestamp` (ISO 8601) is written as the GeoPackage's last_change and the styles'
// update_time, so the same data gives the same file. The file gets mode 0600.
void write_gpkg(const std::filesystem::path& path, const std::vector<FeatureLayer>& layers,
                const std::vector<LayerStyle>& styles, const std::string& timestamp);

}  // namespace onregel
