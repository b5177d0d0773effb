#pragma once
#include "command.hpp"

namespace onregel::cli {
void add_version_command(CLI::App& app);
}
