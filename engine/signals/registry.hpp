#pragma once
#include <memory>
#include <vector>

#include "engine/signal.hpp"

namespace onregel {

// Every signal configured with its defaults (configure_signals applies a config), in the fixed order in
// which results are merged and documented.
std::vector<std::unique_ptr<Signal>> make_signals();

}  // namespace onregel
