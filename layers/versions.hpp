#pragma once
#include <string>
#include <utility>
#include <vector>

namespace onregel {
// Name and runtime version of each library onregel links, for `onregel version` and the manifest.
std::vector<std::pair<std::string, std::string>> library_versions();
}
