#include "gpkg_writer.hpp"

#include <cpl_conv.h>
#include <algorithm>
#include <limits>
#include <sys/stat.h>

#include "engine/text.hpp"
#include "gdal_source.hpp"
#include "gpkg_rtree.hpp"

namespace onregel {

namespace {

std::string xml_escaped(const std::string& text) {
    std::string out;
    for (char c : text) {
        switch (c) {
            case '&': out += "&amp;"; break;
            case '<': out += "&lt;"; break;
            case '>': out += "&gt;"; break;
            case '"': out += "&quot;"; break;
            case '\'': out += "&apos;"; break;
            default: out += c;
        }
    }
    return out;
}

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
                      " <renderer-v2 type=\"" + renderer + "\" attr=\"" + xml_escaped(attribute) +
                      "\" symbollevels=\"0\" enableorderby=\"0\" forceraster=\"0\"" +
                      (renderer == "graduatedSymbol" ? " graduatedMethod=\"GraduatedColor\"" : "") + ">\n";
    xml += items + "  <symbols>\n";
    for (std::size_t i = 0; i < classes.size(); ++i) xml += symbol_xml(static_cast<int>(i), geometry, classes[i].colour);
    xml += "  </symbols>\n </renderer-v2>\n <layerGeometryType>" +
           std::string(geometry == GeometryType::point ? "0" : "2") + "</layerGeometryType>\n</qgis>\n";
    return xml;
}

void set_private(const std::filesystem::path& path) {
    if (::chmod(path.c_str(), 0600) != 0) throw std::runtime_error(path.string() + ": cannot make the file private");
}

DatasetPtr create(const char* driver_name, const std::filesystem::path& path) {
    register_gdal_once();
    auto* driver = GetGDALDriverManager()->GetDriverByName(driver_name);
    if (!driver) throw std::runtime_error(std::string("GDAL has no ") + driver_name + " driver");
    DatasetPtr dataset(driver->Create(path.c_str(), 0, 0, 0, GDT_Unknown, nullptr));
    if (!dataset) throw std::runtime_error(path.string() + ": cannot create (" + CPLGetLastErrorMsg() + ")");
    return dataset;
}

// Integer columns are 32-bit when every value fits: GDAL 3.6's GeoPackage driver formats each
// Integer64 value as text (OGRFeature::GetFieldAsString) before binding it, which took half the
// time of writing a layer.
OGRFieldType field_type(const FeatureLayer& layer, std::size_t column) {
    switch (layer.columns[column].type) {
        case ColumnType::integer: return layer.wide(column) ? OFTInteger64 : OFTInteger;
        case ColumnType::real:
        case ColumnType::p_value: return OFTReal;
        default: return OFTString;
    }
}

void check(OGRErr err, const std::string& what) {
    if (err != OGRERR_NONE) throw std::runtime_error(what + " (" + CPLGetLastErrorMsg() + ")");
}

// A value of a 32-bit field. A made layer promises its integers fit (FeatureLayer::wide): a row that
// breaks the promise stops the writer rather than being cut short.
int int32_value(const FeatureLayer& layer, std::size_t column, std::int64_t value) {
    if (value < std::numeric_limits<int>::min() || value > std::numeric_limits<int>::max())
        throw std::logic_error(layer.name + "." + layer.columns[column].name + ": " + std::to_string(value) +
                               " does not fit the 32-bit field");
    return static_cast<int>(value);
}

// Writes the rows of `layer` into a new GDAL layer, a block at a time; `srs` null writes no geometry.
// Returns the features' boxes for the spatial index, which is left to write_gpkg_rtree.
std::vector<RtreeEntry> write_layer(GDALDataset& dataset, const FeatureLayer& layer, OGRSpatialReference* srs,
                                    bool neutralise) {
    const auto geometry_type = !srs ? wkbNone : layer.geometry == GeometryType::point ? wkbPoint : wkbPolygon;
    const char* options[] = {"SPATIAL_INDEX=NO", nullptr};
    OGRLayer* out = dataset.CreateLayer(layer.name.c_str(), srs, geometry_type, const_cast<char**>(options));
    if (!out) throw std::runtime_error("cannot create layer " + layer.name + " (" + CPLGetLastErrorMsg() + ")");
    std::vector<bool> int32(layer.columns.size());
    for (std::size_t c = 0; c < layer.columns.size(); ++c) {
        const auto type = field_type(layer, c);
        int32[c] = type == OFTInteger;
        OGRFieldDefn field(layer.columns[c].name.c_str(), type);
        check(out->CreateField(&field), "cannot create field " + layer.columns[c].name);
    }
    check(out->StartTransaction(), "cannot start a transaction on " + layer.name);
    std::vector<RtreeEntry> boxes;
    layer.for_each_block([&](std::size_t, std::span<const FeatureRow> rows) {
        for (const auto& row : rows) {
            OGRFeature feature(out->GetLayerDefn());
            for (std::size_t c = 0; c < layer.columns.size(); ++c) {
                const auto& cell = row.cells[c];
                const int i = static_cast<int>(c);
                if (std::holds_alternative<std::monostate>(cell)) feature.SetFieldNull(i);
                else if (const auto* n = std::get_if<std::int64_t>(&cell))
                    int32[c] ? feature.SetField(i, int32_value(layer, c, *n)) : feature.SetField(i, static_cast<GIntBig>(*n));
                else if (const auto* d = std::get_if<double>(&cell)) feature.SetField(i, *d);
                else if (const auto* s = std::get_if<std::string>(&cell); s && !neutralise) feature.SetField(i, s->c_str());
                else {
                    const auto text = cell_text(layer.columns[c], cell);
                    feature.SetField(i, (neutralise ? spreadsheet_safe(text) : text).c_str());
                }
            }
            if (srs && !row.shape.empty()) {
                if (layer.geometry == GeometryType::point) {
                    feature.SetGeometryDirectly(new OGRPoint(row.shape.front().x, row.shape.front().y));
                } else {
                    auto* ring = new OGRLinearRing;
                    for (const auto& p : row.shape) ring->addPoint(p.x, p.y);
                    auto* polygon = new OGRPolygon;
                    polygon->addRingDirectly(ring);
                    feature.SetGeometryDirectly(polygon);
                }
            }
            check(out->CreateFeature(&feature), "cannot write to layer " + layer.name);
            if (srs && !row.shape.empty()) {
                RtreeEntry box{feature.GetFID(), row.shape.front().x, row.shape.front().x, row.shape.front().y,
                               row.shape.front().y};
                for (const auto& p : row.shape) {
                    box.min_x = std::min(box.min_x, p.x), box.max_x = std::max(box.max_x, p.x);
                    box.min_y = std::min(box.min_y, p.y), box.max_y = std::max(box.max_y, p.y);
                }
                boxes.push_back(box);
            }
        }
    });
    check(out->CommitTransaction(), "cannot commit layer " + layer.name);
    return boxes;
}

// QGIS's own layer_styles schema, which it reads from a GeoPackage to style layers on opening.
void write_styles(GDALDataset& dataset, const std::vector<LayerStyle>& styles, const std::string& timestamp) {
    OGRLayer* layer = dataset.CreateLayer("layer_styles", nullptr, wkbNone, nullptr);
    if (!layer) throw std::runtime_error(std::string("cannot create layer_styles (") + CPLGetLastErrorMsg() + ")");
    const std::pair<const char*, int> texts[] = {{"f_table_catalog", 256}, {"f_table_schema", 256}, {"f_table_name", 256},
                                                 {"f_geometry_column", 256}, {"styleName", 30}, {"styleQML", 0},
                                                 {"styleSLD", 0}};
    for (const auto& [name, width] : texts) {
        OGRFieldDefn field(name, OFTString);
        field.SetWidth(width);
        check(layer->CreateField(&field), std::string("cannot create layer_styles.") + name);
    }
    OGRFieldDefn use("useAsDefault", OFTInteger);
    use.SetSubType(OFSTBoolean);
    check(layer->CreateField(&use), "cannot create layer_styles.useAsDefault");
    for (const auto& [name, width] : {std::pair<const char*, int>{"description", 0}, {"owner", 30}, {"ui", 30}}) {
        OGRFieldDefn field(name, OFTString);
        field.SetWidth(width);
        check(layer->CreateField(&field), std::string("cannot create layer_styles.") + name);
    }
    OGRFieldDefn update("update_time", OFTDateTime);
    check(layer->CreateField(&update), "cannot create layer_styles.update_time");
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
        check(layer->CreateFeature(&feature), "cannot write layer_styles");
    }
}

