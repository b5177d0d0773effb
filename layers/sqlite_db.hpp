#pragma once
// A SQLite connection for the GeoPackage code that works below GDAL (gpkg_rtree, gpkg_writer):
// statements finalised and the connection closed on every path, failures naming the file and
// carrying SQLite's own message.
#include <filesystem>
#include <memory>
#include <sqlite3.h>
#include <stdexcept>
#include <string>

namespace onregel {

// An SQL identifier in double quotes, inner quotes doubled.
inline std::string sql_quoted(const std::string& identifier) {
    std::string out = "\"";
    for (char c : identifier) out += c == '"' ? std::string("\"\"") : std::string(1, c);
    return out + "\"";
}

class SqliteDatabase {
public:
    explicit SqliteDatabase(std::filesystem::path path) : path_(std::move(path)) {
        if (sqlite3_open_v2(path_.c_str(), &handle_, SQLITE_OPEN_READWRITE, nullptr) != SQLITE_OK) fail("cannot open");
    }
    ~SqliteDatabase() { sqlite3_close_v2(handle_); }
    SqliteDatabase(const SqliteDatabase&) = delete;
    SqliteDatabase& operator=(const SqliteDatabase&) = delete;

    sqlite3* handle() const { return handle_; }
    [[noreturn]] void fail(const std::string& what) const {
        throw std::runtime_error(path_.string() + ": " + what + " (SQLite: " + sqlite3_errmsg(handle_) + ")");
    }
    void exec(const std::string& sql) const {
        if (sqlite3_exec(handle_, sql.c_str(), nullptr, nullptr, nullptr) != SQLITE_OK) fail("cannot run " + sql.substr(0, 60));
    }
    using Statement = std::unique_ptr<sqlite3_stmt, decltype(&sqlite3_finalize)>;
    Statement prepare(const std::string& sql) const {
        sqlite3_stmt* statement = nullptr;
        if (sqlite3_prepare_v2(handle_, sql.c_str(), -1, &statement, nullptr) != SQLITE_OK) fail("cannot prepare " + sql);
        return {statement, &sqlite3_finalize};
    }
    // Runs a statement that returns no rows, then resets it for the next bindings.
    void step(sqlite3_stmt* statement, const std::string& what) const {
        if (sqlite3_step(statement) != SQLITE_DONE) fail("cannot " + what);
        sqlite3_reset(statement);
    }

private:
    std::filesystem::path path_;
    sqlite3* handle_ = nullptr;
};

}  // namespace onregel
