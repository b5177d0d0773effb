#pragma once
// The informatiebeeld's text for one area: key figures beside the gemeente's, risk branches, the years'
// verloop and meldingen with their trend, categories and signals, as report blocks.
#include <map>
#include <string>
#include <vector>

#include "app/report/document.hpp"
#include "engine/analysis/informatiebeeld.hpp"
#include "layers/read/gebieden.hpp"

namespace onregel {

// `beschrijvingen`: each signal's description by id.
std::vector<Blok> gebied_blokken(const Gebied& gebied, const Gebiedscijfers& c, const Gemeentebeeld& beeld,
                                 const std::map<std::string, std::string>& beschrijvingen);

}  // namespace onregel
