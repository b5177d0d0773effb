#include "layers/read/zip_directory.hpp"

#include <algorithm>
#include <cpl_vsi.h>
#include <memory>
#include <string_view>

#include "engine/errors.hpp"

namespace onregel {

namespace {

// 64 MiB holds the central directory of far more entries than anyone allows (about 100 bytes each).
constexpr std::uint64_t max_directory_size = 64u << 20;
constexpr std::size_t end_record_size = 22, max_comment_size = 65535;

struct CloseVsi {
    void operator()(VSILFILE* f) const { VSIFCloseL(f); }
};

std::uint64_t little_endian(std::string_view bytes, std::size_t at, std::size_t width) {
    std::uint64_t value = 0;
    for (std::size_t i = width; i-- > 0;) value = value << 8 | static_cast<unsigned char>(bytes[at + i]);
    return value;
}

class Reader {
public:
    explicit Reader(const std::string& path) : path_(path), file_(VSIFOpenL(path.c_str(), "rb")) {
        if (!file_) throw input_error(path + ": kan niet worden geopend");
        if (VSIFSeekL(file_.get(), 0, SEEK_END) != 0) invalid();
        size_ = VSIFTellL(file_.get());
    }
    std::uint64_t size() const { return size_; }
    std::string read(std::uint64_t offset, std::uint64_t length) {
        if (offset > size_ || length > size_ - offset) invalid();
        std::string data(length, '\0');
        if (VSIFSeekL(file_.get(), offset, SEEK_SET) != 0 || VSIFReadL(data.data(), 1, length, file_.get()) != length) invalid();
        return data;
    }
    [[noreturn]] void invalid() const { throw input_error(path_ + ": geen geldig zip-archief"); }

private:
    std::string path_;
    std::unique_ptr<VSILFILE, CloseVsi> file_;
    std::uint64_t size_ = 0;
};

}  // namespace

std::vector<ZipEntry> zip_entries(const std::string& path, std::uint64_t max_entries) {
    Reader zip(path);
    // The end of central directory record: the last "PK\5\6" within the final 22 bytes + comment.
    const auto tail_size = std::min<std::uint64_t>(zip.size(), end_record_size + max_comment_size);
    const auto tail = zip.read(zip.size() - tail_size, tail_size);
    const auto end = tail.size() < end_record_size ? std::string::npos : tail.rfind("PK\5\6", tail.size() - end_record_size);
    if (end == std::string::npos) zip.invalid();
    std::uint64_t count = little_endian(tail, end + 10, 2);
    std::uint64_t directory_size = little_endian(tail, end + 12, 4);
    std::uint64_t directory_offset = little_endian(tail, end + 16, 4);
    if (count == 0xFFFF || directory_size == 0xFFFFFFFF || directory_offset == 0xFFFFFFFF) {
        // Zip64: a locator just before the record points to the 64-bit end record.
        if (end < 20 || tail.compare(end - 20, 4, "PK\6\7") != 0) zip.invalid();
        const auto record = zip.read(little_endian(tail, end - 20 + 8, 8), 56);
        if (record.compare(0, 4, "PK\6\6") != 0) zip.invalid();
        count = little_endian(record, 32, 8);
        directory_size = little_endian(record, 40, 8);
        directory_offset = little_endian(record, 48, 8);
    }
    if (count > max_entries)
        throw input_error(path + ": te veel bestanden in het zip-archief (" + std::to_string(count) + ", hoogstens " +
                          std::to_string(max_entries) + ")");
    if (directory_size > max_directory_size) zip.invalid();

    const auto directory = zip.read(directory_offset, directory_size);
    std::vector<ZipEntry> entries;
    entries.reserve(count);
    for (std::size_t at = 0; entries.size() < count;) {
        if (directory.size() - at < 46 || directory.compare(at, 4, "PK\1\2") != 0) zip.invalid();
        ZipEntry entry;
        entry.compressed = little_endian(directory, at + 20, 4);
        entry.size = little_endian(directory, at + 24, 4);
        const auto name_size = little_endian(directory, at + 28, 2), extra_size = little_endian(directory, at + 30, 2);
        const auto next = at + 46 + name_size + extra_size + little_endian(directory, at + 32, 2);
        if (next > directory.size()) zip.invalid();
        entry.name = directory.substr(at + 46, name_size);
        // The zip64 extra field holds the sizes that did not fit, uncompressed first.
        for (auto field = at + 46 + name_size, extra_end = field + extra_size; field + 4 <= extra_end;) {
            const auto id = little_endian(directory, field, 2), length = little_endian(directory, field + 2, 2);
            if (field + 4 + length > extra_end) zip.invalid();
            if (id == 1) {
                auto value = field + 4;
                for (auto* size : {&entry.size, &entry.compressed}) {
                    if (*size != 0xFFFFFFFF) continue;
                    if (value + 8 > field + 4 + length) zip.invalid();
                    *size = little_endian(directory, value, 8);
                    value += 8;
                }
            }
            field += 4 + length;
        }
        entries.push_back(std::move(entry));
        at = next;
    }
    return entries;
}

}  // namespace onregel
