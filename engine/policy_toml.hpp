#pragma once
// The config sections that hold policy tables, read and written here so config.cpp stays generic.
// Separate from policy.hpp so toml++ stays out of the signal headers.
#include <ostream>
#include <string>
#include <toml++/toml.h>

#include "policy.hpp"

namespace onregel {

// Reads the top-level section `name` into the policy; false when the policy owns no such section.
// A section given in the config replaces that whole table of the defaults.
// Throws config_error naming the source file, the key, the value and what was allowed.
bool read_policy_section(const std::string& name, const toml::node& node, const std::string& source, Policy& policy);
std::string policy_section_names();  // e.g. "[risicobranches], [bedrijfsruimte], ...", for error messages
// The policy as commented TOML, for `onregel config --default`; parse_config reads it back unchanged.
void write_policy_toml(const Policy& policy, std::ostream& out);
// A TOML value as written in the file (strings quoted), for error messages.
std::string toml_value_text(const toml::node& node);

}  // namespace onregel
