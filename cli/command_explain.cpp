#include "command_explain.hpp"

#include <iostream>
#include <memory>

#include "app/explain/explain.hpp"

namespace onregel::cli {

namespace {
struct ExplainArguments {
    std::string out;
    std::string query;
};
}  // namespace

void add_explain_command(CLI::App& app) {
    auto args = std::make_shared<ExplainArguments>();
    auto* cmd = app.add_subcommand("explain", "Explain why an address is on the list: every contribution with its rule, parameters and facts");
    cmd->add_option("--out", args->out, "The output directory of an `onregel run`")->required();
    cmd->add_option("object", args->query, "A BAG verblijfsobject id (16 digits) or an address such as \"1234AB 12a\"")->required();
    cmd->callback([args] { std::cout << explain(args->out, args->query); });
}

}  // namespace onregel::cli
