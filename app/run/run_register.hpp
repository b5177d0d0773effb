#pragma once
// What a run adds to the register (run --register): the run itself, what it flagged per signal and
// buurt, and the meldingen per categorie, buurt and quarter — counts only, no melding and no text.
#include <string>
#include <vector>

#include "engine/analysis/scoring.hpp"
#include "engine/model.hpp"
#include "engine/register/register.hpp"

namespace onregel {

// `buurt`: per verblijfsobject its buurtcode (empty without --buurten); `run` the run's id.
Register run_rows(const Town& town, const std::vector<Beoordeling>& ranked, const std::vector<std::string>& buurt,
                  const RegisterRun& run);

// The run's id: the first 16 hex digits of the SHA-256 of the peildatum, the configuration and the
// inputs' hashes, so the same run twice is one run in the register.
std::string run_id(Date peildatum, const std::string& config_sha256, const std::vector<std::string>& input_sha256);

}  // namespace onregel
