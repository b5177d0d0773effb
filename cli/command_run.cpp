#include "command_run.hpp"

#include <iostream>
#include <memory>

#include "checks.hpp"
#include "engine/text.hpp"
#include "input_options.hpp"
#include "app/run/pipeline.hpp"

namespace onregel::cli {

namespace {

struct RunArguments {
    RunOptions options;
    std::string profiel = "loo";
    bool quiet = false;
    ProposalOptions voorstel{0, 10, 500, 0.2, 1};
    InputArguments inputs{&options.sources, &options.read, {}};
};

void print_summary(const RunOptions& options, const RunSummary& summary) {
    std::cout << "Geschreven in " << options.out.string() << "/:\n";
    for (const auto& name : summary.written) std::cout << "  " << name << "\n";
    std::cout << count_text(static_cast<std::int64_t>(summary.flagged), "locatie", "locaties") << " met een of meer signalen.\n";
    if (options.voorstel)
        std::cout << count_text(static_cast<std::int64_t>(summary.controles), "adres", "adressen") << " op "
                  << count_text(summary.controledagen, "controledag", "controledagen") << ", waarvan " << summary.steekproef
                  << " als steekproef" << (summary.hercontroles ? " en " + std::to_string(summary.hercontroles) + " als hercontrole" : "")
                  << ".\n";
    if (!options.register_target.empty())
        std::cout << "Register bijgewerkt"
                  << (options.voorstel ? "; " + count_text(static_cast<std::int64_t>(summary.in_rust), "adres met een signaal", "adressen met een signaal") +
                                             " niet voorgesteld na een recente controle zonder bevinding"
                                       : std::string())
                  << ".\n";
    if (summary.top.empty()) return;
    std::cout << "\nHoogst gerangschikt:\n";
    for (std::size_t i = 0; i < summary.top.size(); ++i) {
        const auto& line = summary.top[i];
        std::cout << "  " << i + 1 << ". " << line.adres << "  (BAG " << line.bag_id << ")  score " << line.score << "\n";
        for (const auto& reden : line.redenen) std::cout << "       - " << reden << "\n";
    }
}

// What the run is doing, by the stage names of the manifest's timings.
std::string stage_text(const std::string& stage) {
    static const std::pair<const char*, const char*> texts[] = {
        {"config", "configuratie lezen"},       {"read", "invoer lezen"},
        {"index", "adressen koppelen"},         {"signals", "signalen bepalen"},
        {"ranking", "rangschikken"},            {"hotspots", "hotspotkaart maken"},
        {"voorstel", "controledagen voorstellen"}, {"write", "uitvoer schrijven"},
        {"viewer", "kaart schrijven"},          {"gpkg", "GeoPackage afronden"},
        {"register", "register lezen"},
    };
    for (const auto& [name, text] : texts)
        if (stage == name) return text;
    return stage;
}

}  // namespace

void add_run_command(CLI::App& app) {
    auto args = std::make_shared<RunArguments>();
    auto* cmd = app.add_subcommand("run", "Read BAG, KvK and meldingen, evaluate the signals, rank the locations and write --out");
    auto& o = args->options;
    add_input_options(*cmd, args->inputs);
    cmd->add_option("--config", o.config_path, "TOML configuration (see `onregel config --default`)");
    cmd->add_option("--out", o.out, "Output directory (written privately, replaced only when complete)")->required();
    cmd->add_option("--threads", o.threads, "Worker threads (default: all cores)")->check(whole_number(1, 1024));
    cmd->add_option("--profiel", args->profiel, "Output profile: loo (no handelsnamen) or handhaving")->check(one_of({"loo", "handhaving"}));
    auto& v = args->voorstel;
    auto* capaciteit = cmd->add_option("--capaciteit", v.dagen, "Propose this many controledagen (writes controles.geojson/.csv/.xlsx)")->check(whole_number(1, 10000));
    cmd->add_option("--per-dag", v.per_dag, "Addresses per controledag at most")->capture_default_str()->check(whole_number(1, 1000))->needs(capaciteit);
    cmd->add_option("--dag-straal", v.straal, "Metres from a day's first address within which others join that day")->capture_default_str()->check(positive_number())->needs(capaciteit);
    cmd->add_option("--steekproef", v.steekproef_aandeel, "Share of each day drawn at random among unflagged objects of the same kind")->capture_default_str()->check(number_between(0, 1))->needs(capaciteit);
    cmd->add_option("--seed", v.seed, "Seed of the steekproef draw")->capture_default_str()->needs(capaciteit);
    cmd->add_option("--viewer-max", o.viewer_max, "Locaties in the viewer at most, the top of the ranking (all of them stay in locaties.geojson and onregel.gpkg)")->capture_default_str()->check(whole_number(1, 1'000'000'000));
    cmd->add_option("--register", o.register_target, "The controle register (register.gpkg, created when absent, or PG:\"...\"): recently visited clean addresses rest, due hercontroles come first, history is shown, and the run is added");
    cmd->add_flag("--overwrite", o.overwrite, "Replace a non-empty --out directory");
    cmd->add_flag("--quiet", args->quiet, "No progress on stderr");
    cmd->callback([args] {
        args->inputs.finish();
        args->options.profiel = parse_profiel(args->profiel);
        if (args->voorstel.dagen > 0) args->options.voorstel = args->voorstel;
        std::function<void(const std::string&)> progress;
        if (progress_wanted(args->quiet)) progress = [](const std::string& stage) { std::cerr << "onregel: " << stage_text(stage) << "...\n"; };
        const auto summary = run_pipeline(args->options, progress);
        print_summary(args->options, summary);
    });
}

}  // namespace onregel::cli
