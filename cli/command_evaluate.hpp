#pragma once
#include "command.hpp"

namespace onregel::cli {
void add_evaluate_command(CLI::App& app);
}
