#pragma once
#include "command.hpp"

namespace onregel::cli {
void add_hotspots_command(CLI::App& app);
}
