#pragma once
#include "command.hpp"

namespace onregel::cli {
void add_serve_command(CLI::App& app);
}
