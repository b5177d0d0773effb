#include "command_outputs.hpp"

#include <iostream>
#include <memory>

#include "app/output_docs.hpp"

namespace onregel::cli {

void add_outputs_command(CLI::App& app) {
    auto markdown = std::make_shared<bool>(false);
    auto* cmd =
        app.add_subcommand("outputs", "List the columns of every table onregel writes (from the writers' own declarations)");
    cmd->add_flag("--markdown", *markdown, "Print them as Markdown (the source of docs/outputs.md)");
    cmd->callback([markdown] { std::cout << (*markdown ? outputs_markdown() : outputs_text()); });
}

}  // namespace onregel::cli
