#pragma once
// `onregel run` as a library call: config -> read -> index -> signals -> score -> rank panden ->
// hot spots -> proposal -> write, each stage timed for the manifest. The CLI only parses arguments and prints the summary.
#include <filesystem>
#include <functional>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "engine/analysis/proposal.hpp"
#include "engine/config.hpp"
#include "layers/read/inputs.hpp"
#include "app/run/outputs.hpp"

namespace onregel {

struct RunOptions {
    InputSources sources;
    ReadOptions read;  // selection (--gemeente, --bbox), --input-srs, match radius
    std::string config_path;  // empty: defaults
    std::filesystem::path out;
    int threads = 0;  // 0: all cores
    bool overwrite = false;
    Profiel profiel = Profiel::loo;
    // Set (with --capaciteit): propose controledagen and write controles.geojson/.csv/.xlsx.
    std::optional<ProposalOptions> voorstel;
    // The viewer holds at most this many locaties, the top of the ranking (see ViewerSelection).
    std::size_t viewer_max = viewer_max_locaties;
    // --register: register.gpkg or PG:…; the proposal heeds it, the run is added to it.
    std::string register_target;
};

struct RankedLine {
    std::string adres;
    std::string bag_id;
    int score = 0;
    std::vector<std::string> redenen;  // "kelderbox (+6): Box van 18 m² met ..."
};

struct RunSummary {
    std::vector<std::string> written;  // file names inside --out
    std::vector<RankedLine> top;       // the highest-ranked locations
    std::size_t flagged = 0;
    std::size_t controles = 0, steekproef = 0, hercontroles = 0;
    int controledagen = 0;
    std::size_t in_rust = 0;  // --register: flagged addresses left out of the proposal after a recent clean controle
};

// `progress` receives one line per stage when set (the CLI passes it only on a terminal).
RunSummary run_pipeline(const RunOptions& options, const std::function<void(const std::string&)>& progress = {});

}  // namespace onregel
