#include "layers/gpkg/gpkg_writer.hpp"

#include <cpl_conv.h>
#include <algorithm>
#include <bit>
#include <cstring>
#include <optional>

#include "layers/gpkg/gpkg_rtree.hpp"
#include "layers/gpkg/sqlite_db.hpp"
#include "layers/table/ogr_table.hpp"

namespace onregel {

namespace {

// The box around a shape (one point or more).
RtreeEntry box_of(std::span<const Point> shape) {
    RtreeEntry box{0, shape[0].x, shape[0].x, shape[0].y, shape[0].y};
    for (const auto& p : shape) {
        box.min_x = std::min(box.min_x, p.x), box.max_x = std::max(box.max_x, p.x);
        box.min_y = std::min(box.min_y, p.y), box.max_y = std::max(box.max_y, p.y);
    }
    return box;
}

// A row's shape, with its `box`, as a GeoPackage geometry (GeoPackage 1.2, 2.1.3) in RD New, as GDAL
// writes one: the header with srs_id 28992 (an xy envelope for polygons), then little-endian ISO WKB.
void gpkg_geometry(std::span<const Point> shape, const RtreeEntry& box, GeometryType type, std::vector<unsigned char>& out) {
    out.clear();
    const auto put = [&](auto value) {
        unsigned char bytes[sizeof value];
        std::memcpy(bytes, &value, sizeof value);
        if constexpr (std::endian::native == std::endian::big) std::reverse(std::begin(bytes), std::end(bytes));
        out.insert(out.end(), std::begin(bytes), std::end(bytes));
    };
    const bool point = type == GeometryType::point;
    out.insert(out.end(), {'G', 'P', 0, static_cast<unsigned char>(point ? 0x01 : 0x03)});
    put(std::int32_t{28992});
    if (!point)
        for (double v : {box.min_x, box.max_x, box.min_y, box.max_y}) put(v);
    out.push_back(1);  // little-endian WKB
    put(std::uint32_t{point ? 1u : 3u});
    if (!point) put(std::uint32_t{1}), put(static_cast<std::uint32_t>(shape.size()));
    for (const auto& p : point ? shape.first(1) : shape) put(p.x), put(p.y);
}

// The rows of `layer` into its table, which GDAL created empty, straight through SQLite: GDAL 3.6
// makes an OGRFeature, a geometry object and its own copies of every value per row, which took most
// of the time of writing onregel.gpkg. Returns the features' boxes for the spatial index.
std::vector<RtreeEntry> insert_rows(const SqliteDatabase& db, const FeatureLayer& layer) {
    // GDAL's feature-count triggers would update gpkg_ogr_contents once per row: set aside while the
    // rows go in, the count set once, the triggers made again as they were.
    std::vector<std::pair<std::string, std::string>> triggers;  // name, CREATE statement
    {
        auto query = db.prepare("SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND tbl_name = ?");
        sqlite3_bind_text(query.get(), 1, layer.name.c_str(), -1, SQLITE_TRANSIENT);
        while (sqlite3_step(query.get()) == SQLITE_ROW)
            triggers.emplace_back(reinterpret_cast<const char*>(sqlite3_column_text(query.get(), 0)),
                                  reinterpret_cast<const char*>(sqlite3_column_text(query.get(), 1)));
    }
    for (const auto& trigger : triggers) db.exec("DROP TRIGGER " + sql_quoted(trigger.first));

    std::string head = "INSERT INTO " + sql_quoted(layer.name) + " (\"geom\"";
    for (const auto& column : layer.columns) head += ", " + sql_quoted(column.name);
    GroupedInsert insert(db, head + ")", layer.columns.size() + 1, "write to layer " + layer.name);
    std::vector<bool> int32(layer.columns.size());
    for (std::size_t c = 0; c < layer.columns.size(); ++c) int32[c] = field_type(layer, c) == OFTInteger;
    std::vector<RtreeEntry> boxes;
    std::vector<std::optional<RtreeEntry>> group_boxes(insert.group());
    std::vector<std::vector<unsigned char>> blobs(insert.group());
    std::int64_t rows_written = 0;
    const auto bind = [&](std::span<const FeatureRow> rows, sqlite3_stmt* s, std::size_t r, int first) {
        const auto& row = rows[r];
        auto& box = group_boxes[r];
        box.reset();
        if (row.shape.empty()) {
            sqlite3_bind_null(s, first);
        } else {
            box = box_of(row.shape);
            gpkg_geometry(row.shape, *box, layer.geometry, blobs[r]);
            sqlite3_bind_blob(s, first, blobs[r].data(), static_cast<int>(blobs[r].size()), SQLITE_STATIC);
        }
        for (std::size_t c = 0; c < layer.columns.size(); ++c) {
            const auto& cell = row.cells[c];
            const int i = first + static_cast<int>(c) + 1;
            if (std::holds_alternative<std::monostate>(cell)) sqlite3_bind_null(s, i);
            else if (const auto* n = std::get_if<std::int64_t>(&cell))
                sqlite3_bind_int64(s, i, int32[c] ? int32_value(layer, c, *n) : *n);
            else if (const auto* d = std::get_if<double>(&cell)) sqlite3_bind_double(s, i, *d);
            else if (const auto* t = std::get_if<std::string>(&cell))
                sqlite3_bind_text(s, i, t->data(), static_cast<int>(t->size()), SQLITE_STATIC);
            else
                sqlite3_bind_text(s, i, cell_text(layer.columns[c], cell).c_str(), -1, SQLITE_TRANSIENT);
        }
    };
    layer.for_each_block([&](std::size_t, std::span<const FeatureRow> rows) {
        for (std::size_t at = 0; at < rows.size(); at += insert.group()) {
            const auto group = rows.subspan(at, std::min(insert.group(), rows.size() - at));
            const auto first = insert.insert(group.size(), [&](sqlite3_stmt* s, std::size_t r, int p) { bind(group, s, r, p); });
            rows_written += static_cast<std::int64_t>(group.size());
            for (std::size_t r = 0; r < group.size(); ++r)
                if (auto& box = group_boxes[r]) {
                    box->fid = first + static_cast<std::int64_t>(r);
                    boxes.push_back(*box);
                }
        }
    });

    // What GDAL records of a layer it wrote itself: its extent and its feature count.
    if (!boxes.empty()) {
        RtreeEntry extent = boxes.front();
        for (const auto& b : boxes) {
            extent.min_x = std::min(extent.min_x, b.min_x), extent.max_x = std::max(extent.max_x, b.max_x);
            extent.min_y = std::min(extent.min_y, b.min_y), extent.max_y = std::max(extent.max_y, b.max_y);
        }
        auto update = db.prepare("UPDATE gpkg_contents SET min_x = ?, min_y = ?, max_x = ?, max_y = ? "
                                 "WHERE lower(table_name) = lower(?)");
        const double values[] = {extent.min_x, extent.min_y, extent.max_x, extent.max_y};
        for (int k = 0; k < 4; ++k) sqlite3_bind_double(update.get(), k + 1, values[k]);
        sqlite3_bind_text(update.get(), 5, layer.name.c_str(), -1, SQLITE_TRANSIENT);
        db.step(update.get(), "record the extent of " + layer.name);
    }
    auto count = db.prepare("UPDATE gpkg_ogr_contents SET feature_count = ? WHERE lower(table_name) = lower(?)");
    sqlite3_bind_int64(count.get(), 1, rows_written);
    sqlite3_bind_text(count.get(), 2, layer.name.c_str(), -1, SQLITE_TRANSIENT);
    db.step(count.get(), "record the feature count of " + layer.name);
    for (const auto& trigger : triggers) db.exec(trigger.second);
    return boxes;
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

void write_gpkg(const std::filesystem::path& path, const std::vector<FeatureLayer>& layers,
                const std::vector<LayerStyle>& styles, const std::string& timestamp) {
    // The GeoPackage driver stamps gpkg_contents.last_change with this instead of the clock.
    const ScopedConfig date("OGR_CURRENT_DATE", timestamp);
    // A file either appears whole (the run's staging directory is committed at the end) or not at all,
    // so SQLite need not make each step durable.
    const ScopedConfig synchronous("OGR_SQLITE_SYNCHRONOUS", "OFF");
    const ScopedConfig journal("OGR_SQLITE_JOURNAL", "OFF");
    // Pages of 64 KiB (SQLite's largest) take a hundred rows before the table's B-tree splits one,
    // where 4 KiB pages took ten: the GeoPackage task 1.7 -> 1.3 s at 1M. Readers see no difference;
    // the R-tree module caps its nodes at 51 entries whatever the page size.
    const ScopedConfig pragma("OGR_SQLITE_PRAGMA", "page_size=65536");
    {
        auto dataset = create_dataset("GPKG", path);
        OGRSpatialReference rd;
        rd.importFromEPSG(28992);
        rd.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
        for (const auto& layer : layers) create_layer(*dataset, layer, &rd);
        write_qgis_styles(*dataset, styles, timestamp);
    }
    std::vector<std::vector<RtreeEntry>> boxes;
    {
        const SqliteDatabase db(path);
        db.exec("PRAGMA journal_mode=OFF; PRAGMA synchronous=OFF; BEGIN");
        for (const auto& layer : layers) boxes.push_back(insert_rows(db, layer));
        db.exec("COMMIT");
    }
    for (std::size_t i = 0; i < layers.size(); ++i) write_gpkg_rtree(path, layers[i].name, "geom", std::move(boxes[i]));
    set_private(path);
}

}  // namespace onregel
