#pragma once
#include "command.hpp"

namespace onregel::cli {
void add_outputs_command(CLI::App& app);
}
