#pragma once
#include "command.hpp"

namespace onregel::cli {
void add_gebied_command(CLI::App& app);
}
