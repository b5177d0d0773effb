#include "layers/gpkg/gpkg_table.hpp"

#include <bit>
#include <cmath>

#include "engine/errors.hpp"
#include "layers/source/gdal_source.hpp"
#include "layers/gpkg/sqlite_db.hpp"

namespace onregel {

namespace {

[[noreturn]] void unusable() { throw RowError{Reden::geometrie_onbruikbaar, ""}; }

// Reads WKB (and the GeoPackage header before it) with bounds checks: a short or damaged blob is a
// RowError for its row, never a read past its end.
class Bytes {
public:
    explicit Bytes(std::span<const unsigned char> bytes) : bytes_(bytes) {}
    std::span<const unsigned char> rest() const { return bytes_.subspan(at_); }
    void skip(std::size_t n) {
        if (n > bytes_.size() - at_) unusable();
        at_ += n;
    }
    std::uint8_t byte() {
        skip(1);
        return bytes_[at_ - 1];
    }
    std::uint32_t u32(bool little_endian) { return static_cast<std::uint32_t>(unsigned_of(4, little_endian)); }
    double f64(bool little_endian) { return std::bit_cast<double>(unsigned_of(8, little_endian)); }

private:
    std::uint64_t unsigned_of(std::size_t n, bool little_endian) {
        skip(n);
        std::uint64_t v = 0;
        for (std::size_t i = 0; i < n; ++i)
            v |= std::uint64_t{bytes_[at_ - n + i]} << (8 * (little_endian ? i : n - 1 - i));
        return v;
    }
    std::span<const unsigned char> bytes_;
    std::size_t at_ = 0;
};

// The WKB after the GeoPackage header; nullopt for an empty geometry.
std::optional<Bytes> wkb_of(std::span<const unsigned char> blob) {
    Bytes in(blob);
    if (in.byte() != 'G' || in.byte() != 'P') unusable();
    in.skip(1);  // version
    const std::uint8_t flags = in.byte();
    if (flags & 0x20) unusable();  // an extended (non-WKB) geometry
    static constexpr std::size_t envelope_bytes[] = {0, 32, 48, 48, 64};
    const unsigned envelope = (flags >> 1) & 0x07;
    if (envelope >= std::size(envelope_bytes)) unusable();
    in.skip(4 + envelope_bytes[envelope]);  // srs_id, envelope
    if (flags & 0x10) return std::nullopt;
    return Bytes(in.rest());
}

// A WKB geometry header: its byte order, base type (1 point, 3 polygon, 6 multipolygon, ...) and the
// number of ordinates per vertex. ISO (1001, 2001, 3001) and extended (high bits) Z and M both occur.
struct WkbType {
    bool little_endian;
    std::uint32_t base;
    std::size_t ordinates;
};
WkbType wkb_type(Bytes& in) {
    const std::uint8_t order = in.byte();
    if (order > 1) unusable();
    const bool le = order == 1;
    const std::uint32_t raw = in.u32(le);
    const bool z = (raw & 0x80000000u) || (raw & 0xffff) / 1000 == 1 || (raw & 0xffff) / 1000 == 3;
    const bool m = (raw & 0x40000000u) || (raw & 0xffff) / 1000 == 2 || (raw & 0xffff) / 1000 == 3;
    return {le, (raw & 0xffff) % 1000, 2u + z + m};
}

Point vertex(Bytes& in, const WkbType& type) {
    const Point p{in.f64(type.little_endian), in.f64(type.little_endian)};
    in.skip(8 * (type.ordinates - 2));
    return p;
}

// The first ring of a WKB polygon whose type header has just been read.
std::vector<Point> first_ring(Bytes& in, const WkbType& type) {
    std::vector<Point> ring;
    if (in.u32(type.little_endian) == 0) return ring;
    const std::uint32_t n = in.u32(type.little_endian);
    if (n > in.rest().size() / (8 * type.ordinates)) unusable();
    ring.reserve(n);
    for (std::uint32_t k = 0; k < n; ++k) ring.push_back(vertex(in, type));
    return ring;
}

}  // namespace

std::optional<Point> gpkg_point(std::span<const unsigned char> blob) {
    if (blob.empty()) return std::nullopt;
    auto wkb = wkb_of(blob);
    if (!wkb) return std::nullopt;
    Bytes& in = *wkb;
    const auto type = wkb_type(in);
    if (type.base != 1) unusable();
    const Point p = vertex(in, type);
    if (std::isnan(p.x) && std::isnan(p.y)) return std::nullopt;  // WKB's empty point
    return p;
}

std::vector<Point> gpkg_outer_ring(std::span<const unsigned char> blob) {
    if (blob.empty()) return {};
    auto wkb = wkb_of(blob);
    if (!wkb) return {};
    Bytes& in = *wkb;
    auto type = wkb_type(in);
    if (type.base == 6) {
        if (in.u32(type.little_endian) == 0) return {};
        type = wkb_type(in);
        if (type.base != 3) unusable();
    }
    if (type.base != 3) return {};
    return first_ring(in, type);
}

GpkgTable::GpkgTable(const std::string& path, const std::string& table, const std::string& fid_column,
                     const std::vector<std::string>& columns, const std::string& where, std::int64_t from,
                     std::int64_t to)
    : path_(path) {
    std::string sql = "SELECT " + sql_quoted(fid_column);
    for (const auto& c : columns) sql += ", " + sql_quoted(c);
    sql += " FROM " + sql_quoted(table) + " WHERE " + sql_quoted(fid_column) + " BETWEEN ?1 AND ?2";
    if (!where.empty()) sql += " AND (" + where + ")";
    sql += " ORDER BY " + sql_quoted(fid_column);
    auto fail = [&](const std::string& what) {
        const std::string message = path_ + ": " + what + " (SQLite: " + (db_ ? sqlite3_errmsg(db_) : "out of memory") + ")";
        sqlite3_finalize(statement_);
        sqlite3_close_v2(db_);
        throw input_error(message);
    };
    if (sqlite3_open_v2(path.c_str(), &db_, SQLITE_OPEN_READONLY | SQLITE_OPEN_NOMUTEX, nullptr) != SQLITE_OK)
        fail("cannot open as GeoPackage");
    if (sqlite3_prepare_v2(db_, sql.c_str(), -1, &statement_, nullptr) != SQLITE_OK)
        fail("cannot read table '" + table + "'");
    sqlite3_bind_int64(statement_, 1, from);
    sqlite3_bind_int64(statement_, 2, to);
}

GpkgTable::~GpkgTable() {
    sqlite3_finalize(statement_);
    sqlite3_close_v2(db_);
}

bool GpkgTable::next() {
    const int status = sqlite3_step(statement_);
    if (status == SQLITE_ROW) return true;
    if (status == SQLITE_DONE) return false;
    throw input_error(path_ + ": reading stopped (SQLite: " + sqlite3_errmsg(db_) + ")");
}

std::int64_t GpkgTable::fid() const { return sqlite3_column_int64(statement_, 0); }

std::string_view GpkgTable::text(int i) const {
    const auto* text = sqlite3_column_text(statement_, i + 1);
    if (!text) return {};
    return {reinterpret_cast<const char*>(text), static_cast<std::size_t>(sqlite3_column_bytes(statement_, i + 1))};
}

std::optional<std::int64_t> GpkgTable::integer(int i) const {
    if (sqlite3_column_type(statement_, i + 1) != SQLITE_INTEGER) return std::nullopt;
    return sqlite3_column_int64(statement_, i + 1);
}

std::span<const unsigned char> GpkgTable::blob(int i) const {
    const auto* bytes = static_cast<const unsigned char*>(sqlite3_column_blob(statement_, i + 1));
    if (!bytes) return {};
    return {bytes, static_cast<std::size_t>(sqlite3_column_bytes(statement_, i + 1))};
}

}  // namespace onregel
