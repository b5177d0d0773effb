#pragma once
// The input options `run` and `validate` share, declared once so their help and meaning agree.
#include <string>

#include "command.hpp"
#include "layers/read/inputs.hpp"

namespace onregel::cli {

struct InputArguments {
    InputSources* sources;
    ReadOptions* read;
    std::string bbox;  // parsed into read->bbox by finish()
    void finish();     // call first in the command's callback; throws config_error for a bad --bbox
};

void add_input_options(CLI::App& cmd, InputArguments& args);

}  // namespace onregel::cli
