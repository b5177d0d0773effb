#pragma once
// The skeleton of every command that writes an output directory (run, gebied): the configuration,
// validated and applied to the signals before any input is read; the peildatum; the output staged
// privately; two logboek lines for every job ("gestart" once the output directory is accepted, then
// "ok" once the output is in place, or "fout: ..."), so a job killed in between never reads as done.
#include <filesystem>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "app/run/outputs.hpp"
#include "engine/config.hpp"
#include "engine/date.hpp"
#include "layers/read/inputs.hpp"
#include "layers/store/files.hpp"
#include "layers/store/logboek.hpp"

namespace onregel {

// The configuration from `config_path` (empty: the defaults), parsed and applied to `signals`, so the
// rules that span several parameters (Signal::configure) are checked too. What `run`, `gebied` and
// `config --check` use. Throws config_error, or input_error when the file cannot be read.
Config load_config(const std::string& config_path, const Signals& signals);

// The configuration as the logboek names it: its file and SHA-256, or "standaard".
nlohmann::ordered_json config_record(const std::string& config_path);

class Job {
public:
    // `invoer`: (layer, source) of every input given, noted in the logboek in this order. The logboek
    // goes beside `out` unless the configuration names one.
    Job(std::string_view commando, Profiel profiel, const std::vector<std::pair<std::string, std::string>>& invoer,
        const std::filesystem::path& out);

    // What the logboek line says; the command adds to it.
    nlohmann::ordered_json& record() { return record_; }

    // load_config, noted in the logboek with its hash; takes the logboek path from it when it names one.
    Config configure(const std::string& config_path, const Signals& signals);

    // The first logboek line, "gestart": once the output directory is accepted, before any input is read.
    void start() { append_logboek_start(logboek_, record_); }

    // Runs the job: when it throws, the logboek gets the line with resultaat "fout: ..." and the error
    // goes on.
    template <class Work>
    auto run(Work&& work) -> decltype(work()) {
        return logged(logboek_, record_, std::forward<Work>(work));
    }

    // Makes the output visible, then appends the "ok" line naming the files written.
    void commit(StagedOutput& output, const std::filesystem::path& out, const std::vector<std::string>& written);

private:
    std::filesystem::path logboek_;
    nlohmann::ordered_json record_;
};

// The peildatum of a job on `inputs`: the configuration's, else the latest date in the inputs. Throws
// input_error when the BAG gave no usable verblijfsobject or there is no date to take.
Date job_peildatum(const Config& config, const Inputs& inputs, const InputSources& sources);

}  // namespace onregel
