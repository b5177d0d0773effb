#include "command_validate.hpp"

#include <iostream>
#include <memory>

#include "engine/errors.hpp"
#include "layers/read/inputs.hpp"
#include "input_options.hpp"
#include "app/validate/validate.hpp"

namespace onregel::cli {

namespace {

struct ValidateArguments {
    InputSources sources;
    ReadOptions options;
    InputArguments inputs{&sources, &options, {}};
};

}  // namespace

void add_validate_command(CLI::App& app) {
    auto args = std::make_shared<ValidateArguments>();
    auto* cmd = app.add_subcommand("validate",
                                   "Read the inputs as `run` does and report per layer what was read, matched and rejected; no analysis");
    add_input_options(*cmd, args->inputs);
    cmd->callback([args] {
        args->inputs.finish();
        const auto inputs = read_inputs(args->sources, args->options);
        std::cout << validation_report(inputs);
        require_usable(inputs);
    });
}

}  // namespace onregel::cli
