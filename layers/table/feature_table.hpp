#pragma once
// One shape for every tabular output: a named layer of rows with typed columns and an RD New geometry.
// The same layer is written as GeoJSON (WGS84), CSV, XLSX and a GeoPackage layer, so the four always
// carry the same columns in the same order, each writer taking the rows a block at a time.
#include <cstdint>
#include <filesystem>
#include <functional>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <variant>
#include <vector>

#include "layers/source/crs.hpp"
#include "engine/model.hpp"

namespace onregel {

enum class ColumnType : std::uint8_t {
    text,       // ids included: BAG and KvK ids stay text so no spreadsheet drops a leading zero or digit
    integer,
    real,       // written with the column's decimals
    p_value,    // written with 4 significant digits (p runs down to 1e-20)
    text_list,  // a JSON array in GeoJSON, ", "-joined elsewhere
    sentences,  // a JSON array in GeoJSON, "; "-joined elsewhere: sentences hold commas
    json,       // already-serialised JSON: nested in GeoJSON, as text elsewhere
};

// A column, declared once where its table is built: `beschrijving` is what docs/outputs.md says of it
// (see app/output_docs.hpp), so the documentation cannot drift from what the writers write.
struct Column {
    std::string name;
    ColumnType type = ColumnType::text;
    int decimals = 0;               // real only
    std::string_view beschrijving = {};  // a string literal
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
    const auto add = [&cells]<class Value>(Value&& value) {
        if constexpr (std::is_same_v<std::remove_cvref_t<Value>, CompactText>) cells.emplace_back(value.str());
        else cells.emplace_back(std::forward<Value>(value));
    };
    (add(std::forward<Values>(values)), ...);
    return cells;
}

// Rows held in memory: the small tables (hot spots, controles) and the tests.
struct FeatureTable {
    std::string name;  // layer name in the GeoPackage
    GeometryType geometry = GeometryType::point;
    std::vector<Column> columns;
    std::vector<FeatureRow> rows;
};

// What every writer reads: a layer's name, geometry and columns, and its rows a block at a time. A
// FeatureTable lends its stored rows; a made layer makes each block when a writer comes to it, so a
// large table (the locaties of the whole country, gigabytes as rows) is never held whole.
class FeatureLayer {
public:
    using MakeRow = std::function<FeatureRow(std::size_t row)>;  // called from any thread
    static constexpr std::size_t default_block_rows = 32768;

    // Not explicit: every table is a layer. The table must outlive the layer.
    FeatureLayer(const FeatureTable& table, std::size_t block_rows = default_block_rows);
    FeatureLayer(std::string name, GeometryType geometry, std::vector<Column> columns, std::size_t size, MakeRow make_row,
                 std::size_t block_rows = default_block_rows);

    std::string name;
    GeometryType geometry = GeometryType::point;
    std::vector<Column> columns;

    std::size_t size() const { return size_; }
    // Calls visit(first, rows) for consecutive blocks of at most block_rows rows, in order, until every
    // row was visited. Made rows are made on all threads; the span is valid during the call only.
    void for_each_block(const std::function<void(std::size_t first, std::span<const FeatureRow> rows)>& visit) const;
    FeatureRow row(std::size_t r) const;
    // Whether integer column `column` holds a value beyond 32 bits. A made layer has none: its rows
    // take integers from the model's 32-bit fields and from counts (the GeoPackage writer checks).
    bool wide(std::size_t column) const;

private:
    const FeatureTable* table_ = nullptr;  // the stored rows; null when make_row_ makes them
    std::size_t size_ = 0;
    MakeRow make_row_;
    std::size_t block_rows_ = default_block_rows;
};

// The first `n` rows of `layer` (all of them when it has fewer) as a table of its own.
FeatureTable first_rows(const FeatureLayer& layer, std::size_t n);

// RFC 7946 FeatureCollection: WGS84 longitude/latitude with 6 decimals (about 0.1 m), properties in
// column order. Formats on all threads; the same bytes for any thread count and any block size.
std::string feature_table_geojson(const FeatureLayer& layer, const RdToWgs84& to_wgs84);
// The same bytes streamed into a private file (see PrivateFile) as they are formatted.
void write_geojson(const std::filesystem::path& path, const FeatureLayer& layer, const RdToWgs84& to_wgs84);

// CSV with a header, RD New `x`,`y` (the point, or a polygon's vertex mean: a cell's centre) after the
// columns when with_xy; text neutralised against spreadsheet formulas (a leading = + - @ gets ').
std::string feature_table_csv(const FeatureLayer& layer, bool with_xy);

// The same table as a CSV file for Dutch Excel, as the viewer's "Selectie als CSV" writes one: a UTF-8
// byte order mark, `;` between fields, CRLF line ends, every field quoted; text neutralised as above,
// and text of digits only written as the formula ="0353..." so Excel keeps it text (leading zeros,
// all 16 digits); reals with a decimal comma. No geometry.
std::string feature_table_excel_csv(const FeatureLayer& layer);

// Spreadsheet formula injection: text starting with = + - @ (or a tab/CR) gets a leading apostrophe.
std::string spreadsheet_safe(std::string text);

// A cell as text, as CSV, XLSX and GeoPackage text fields carry it.
std::string cell_text(const Column& column, const Cell& cell);

// A closed square ring for a grid cell [x0, x0+size) x [y0, y0+size), counter-clockwise (RFC 7946).
std::vector<Point> square_ring(double x0, double y0, double size);

}  // namespace onregel
