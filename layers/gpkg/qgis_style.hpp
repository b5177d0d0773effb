#pragma once
// QGIS layer styles (QML) and QGIS's own `layer_styles` table, from which QGIS styles the layers of a
// GeoPackage on opening.
#include <string>
#include <vector>

#include "layers/table/feature_table.hpp"

class GDALDataset;

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

// Creates the `layer_styles` table in `dataset` with one default style per entry of `styles`, whose
// update_time is `timestamp` (ISO 8601). Throws environment_error when GDAL cannot.
void write_qgis_styles(GDALDataset& dataset, const std::vector<LayerStyle>& styles, const std::string& timestamp);

}  // namespace onregel
