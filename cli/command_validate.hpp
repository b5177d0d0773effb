#pragma once
#include "command.hpp"

namespace onregel::cli {
void add_validate_command(CLI::App& app);
}
