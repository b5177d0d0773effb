#include "layers/gpkg/qgis_style.hpp"

#include <cpl_conv.h>

#include "engine/text.hpp"
#include "layers/errors.hpp"
#include "layers/table/ogr_table.hpp"

namespace onregel {

namespace {

// "#b2182b" -> "178,24,43,255", QGIS's colour notation.
std::string qgis_colour(const std::string& hex) {
    const auto channel = [&](int at) { return std::to_string(std::stoi(hex.substr(static_cast<std::size_t>(at), 2), nullptr, 16)); };
    return channel(1) + "," + channel(3) + "," + channel(5) + ",255";
}

// One symbol; every property written both as <Option> (QGIS >= 3.26) and <prop> (older 3.x).
std::string symbol_xml(int index, GeometryType geometry, const std::string& colour) {
    const bool point = geometry == GeometryType::point;
    const std::vector<std::pair<std::string, std::string>> props =
        point ? std::vector<std::pair<std::string, std::string>>{{"color", qgis_colour(colour)}, {"name", "circle"},
                                                                 {"outline_color", "35,35,35,255"}, {"outline_width", "0.2"},
                                                                 {"size", "3"}}
              : std::vector<std::pair<std::string, std::string>>{{"color", qgis_colour(colour)}, {"style", "solid"},
                                                                 {"outline_color", "80,80,80,255"}, {"outline_width", "0.1"}};
    std::string xml = "   <symbol type=\"" + std::string(point ? "marker" : "fill") + "\" name=\"" + std::to_string(index) +
                      "\" alpha=\"" + (point ? "1" : "0.6") + "\" clip_to_extent=\"1\" force_rhr=\"0\">\n";
    xml += "    <layer class=\"" + std::string(point ? "SimpleMarker" : "SimpleFill") + "\" enabled=\"1\" pass=\"0\" locked=\"0\">\n";
    xml += "     <Option type=\"Map\">\n";
    for (const auto& [k, v] : props) xml += "      <Option type=\"QString\" name=\"" + k + "\" value=\"" + v + "\"/>\n";
    xml += "     </Option>\n";
    for (const auto& [k, v] : props) xml += "     <prop k=\"" + k + "\" v=\"" + v + "\"/>\n";
    xml += "    </layer>\n   </symbol>\n";
    return xml;
}

std::string qml_document(const std::string& renderer, const std::string& attribute, GeometryType geometry,
                         const std::string& items, const std::vector<StyleClass>& classes) {
    std::string xml = "<!DOCTYPE qgis PUBLIC 'http://mrcc.com/qgis.dtd' 'SYSTEM'>\n"
                      "<qgis version=\"3.28.0\" styleCategories=\"Symbology\">\n"
                      " <renderer-v2 type=\"" + renderer + "\" attr=\"" + markup_escaped(attribute) +
                      "\" symbollevels=\"0\" enableorderby=\"0\" forceraster=\"0\"" +
                      (renderer == "graduatedSymbol" ? " graduatedMethod=\"GraduatedColor\"" : "") + ">\n";
    xml += items + "  <symbols>\n";
    for (std::size_t i = 0; i < classes.size(); ++i) xml += symbol_xml(static_cast<int>(i), geometry, classes[i].colour);
    xml += "  </symbols>\n </renderer-v2>\n <layerGeometryType>" +
           std::string(geometry == GeometryType::point ? "0" : "2") + "</layerGeometryType>\n</qgis>\n";
    return xml;
}

}  // namespace

std::string qml_graduated(const std::string& attribute, GeometryType geometry, const std::vector<StyleClass>& classes) {
    std::string items = "  <ranges>\n";
    for (std::size_t i = 0; i < classes.size(); ++i)
        items += "   <range render=\"" + std::string(classes[i].render ? "true" : "false") + "\" symbol=\"" + std::to_string(i) +
                 "\" lower=\"" + format_decimal(classes[i].lower, 6) + "\" upper=\"" + format_decimal(classes[i].upper, 6) +
                 "\" label=\"" + markup_escaped(classes[i].label) + "\"/>\n";
    return qml_document("graduatedSymbol", attribute, geometry, items + "  </ranges>\n", classes);
}

std::string qml_categorized(const std::string& attribute, GeometryType geometry, const std::vector<StyleClass>& classes) {
    std::string items = "  <categories>\n";
    for (std::size_t i = 0; i < classes.size(); ++i)
        items += "   <category render=\"" + std::string(classes[i].render ? "true" : "false") + "\" symbol=\"" +
                 std::to_string(i) + "\" value=\"" + markup_escaped(classes[i].value) + "\" label=\"" +
                 markup_escaped(classes[i].label) + "\"/>\n";
    return qml_document("categorizedSymbol", attribute, geometry, items + "  </categories>\n", classes);
}

// QGIS's own layer_styles schema, which it reads from a GeoPackage to style layers on opening.
void write_qgis_styles(GDALDataset& dataset, const std::vector<LayerStyle>& styles, const std::string& timestamp) {
    OGRLayer* layer = dataset.CreateLayer("layer_styles", nullptr, wkbNone, nullptr);
    if (!layer) throw environment_error(std::string("cannot create layer_styles (") + CPLGetLastErrorMsg() + ")");
    const std::pair<const char*, int> texts[] = {{"f_table_catalog", 256}, {"f_table_schema", 256}, {"f_table_name", 256},
                                                 {"f_geometry_column", 256}, {"styleName", 30}, {"styleQML", 0},
                                                 {"styleSLD", 0}};
    for (const auto& [name, width] : texts) {
        OGRFieldDefn field(name, OFTString);
        field.SetWidth(width);
        check_ogr(layer->CreateField(&field), std::string("cannot create layer_styles.") + name);
    }
    OGRFieldDefn use("useAsDefault", OFTInteger);
    use.SetSubType(OFSTBoolean);
    check_ogr(layer->CreateField(&use), "cannot create layer_styles.useAsDefault");
    for (const auto& [name, width] : {std::pair<const char*, int>{"description", 0}, {"owner", 30}, {"ui", 30}}) {
        OGRFieldDefn field(name, OFTString);
        field.SetWidth(width);
        check_ogr(layer->CreateField(&field), std::string("cannot create layer_styles.") + name);
    }
    OGRFieldDefn update("update_time", OFTDateTime);
    check_ogr(layer->CreateField(&update), "cannot create layer_styles.update_time");
    for (const auto& style : styles) {
        OGRFeature feature(layer->GetLayerDefn());
        feature.SetField("f_table_catalog", "");
        feature.SetField("f_table_schema", "");
        feature.SetField("f_table_name", style.layer.c_str());
        feature.SetField("f_geometry_column", "geom");
        feature.SetField("styleName", style.layer.c_str());
        feature.SetField("styleQML", style.qml.c_str());
        feature.SetField("styleSLD", "");
        feature.SetField("useAsDefault", 1);
        feature.SetField("description", style.beschrijving.c_str());
        feature.SetField("owner", "");
        feature.SetField("ui", "");
        feature.SetField("update_time", timestamp.c_str());
        check_ogr(layer->CreateFeature(&feature), "cannot write layer_styles");
    }
}

}  // namespace onregel
