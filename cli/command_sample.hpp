#pragma once
#include "command.hpp"

namespace onregel::cli {
void add_sample_command(CLI::App& app);
}
