#pragma once
// The config sections that hold policy tables, read and written here so config.cpp stays generic.
// Separate from policy.hpp so toml++ stays out of the signal headers.
#include <ostream>
#include <string>
#include <toml++/toml.h>

#include "policy.hpp"

namespace onregel {

// Reads the top-level section `name` into the policy; false when the policy owns no such section.
// Throws config_error naming the source file, the key and what was expected.
bool read_policy_section(const std::string& name, const toml::node& node, const std::string& source, Policy& policy);
std::string policy_section_names();  // e.g. "[risicobranches]", for error messages
// The policy as commented TOML, for `onregel config --default`.
void write_policy_toml(const Policy& policy, std::ostream& out);

}  // namespace onregel
