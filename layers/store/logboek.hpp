#pragma once
// The logboek dataverwerkingen (Dutch government baseline): two JSON lines per run, appended to a
// private file — who ran what, when, on which inputs, with which profile and configuration ("gestart",
// before anything is read), then what was written and how it ended ("ok" once the output is in place,
// or "fout: ..."). A run killed in between has only its first line. It never holds data rows.
#include <filesystem>
#include <nlohmann/json.hpp>
#include <string>

namespace onregel {

// Where the logboek goes when the config names none: beside the output directory.
std::filesystem::path default_logboek(const std::filesystem::path& out_dir);

// Appends `record` with tijd (UTC), gebruiker, host and the onregel version added in front, as one
// line in one write to a file opened O_APPEND with mode 0600. Throws environment_error when the
// logboek cannot be written: a run that cannot be accounted for does not count as done.
void append_logboek(const std::filesystem::path& path, const nlohmann::ordered_json& record);

// Appends the first line of a run (see above): resultaat "gestart", with the process id that its
// last line repeats. Throws as append_logboek: a run that cannot be accounted for does not start.
void append_logboek_start(const std::filesystem::path& path, nlohmann::ordered_json& record);

// Runs a job that appends its own "ok" line (once its output is visible). When the job
// throws, appends `record` with resultaat "fout: ..." and rethrows: failed runs are logged too.
template <class Job>
auto logged(const std::filesystem::path& logboek, nlohmann::ordered_json& record, Job&& job) -> decltype(job()) {
    try {
        return job();
    } catch (const std::exception& e) {
        record["resultaat"] = std::string("fout: ") + e.what();
        try {
            append_logboek(logboek, record);
        } catch (const std::exception&) {
            // The error the user must see is the job's own.
        }
        throw;
    }
}

}  // namespace onregel
