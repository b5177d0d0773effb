#pragma once
// The meldingen per quarter, buurt and categorie that a run adds to the register (run --register) and
// the sample's history holds: counts only, no single melding and no text.
#include <span>
#include <string>
#include <vector>

#include "engine/model.hpp"
#include "register.hpp"

namespace onregel {

// `buurt`: per verblijfsobject its buurtcode, empty without buurten (a melding without a verblijfsobject
// counts in buurt "" too). Sorted by year, quarter, buurt and categorie.
std::vector<MeldingenKwartaal> meldingen_per_kwartaal(std::span<const Melding> meldingen, std::span<const std::string> buurt);

}  // namespace onregel
