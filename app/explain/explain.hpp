#pragma once
// `onregel explain`: why an address is on the list, read back from a run's own outputs
// (locaties.geojson for the contributions and facts, manifest.json for the parameters in force); for
// an address that is not on it, whether the BAG of the run knows it at all.
#include <filesystem>
#include <string>

#include "layers/read/inputs.hpp"

namespace onregel {

// The explanation of one object in Dutch. `query` is what someone types: a BAG id, "3405GS 32-14",
// "3405 GS 32-14" or "Merellaan 32-14" (engine/match/address.hpp).
// - On the list: the object, every contribution with its rule, the parameters in force and the facts,
//   and the total.
// - Not on the list but in the BAG: "geen signaal" with its BAG facts (gebruiksdoel, oppervlakte,
//   bouwjaar, status) and its active vestigingen and meldingen. For this the inputs of the run are read
//   again, from the paths in manifest.json unless `sources` names them (bag, kvk, meldingen).
// - With a register (`register_target`, else the run's own register file from its manifest): what it
//   knows of the address, "Gecontroleerd 12-03-2026: KvK-inschrijving onjuist; last onder dwangsom, opgevolgd."
// Throws input_error for a query that is no address, an address the BAG does not know (naming the
// nearest addresses in the same street, or the street it probably meant), one that fits several
// addresses, and for inputs that cannot be read.
std::string explain(const std::filesystem::path& out_dir, const std::string& query, const InputSources& sources = {},
                    const std::string& register_target = {});

}  // namespace onregel
