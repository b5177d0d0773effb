#pragma once
// The basisdataset of an area: its verblijfsobjecten with their BAG facts, vestigingen and meldingen
// counts, as the gemeente's own spreadsheet (DOOK's export, with scores and signals).
#include <cstdint>
#include <vector>

#include "engine/analysis/informatiebeeld.hpp"
#include "engine/model.hpp"
#include "engine/policy.hpp"
#include "app/run/outputs.hpp"
#include "layers/table/feature_table.hpp"

namespace onregel {

// One row per vestiging (all of them, ended ones included: the history matters at the door), or one
// per object without any; objects in address order.
FeatureTable basisdataset_table(const Town& town, const Policy& policy, const Gemeentebeeld& beeld,
                                const std::vector<std::uint32_t>& vbos, Profiel profiel);

}  // namespace onregel
