#pragma once
#include "command.hpp"

namespace onregel::cli {
void add_config_command(CLI::App& app);
}
