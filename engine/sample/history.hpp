#pragma once
// Three years of the controle register on the sample town, so the demo can show the monitor report and
// tests can drive `run --register`: a run per quarter with what it flagged, five to seven integrale
// controledagen a year with what was found, the interventies that followed and how they ended, and the
// meldingen per quarter. sample_writer writes it as register.gpkg through the register store, so it is
// what `register import` and `run --register` make.
#include <cstdint>

#include "engine/register/register.hpp"
#include "sample.hpp"

namespace onregel::sample {

// The register of the three years before peildatum() of one town, made after the town from its own
// stream of `seed`, so the town's files do not change with it. Only the town's own BAG ids; the same
// town and seed give the same rows. Rows per table in the order made (the store sorts them by key).
//
// - runs: one at the end of each of the twelve quarters before the peildatum's quarter; what they
//   flagged per signal follows the town's planted cases and size, with a little movement per quarter.
// - controles: 5-7 controledagen per year (Tuesday to Thursday) of 5-8 addresses plus the hercontroles
//   due, with the day's partners. About half come from the ranking (the planted addresses and the hot
//   area's surroundings, with the signals they were flagged for), about a fifth is steekproef
//   (unflagged addresses: rarely a finding), some are tips (near a melding) and partnerverzoeken
//   (business addresses), neither at a planted or look-alike address. An address visited is not chosen
//   again within a year. Planted addresses find something far more often than steekproef ones.
// - interventies: what the constateringen call for (keys of default_register_beleid()), each after a
//   controle with a finding at its address; a waarschuwing (for more than a KvK registration) or last
//   onder dwangsom asks for a hercontrole 8-16 weeks later, done on the first controledag from its due
//   date, which ends them (opgevolgd, or zonder gevolg / verbeurd and a last with a new hercontrole).
//   At least one hercontrole is due on the peildatum, after the last controledag (whenever an open one
//   can fall due there); the last day's own hercontroles are planned after the peildatum.
// - meldingen: the town's meldingen per quarter and categorie, counted as run --register counts them
//   (buurt "": the sample has no buurtkaart).
Register history(const Chunk& town, std::uint64_t seed);

}  // namespace onregel::sample
