#pragma once
// A SQLite connection for the GeoPackage code that works below GDAL (gpkg_rtree, gpkg_writer):
// statements finalised and the connection closed on every path, failures naming the file and
// carrying SQLite's own message.
#include <algorithm>
#include <filesystem>
#include <functional>
#include <map>
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
        if (sqlite3_open_v2(path_.c_str(), &handle_, SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX, nullptr) != SQLITE_OK) fail("cannot open");
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

// An INSERT of many rows per statement: SQLite's work per statement, and an AUTOINCREMENT table's
// bookkeeping in sqlite_sequence, once per group of rows instead of once per row.
class GroupedInsert {
public:
    // `head`: "INSERT INTO t (a, b)", with `columns` values per row.
    GroupedInsert(const SqliteDatabase& db, std::string head, std::size_t columns, std::string what)
        : db_(db), head_(std::move(head)), columns_(columns), what_(std::move(what)) {
        const auto limit = static_cast<std::size_t>(sqlite3_limit(db.handle(), SQLITE_LIMIT_VARIABLE_NUMBER, -1));
        group_ = std::clamp<std::size_t>(limit / std::max<std::size_t>(columns_, 1), 1, 128);
    }
    std::size_t group() const { return group_; }  // at most this many rows per statement

    // Inserts rows 0 .. n-1 of the caller's, at most group() of them: bind(statement, row, first)
    // binds row `row` to parameters first .. first + columns - 1. Returns the rowid of the first row;
    // the others follow it one by one, as SQLite numbers the rows of one statement.
    std::int64_t insert(std::size_t n, const std::function<void(sqlite3_stmt*, std::size_t, int)>& bind) {
        auto& statement = statements_[n];
        if (!statement) {
            std::string row = "(?";
            for (std::size_t c = 1; c < columns_; ++c) row += ", ?";
            row += ")";
            std::string sql = head_ + " VALUES " + row;
            for (std::size_t r = 1; r < n; ++r) sql += ", " + row;
            statement = db_.prepare(sql).release();
        }
        for (std::size_t r = 0; r < n; ++r) bind(statement, r, static_cast<int>(r * columns_) + 1);
        db_.step(statement, what_);
        return sqlite3_last_insert_rowid(db_.handle()) - static_cast<std::int64_t>(n) + 1;
    }
    ~GroupedInsert() {
        for (auto& [n, statement] : statements_) sqlite3_finalize(statement);
    }
    GroupedInsert(const GroupedInsert&) = delete;
    GroupedInsert& operator=(const GroupedInsert&) = delete;

private:
    const SqliteDatabase& db_;
    std::string head_;
    std::size_t columns_;
    std::string what_;
    std::size_t group_ = 1;
    std::map<std::size_t, sqlite3_stmt*> statements_;  // by rows per statement
};

}  // namespace onregel
