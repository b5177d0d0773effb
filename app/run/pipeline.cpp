#include "app/run/pipeline.hpp"

#include <chrono>
#include <exception>
#include <map>
#include <nlohmann/json.hpp>
#include <tbb/global_control.h>
#include <tbb/info.h>
#include <tbb/task_group.h>
#include <thread>

#include "app/job.hpp"
#include "layers/read/address_index.hpp"
#include "app/run/controles_output.hpp"
#include "app/register/register.hpp"
#include "app/run/run_register.hpp"
#include "layers/register/register_store.hpp"
#include "engine/analysis/ranking.hpp"
#include "engine/analysis/scoring.hpp"
#include "engine/analysis/straatlabels.hpp"
#include "engine/config.hpp"
#include "engine/errors.hpp"
#include "engine/signals/meldingen_hotspot.hpp"
#include "engine/signals/registry.hpp"
#include "layers/store/files.hpp"
#include "layers/gpkg/gpkg_writer.hpp"
#include "layers/table/xlsx_writer.hpp"
#include "app/hotspots/hotspots_output.hpp"
#include "layers/versions.hpp"
#include "layers/store/viewer_export.hpp"

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

nlohmann::ordered_json input_entry(const std::string& path, const std::string& sha256, const LayerStats& stats,
                                   std::size_t rejected) {
    nlohmann::ordered_json entry;
    entry["bron"] = path;
    entry["sha256"] = sha256;
    for (const auto& file : stats.ook_gelezen)  // read beside it: the Signalen dump's siblings, the RDW Erkenningen
        entry["ook_gelezen"].push_back({{"bron", file}, {"sha256", sha256_file(file)}});
    entry["driver"] = stats.driver;
    entry["rijen"] = stats.rows;
    entry["gebruikt"] = stats.used;
    entry["afgewezen"] = rejected;
    std::size_t skipped = 0;
    for (const auto& [reason, n] : stats.overgeslagen) skipped += n;
    entry["overgeslagen"] = stats.overgeslagen;  // deliberately not used: history, outside the selection
    for (const auto& [type, t] : stats.objecttypen)  // LV BAG: every record of every file
        entry["objecttypen"][type] = {{"rijen", t.rijen}, {"gebruikt", t.gebruikt}, {"afgewezen", t.afgewezen}, {"overgeslagen", t.overgeslagen}};
    if (!stats.crs.empty()) entry["crs"] = stats.crs;
    if (!stats.selectie.empty()) entry["selectie"] = stats.selectie;
    if (stats.stand) entry["stand"] = format_date(*stats.stand);
    if (stats.eerste_datum) entry["eerste_datum"] = format_date(*stats.eerste_datum);
    if (stats.laatste_datum) entry["laatste_datum"] = format_date(*stats.laatste_datum);
    if (!stats.sbi_versie.empty()) entry["sbi_versie"] = stats.sbi_versie;
    if (!stats.waarschuwingen.empty()) entry["waarschuwingen"] = stats.waarschuwingen;
    if (!stats.match_methods.empty() || stats.used == 0) {  // BAG is what the others are matched against
        const auto candidates = stats.rows - skipped;
        entry["match_rate"] = candidates ? static_cast<double>(stats.used) / static_cast<double>(candidates) : 0.0;
        entry["match_methoden"] = stats.match_methods;
    }
    return entry;
}

// Waits for a task group when the scope is left by an exception. The group's own destructor would cancel
// its tasks halfway, and a writer cancelled inside its parallel loops reads blocks that were never made.
// Everything the tasks use is declared before this guard, so it is still there while they finish.
struct FinishOnExit {
    tbb::task_group& group;
    ~FinishOnExit() {
        try {
            group.wait();
        } catch (...) {
            // The error that ended the scope is the one to report.
        }
    }
};

ExcessOptions hotspot_test(const Signals& signals) {
    for (const auto& s : signals)
        if (const auto* hotspot = dynamic_cast<const MeldingenHotspot*>(s.get())) return hotspot->options();
    throw std::logic_error("meldingen_hotspot is not registered");
}

