#pragma once
// A FeatureLayer's columns as an OGR layer: what the GeoPackage and the XLSX writers share. Every
// failure here is the machine's (a file that cannot be created or written): environment_error.
#include <cstdint>
#include <filesystem>
#include <string>

#include <gdal_priv.h>
#include <ogrsf_frmts.h>

#include "layers/source/gdal_source.hpp"
#include "layers/table/feature_table.hpp"

namespace onregel {

// A new dataset at `path` through the GDAL driver `driver_name` ("GPKG", "XLSX").
DatasetPtr create_dataset(const char* driver_name, const std::filesystem::path& path);

// Mode 0600: outputs are private files.
void set_private(const std::filesystem::path& path);

// Throws environment_error "<what> (<GDAL's message>)" unless err is OGRERR_NONE.
void check_ogr(OGRErr err, const std::string& what);

// The OGR type of column `column`. Integer columns are 32-bit when every value fits: GDAL 3.6's
// GeoPackage driver formats each Integer64 value as text (OGRFeature::GetFieldAsString) before
// binding it, which took half the time of writing a layer.
OGRFieldType field_type(const FeatureLayer& layer, std::size_t column);

// A value of a 32-bit field. A made layer promises its integers fit (FeatureLayer::wide): a row that
// breaks the promise stops the writer (std::logic_error) rather than being cut short.
int int32_value(const FeatureLayer& layer, std::size_t column, std::int64_t value);

// Creates `layer` in `dataset` with its columns; `srs` null: no geometry column.
OGRLayer& create_layer(GDALDataset& dataset, const FeatureLayer& layer, OGRSpatialReference* srs);

}  // namespace onregel
