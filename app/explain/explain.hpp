#pragma once
// `onregel explain`: why an address is on the list, read back from a run's own outputs
// (locaties.geojson for the contributions and facts, manifest.json for the parameters in force).
#include <filesystem>
#include <string>

namespace onregel {

// The explanation of one object in Dutch: the object, every contribution with its rule, the
// parameters in force and the facts, and the total. `query` is a 16-digit BAG id or an address
// such as "1234AB 12a". Throws input_error (naming the nearest ranked addresses) when the object is
// not among the run's locaties.
std::string explain(const std::filesystem::path& out_dir, const std::string& query);

}  // namespace onregel
