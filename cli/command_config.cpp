#include "command_config.hpp"

#include <iostream>
#include <memory>

#include "app/job.hpp"
#include "engine/config.hpp"
#include "engine/errors.hpp"
#include "engine/signals/registry.hpp"

namespace onregel::cli {

namespace {
struct ConfigArguments {
    bool print_default = false;
    std::string check;
};
}  // namespace

void add_config_command(CLI::App& app) {
    auto args = std::make_shared<ConfigArguments>();
    auto* cmd = app.add_subcommand("config", "Print the default configuration (TOML), or check a configuration file");
    cmd->add_flag("--default", args->print_default, "Print the full default configuration with a comment per key");
    cmd->add_option("--check", args->check, "Validate a configuration file and report the first problem");
    cmd->callback([args] {
        const auto signals = make_signals();
        if (args->print_default) {
            std::cout << config_toml(default_config(signals), signals);
        } else if (!args->check.empty()) {
            try {
                load_config(args->check, signals);  // exactly what run and gebied do
            } catch (const input_error& e) {
                throw config_error(e.what());  // an unreadable config file is a usage problem
            }
            std::cout << args->check << ": in orde\n";
        } else {
            throw config_error("config: geef --default of --check BESTAND");
        }
    });
}

}  // namespace onregel::cli
