#pragma once
// The run configuration: TOML in, validated before any input is read (osmium's setup()/run() split).
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "date.hpp"
#include "policy.hpp"
#include "register/register_config.hpp"
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
    RegisterBeleid register_beleid;  // [register]
    std::vector<Doel> doelen;        // [[doelen]]
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
// Configures `signal` with its defaults and `values` (by name, any subset of its parameters): each value
// gets exactly the checks a config file's value gets (declared, type, range), then Signal::configure
// reads them and checks the rules across parameters. Throws config_error naming "[signalen.<id>] <key>";
// std::logic_error when configure() leaves a declared parameter unread.
void configure_signal(Signal& signal, const ParamValues& values);
// Applies each signal's parameters from `config` through configure_signal; messages name config.source.
void configure_signals(const Config& config, const Signals& signals);

template <class T, class... Args>
T make_configured(const ParamValues& overrides, Args&&... args) {
    T signal(Signal::Key{}, std::forward<Args>(args)...);
    configure_signal(signal, overrides);
    return signal;
}

}  // namespace onregel
