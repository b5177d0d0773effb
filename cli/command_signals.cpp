#include "command_signals.hpp"

#include <iostream>
#include <memory>

#include "engine/signals/catalogue.hpp"
#include "engine/signals/registry.hpp"

namespace onregel::cli {

void add_signals_command(CLI::App& app) {
    auto markdown = std::make_shared<bool>(false);
    auto* cmd = app.add_subcommand("signals", "List the registered signals with their parameters (from their own metadata)");
    cmd->add_flag("--markdown", *markdown, "Print the catalogue as Markdown (the source of docs/signals.md)");
    cmd->callback([markdown] {
        const auto signals = make_signals();
        std::cout << (*markdown ? signals_markdown(signals) : signals_text(signals));
    });
}

}  // namespace onregel::cli
