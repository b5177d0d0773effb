#include "layers/table/ogr_table.hpp"

#include <cpl_conv.h>
#include <limits>
#include <sys/stat.h>

#include "layers/errors.hpp"

namespace onregel {

void set_private(const std::filesystem::path& path) {
    if (::chmod(path.c_str(), 0600) != 0) throw environment_error(path.string() + ": cannot make the file private");
}

DatasetPtr create_dataset(const char* driver_name, const std::filesystem::path& path) {
    register_gdal_once();
    auto* driver = GetGDALDriverManager()->GetDriverByName(driver_name);
    if (!driver) throw environment_error(std::string("GDAL has no ") + driver_name + " driver");
    DatasetPtr dataset(driver->Create(path.c_str(), 0, 0, 0, GDT_Unknown, nullptr));
    if (!dataset) throw environment_error(path.string() + ": cannot create (" + CPLGetLastErrorMsg() + ")");
    return dataset;
}

OGRFieldType field_type(const FeatureLayer& layer, std::size_t column) {
    switch (layer.columns[column].type) {
        case ColumnType::integer: return layer.wide(column) ? OFTInteger64 : OFTInteger;
        case ColumnType::real:
        case ColumnType::p_value: return OFTReal;
        default: return OFTString;
    }
}

void check_ogr(OGRErr err, const std::string& what) {
    if (err != OGRERR_NONE) throw environment_error(what + " (" + CPLGetLastErrorMsg() + ")");
}

int int32_value(const FeatureLayer& layer, std::size_t column, std::int64_t value) {
    if (value < std::numeric_limits<int>::min() || value > std::numeric_limits<int>::max())
        throw std::logic_error(layer.name + "." + layer.columns[column].name + ": " + std::to_string(value) +
                               " does not fit the 32-bit field");
    return static_cast<int>(value);
}

OGRLayer& create_layer(GDALDataset& dataset, const FeatureLayer& layer, OGRSpatialReference* srs) {
    const auto geometry_type = !srs ? wkbNone : layer.geometry == GeometryType::point ? wkbPoint : wkbPolygon;
    const char* options[] = {"SPATIAL_INDEX=NO", nullptr};
    OGRLayer* out = dataset.CreateLayer(layer.name.c_str(), srs, geometry_type, const_cast<char**>(options));
    if (!out) throw environment_error("cannot create layer " + layer.name + " (" + CPLGetLastErrorMsg() + ")");
    for (std::size_t c = 0; c < layer.columns.size(); ++c) {
        OGRFieldDefn field(layer.columns[c].name.c_str(), field_type(layer, c));
        check_ogr(out->CreateField(&field), "cannot create field " + layer.columns[c].name);
    }
    return *out;
}

}  // namespace onregel
