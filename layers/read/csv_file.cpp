#include "layers/read/csv_file.hpp"

#include <algorithm>
#include <atomic>
#include <cstring>
#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <tbb/parallel_for.h>
#include <unistd.h>

namespace onregel {

namespace {

// The line starting at `at`, without its line feed and the carriage return before it, and where the
// next one starts.
std::string_view line_at(const char* data, std::size_t size, std::size_t at, std::size_t& next) {
    const auto* end = static_cast<const char*>(std::memchr(data + at, '\n', size - at));
    const std::size_t stop = end ? static_cast<std::size_t>(end - data) : size;
    next = end ? stop + 1 : size;
    std::string_view line(data + at, stop - at);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    return line;
}

// A line OGR and split_csv_line read alike: a carriage return or NUL elsewhere in it ends or splits
// lines in CPLReadLine.
bool plain_line(std::string_view line) {
    return std::memchr(line.data(), '\r', line.size()) == nullptr && std::memchr(line.data(), '\0', line.size()) == nullptr;
}

// One record from `at` (the start of a line that is not empty): its fields, as views into the file or
// `unquoted`, where the next record starts and the physical lines it covers. On plain lines the same
// as split_csv_line; a quote inside an unquoted field is text.
struct Record {
    std::size_t next;
    std::int64_t lines;
    std::optional<Reden> broken;
};

Record read_record(const char* data, std::size_t size, std::size_t at, char separator, std::size_t columns,
                   std::vector<std::string_view>& fields, std::string& unquoted) {
    fields.clear();
    unquoted.clear();
    std::size_t first_next = 0;
    line_at(data, size, at, first_next);
    const auto broken = [&](Reden why) { return Record{first_next, 1, why}; };
    const std::size_t limit = std::min(size, first_next + max_record_bytes);  // where quotes must have closed
    unquoted.reserve(limit - at);  // views into it stay valid: it never grows past this
    const auto has_nul = [&](std::size_t begin, std::size_t end) { return std::memchr(data + begin, '\0', end - begin) != nullptr; };
    std::int64_t lines = 1;
    const auto done = [&](std::size_t next) {
        if (fields.size() > columns) return broken(Reden::csv_meer_velden);
        return Record{next, lines, std::nullopt};
    };
    for (std::size_t i = at;;) {
        if (i < size && data[i] == '"') {
            const std::size_t start = i + 1;
            bool doubled = false;
            std::size_t close = start;
            while (true) {
                const auto* quote = close < limit ? static_cast<const char*>(std::memchr(data + close, '"', limit - close)) : nullptr;
                if (!quote) return broken(Reden::csv_aanhalingsteken_open);
                close = static_cast<std::size_t>(quote - data);
                if (close + 1 < size && data[close + 1] == '"') {
                    doubled = true;
                    close += 2;
                    continue;
                }
                break;
            }
            std::string_view content(data + start, close - start);
            lines += std::count(content.begin(), content.end(), '\n');
            if (lines > 1 + max_record_lines) return broken(Reden::csv_aanhalingsteken_open);
            if (has_nul(start, close)) return broken(Reden::csv_nul_teken);
            if (doubled) {
                const std::size_t from = unquoted.size();
                for (std::size_t k = 0; k < content.size(); ++k) {
                    unquoted.push_back(content[k]);
                    if (content[k] == '"') ++k;
                }
                content = std::string_view(unquoted).substr(from);
            }
            fields.push_back(content);
            i = close + 1;
            if (i == size) return done(size);
            if (data[i] == separator) {
                ++i;
                continue;
            }
            if (data[i] == '\n') return done(i + 1);
            if (data[i] == '\r' && (i + 1 == size || data[i + 1] == '\n')) return done(std::min(i + 2, size));
            return broken(Reden::csv_tekst_na_aanhalingsteken);
        }
        const auto* nl = static_cast<const char*>(std::memchr(data + i, '\n', size - i));
        const std::size_t eol = nl ? static_cast<std::size_t>(nl - data) : size;
        std::string_view rest(data + i, eol - i);
        const auto end = rest.find(separator);
        auto field = rest.substr(0, end);
        if (end == std::string_view::npos && !field.empty() && field.back() == '\r') field.remove_suffix(1);
        if (has_nul(i, i + field.size())) return broken(Reden::csv_nul_teken);
        fields.push_back(field);
        if (end == std::string_view::npos) return done(nl ? eol + 1 : size);
        i += end + 1;
    }
}

}  // namespace

bool split_csv_line(std::string_view line, char separator, std::vector<std::string_view>& fields, std::string& unquoted) {
    fields.clear();
    unquoted.clear();
    unquoted.reserve(line.size());  // views into it stay valid: it never grows past this
    std::size_t i = 0;
    const std::size_t n = line.size();
    while (true) {
        if (i < n && line[i] == '"') {
            const std::size_t start = i + 1;
            bool doubled = false;
            std::size_t close = start;
            while (true) {
                close = line.find('"', close);
                if (close == std::string_view::npos) return false;  // a line break inside quotes, or no closing quote
                if (close + 1 < n && line[close + 1] == '"') {
                    doubled = true;
                    close += 2;
                    continue;
                }
                break;
            }
            std::string_view content = line.substr(start, close - start);
            if (doubled) {
                const std::size_t at = unquoted.size();
                for (std::size_t k = 0; k < content.size(); ++k) {
                    unquoted.push_back(content[k]);
                    if (content[k] == '"') ++k;
                }
                content = std::string_view(unquoted).substr(at);
            }
            fields.push_back(content);
            i = close + 1;
            if (i == n) return true;
            if (line[i] != separator) return false;  // text after the closing quote
            ++i;
            continue;
        }
        const std::size_t end = line.find(separator, i);
        const auto field = line.substr(i, end == std::string_view::npos ? std::string_view::npos : end - i);
        if (field.find('"') != std::string_view::npos) return false;
        fields.push_back(field);
        if (end == std::string_view::npos) return true;
        i = end + 1;
    }
}

std::optional<CsvFile> CsvFile::open(const std::string& path, const std::vector<std::string>& ogr_names, std::size_t piece_bytes) {
    const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) return std::nullopt;
    struct stat st {};
    void* mapped = MAP_FAILED;
    if (::fstat(fd, &st) == 0 && S_ISREG(st.st_mode) && st.st_size > 0)
        mapped = ::mmap(nullptr, static_cast<std::size_t>(st.st_size), PROT_READ, MAP_PRIVATE, fd, 0);
    ::close(fd);
    if (mapped == MAP_FAILED) return std::nullopt;
    ::madvise(mapped, static_cast<std::size_t>(st.st_size), MADV_SEQUENTIAL);
    CsvFile file(static_cast<const char*>(mapped), static_cast<std::size_t>(st.st_size));

