#pragma once
// `onregel validate`: what was read from each input and what is wrong with it, in words an
// OOV-adviseur can act on without help.
#include <string>

#include "layers/read/inputs.hpp"

namespace onregel {

// Per layer: source, driver, CRS, rows, date range, SBI version, match rate per route, reject reasons
// with a few examples each, skipped rows and warnings. Deterministic text, Dutch.
std::string validation_report(const Inputs& inputs, std::size_t examples_per_reason = 3);

}  // namespace onregel
