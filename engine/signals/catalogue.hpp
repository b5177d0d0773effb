#pragma once
// The signal catalogue rendered from the signals' own metadata: `onregel signals` and docs/signals.md.
#include <string>

#include "engine/config.hpp"

namespace onregel {

std::string signals_text(const Signals& signals);
std::string signals_markdown(const Signals& signals);

}  // namespace onregel
