#include "command_signals.hpp"

#include <iostream>

#include "engine/signals/catalogue.hpp"
#include "engine/signals/registry.hpp"

namespace onregel::cli {

void add_signals_command(CLI::App& app) {
    auto* cmd = app.add_subcommand("signals", "List the registered signals with their parameters (from their own metadata)");
    static bool markdown = false;
    cmd->add_flag("--markdown", markdown, "Print the catalogue as Markdown (the source of docs/signals.md)");
    cmd->callback([] {
        const auto signals = make_signals();
        std::cout << (markdown ? signals_markdown(signals) : signals_text(signals));
    });
}

}  // namespace onregel::cli
