#pragma once
// Files in and out: reading whole files, hashing inputs for the manifest, and writing outputs into a
// private staging directory that is renamed into place only when complete.
#include <filesystem>
#include <string>
#include <string_view>

namespace onregel {

std::string read_text_file(const std::filesystem::path& path);  // throws input_error naming the file
// Throws input_error when `path` names something that is not a file or directory (a named pipe, a
// device, a socket): opening one blocks or never ends. Paths that are none (PG:..., missing) pass.
void check_not_special(const std::string& path);
std::string sha256_hex(const std::string& data);
// Hex. A directory hashes its regular files, each by its path inside it and its own hash, in path
// order; anything else that is no file (PG:…, /vsizip/…) hashes to "".
std::string sha256_file(const std::filesystem::path& path);

// Creates `dir` and its missing parents with mode 0700, whatever the umask.
void create_private_directories(const std::filesystem::path& dir);

// Writes `content` to `path` with mode 0600 (outputs are private files).
void write_private_file(const std::filesystem::path& path, std::string_view content);

// A private output file (mode 0600) written piece by piece, for outputs too large to hold whole.
// Unless finish() succeeds the file is removed again, so an error leaves no half-written file behind.
class PrivateFile {
public:
    explicit PrivateFile(std::filesystem::path path);
    ~PrivateFile();
    PrivateFile(const PrivateFile&) = delete;
    PrivateFile& operator=(const PrivateFile&) = delete;

    void append(std::string_view data);
    void finish();  // closes the file; throws when not all of it reached the disk

private:
    std::filesystem::path path_;
    int fd_ = -1;
};

// The file in every output directory that says onregel made it: --overwrite replaces no other.
inline constexpr const char* output_marker = ".onregel-uitvoer";

// A staging directory beside the final --out directory (mode 0700). commit() swaps it into place,
// so a run that dies at any moment leaves the previous output as it was. Without commit() the
// destructor removes the staging directory.
class StagedOutput {
public:
    StagedOutput(std::filesystem::path final_dir, bool overwrite);
    ~StagedOutput();
    StagedOutput(const StagedOutput&) = delete;
    StagedOutput& operator=(const StagedOutput&) = delete;

    const std::filesystem::path& dir() const { return staging_; }
    std::filesystem::path file(const std::string& name) const { return staging_ / name; }
    void commit();

private:
    std::filesystem::path final_;
    std::filesystem::path staging_;
    bool committed_ = false;
};

}  // namespace onregel
