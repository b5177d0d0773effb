#pragma once
// Made-up names for the sample: streets, woonplaatsen, handelsnamen and melding text. Only generic
// Dutch words, never a person's name.
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "random.hpp"

namespace onregel::sample {

// Distinct street names in a shuffled order (residential themes, or bedrijventerrein ones).
std::vector<std::string> street_names(Random& rng, bool bedrijf);
// The n-th woonplaats of a --scale sample; distinct for the first few thousand.
std::string woonplaats_name(std::int64_t n);
std::string handelsnaam(Random& rng, std::string_view sbi, std::string_view rechtsvorm);
// Free text of a melding; both carry the token PRIVACY-CANARY-<row> that tests trace.
std::string omschrijving(Random& rng, std::string_view categorie, std::int64_t row);
std::string melder(Random& rng, std::int64_t row);

}  // namespace onregel::sample