// Sets a thread-local GDAL config option for the lifetime of the object.
class ScopedConfig {
public:
    ScopedConfig(const char* key, const std::string& value) : key_(key) {
        if (const char* old = CPLGetThreadLocalConfigOption(key, nullptr)) old_ = old, had_ = true;
        CPLSetThreadLocalConfigOption(key, value.c_str());
    }
    ~ScopedConfig() { CPLSetThreadLocalConfigOption(key_, had_ ? old_.c_str() : nullptr); }
    ScopedConfig(const ScopedConfig&) = delete;
    ScopedConfig& operator=(const ScopedConfig&) = delete;

private:
    const char* key_;
    std::string old_;
    bool had_ = false;
};

}  // namespace

std::string qml_graduated(const std::string& attribute, GeometryType geometry, const std::vector<StyleClass>& classes) {
    std::string items = "  <ranges>\n";
    for (std::size_t i = 0; i < classes.size(); ++i)
        items += "   <range render=\"" + std::string(classes[i].render ? "true" : "false") + "\" symbol=\"" + std::to_string(i) +
                 "\" lower=\"" + format_decimal(classes[i].lower, 6) + "\" upper=\"" + format_decimal(classes[i].upper, 6) +
                 "\" label=\"" + xml_escaped(classes[i].label) + "\"/>\n";
    return qml_document("graduatedSymbol", attribute, geometry, items + "  </ranges>\n", classes);
}

