#pragma once
#include "command.hpp"

namespace onregel::cli {
void add_monitor_command(CLI::App& app);
}
