#pragma once
#include "command.hpp"

namespace onregel::cli {
void add_run_command(CLI::App& app);
}
