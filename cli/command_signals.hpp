#pragma once
#include "command.hpp"

namespace onregel::cli {
void add_signals_command(CLI::App& app);
}
