#pragma once
// Opening any OGR source and reading its columns by name, with errors that say which file, which
// layer, which row and which column.
#include <gdal_priv.h>
#include <memory>
#include <ogrsf_frmts.h>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "engine/model.hpp"
#include "layers/read/reden.hpp"

namespace onregel {

struct DatasetCloser {
    void operator()(GDALDataset* dataset) const { GDALClose(dataset); }
};
using DatasetPtr = std::unique_ptr<GDALDataset, DatasetCloser>;

struct FeatureDeleter {
    void operator()(OGRFeature* feature) const { OGRFeature::DestroyFeature(feature); }
};
using FeaturePtr = std::unique_ptr<OGRFeature, FeatureDeleter>;

void register_gdal_once();

// Opens a vector source read-only (a path, /vsizip/..., PG:...), with only `driver` when given.
// Throws input_error naming it.
DatasetPtr open_vector(const std::string& source, const std::vector<std::string>& open_options = {},
                       const char* driver = nullptr);

// The layer named `preferred` when the source has it, else the only one; with several, input_error naming them.
OGRLayer& pick_layer(GDALDataset& dataset, std::string_view preferred, const std::string& source);

// Column lookup by name, case-insensitive, with the found columns listed when one is missing.
class Columns {
public:
    Columns(OGRLayer& layer, std::string source);
    int required(std::string_view name) const;  // throws input_error naming file, layer, column, found columns
    int optional(std::string_view name) const;  // -1 when absent
    int first_of(std::initializer_list<std::string_view> names) const;  // -1 when none present
    const std::string& source() const { return source_; }

private:
    std::vector<std::string> names_;
    std::string source_;
    std::string layer_;
};


// A field as UTF-8 text, trimmed; "" for absent columns and null fields. Text that is not valid
// UTF-8 is taken as Windows-1252 (what Excel on Dutch Windows writes) and converted. A field longer
// than any real value (64 KiB) throws RowError "veld te lang" instead of travelling further.
std::string field_text(OGRFeature& feature, int column);
// The same without a copy where GDAL already holds the text as UTF-8; otherwise it lives in `scratch`.
// Valid until `scratch` changes or the feature is read again.
std::string_view field_view(OGRFeature& feature, int column, std::string& scratch);
// The same cleaning for text taken from a source without OGR (GpkgTable): trimmed, at most 64 KiB
// (RowError "veld te lang" naming `column_name`), Windows-1252 converted into `scratch` when not UTF-8.
std::string_view clean_field(std::string_view text, std::string_view column_name, std::string& scratch);
// An integer field read as a number when the source types it so, else parsed from its text;
// nullopt when absent or empty, RowError "geen geheel getal" when it is text that is no integer.
std::optional<std::int64_t> field_integer(OGRFeature& feature, int column, std::string& scratch);
// An integer written as text: nullopt when empty, RowError "geen geheel getal" when it is no integer.
std::optional<std::int64_t> parse_integer_field(std::string_view text);

// Row label for messages and rejects.csv: "regel N" for CSV sources (header is line 1), else "feature N".
std::string row_label(const GDALDataset& dataset, const OGRFeature& feature);
std::string csv_row_label(std::int64_t fid);  // the label of CSV data row `fid` (OGR numbers them from 1)
std::string row_label(const GDALDataset& dataset, GIntBig fid);

// Parses a number written with '.' or ',' as decimal separator; nullopt when it is not a finite number.
std::optional<double> parse_number(std::string_view text);

// A date field: OGR date/datetime fields as they are, text as YYYYMMDD, YYYY-MM-DD or an ISO datetime.
// Empty -> nullopt; throws input_error naming the text when it is not a date.
std::optional<Date> field_date(OGRFeature& feature, int column);

// Reprojects to RD New (EPSG:28992), traditional GIS axis order. Built once per layer.
class ToRd {
public:
    // `source_srs` null: coordinates are taken as `assumed` (any GDAL user input: "EPSG:4326", a WKT,
    // a PROJ string; empty = RD New). Throws crs_error naming the source when it cannot be used.
    ToRd(const OGRSpatialReference* source_srs, const std::string& assumed, const std::string& source);
    ToRd(const ToRd&) = delete;
    ToRd& operator=(const ToRd&) = delete;
    // False when the transformation fails or the result is not a finite number.
    bool apply(double& x, double& y) const;
    bool identity() const { return !transform_; }
    // "Amersfoort / RD New (EPSG:28992)", with "aangenomen" when the source did not name it.
    const std::string& description() const { return description_; }

private:
    std::unique_ptr<OGRCoordinateTransformation> transform_;
    std::string description_;
};

// The RD New area of validity (the Netherlands with its coastal waters).
bool inside_netherlands(Point p);

}  // namespace onregel
