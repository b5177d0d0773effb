#pragma once
// The run configuration: TOML in, validated before any input is read (osmium's setup()/run() split).
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "date.hpp"
#include "policy.hpp"
#include "signal.hpp"

namespace onregel {

struct SignalConfig {
    bool actief = true;
    int punten = 1;
    ParamValues values;
};

struct Config {
    std::string source = "default configuration";  // the file it came from, for messages
    std::optional<Date> peildatum;  // empty: the latest date found in the inputs (reproducible runs)
    int integrale_bonus = 2;        // points per extra signal family on one object
    std::string logboek;            // the audit log (JSON lines); empty: onregel-logboek.jsonl beside --out
    std::map<std::string, SignalConfig> signalen;  // every registered signal, by id
    Policy policy;
};

using Signals = std::vector<std::unique_ptr<Signal>>;

Config default_config(const Signals& signals);
// Parses and validates TOML text; `source` names the file in messages. Throws config_error that
// names the key, the value and what was allowed.
Config parse_config(std::string_view toml_text, std::string_view source, const Signals& signals);
// A configuration as TOML with a comment per key; of default_config() it is `onregel config --default`.
std::string config_toml(const Config& config, const Signals& signals);
// The same configuration as JSON (for the manifest), keys sorted.
std::string config_json(const Config& config, const Signals& signals);
// Applies each signal's parameters via Signal::configure.
void configure_signals(const Config& config, const Signals& signals);

}  // namespace onregel
