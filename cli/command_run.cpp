#include "command_run.hpp"

#include <iostream>
#include <memory>

#include "layers/pipeline.hpp"

namespace onregel::cli {

namespace {

struct RunArguments {
    RunOptions options;
    std::string profiel = "loo";
    bool quiet = false;
};

void print_summary(const RunOptions& options, const RunSummary& summary) {
    std::cout << "Geschreven in " << options.out.string() << "/:\n";
    for (const auto& name : summary.written) std::cout << "  " << name << "\n";
    std::cout << summary.flagged << " locaties met een of meer signalen.\n";
    if (summary.top.empty()) return;
    std::cout << "\nHoogst gerangschikt:\n";
    for (std::size_t i = 0; i < summary.top.size(); ++i) {
        const auto& line = summary.top[i];
        std::cout << "  " << i + 1 << ". " << line.adres << "  (BAG " << line.bag_id << ")  score " << line.score << "\n";
        for (const auto& reden : line.redenen) std::cout << "       - " << reden << "\n";
    }
}

}  // namespace

void add_run_command(CLI::App& app) {
    auto args = std::make_shared<RunArguments>();
    auto* cmd = app.add_subcommand("run", "Read BAG, KvK and meldingen, evaluate the signals, rank the locations and write --out");
    auto& o = args->options;
    cmd->add_option("--bag", o.sources.bag, "BAG source: bag-light GeoPackage (verblijfsobject, pand) or any OGR source with its columns")->required();
    cmd->add_option("--kvk", o.sources.kvk, "KvK vestigingen (Handelsregister) CSV with the data-contract columns")->required();
    cmd->add_option("--meldingen", o.sources.meldingen, "Meldingen CSV or GeoJSON (free text is read and dropped)");
    cmd->add_option("--vergunningen", o.sources.vergunningen, "Omgevingsvergunning aanvragen (CSV)");
    cmd->add_option("--erkenningen", o.sources.erkenningen, "RDW erkende bedrijven (CSV)");
    cmd->add_option("--config", o.config_path, "TOML configuration (see `onregel config --default`)");
    cmd->add_option("--out", o.out, "Output directory (written privately, replaced only when complete)")->required();
    cmd->add_option("--threads", o.threads, "Worker threads (default: all cores)")->check(CLI::Range(1, 1024));
    cmd->add_option("--profiel", args->profiel, "Output profile: loo (no handelsnamen) or handhaving")->check(CLI::IsMember({"loo", "handhaving"}));
    cmd->add_flag("--overwrite", o.overwrite, "Replace a non-empty --out directory");
    cmd->add_flag("--quiet", args->quiet, "No progress on stderr");
    cmd->callback([args] {
        args->options.profiel = parse_profiel(args->profiel);
        std::function<void(const std::string&)> progress;
        if (progress_wanted(args->quiet)) progress = [](const std::string& stage) { std::cerr << "onregel: " << stage << "...\n"; };
        const auto summary = run_pipeline(args->options, progress);
        print_summary(args->options, summary);
    });
}

}  // namespace onregel::cli
