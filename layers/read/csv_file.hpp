#pragma once
// A CSV file read without OGR: the fast route of the row readers (readers.hpp) for the plain CSV
// files that KvK vestigingen and meldingen usually come in. GDAL 3.6's CSV driver makes an OGRFeature
// with its own copy of every field per row, which took most of the time of reading a national KvK
// file. Only files that OGR reads exactly as this class does are taken; the rest go through OGR.
#include <cstddef>
#include <cstdint>
#include <functional>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "layers/read/reden.hpp"

namespace onregel {

// One record. Field c is column c of the header; a short record has fewer fields (the others are
// absent, as OGR leaves them unset). A record that is no CSV row is `broken`, with the reason.
struct CsvRow {
    std::span<const std::string_view> fields;
    const std::vector<std::string>& names;  // the header, for messages
    std::int64_t number;                    // from 1, empty lines not counted: OGR's FID
    std::int64_t line;                      // the physical line it starts on (the header is line 1)
    std::optional<Reden> broken;            // why it is rejected: a quote that is not closed, ...
    std::string_view field(int column) const {
        return column < 0 || static_cast<std::size_t>(column) >= fields.size() ? std::string_view()
                                                                                : fields[static_cast<std::size_t>(column)];
    }
};

class CsvFile {
public:
    // The file at `path` when its header, split on the one separator among , ; tab and space that
    // gives them, has the column names OGR found (`ogr_names`), else nullopt. A file whose every line
    // is one plain RFC 4180 record is read exactly as OGR reads it. Elsewhere OGR's CSV driver lets a
    // stray quote swallow the rest of the file into one field; here a record is checked against the
    // physical lines (see max_record_lines): one that is no CSV row is `broken`, covers just its first
    // line, and reading goes on with the next. The records come in pieces of about `piece_bytes`.
    static std::optional<CsvFile> open(const std::string& path, const std::vector<std::string>& ogr_names,
                                       std::size_t piece_bytes = std::size_t{4} << 20);
    CsvFile(CsvFile&& other) noexcept;
    CsvFile& operator=(CsvFile&&) = delete;
    CsvFile(const CsvFile&) = delete;
    ~CsvFile();

    std::size_t pieces() const { return pieces_.size(); }
    std::int64_t records() const { return records_; }  // in all pieces together
    // Calls take(row) for every record of `piece`, in the order of the file; empty lines are skipped.
    void for_each_row(std::size_t piece, const std::function<void(const CsvRow&)>& take) const;
    // The same for every piece in turn.
    void for_each_row(const std::function<void(const CsvRow&)>& take) const;

private:
    struct Piece {
        std::size_t begin, end;   // bytes
        std::int64_t numbered;    // records before it
        std::int64_t lined;       // physical lines before it
    };
    CsvFile(const char* data, std::size_t size) : data_(data), size_(size) {}
    const char* data_;  // the mapped file
    std::size_t size_;
    char separator_ = ',';
    std::vector<std::string> names_;
    std::vector<Piece> pieces_;
    std::int64_t records_ = 0;
};

// A quoted field may hold line breaks (a multi-line omschrijving), but its record may run on past its
// first line by at most this many lines and bytes: a stray quote ends there, not at the end of the file.
inline constexpr std::int64_t max_record_lines = 50;
inline constexpr std::size_t max_record_bytes = std::size_t{1} << 16;

// Splits one line (without its line break) on `separator` as RFC 4180 says; false when the line is
// not plain RFC 4180 (see CsvFile::open). Fields with doubled quotes are unescaped into `unquoted`,
// which the views in `fields` may point into.
bool split_csv_line(std::string_view line, char separator, std::vector<std::string_view>& fields, std::string& unquoted);

}  // namespace onregel
