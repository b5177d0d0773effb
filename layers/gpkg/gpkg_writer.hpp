#pragma once
// Feature tables through GDAL: a GeoPackage in RD New (EPSG:28992) with QGIS layer styles, so QGIS
// colours each layer on opening, and an XLSX workbook whose id columns are text cells.
#include <filesystem>
#include <string>
#include <vector>

#include "layers/table/feature_table.hpp"

namespace onregel {

// A QGIS style (QML) for one layer of the GeoPackage.
struct LayerStyle {
    std::string layer;
    std::string qml;
    std::string beschrijving;
};

// Colours as "#rrggbb".
struct StyleClass {
    double lower = 0, upper = 0;  // graduated: lower < value <= upper (the first class includes lower)
    std::string value;            // categorized: the attribute value
    std::string label;
    std::string colour;
    bool render = true;
};
// QML for a graduated (ranges) or categorized renderer on `attribute`, point markers or polygon fills.
std::string qml_graduated(const std::string& attribute, GeometryType geometry, const std::vector<StyleClass>& classes);
std::string qml_categorized(const std::string& attribute, GeometryType geometry, const std::vector<StyleClass>& classes);

// Writes every layer, a block of rows at a time, and the styles into QGIS's `layer_styles` table (marked
// as default). `timestamp` (ISO 8601) is written as the GeoPackage's last_change and the styles'
// update_time, so the same data gives the same file. The file gets mode 0600.
void write_gpkg(const std::filesystem::path& path, const std::vector<FeatureLayer>& layers,
                const std::vector<LayerStyle>& styles, const std::string& timestamp);

// One sheet named after the layer, without geometry; text neutralised against formulas. Mode 0600.
void write_xlsx(const std::filesystem::path& path, const FeatureLayer& layer);

}  // namespace onregel
