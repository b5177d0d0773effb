#pragma once
#include "command.hpp"

namespace onregel::cli {
void add_explain_command(CLI::App& app);
}
