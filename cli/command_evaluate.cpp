#include "command_evaluate.hpp"

#include <iostream>
#include <memory>

#include "engine/errors.hpp"
#include "app/evaluate/evaluation_output.hpp"
#include "layers/store/files.hpp"

namespace onregel::cli {

namespace {

struct EvaluateArguments {
    std::filesystem::path out;
    std::string uitkomsten;
};

// Beside the run's own files; a reader never sees half a file.
void replace_file(const std::filesystem::path& path, const std::string& content) {
    auto temporary = path;
    temporary += ".tmp";
    write_private_file(temporary, content);
    std::filesystem::rename(temporary, path);
}

}  // namespace

void add_evaluate_command(CLI::App& app) {
    auto args = std::make_shared<EvaluateArguments>();
    auto* cmd = app.add_subcommand("evaluate", "Compare outcomes of controles with a previous run: hit rates (95% intervals) of the ranking, each signal and the steekproef; lift and PAI only when at least 10 visits and a bevinding on both sides allow it");
    cmd->add_option("--out", args->out, "Output directory of a previous `onregel run`; evaluatie.json and evaluatie.md are written there")->required();
    cmd->add_option("--uitkomsten", args->uitkomsten, "Outcomes: bag_id or address, datum, uitkomst (bevinding|geen_bevinding), optional categorie")->required();
    cmd->callback([args] {
        if (!std::filesystem::is_directory(args->out))
            throw config_error("--out " + args->out.string() + ": geen map met de uitvoer van een eerdere onregel run");
        const auto rapport = evaluate_run(args->out, args->uitkomsten);
        replace_file(args->out / "evaluatie.json", evaluatie_json(rapport));
        const auto md = evaluatie_md(rapport);
        replace_file(args->out / "evaluatie.md", md);
        std::cout << md;
    });
}

}  // namespace onregel::cli
