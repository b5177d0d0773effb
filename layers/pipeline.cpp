#include "pipeline.hpp"

#include <chrono>
#include <nlohmann/json.hpp>
#include <tbb/global_control.h>
#include <tbb/info.h>
#include <thread>

#include "engine/analysis/scoring.hpp"
#include "engine/config.hpp"
#include "engine/errors.hpp"
#include "engine/signals/registry.hpp"
#include "files.hpp"
#include "versions.hpp"
#include "viewer_export.hpp"

namespace onregel {

namespace {

using Clock = std::chrono::steady_clock;

class StageTimer {
public:
    explicit StageTimer(const std::function<void(const std::string&)>& progress) : progress_(progress) {}
    void start(const std::string& stage) {
        stop();
        stage_ = stage;
        begin_ = Clock::now();
        if (progress_) progress_(stage);
    }
    void stop() {
        if (stage_.empty()) return;
        timings_[stage_] = std::chrono::duration<double, std::milli>(Clock::now() - begin_).count();
        stage_.clear();
    }
    const nlohmann::ordered_json& timings() const { return timings_; }

private:
    const std::function<void(const std::string&)>& progress_;
    std::string stage_;
    Clock::time_point begin_;
    nlohmann::ordered_json timings_ = nlohmann::ordered_json::object();
};

std::vector<Point> vbo_points(const Town& town) {
    std::vector<Point> points;
    points.reserve(town.verblijfsobjecten.size());
    for (const auto& v : town.verblijfsobjecten) points.push_back(v.punt);
    return points;
}

std::vector<Point> melding_points(const Town& town) {
    std::vector<Point> points;
    points.reserve(town.meldingen.size());
    for (const auto& m : town.meldingen) points.push_back(m.punt);
    return points;
}

nlohmann::ordered_json input_entry(const std::string& path, const LayerStats& stats, std::size_t rejected) {
    nlohmann::ordered_json entry;
    entry["bron"] = path;
    entry["sha256"] = sha256_file(path);
    entry["driver"] = stats.driver;
    entry["rijen"] = stats.rows;
    entry["gebruikt"] = stats.used;
    entry["afgewezen"] = rejected;
    if (!stats.match_methods.empty() || stats.used == 0) {  // BAG is what the others are matched against
        entry["match_rate"] = stats.rows ? static_cast<double>(stats.used) / static_cast<double>(stats.rows) : 0.0;
        entry["match_methoden"] = stats.match_methods;
    }
    return entry;
}

}  // namespace

RunSummary run_pipeline(const RunOptions& options, const std::function<void(const std::string&)>& progress) {
    StageTimer timer(progress);
    const int threads = options.threads > 0 ? options.threads : static_cast<int>(tbb::info::default_concurrency());
    tbb::global_control limit(tbb::global_control::max_allowed_parallelism, static_cast<std::size_t>(threads));

    // Configuration first: a bad config is reported before any input is read.
    timer.start("config");
    const auto signals = make_signals();
    Config config = options.config_path.empty()
                        ? default_config(signals)
                        : parse_config(read_text_file(options.config_path), options.config_path, signals);
    configure_signals(config, signals);
    StagedOutput output(options.out, options.overwrite);

    timer.start("read");
    ReadOptions read_options;
    Inputs inputs = read_inputs(options.sources, read_options);
    Town& town = inputs.town;
    if (town.verblijfsobjecten.empty()) throw input_error(options.sources.bag + ": no usable verblijfsobject (see rejects)");
    const bool peildatum_from_config = config.peildatum.has_value();
    town.peildatum = config.peildatum ? *config.peildatum : inputs.latest_date.value_or(0);
    if (!inputs.latest_date && !config.peildatum)
        throw input_error(options.sources.kvk + ": no dates in KvK or meldingen to take the peildatum from; set peildatum in the config");

    timer.start("index");
    const GridIndex vbo_index(vbo_points(town), 50);
    const GridIndex melding_index(melding_points(town), 50);

    timer.start("signals");
    const Context context{town, vbo_index, melding_index, config.policy};
    const auto ranked = score_town(context, config, signals);

    timer.start("write");
    const RdToWgs84 to_wgs84;
    RunSummary summary;
    auto write = [&](const std::string& name, const std::string& content) {
        write_private_file(output.file(name), content);
        summary.written.push_back(name);
    };
    const auto locaties = locaties_geojson(town, ranked, options.profiel, to_wgs84);
    write("locaties.geojson", locaties);
    write("rejects.csv", inputs.rejects.csv());
    nlohmann::ordered_json meta;
    meta["profiel"] = profiel_name(options.profiel);
    meta["peildatum"] = format_date(town.peildatum);
    for (const auto& s : signals) meta["signalen"][s->info().id] = s->info().beschrijving;
    meta["signalen"][integrale_bonus_id] = "Signalen uit meerdere domeinen op één adres (integrale bonus)";
    export_viewer(output.dir(), {{"meta", meta.dump()}, {"panden", panden_geojson(town, to_wgs84)}, {"locaties", locaties}});
    summary.written.push_back("viewer/index.html");

    summary.flagged = ranked.size();
    for (std::size_t r = 0; r < ranked.size() && r < 3; ++r) {
        const auto& vbo = town.verblijfsobjecten[ranked[r].vbo];
        RankedLine line{format_adres(vbo.adres), vbo.id, ranked[r].score, {}};
        for (const auto& c : ranked[r].bijdragen)
            line.redenen.push_back(c.signaal + " (+" + std::to_string(c.points) + "): " + c.bewijs);
        summary.top.push_back(std::move(line));
    }

    timer.stop();
    nlohmann::ordered_json manifest;
    manifest["onregel"] = ONREGEL_VERSION;
    for (const auto& [name, version] : library_versions()) manifest["bibliotheken"][name] = version;
    manifest["profiel"] = profiel_name(options.profiel);
    manifest["peildatum"] = format_date(town.peildatum);
    manifest["peildatum_bron"] = peildatum_from_config ? "config" : "laatste datum in de invoer";
    manifest["config"] = nlohmann::ordered_json::parse(config_json(config, signals));
    const auto reject_counts = inputs.rejects.counts();
    const std::vector<std::pair<std::string, std::string>> layer_sources = {
        {"bag", options.sources.bag}, {"kvk", options.sources.kvk}, {"meldingen", options.sources.meldingen},
        {"vergunningen", options.sources.vergunningen}, {"erkenningen", options.sources.erkenningen}};
    for (const auto& [layer, path] : layer_sources)
        if (auto it = inputs.layers.find(layer); it != inputs.layers.end())
            manifest["invoer"][layer] = input_entry(path, it->second, inputs.rejects.count(layer));
    manifest["aantallen"] = {{"verblijfsobjecten", town.verblijfsobjecten.size()},
                             {"panden", town.panden.size()},
                             {"vestigingen", town.vestigingen.size()},
                             {"meldingen", town.meldingen.size()},
                             {"gemarkeerde_objecten", ranked.size()}};
    nlohmann::ordered_json per_signal = nlohmann::ordered_json::object();
    for (const auto& s : signals) per_signal[s->info().id] = 0;
    for (const auto& b : ranked)
        for (const auto& c : b.bijdragen)
            if (c.signaal != integrale_bonus_id) per_signal[c.signaal] = per_signal[c.signaal].get<int>() + 1;
    manifest["aantallen"]["per_signaal"] = per_signal;
    manifest["afgewezen"] = reject_counts;
    summary.written.push_back("manifest.json");
    manifest["uitvoer"] = summary.written;
    manifest["uitvoering"] = {{"threads", threads}, {"tijden_ms", timer.timings()}};
    write_private_file(output.file("manifest.json"), manifest.dump(1) + "\n");
    output.commit();
    return summary;
}

}  // namespace onregel