std::string qml_categorized(const std::string& attribute, GeometryType geometry, const std::vector<StyleClass>& classes) {
    std::string items = "  <categories>\n";
    for (std::size_t i = 0; i < classes.size(); ++i)
        items += "   <category render=\"" + std::string(classes[i].render ? "true" : "false") + "\" symbol=\"" +
                 std::to_string(i) + "\" value=\"" + xml_escaped(classes[i].value) + "\" label=\"" +
                 xml_escaped(classes[i].label) + "\"/>\n";
    return qml_document("categorizedSymbol", attribute, geometry, items + "  </categories>\n", classes);
}

void write_gpkg(const std::filesystem::path& path, const std::vector<FeatureLayer>& layers,
                const std::vector<LayerStyle>& styles, const std::string& timestamp) {
    // The GeoPackage driver stamps gpkg_contents.last_change with this instead of the clock.
    const ScopedConfig date("OGR_CURRENT_DATE", timestamp);
    // A file either appears whole (the run's staging directory is committed at the end) or not at all,
    // so SQLite need not make each step durable.
    const ScopedConfig synchronous("OGR_SQLITE_SYNCHRONOUS", "OFF");
    const ScopedConfig journal("OGR_SQLITE_JOURNAL", "OFF");
    std::vector<std::vector<RtreeEntry>> boxes;
    {
        auto dataset = create("GPKG", path);
        OGRSpatialReference rd;
        rd.importFromEPSG(28992);
        rd.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
        for (const auto& layer : layers) boxes.push_back(write_layer(*dataset, layer, &rd, false));
        write_styles(*dataset, styles, timestamp);
    }
    for (std::size_t i = 0; i < layers.size(); ++i) write_gpkg_rtree(path, layers[i].name, "geom", std::move(boxes[i]));
    set_private(path);
}

void write_xlsx(const std::filesystem::path& path, const FeatureLayer& layer) {
    {
        auto dataset = create("XLSX", path);
        write_layer(*dataset, layer, nullptr, true);
    }
    set_private(path);
}

}  // namespace onregel
