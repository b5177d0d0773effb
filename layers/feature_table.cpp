#include "feature_table.hpp"

#include <algorithm>
#include <charconv>
#include <tbb/parallel_for.h>
#include <tbb/task_arena.h>

#include "engine/text.hpp"
#include "json_writer.hpp"
#include "rejects.hpp"

namespace onregel {

namespace {

std::string significant(double value) {
    char buf[64];
    const auto r = std::to_chars(buf, buf + sizeof buf, value, std::chars_format::general, 4);
    return std::string(buf, r.ptr);
}

std::string joined(const std::vector<std::string>& items) {
    std::string out;
    for (const auto& item : items) out += (out.empty() ? "" : ", ") + item;
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

// Rows [begin, end) as GeoJSON features separated by commas, their points transformed in one batch.
void append_features(std::string& out, const FeatureTable& table, std::size_t begin, std::size_t end,
                     const RdToWgs84& to_wgs84) {
    std::vector<Point> points;
    for (std::size_t r = begin; r < end; ++r) points.insert(points.end(), table.rows[r].shape.begin(), table.rows[r].shape.end());
    std::vector<LonLat> lonlat(points.size());
    to_wgs84.transform(points, lonlat);
    JsonWriter json(out);
    const LonLat* next = lonlat.data();
    for (std::size_t r = begin; r < end; ++r) {
        const auto& row = table.rows[r];
        json.begin_object().key("type").value("Feature").key("geometry");
        if (row.shape.empty()) {
            json.null();
        } else if (table.geometry == GeometryType::point) {
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
        for (std::size_t c = 0; c < table.columns.size(); ++c) {
            json.key(table.columns[c].name);
            write_cell(json, table.columns[c], row.cells[c]);
        }
        json.end_object().end_object();
    }
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
    if (const auto* list = std::get_if<std::vector<std::string>>(&cell)) return joined(*list);
    return "";
}

std::string feature_table_geojson(const FeatureTable& table, const RdToWgs84& to_wgs84, std::size_t max_rows) {
    // Rows are formatted in blocks on all threads, a wave of blocks at a time, and appended in order:
    // the same bytes for any thread count, and never much more in memory than the output itself.
    constexpr std::size_t rows_per_block = 512, blocks_per_wave = 64;
    const std::size_t n = std::min(max_rows, table.rows.size());
    std::string out = R"({"type":"FeatureCollection","features":[)";
    std::vector<std::string> blocks(blocks_per_wave);
    for (std::size_t wave = 0; wave < n; wave += rows_per_block * blocks_per_wave) {
        const std::size_t wave_blocks = std::min(blocks_per_wave, (n - wave + rows_per_block - 1) / rows_per_block);
        // Isolated: a thread waiting for its blocks takes up no unrelated task (the run writes its
        // GeoPackage on a task beside this).
        tbb::this_task_arena::isolate([&] {
            tbb::parallel_for(std::size_t{0}, wave_blocks, [&](std::size_t b) {
                const std::size_t begin = wave + b * rows_per_block;
                blocks[b].clear();
                append_features(blocks[b], table, begin, std::min(n, begin + rows_per_block), to_wgs84);
            });
        });
        for (std::size_t b = 0; b < wave_blocks; ++b) {
            if (wave + b > 0) out += ',';
            out += blocks[b];
        }
    }
    out += "]}\n";
    return out;
}

std::string feature_table_csv(const FeatureTable& table, bool with_xy) {
    std::string out;
    for (std::size_t c = 0; c < table.columns.size(); ++c) {
        if (c) out += ',';
        out += csv_field(table.columns[c].name);
    }
    if (with_xy) out += ",x,y";
    out += '\n';
    for (const auto& row : table.rows) {
        for (std::size_t c = 0; c < table.columns.size(); ++c) {
            const auto& column = table.columns[c];
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
    return out;
}

std::vector<Point> square_ring(double x0, double y0, double size) {
    return {{x0, y0}, {x0 + size, y0}, {x0 + size, y0 + size}, {x0, y0 + size}, {x0, y0}};
}

}  // namespace onregel
