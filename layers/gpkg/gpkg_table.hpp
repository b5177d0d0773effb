#pragma once
// A GeoPackage feature table read straight through SQLite, for the national BAG: the columns asked
// for, one FID range, in FID order, with geometries decoded from the GeoPackage binary format (a
// header and WKB). OGR builds a full OGRFeature per row; for ten million verblijfsobjecten and
// seven million panden that cost more than SQLite's own work.
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "engine/model.hpp"

struct sqlite3;
struct sqlite3_stmt;

namespace onregel {

// A GeoPackage geometry blob (GeoPackage 1.x binary: either byte order, any envelope, XY, XYZ, XYM or
// XYZM). Each throws RowError "geometrie onbruikbaar" for bytes that are no such geometry.
// The point of a Point geometry; nullopt for an empty or absent one (NULL blob); RowError for another type.
std::optional<Point> gpkg_point(std::span<const unsigned char> blob);
// The outer ring of a Polygon, or of a MultiPolygon's first polygon; empty for anything else.
std::vector<Point> gpkg_outer_ring(std::span<const unsigned char> blob);

class GpkgTable {
public:
    // Opens `path` read-only and selects the FID column and `columns` (names, quoted here) of `table`,
    // rows with FID in [from, to] that satisfy `where` (SQL; "" for all). Throws input_error naming
    // the file when it cannot.
    GpkgTable(const std::string& path, const std::string& table, const std::string& fid_column,
              const std::vector<std::string>& columns, const std::string& where, std::int64_t from, std::int64_t to);
    ~GpkgTable();
    GpkgTable(const GpkgTable&) = delete;
    GpkgTable& operator=(const GpkgTable&) = delete;

    // The next row; false after the last. Throws input_error when SQLite stops on an error.
    bool next();
    std::int64_t fid() const;
    // Column i of `columns` in the current row. Text as stored (numbers as SQLite writes them), ""
    // for NULL; an integer only when stored as one; the bytes of a blob.
    std::string_view text(int i) const;
    std::optional<std::int64_t> integer(int i) const;
    std::span<const unsigned char> blob(int i) const;

private:
    std::string path_;
    sqlite3* db_ = nullptr;
    sqlite3_stmt* statement_ = nullptr;
};

}  // namespace onregel
