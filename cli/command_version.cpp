#include "command_version.hpp"

#include <iostream>

#include "layers/versions.hpp"

namespace onregel::cli {

void add_version_command(CLI::App& app) {
    auto* cmd = app.add_subcommand("version", "Print the onregel version and the library versions it runs with");
    cmd->callback([] {
        std::cout << "onregel " << ONREGEL_VERSION << "\n";
        for (const auto& [name, version] : library_versions()) std::cout << name << " " << version << "\n";
    });
}

}  // namespace onregel::cli
