#pragma once
// One shape for every tabular output: a named layer of rows with typed columns and an RD New geometry.
// The same table is written as GeoJSON (WGS84), CSV, XLSX and a GeoPackage layer, so the four always
// carry the same columns in the same order.
#include <cstdint>
#include <limits>
#include <string>
#include <utility>
#include <variant>
#include <vector>

#include "crs.hpp"
#include "engine/model.hpp"

namespace onregel {

enum class ColumnType : std::uint8_t {
    text,       // ids included: BAG and KvK ids stay text so no spreadsheet drops a leading zero or digit
    integer,
    real,       // written with the column's decimals
    p_value,    // written with 4 significant digits (p runs down to 1e-20)
    text_list,  // a JSON array in GeoJSON, ", "-joined elsewhere
    json,       // already-serialised JSON: nested in GeoJSON, as text elsewhere
};

struct Column {
    std::string name;
    ColumnType type = ColumnType::text;
    int decimals = 0;  // real only
};

using Cell = std::variant<std::monostate, std::string, std::int64_t, double, std::vector<std::string>>;

enum class GeometryType : std::uint8_t { point, polygon };

struct FeatureRow {
    std::vector<Point> shape;  // one point, or a closed outer ring (first == last); empty: no geometry
    std::vector<Cell> cells;   // one per column; std::monostate is null
};

// The cells of a row, moved in: a braced list would copy every string (an initializer_list is const).
template <class... Values>
std::vector<Cell> make_cells(Values&&... values) {
    std::vector<Cell> cells;
    cells.reserve(sizeof...(values));
    (cells.emplace_back(std::forward<Values>(values)), ...);
    return cells;
}

struct FeatureTable {
    std::string name;  // layer name in the GeoPackage
    GeometryType geometry = GeometryType::point;
    std::vector<Column> columns;
    std::vector<FeatureRow> rows;
};

// RFC 7946 FeatureCollection: WGS84 longitude/latitude with 6 decimals (about 0.1 m), properties in
// column order; only the first `max_rows` rows when given (the top of a ranking). Uses all threads.
std::string feature_table_geojson(const FeatureTable& table, const RdToWgs84& to_wgs84,
                                  std::size_t max_rows = std::numeric_limits<std::size_t>::max());

// CSV with a header, RD New `x`,`y` (the point, or a polygon's vertex mean: a cell's centre) after the
// columns when with_xy; text neutralised against spreadsheet formulas (a leading = + - @ gets ').
std::string feature_table_csv(const FeatureTable& table, bool with_xy);

// Spreadsheet formula injection: text starting with = + - @ (or a tab/CR) gets a leading apostrophe.
std::string spreadsheet_safe(std::string text);

// A cell as text, as CSV, XLSX and GeoPackage text fields carry it.
std::string cell_text(const Column& column, const Cell& cell);

// A closed square ring for a grid cell [x0, x0+size) x [y0, y0+size), counter-clockwise (RFC 7946).
std::vector<Point> square_ring(double x0, double y0, double size);

}  // namespace onregel
