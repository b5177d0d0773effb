#include "command_config.hpp"

#include <iostream>

#include "engine/config.hpp"
#include "engine/errors.hpp"
#include "engine/signals/registry.hpp"
#include "layers/files.hpp"

namespace onregel::cli {

void add_config_command(CLI::App& app) {
    auto* cmd = app.add_subcommand("config", "Print the default configuration (TOML), or check a configuration file");
    static bool print_default = false;
    static std::string check;
    cmd->add_flag("--default", print_default, "Print the full default configuration with a comment per key");
    cmd->add_option("--check", check, "Validate a configuration file and report the first problem");
    cmd->callback([] {
        const auto signals = make_signals();
        if (print_default) {
            std::cout << default_config_toml(signals);
        } else if (!check.empty()) {
            parse_config(read_text_file(check), check, signals);
            std::cout << check << ": ok\n";
        } else {
            throw config_error("config: give --default or --check FILE");
        }
    });
}

}  // namespace onregel::cli
