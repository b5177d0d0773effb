#pragma once
// [register] and [[doelen]] in the config file, read and written here so config.cpp stays generic.
#include <ostream>
#include <string>
#include <toml++/toml.h>
#include <vector>

#include "register_config.hpp"

namespace onregel {

// Reads the top-level `name` when it is "register" or "doelen"; false for any other name. A list given
// in the config replaces the default list whole. Throws config_error naming the file, key and value.
bool read_register_section(const std::string& name, const toml::node& node, const std::string& source,
                           RegisterBeleid& beleid, std::vector<Doel>& doelen);
// Both as commented TOML, for `onregel config --default`; parse_config reads them back unchanged.
void write_register_toml(const RegisterBeleid& beleid, const std::vector<Doel>& doelen, std::ostream& out);

}  // namespace onregel
