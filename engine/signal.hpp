#pragma once
// The signal interface. A signal is one file pair in engine/signals/ plus one line in registry.cpp.
// Its metadata (id, Dutch description, source, family, parameters) drives `onregel signals`,
// `onregel config --default` and docs/signals.md; configure() validates, evaluate() works.
#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "grid_index.hpp"
#include "model.hpp"
#include "policy.hpp"

namespace onregel {

// Families for the integrale bonus: a place where several domains meet.
enum class Familie : std::uint8_t { registratie, gebouw, meldingen, vergunningen };
std::string_view familie_name(Familie familie);
// A set of families as bits.
constexpr std::uint8_t familie_bit(Familie familie) { return static_cast<std::uint8_t>(1u << static_cast<unsigned>(familie)); }

enum class ParamType : std::uint8_t { integer, real };

struct ParamSpec {
    std::string name;
    ParamType type = ParamType::integer;
    double default_value = 0;
    double min = 0;
    double max = 0;
    std::string help;  // English, for the config file and `onregel signals`
};

struct SignalInfo {
    std::string id;            // stable: appears in outputs and configs
    std::string beschrijving;  // one line, Dutch
    std::string bron;          // where the idea comes from
    Familie familie = Familie::registratie;
    int default_punten = 1;
    std::vector<ParamSpec> params;  // without `punten` and `actief`, which every signal has
};

// Validated parameter values by name; every declared parameter is present.
using ParamValues = std::map<std::string, double>;

// What a signal found on one verblijfsobject: level 1..3 and the facts that fired it, in Dutch. `ook`
// names the other families whose facts raised it (a kelderbox with meldingen: meldingen), so scoring
// pays those facts once.
struct Hit {
    std::uint32_t vbo = 0;
    std::uint8_t level = 1;
    std::string bewijs;
    std::uint8_t ook = 0;  // familie_bit()s
};

// Everything a signal may read. Built once per run, shared read-only by all signals.
struct Context {
    const Town& town;
    const GridIndex& vbo_index;      // over Town::verblijfsobjecten[i].punt
    const GridIndex& melding_index;  // over Town::meldingen[i].punt
    const Policy& policy;
};

class Signal {
public:
    virtual ~Signal() = default;
    virtual const SignalInfo& info() const = 0;
    // Called with values already checked against info().params; throw config_error for rules
    // that span parameters.
    virtual void configure(const ParamValues& values) = 0;
    // Hits in ascending vbo order, at most one per verblijfsobject.
    virtual std::vector<Hit> evaluate(const Context& context) const = 0;
};

}  // namespace onregel
