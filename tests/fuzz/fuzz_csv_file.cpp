// libFuzzer: CSV files with quoted fields through CsvFile, the readers' own route for plain CSV files,
// and then through the meldingen reader. CsvFile maps a real file, so the bytes are written to one
// (an in-memory GDAL file would send the readers to OGR). Besides not crashing:
// - a record never runs on past max_record_lines lines: a stray quote ends there, not at the end of the file;
// - records are numbered 1, 2, ... on rising physical lines;
// - reading in pieces of any size gives the same records as reading the file whole.
#include <unistd.h>
#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <optional>
#include <string>
#include <vector>

#include "engine/errors.hpp"
#include "fuzz_support.hpp"
#include "layers/read/csv_file.hpp"
#include "layers/read/readers.hpp"

namespace {

using namespace onregel;

struct Record {
    std::int64_t number, line;
    std::optional<Reden> broken;
    std::vector<std::string> fields;
    bool operator==(const Record&) const = default;
};

std::vector<Record> records(const std::string& path, const std::vector<std::string>& names, std::size_t piece_bytes) {
    const auto file = CsvFile::open(path, names, piece_bytes);
    if (!file) return {};
    std::vector<Record> out;
    file->for_each_row([&](const CsvRow& row) {
        out.push_back({row.number, row.line, row.broken, {row.fields.begin(), row.fields.end()}});
    });
    return out;
}

void check(const std::vector<Record>& rows, std::size_t columns) {
    for (std::size_t i = 0; i < rows.size(); ++i) {
        const auto& row = rows[i];
        if (row.number != static_cast<std::int64_t>(i) + 1) std::abort();
        if (i > 0 && row.line <= rows[i - 1].line) std::abort();
        if (row.broken) continue;
        if (row.fields.size() > columns) std::abort();
        std::int64_t line_breaks = 0;
        for (const auto& field : row.fields) {
            if (field.find('\0') != std::string::npos) std::abort();
            line_breaks += static_cast<std::int64_t>(std::count(field.begin(), field.end(), '\n'));
        }
        if (line_breaks > max_record_lines) std::abort();
    }
}

// A directory of this process's own, removed at exit.
struct ScratchDir {
    std::filesystem::path path = std::filesystem::temp_directory_path() / ("onregel-fuzz-csv-" + std::to_string(::getpid()));
    ScratchDir() { std::filesystem::create_directories(path); }
    ~ScratchDir() { std::filesystem::remove_all(path); }
};

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    register_gdal_once();
    static const ScratchDir dir;
    static const auto vbos = fuzz::small_bag();
    static const std::vector<NevenAdres> geen_nevenadressen;
    static const AddressIndex index(vbos, geen_nevenadressen);
    const auto path = (dir.path / "meldingen.csv").string();
    std::ofstream(path, std::ios::binary | std::ios::trunc)
        .write(reinterpret_cast<const char*>(data), static_cast<std::streamsize>(size));

    // The header's names as each separator splits it: CsvFile takes the file for at most one of them.
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    const auto body = text.starts_with("\xEF\xBB\xBF") ? text.substr(3) : text;
    auto header = body.substr(0, body.find('\n'));
    if (header.ends_with('\r')) header.remove_suffix(1);
    std::vector<std::string_view> fields;
    std::string unquoted;
    for (const char separator : {',', ';', '\t', ' '}) {
        if (!split_csv_line(header, separator, fields, unquoted)) continue;
        const std::vector<std::string> names(fields.begin(), fields.end());
        const auto whole = records(path, names, std::size_t{1} << 30);
        check(whole, names.size());
        if (records(path, names, 1) != whole || records(path, names, 61) != whole) std::abort();
    }

    ReadOptions options;
    options.csv_piece_bytes = 61;
    Town town;
    Rejects rejects;
    LayerStats stats;
    try {
        read_meldingen(path, index, options, town, rejects, stats);
    } catch (const input_error&) {}
    return 0;
}