RunSummary run_job(const RunOptions& options, const std::function<void(const std::string&)>& progress, Job& job) {
    StageTimer timer(progress);
    const int threads = options.threads > 0 ? options.threads : static_cast<int>(tbb::info::default_concurrency());
    tbb::global_control limit(tbb::global_control::max_allowed_parallelism, static_cast<std::size_t>(threads));

    // Configuration first: a bad config is reported before any input is read.
    timer.start("config");
    const auto signals = make_signals();
    const Config config = job.configure(options.config_path, signals);
    // The hot spot map shows the meldingen_hotspot test as configured, so map and signal always agree.
    const ExcessOptions hotspot_options = hotspot_test(signals);
    if (options.voorstel) check_proposal_options(*options.voorstel);
    StagedOutput output(options.out, options.overwrite);
    job.start();  // once --out is accepted, before any input is read

    timer.start("read");
    Inputs inputs = read_inputs(options.sources, options.read);
    Town& town = inputs.town;
    town.peildatum = job_peildatum(config, inputs, options.sources);

    timer.start("index");
    // The verblijfsobjecten's grid comes from the address matching; the meldingen's at the same scale.
    const GridIndex vbo_index = std::move(inputs.vbo_grid);
    const GridIndex melding_index(points_of(town.meldingen), AddressIndex::grid_cell_m);

    timer.start("signals");
    // The hot spot map needs no scores: made beside the signals and the ranking, it takes up the
    // second core where they run on one.
    MeldingenHotspots hotspots;
    tbb::task_group hotspot_map;
    const FinishOnExit finish_hotspot_map{hotspot_map};
    hotspot_map.run([&] { hotspots = meldingen_hotspots(town, config.policy, hotspot_options, options.profiel); });
    const Context context{town, vbo_index, melding_index, config.policy};
    const auto ranked = score_town(context, config, signals);

    timer.start("ranking");
    const auto panden = rank_panden(town, ranked);

    timer.start("hotspots");  // what is left of the hot spot map
    hotspot_map.wait();

    std::optional<RegisterStand> stand;
    if (!options.register_target.empty()) {
        timer.start("register");
        stand = register_stand(town, ranked, read_register(options.register_target), config.register_beleid);
    }
    const RegisterStand* register_stand_ptr = stand ? &*stand : nullptr;

    timer.start("voorstel");
    std::vector<Controle> controles;
    if (options.voorstel) controles = propose_controles(town, vbo_index, ranked, panden, *options.voorstel, register_stand_ptr);

    timer.start("write");
    const RdToWgs84 to_wgs84;
    RunSummary summary;
    auto write = [&](const std::string& name, const std::string& content) {
        write_private_file(output.file(name), content);
        summary.written.push_back(name);
    };
    std::vector<std::string> buurtnaam;  // per verblijfsobject, with --buurten
    for (const auto& code : inputs.buurt) {
        const auto it = inputs.buurtnamen.find(code);
        buurtnaam.push_back(it == inputs.buurtnamen.end() ? code : it->second);
    }
    const auto locaties = locaties_layer(town, ranked, options.profiel, buurtnaam);
    const auto controles_tabel = controles_table(town, ranked, panden, controles, options.profiel, register_stand_ptr);
    std::vector<FeatureLayer> layers = {locaties, panden_ranking_layer(town, ranked, panden), hotspots.table};
    if (options.voorstel) layers.push_back(controles_tabel);
    // The GeoPackage shares nothing mutable with the GeoJSON and the viewer: written beside them, each
    // making the rows of the large layers a block at a time. Started first, so the other thread takes it.
    double gpkg_ms = 0;
    struct InputHash {
        std::string sha256;
        std::exception_ptr error;  // the file could not be hashed
    };
    std::map<std::string, InputHash> hashes;  // by layer
    tbb::task_group beside;
    const FinishOnExit finish_beside{beside};
    beside.run([&] {
        const auto begin = Clock::now();
        write_gpkg(output.file("onregel.gpkg"), layers, run_styles(layers), format_date(town.peildatum) + "T00:00:00.000Z");
        gpkg_ms = std::chrono::duration<double, std::milli>(Clock::now() - begin).count();
    });
    // The inputs' fingerprints for the manifest and the logboek (gigabytes at national scale): each file
    // hashed by whichever thread is free first, usually while the GeoPackage is finished. One task a file,
    // so the BAG (2.3 s at 10M) and the others share both threads; each task writes only its own entry.
    // A file that cannot be hashed keeps its error, reported after the wait for the first such file in
    // the order of the sources, whichever task failed first.
    // Every entry made before any task runs: a task holds a reference to its own.
    for (const auto& [layer, path] : options.sources.given())
        if (inputs.layers.contains(layer)) hashes[layer];
    for (const auto& source : options.sources.given())  // a copy of each path: given() is a temporary
        if (auto it = hashes.find(source.first); it != hashes.end())
            beside.run([&hash = it->second, path = source.second] {
                try {
                    hash.sha256 = sha256_file(path);
                } catch (...) {
                    hash.error = std::current_exception();
                }
            });
    write_geojson(output.file("locaties.geojson"), locaties, to_wgs84);
    summary.written.push_back("locaties.geojson");
    // Kept as text: the viewer carries them too.
    const auto hotspots_json = feature_table_geojson(hotspots.table, to_wgs84);
    write("hotspots.geojson", hotspots_json);
    std::string controles_json;
    if (options.voorstel) {
        controles_json = feature_table_geojson(controles_tabel, to_wgs84);
        write("controles.geojson", controles_json);
        write("controles.csv", feature_table_excel_csv(controles_tabel));
        write_xlsx(output.file("controles.xlsx"), controles_tabel);
        summary.written.push_back("controles.xlsx");
    }
    write("rejects.csv", inputs.rejects.csv(options.profiel == Profiel::loo));

    timer.start("viewer");
    const auto top = first_rows(locaties, options.viewer_max);
    const auto shown = viewer_selection(town, top, controles_tabel, options.viewer_max);
    nlohmann::ordered_json meta;
    meta["profiel"] = profiel_name(options.profiel);
    meta["peildatum"] = format_date(town.peildatum);
    meta["locaties_totaal"] = ranked.size();  // the viewer holds the first shown.locaties of them
    for (const auto& s : signals) meta["signalen"][s->info().id] = s->info().beschrijving;
    meta["signalen"][integrale_bonus_id] = "Signalen uit meerdere domeinen op één adres (integrale bonus)";
    std::vector<std::pair<std::string, std::string>> viewer_layers = {
        {"meta", meta.dump()}, {"panden", panden_geojson(town, shown.panden, to_wgs84)}, {"hotspots", hotspots_json}};
    if (options.voorstel) viewer_layers.push_back({"controles", controles_json});
    viewer_layers.push_back({"locaties", feature_table_geojson(top, to_wgs84)});
    // Street names for the basemap: the openbare ruimten of the panden shown.
    const auto straten = straatlabels(town.verblijfsobjecten, shown.panden);
    const FeatureLayer straten_layer("straten", GeometryType::point,
        {{"naam"}, {"hoek", ColumnType::real, 1}, {"lengte", ColumnType::real, 0}, {"adressen", ColumnType::integer}}, straten.size(),
        [&](std::size_t i) { return FeatureRow{{straten[i].punt}, make_cells(straten[i].naam, straten[i].hoek, straten[i].lengte, std::int64_t(straten[i].adressen))}; });
    viewer_layers.push_back({"straten", feature_table_geojson(straten_layer, to_wgs84)});
    export_viewer(output.dir(), viewer_layers);

    timer.start("gpkg");  // what is left of the GeoPackage and the hashes once the rest is written
    beside.wait();
    for (const auto& [layer, path] : options.sources.given())
        if (auto it = hashes.find(layer); it != hashes.end() && it->second.error) std::rethrow_exception(it->second.error);
    summary.written.push_back("onregel.gpkg");
    summary.written.push_back("viewer/index.html");

    summary.flagged = ranked.size();
    summary.controles = controles.size();
    for (const auto& c : controles) {
        summary.steekproef += c.selectie == Selectie::steekproef;
        summary.hercontroles += c.selectie == Selectie::hercontrole;
        summary.controledagen = std::max(summary.controledagen, c.dag);
    }
    for (std::size_t r = 0; r < ranked.size() && r < 3; ++r) {
        const auto& vbo = town.verblijfsobjecten[ranked[r].vbo];
        RankedLine line{format_adres(vbo.adres), bag_id_text(vbo.id), ranked[r].score, {}};
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
    manifest["peildatum_bron"] = config.peildatum ? "config" : "laatste datum in de invoer";
    manifest["config"] = nlohmann::ordered_json::parse(config_json(config, signals));
    const auto reject_counts = inputs.rejects.counts();
    for (const auto& [layer, path] : options.sources.given())
        if (auto it = inputs.layers.find(layer); it != inputs.layers.end())
            manifest["invoer"][layer] = input_entry(path, hashes.at(layer).sha256, it->second, inputs.rejects.count(layer));
    manifest["aantallen"] = {{"verblijfsobjecten", town.verblijfsobjecten.size()},
                             {"panden", town.panden.size()},
                             {"vestigingen", town.vestigingen.size()},
                             {"meldingen", town.meldingen.size()},
                             {"gemarkeerde_objecten", ranked.size()},
                             {"panden_met_signaal", panden.size()}};
    nlohmann::ordered_json per_signal = nlohmann::ordered_json::object();
    for (const auto& s : signals) per_signal[s->info().id] = 0;
    for (const auto& b : ranked)
        for (const auto& c : b.bijdragen)
            if (c.signaal != integrale_bonus_id) per_signal[c.signaal] = per_signal[c.signaal].get<int>() + 1;
    manifest["aantallen"]["per_signaal"] = per_signal;
    manifest["afgewezen"] = reject_counts;
    manifest["hotspots"] = {{"cel_m", hotspot_options.cell},
                            {"fdr_q", hotspot_options.fdr_q},
                            {"min_verhouding", hotspot_options.min_ratio},
                            {"profiel", profiel_name(options.profiel)},
                            {"k", hotspot_options.min_observed},
                            {"onderdrukt_onder_k", options.profiel == Profiel::loo},
                            {"cellen", hotspots.cellen},
                            {"geschreven", hotspots.table.rows.size()},
                            {"onderdrukt", hotspots.onderdrukt}};
    if (const auto& v = options.voorstel)
        manifest["voorstel"] = {{"capaciteit", v->dagen},
                                {"per_dag", v->per_dag},
                                {"dag_straal_m", v->straal},
                                {"steekproef_aandeel", v->steekproef_aandeel},
                                {"steekproef_per_dag", steekproef_per_dag(*v)},
                                {"seed", v->seed},
                                {"controledagen", summary.controledagen},
                                {"controles", summary.controles},
                                {"steekproef", summary.steekproef},
                                {"hercontroles", summary.hercontroles}};
    if (stand) {
        // Added before the output appears: a run whose register write fails leaves no output that says it was added.
        std::vector<std::string> input_sha256;  // every file read, those beside a source too
        for (const auto& [layer, entry] : manifest["invoer"].items()) {
            input_sha256.push_back(layer + ":" + entry["sha256"].get<std::string>());
            for (const auto& ook : entry.value("ook_gelezen", nlohmann::ordered_json::array()))
                input_sha256.push_back(layer + ":" + ook["sha256"].get<std::string>());
        }
        const auto config_sha256 = sha256_hex(config_json(config, signals));
        const RegisterRun run{run_id(town.peildatum, config_sha256, input_sha256), town.peildatum, config_sha256,
                              static_cast<int>(ranked.size())};
        const auto wijzigingen = write_register(options.register_target, run_rows(town, ranked, inputs.buurt, run));
        // Flagged addresses left out: an unflagged one would not have been proposed anyway.
        summary.in_rust = static_cast<std::size_t>(std::count_if(ranked.begin(), ranked.end(), [&](const auto& b) { return stand->rust[b.vbo] != 0; }));
        auto& r = manifest["register"];
        // Absolute, so `explain` finds the register from any directory.
        r["bron"] = is_postgis_register(options.register_target) ? register_naam(options.register_target)
                                                                 : std::filesystem::absolute(options.register_target).string();
        r["run"] = run.id;
        r["in_rust"] = summary.in_rust;
        r["hercontroles_verschuldigd"] = stand->hercontroles.size();
        r["buiten_bag"] = stand->buiten_bag;
        r["wijzigingen"] = wijzigingen_json(wijzigingen);
        job.record()["register"] = r;
    }
    manifest["viewer"] = {{"locaties", shown.locaties}, {"locaties_totaal", ranked.size()}, {"panden", shown.panden.size()}};
    summary.written.push_back("manifest.json");
    manifest["uitvoer"] = summary.written;
    manifest["uitvoering"] = {{"threads", threads}, {"tijden_ms", timer.timings()}, {"gpkg_parallel_ms", gpkg_ms}};
    write_private_file(output.file("manifest.json"), manifest.dump(1) + "\n");
    for (const auto& [layer, entry] : manifest["invoer"].items())
        job.record()["invoer"][layer] = {{"bron", entry["bron"]}, {"sha256", entry["sha256"]}};
    job.commit(output, options.out, summary.written);
    return summary;
}

}  // namespace

RunSummary run_pipeline(const RunOptions& options, const std::function<void(const std::string&)>& progress) {
    Job job("run", options.profiel, options.sources.given(), options.out);
    return job.run([&] { return run_job(options, progress, job); });
}

}  // namespace onregel
