#include "command_explain.hpp"

#include <iostream>
#include <memory>

#include "app/explain/explain.hpp"

namespace onregel::cli {

namespace {
struct ExplainArguments {
    std::string out;
    std::string query;
    InputSources sources;
    std::string register_target;
};
}  // namespace

void add_explain_command(CLI::App& app) {
    auto args = std::make_shared<ExplainArguments>();
    auto* cmd = app.add_subcommand("explain",
                                   "Explain why an address is on the list (every contribution with its rule, "
                                   "parameters and facts), or show the BAG facts of one that is not");
    cmd->add_option("--out", args->out, "The output directory of an `onregel run`")->required();
    cmd->add_option("adres", args->query,
                    "A BAG verblijfsobject id (16 digits), postcode and number (\"3405GS 32-14\") or street and number "
                    "(\"Merellaan 32-14\")")
        ->required();
    cmd->add_option("--bag", args->sources.bag,
                    "BAG source for addresses not on the list (default: the run's, from its manifest)");
    cmd->add_option("--kvk", args->sources.kvk, "KvK source for addresses not on the list (default: the run's)");
    cmd->add_option("--meldingen", args->sources.meldingen,
                    "Meldingen source for addresses not on the list (default: the run's)");
    cmd->add_option("--register", args->register_target,
                    "The controle register whose history to show (default: the run's own register file, if it had one)");
    cmd->callback([args] { std::cout << explain(args->out, args->query, args->sources, args->register_target); });
}

}  // namespace onregel::cli
