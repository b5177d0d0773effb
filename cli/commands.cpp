#include <unistd.h>

#include "command.hpp"
#include "command_config.hpp"
#include "command_explain.hpp"
#include "command_evaluate.hpp"
#include "command_gebied.hpp"
#include "command_hotspots.hpp"
#include "command_monitor.hpp"
#include "command_outputs.hpp"
#include "command_register.hpp"
#include "command_run.hpp"
#include "command_sample.hpp"
#include "command_serve.hpp"
#include "command_signals.hpp"
#include "command_validate.hpp"
#include "command_version.hpp"

namespace onregel::cli {

void add_commands(CLI::App& app) {
    static constexpr AddCommand table[] = {
        add_run_command,
        add_explain_command,
        add_validate_command,
        add_hotspots_command,
        add_evaluate_command,
        add_register_command,
        add_monitor_command,
        add_gebied_command,
        add_serve_command,
        add_signals_command,
        add_outputs_command,
        add_config_command,
        add_sample_command,
        add_version_command,
    };
    for (auto add : table) add(app);
}

bool progress_wanted(bool quiet) { return !quiet && isatty(STDERR_FILENO); }

}  // namespace onregel::cli
