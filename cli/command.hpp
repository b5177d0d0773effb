#pragma once
// One subcommand = cli/command_<name>.{hpp,cpp} exposing add_<name>_command, plus one line in
// cli/commands.cpp (osmium-tool's register_commands()). A command's callback throws on failure;
// only main.cpp prints errors and picks the exit code.
#include <CLI/CLI.hpp>

namespace onregel::cli {

using AddCommand = void (*)(CLI::App& app);

// All subcommands in the order `onregel --help` lists them.
void add_commands(CLI::App& app);

// Whether progress may be printed: only to a terminal, and not with --quiet.
bool progress_wanted(bool quiet);

}  // namespace onregel::cli
