#include "layers/table/feature_table.hpp"

#include <algorithm>
#include <charconv>
#include <limits>
#include <tbb/blocked_range.h>
#include <tbb/parallel_for.h>
#include <tbb/task_arena.h>

#include "engine/text.hpp"
#include "layers/store/files.hpp"
#include "layers/table/json_writer.hpp"
#include "layers/read/rejects.hpp"

namespace onregel {

namespace {

std::string significant(double value) {
    char buf[64];
    const auto r = std::to_chars(buf, buf + sizeof buf, value, std::chars_format::general, 4);
    return std::string(buf, r.ptr);
}

std::string joined(const std::vector<std::string>& items, std::string_view separator) {
    std::string out;
    for (const auto& item : items) {
        if (!out.empty()) out += separator;
        out += item;
    }
    return out;
}

void coordinates(JsonWriter& json, LonLat p) { json.begin_array().value(p.lon, 6).value(p.lat, 6).end_array(); }

void write_cell(JsonWriter& json, const Column& column, const Cell& cell) {
    if (std::holds_alternative<std::monostate>(cell)) {
        json.null();
    } else if (const auto* text = std::get_if<std::string>(&cell)) {
        if (column.type == ColumnType::json) json.raw(*text);
        else json.value(*text);
    } else if (const auto* number = std::get_if<std::int64_t>(&cell)) {
        json.value(*number);
    } else if (const auto* real = std::get_if<double>(&cell)) {
        if (column.type == ColumnType::p_value) json.raw(significant(*real));
        else json.value(*real, column.decimals);
    } else {
        json.begin_array();
        for (const auto& item : std::get<std::vector<std::string>>(cell)) json.value(item);
        json.end_array();
    }
}

// `rows` as GeoJSON features separated by commas, their points transformed in one batch.
void append_features(std::string& out, const FeatureLayer& layer, std::span<const FeatureRow> rows,
                     const RdToWgs84& to_wgs84) {
    std::vector<Point> points;
    for (const auto& row : rows) points.insert(points.end(), row.shape.begin(), row.shape.end());
    std::vector<LonLat> lonlat(points.size());
    to_wgs84.transform(points, lonlat);
    JsonWriter json(out);
    const LonLat* next = lonlat.data();
    for (const auto& row : rows) {
        json.begin_object().key("type").value("Feature").key("geometry");
        if (row.shape.empty()) {
            json.null();
        } else if (layer.geometry == GeometryType::point) {
            json.begin_object().key("type").value("Point").key("coordinates");
            coordinates(json, *next);
            json.end_object();
        } else {
            json.begin_object().key("type").value("Polygon").key("coordinates").begin_array().begin_array();
            for (std::size_t i = 0; i < row.shape.size(); ++i) coordinates(json, next[i]);
            json.end_array().end_array().end_object();
        }
        next += row.shape.size();
        json.key("properties").begin_object();
        for (std::size_t c = 0; c < layer.columns.size(); ++c) {
            json.key(layer.columns[c].name);
            write_cell(json, layer.columns[c], row.cells[c]);
        }
        json.end_object().end_object();
    }
}

// The FeatureCollection handed to `write` piece by piece, in order. Each block of rows is formatted
// in pieces of 512 rows on all threads and its pieces are written in order: the same bytes for any
// thread count, and no more text held than a block's.
void geojson_pieces(const FeatureLayer& layer, const RdToWgs84& to_wgs84,
                    const std::function<void(std::string_view)>& write) {
    constexpr std::size_t piece_rows = 512;
    write(R"({"type":"FeatureCollection","features":[)");
    std::vector<std::string> pieces;
    layer.for_each_block([&](std::size_t first, std::span<const FeatureRow> rows) {
        pieces.resize((rows.size() + piece_rows - 1) / piece_rows);
        // Isolated: a thread waiting for its pieces takes up no unrelated task (the run writes its
        // GeoPackage on a task beside this).
        tbb::this_task_arena::isolate([&] {
            tbb::parallel_for(std::size_t{0}, pieces.size(), [&](std::size_t p) {
                const std::size_t begin = p * piece_rows;
                pieces[p].clear();
                if (first + begin > 0) pieces[p] += ',';
                append_features(pieces[p], layer, rows.subspan(begin, std::min(piece_rows, rows.size() - begin)), to_wgs84);
            });
        });
        for (const auto& piece : pieces) write(piece);
    });
    write("]}\n");
}

}  // namespace

std::string spreadsheet_safe(std::string text) {
    if (!text.empty() && std::string_view("=+-@\t\r").find(text[0]) != std::string_view::npos) text.insert(text.begin(), '\'');
    return text;
}

std::string cell_text(const Column& column, const Cell& cell) {
    if (const auto* text = std::get_if<std::string>(&cell)) return *text;
    if (const auto* number = std::get_if<std::int64_t>(&cell)) return std::to_string(*number);
    if (const auto* real = std::get_if<double>(&cell))
        return column.type == ColumnType::p_value ? significant(*real) : format_decimal(*real, column.decimals);
    if (const auto* list = std::get_if<std::vector<std::string>>(&cell))
        return joined(*list, column.type == ColumnType::sentences ? "; " : ", ");
    return "";
}

FeatureLayer::FeatureLayer(const FeatureTable& table, std::size_t block_rows)
    : name(table.name), geometry(table.geometry), columns(table.columns), table_(&table), size_(table.rows.size()),
      block_rows_(block_rows) {}

FeatureLayer::FeatureLayer(std::string name, GeometryType geometry, std::vector<Column> columns, std::size_t size,
                           MakeRow make_row, std::size_t block_rows)
    : name(std::move(name)), geometry(geometry), columns(std::move(columns)), size_(size), make_row_(std::move(make_row)),
      block_rows_(block_rows) {}

void FeatureLayer::for_each_block(const std::function<void(std::size_t, std::span<const FeatureRow>)>& visit) const {
    std::vector<FeatureRow> made;
    for (std::size_t first = 0; first < size_; first += block_rows_) {
        const std::size_t n = std::min(block_rows_, size_ - first);
        if (table_) {
            visit(first, std::span(table_->rows).subspan(first, n));
            continue;
        }
        made.resize(n);
        // Isolated, as the GeoJSON pieces: the GeoPackage writer makes its blocks beside them.
        tbb::this_task_arena::isolate([&] {
            tbb::parallel_for(tbb::blocked_range<std::size_t>(0, n, 256), [&](const tbb::blocked_range<std::size_t>& range) {
                for (std::size_t i = range.begin(); i < range.end(); ++i) made[i] = make_row_(first + i);
            });
        });
        visit(first, made);
    }
}

FeatureRow FeatureLayer::row(std::size_t r) const { return table_ ? table_->rows.at(r) : make_row_(r); }

bool FeatureLayer::wide(std::size_t column) const {
    if (!table_ || columns[column].type != ColumnType::integer) return false;
    return std::any_of(table_->rows.begin(), table_->rows.end(), [&](const FeatureRow& row) {
        const auto* n = std::get_if<std::int64_t>(&row.cells[column]);
        return n && (*n < std::numeric_limits<std::int32_t>::min() || *n > std::numeric_limits<std::int32_t>::max());
    });
}

FeatureTable first_rows(const FeatureLayer& layer, std::size_t n) {
    FeatureTable table{layer.name, layer.geometry, layer.columns, {}};
    for (std::size_t r = 0; r < std::min(n, layer.size()); ++r) table.rows.push_back(layer.row(r));
    return table;
}

std::string feature_table_geojson(const FeatureLayer& layer, const RdToWgs84& to_wgs84) {
    std::string out;
    geojson_pieces(layer, to_wgs84, [&](std::string_view piece) { out += piece; });
    return out;
}

void write_geojson(const std::filesystem::path& path, const FeatureLayer& layer, const RdToWgs84& to_wgs84) {
    PrivateFile file(path);
    geojson_pieces(layer, to_wgs84, [&](std::string_view piece) { file.append(piece); });
    file.finish();
}

std::string feature_table_csv(const FeatureLayer& layer, bool with_xy) {
    std::string out;
    for (std::size_t c = 0; c < layer.columns.size(); ++c) {
        if (c) out += ',';
        out += csv_field(layer.columns[c].name);
    }
    if (with_xy) out += ",x,y";
    out += '\n';
    layer.for_each_block([&](std::size_t, std::span<const FeatureRow> rows) {
        for (const auto& row : rows) {
            for (std::size_t c = 0; c < layer.columns.size(); ++c) {
                const auto& column = layer.columns[c];
                if (c) out += ',';
                // Numbers are not neutralised: a negative z must stay a number.
                const bool is_text = column.type == ColumnType::text || column.type == ColumnType::text_list ||
                                     column.type == ColumnType::json;
                out += is_text ? csv_field(cell_text(column, row.cells[c])) : cell_text(column, row.cells[c]);
            }
            if (with_xy) {
                if (row.shape.empty()) {
                    out += ",,";
                } else {
                    // A closed ring repeats its first vertex: leave that out of the mean.
                    const std::size_t n = row.shape.size() > 1 ? row.shape.size() - 1 : 1;
                    double x = 0, y = 0;
                    for (std::size_t i = 0; i < n; ++i) {
                        x += row.shape[i].x;
                        y += row.shape[i].y;
                    }
                    out += ',';
                    out += format_decimal(x / static_cast<double>(n), 2);
                    out += ',';
                    out += format_decimal(y / static_cast<double>(n), 2);
                }
            }
            out += '\n';
        }
    });
    return out;
}

std::string feature_table_excel_csv(const FeatureLayer& layer) {
    const auto quoted = [](std::string_view text) {
        std::string out = "\"";
        for (char c : text) out += c == '"' ? std::string("\"\"") : std::string(1, c);
        return out + '"';
    };
    std::string out = "\xEF\xBB\xBF";
    for (std::size_t c = 0; c < layer.columns.size(); ++c) out += (c ? ";" : "") + quoted(layer.columns[c].name);
    out += "\r\n";
    layer.for_each_block([&](std::size_t, std::span<const FeatureRow> rows) {
        for (const auto& row : rows) {
            for (std::size_t c = 0; c < layer.columns.size(); ++c) {
                const auto& column = layer.columns[c];
                const auto& cell = row.cells[c];
                const auto text = cell_text(column, cell);
                if (c) out += ';';
                if (std::holds_alternative<double>(cell)) {
                    auto comma = text;
                    std::replace(comma.begin(), comma.end(), '.', ',');
                    out += quoted(comma);
                } else if (std::holds_alternative<std::int64_t>(cell)) {
                    out += quoted(text);
                } else if (!text.empty() && text.find_first_not_of("0123456789") == std::string::npos) {
                    out += quoted("=\"" + text + "\"");  // the only formula in the file, of our own making: digits only
                } else {
                    out += quoted(spreadsheet_safe(text));
                }
            }
            out += "\r\n";
        }
    });
    return out;
}

std::vector<Point> square_ring(double x0, double y0, double size) {
    return {{x0, y0}, {x0 + size, y0}, {x0 + size, y0 + size}, {x0, y0 + size}, {x0, y0}};
}

}  // namespace onregel