    // The header, after the UTF-8 byte order mark OGR skips.
    std::size_t body = 0;
    const std::size_t bom = file.size_ >= 3 && std::memcmp(file.data_, "\xEF\xBB\xBF", 3) == 0 ? 3 : 0;
    const auto header = line_at(file.data_, file.size_, bom, body);
    if (!plain_line(header)) return std::nullopt;
    int matches = 0;
    std::vector<std::string_view> fields;
    std::string unquoted;
    for (const char separator : {',', ';', '\t', ' '}) {
        if (!split_csv_line(header, separator, fields, unquoted) || fields.size() != ogr_names.size() ||
            !std::equal(fields.begin(), fields.end(), ogr_names.begin()))
            continue;
        ++matches;
        file.separator_ = separator;
    }
    if (matches != 1) return std::nullopt;  // no separator, or several, give OGR's columns: OGR's to judge
    file.names_ = ogr_names;

    // Pieces of whole lines, every line checked in parallel. When every line is a plain record, as
    // almost always, the pieces stand; otherwise they are cut again at the starts of records, which
    // only reading them in turn can find.
    const std::size_t piece = std::max<std::size_t>(piece_bytes, 1);
    for (std::size_t begin = body; begin < file.size_;) {
        const auto* nl = begin + piece < file.size_
                             ? static_cast<const char*>(std::memchr(file.data_ + begin + piece, '\n', file.size_ - begin - piece))
                             : nullptr;
        const std::size_t end = nl ? static_cast<std::size_t>(nl - file.data_) + 1 : file.size_;
        file.pieces_.push_back({begin, end, 0, 1});
        begin = end;
    }
    std::vector<std::int64_t> records(file.pieces_.size()), lines(file.pieces_.size());
    std::atomic<bool> plain = true, bare_cr = false;
    tbb::parallel_for(std::size_t{0}, file.pieces_.size(), [&](std::size_t k) {
        std::vector<std::string_view> f;
        std::string u;
        for (std::size_t pos = file.pieces_[k].begin, next = 0; pos < file.pieces_[k].end && !bare_cr.load(std::memory_order_relaxed);
             pos = next) {
            const auto line = line_at(file.data_, file.size_, pos, next);
            if (std::memchr(line.data(), '\r', line.size())) bare_cr = true;
            if (!plain_line(line) || !split_csv_line(line, file.separator_, f, u)) plain = false;
            records[k] += !line.empty();
            ++lines[k];
        }
    });
    if (bare_cr) return std::nullopt;  // a carriage return alone ends a line in OGR: its file to read
    if (plain) {
        for (std::size_t k = 1; k < file.pieces_.size(); ++k) {
            file.pieces_[k].numbered = file.pieces_[k - 1].numbered + records[k - 1];
            file.pieces_[k].lined = file.pieces_[k - 1].lined + lines[k - 1];
        }
        file.records_ = file.pieces_.empty() ? 0 : file.pieces_.back().numbered + records.back();
        return file;
    }
    file.pieces_.clear();
    std::vector<std::string_view> f;
    std::string u;
    Piece current{body, body, 0, 1};
    std::int64_t number = 0, line_count = 1;
    for (std::size_t pos = body; pos < file.size_;) {
        if (pos - current.begin >= piece) {
            current.end = pos;
            file.pieces_.push_back(current);
            current = {pos, pos, number, line_count};
        }
        std::size_t next = 0;
        if (line_at(file.data_, file.size_, pos, next).empty()) {
            pos = next;
            ++line_count;
            continue;
        }
        const auto record = read_record(file.data_, file.size_, pos, file.separator_, file.names_.size(), f, u);
        ++number;
        line_count += record.lines;
        pos = record.next;
    }
    current.end = file.size_;
    if (current.end > current.begin) file.pieces_.push_back(current);
    file.records_ = number;
    return file;
}

