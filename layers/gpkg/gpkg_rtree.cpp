#include "layers/gpkg/gpkg_rtree.hpp"

#include <algorithm>
#include <bit>
#include <cmath>
#include <limits>
#include <memory>

#include "layers/gpkg/sqlite_db.hpp"

namespace onregel {

namespace {

// rtree.c: a cell is a 64-bit id and four 32-bit floats, all big-endian, behind a 4-byte node header
// (tree depth, used in the root only; number of cells).
constexpr std::size_t header_bytes = 4, cell_bytes = 24;

struct Cell {
    std::int64_t id;  // fid in a leaf, child node number above
    float min_x, max_x, min_y, max_y;
};

// As rtree.c stores a double: the minimum rounded down, the maximum up, so the box still contains it.
float rounded_down(double value) {
    const auto f = static_cast<float>(value);
    return f > value ? std::nextafter(f, -std::numeric_limits<float>::infinity()) : f;
}
float rounded_up(double value) {
    const auto f = static_cast<float>(value);
    return f < value ? std::nextafter(f, std::numeric_limits<float>::infinity()) : f;
}

void put_u16(unsigned char* at, unsigned value) {
    at[0] = static_cast<unsigned char>(value >> 8);
    at[1] = static_cast<unsigned char>(value);
}
void put_u32(unsigned char* at, std::uint32_t value) {
    for (int i = 0; i < 4; ++i) at[i] = static_cast<unsigned char>(value >> (24 - 8 * i));
}
void put_u64(unsigned char* at, std::uint64_t value) {
    for (int i = 0; i < 8; ++i) at[i] = static_cast<unsigned char>(value >> (56 - 8 * i));
}

// Sort-Tile-Recursive: sqrt(P) vertical slices by centre x, each cut into nodes of `capacity` by centre
// y. Ties go by id, so the same boxes always give the same tree.
std::vector<std::vector<Cell>> packed(std::vector<Cell> cells, std::size_t capacity) {
    const auto by = [](auto centre) {
        return [centre](const Cell& a, const Cell& b) {
            const double ca = centre(a), cb = centre(b);
            return ca != cb ? ca < cb : a.id < b.id;
        };
    };
    const auto centre_x = [](const Cell& c) { return double(c.min_x) + double(c.max_x); };
    const auto centre_y = [](const Cell& c) { return double(c.min_y) + double(c.max_y); };
    const std::size_t nodes = (cells.size() + capacity - 1) / capacity;
    const auto slices = static_cast<std::size_t>(std::ceil(std::sqrt(static_cast<double>(nodes))));
    const std::size_t per_slice = slices * capacity;
    std::sort(cells.begin(), cells.end(), by(centre_x));
    std::vector<std::vector<Cell>> groups;
    for (std::size_t slice = 0; slice < cells.size(); slice += per_slice) {
        const auto end = cells.begin() + static_cast<std::ptrdiff_t>(std::min(cells.size(), slice + per_slice));
        std::sort(cells.begin() + static_cast<std::ptrdiff_t>(slice), end, by(centre_y));
        for (auto at = cells.begin() + static_cast<std::ptrdiff_t>(slice); at < end;) {
            const auto next = at + std::min<std::ptrdiff_t>(static_cast<std::ptrdiff_t>(capacity), end - at);
            groups.emplace_back(at, next);
            at = next;
        }
    }
    return groups;
}

Cell bounds(const std::vector<Cell>& cells, std::int64_t id) {
    Cell box{id, cells.front().min_x, cells.front().max_x, cells.front().min_y, cells.front().max_y};
    for (const auto& c : cells) {
        box.min_x = std::min(box.min_x, c.min_x), box.max_x = std::max(box.max_x, c.max_x);
        box.min_y = std::min(box.min_y, c.min_y), box.max_y = std::max(box.max_y, c.max_y);
    }
    return box;
}

}  // namespace

void write_gpkg_rtree(const std::filesystem::path& path, const std::string& table, const std::string& column,
                      std::vector<RtreeEntry> entries) {
    const SqliteDatabase db(path);
    // The file is in the run's staging directory and is committed whole, as in write_gpkg.
    db.exec("PRAGMA journal_mode=OFF; PRAGMA synchronous=OFF; BEGIN");

    const std::string rtree = "rtree_" + table + "_" + column;
    const std::string t = sql_quoted(table), c = sql_quoted(column), r = sql_quoted(rtree);
    db.exec("CREATE VIRTUAL TABLE " + r + " USING rtree(id, minx, maxx, miny, maxy)");
    // The module sized its nodes from the page size when it wrote the empty root; every node must match.
    std::size_t node_bytes = 0;
    {
        auto root = db.prepare("SELECT length(data) FROM " + sql_quoted(rtree + "_node") + " WHERE nodeno = 1");
        if (sqlite3_step(root.get()) != SQLITE_ROW) db.fail("the new spatial index has no root node");
        node_bytes = static_cast<std::size_t>(sqlite3_column_int64(root.get(), 0));
    }
    const std::size_t capacity = (node_bytes - header_bytes) / cell_bytes;

    auto write_node = db.prepare("INSERT OR REPLACE INTO " + sql_quoted(rtree + "_node") + "(nodeno, data) VALUES (?, ?)");
    std::vector<std::pair<std::int64_t, std::int64_t>> fid_node, child_parent;  // where each fid and child node lives
    std::vector<unsigned char> blob(node_bytes);
    // Writes a node and notes where its children live: leaves hold fids, inner nodes child nodes.
    const auto store = [&](std::int64_t nodeno, const std::vector<Cell>& cells, unsigned depth, bool leaf) {
        std::fill(blob.begin(), blob.end(), 0);
        if (nodeno == 1) put_u16(blob.data(), depth);
        put_u16(blob.data() + 2, static_cast<unsigned>(cells.size()));
        for (std::size_t i = 0; i < cells.size(); ++i) {
            unsigned char* at = blob.data() + header_bytes + i * cell_bytes;
            put_u64(at, static_cast<std::uint64_t>(cells[i].id));
            const float coords[] = {cells[i].min_x, cells[i].max_x, cells[i].min_y, cells[i].max_y};
            for (int k = 0; k < 4; ++k) put_u32(at + 8 + 4 * k, std::bit_cast<std::uint32_t>(coords[k]));
            (leaf ? fid_node : child_parent).emplace_back(cells[i].id, nodeno);
        }
        sqlite3_bind_int64(write_node.get(), 1, nodeno);
        sqlite3_bind_blob(write_node.get(), 2, blob.data(), static_cast<int>(blob.size()), SQLITE_STATIC);
        db.step(write_node.get(), "write the spatial index");
    };

    std::vector<Cell> level;
    level.reserve(entries.size());
    for (const auto& e : entries)
        level.push_back({e.fid, rounded_down(e.min_x), rounded_up(e.max_x), rounded_down(e.min_y), rounded_up(e.max_y)});
    entries = {};
    unsigned depth = 0;
    std::int64_t next_nodeno = 2;  // 1 is the root
    while (level.size() > capacity) {
        std::vector<Cell> parents;
        for (const auto& group : packed(std::move(level), capacity)) {
            store(next_nodeno, group, depth, depth == 0);
            parents.push_back(bounds(group, next_nodeno++));
        }
        level = std::move(parents);
        ++depth;
    }
    store(1, level, depth, depth == 0);
    const auto link = [&](const std::string& table, const char* columns, const std::vector<std::pair<std::int64_t, std::int64_t>>& links) {
        GroupedInsert insert(db, "INSERT INTO " + sql_quoted(table) + columns, 2, "write the spatial index");
        for (std::size_t at = 0; at < links.size(); at += insert.group())
            insert.insert(std::min(insert.group(), links.size() - at), [&](sqlite3_stmt* s, std::size_t r, int first) {
                sqlite3_bind_int64(s, first, links[at + r].first);
                sqlite3_bind_int64(s, first + 1, links[at + r].second);
            });
    };
    link(rtree + "_rowid", "(rowid, nodeno)", fid_node);
    link(rtree + "_parent", "(nodeno, parentnode)", child_parent);

    // GeoPackage 1.2, Annex F.3: keep the index in step with later edits of the table.
    const std::string values = "VALUES (NEW.\"fid\",ST_MinX(NEW." + c + "), ST_MaxX(NEW." + c + "),ST_MinY(NEW." + c +
                               "), ST_MaxY(NEW." + c + "))";
    const auto trigger = [&](const std::string& name, const std::string& body) {
        db.exec("CREATE TRIGGER " + sql_quoted(rtree + "_" + name) + " " + body);
    };
    trigger("insert", "AFTER INSERT ON " + t + " WHEN (new." + c + " NOT NULL AND NOT ST_IsEmpty(NEW." + c +
                          ")) BEGIN INSERT OR REPLACE INTO " + r + " " + values + "; END");
    trigger("update1", "AFTER UPDATE OF " + c + " ON " + t + " WHEN OLD.\"fid\" = NEW.\"fid\" AND (NEW." + c +
                           " NOTNULL AND NOT ST_IsEmpty(NEW." + c + ")) BEGIN INSERT OR REPLACE INTO " + r + " " + values +
                           "; END");
    trigger("update2", "AFTER UPDATE OF " + c + " ON " + t + " WHEN OLD.\"fid\" = NEW.\"fid\" AND (NEW." + c +
                           " ISNULL OR ST_IsEmpty(NEW." + c + ")) BEGIN DELETE FROM " + r + " WHERE id = OLD.\"fid\"; END");
    trigger("update3", "AFTER UPDATE ON " + t + " WHEN OLD.\"fid\" != NEW.\"fid\" AND (NEW." + c +
                           " NOTNULL AND NOT ST_IsEmpty(NEW." + c + ")) BEGIN DELETE FROM " + r +
                           " WHERE id = OLD.\"fid\"; INSERT OR REPLACE INTO " + r + " " + values + "; END");
    trigger("update4", "AFTER UPDATE ON " + t + " WHEN OLD.\"fid\" != NEW.\"fid\" AND (NEW." + c + " ISNULL OR ST_IsEmpty(NEW." +
                           c + ")) BEGIN DELETE FROM " + r + " WHERE id IN (OLD.\"fid\", NEW.\"fid\"); END");
    trigger("delete", "AFTER DELETE ON " + t + " WHEN old." + c + " NOT NULL BEGIN DELETE FROM " + r +
                          " WHERE id = OLD.\"fid\"; END");
    db.exec("CREATE TABLE IF NOT EXISTS gpkg_extensions (table_name TEXT, column_name TEXT, extension_name TEXT NOT NULL, "
            "definition TEXT NOT NULL, scope TEXT NOT NULL, "
            "CONSTRAINT ge_tce UNIQUE (table_name, column_name, extension_name))");
    auto extension = db.prepare("INSERT INTO gpkg_extensions VALUES (?, ?, 'gpkg_rtree_index', "
                                "'http://www.geopackage.org/spec120/#extension_rtree', 'write-only')");
    sqlite3_bind_text(extension.get(), 1, table.c_str(), -1, SQLITE_TRANSIENT);
    sqlite3_bind_text(extension.get(), 2, column.c_str(), -1, SQLITE_TRANSIENT);
    db.step(extension.get(), "write the spatial index");
    write_node.reset(), extension.reset();
    db.exec("COMMIT");
}

}  // namespace onregel
