#pragma once
#include "command.hpp"

namespace onregel::cli {
void add_register_command(CLI::App& app);
}