CsvFile::CsvFile(CsvFile&& other) noexcept
    : data_(other.data_), size_(other.size_), separator_(other.separator_), names_(std::move(other.names_)),
      pieces_(std::move(other.pieces_)), records_(other.records_) {
    other.data_ = nullptr;
}

CsvFile::~CsvFile() {
    if (data_) ::munmap(const_cast<char*>(data_), size_);
}

void CsvFile::for_each_row(std::size_t piece, const std::function<void(const CsvRow&)>& take) const {
    std::vector<std::string_view> fields;
    std::string unquoted;
    std::int64_t number = pieces_[piece].numbered, line = pieces_[piece].lined;
    for (std::size_t pos = pieces_[piece].begin, next = 0; pos < pieces_[piece].end;) {
        if (line_at(data_, size_, pos, next).empty()) {  // OGR skips empty lines without numbering them
            pos = next;
            ++line;
            continue;
        }
        const auto record = read_record(data_, size_, pos, separator_, names_.size(), fields, unquoted);
        take(CsvRow{fields, names_, ++number, line + 1, record.broken});
        line += record.lines;
        pos = record.next;
    }
}

void CsvFile::for_each_row(const std::function<void(const CsvRow&)>& take) const {
    for (std::size_t k = 0; k < pieces_.size(); ++k) for_each_row(k, take);
}

}  // namespace onregel
