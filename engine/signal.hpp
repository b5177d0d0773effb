#pragma once
// The signal interface. A signal is one file pair in engine/signals/ plus one line in registry.cpp.
// Its metadata (id, Dutch description, source, family, parameters) drives `onregel signals`,
// `onregel config --default` and docs/signals.md. A parameter's default lives there and nowhere else: a
// signal object exists only configured (make_configured, make_signals), configure() reads every declared
// parameter through Params, evaluate() works.
#include <cstdint>
#include <initializer_list>
#include <map>
#include <set>
#include <string>
#include <string_view>
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

// A parameter value as the config file and the messages write it: integers as integers, reals with two
// decimals unless that would change the value ("0.10", "0.001").
std::string param_text(double value, ParamType type);

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

// What a signal found on one verblijfsobject: niveau 1..3 and the facts that fired it, as one Dutch
// sentence without a final full stop (see docs/signals.md, "Reasons"). `ook` names the other families
// whose facts raised it (a kelderbox with meldingen: meldingen), so scoring pays those facts once.
struct Hit {
    std::uint32_t vbo = 0;
    std::uint8_t niveau = 1;
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

// What configure() reads its parameters through: the values of a config file or of make_configured(),
// already checked against info().params by the config loader. It records what was read, so a parameter
// declared but never read, or read but never declared, is a programming error (std::logic_error) that
// the registry-wide test finds for every signal.
class Params {
public:
    Params(const SignalInfo& info, const ParamValues& values) : info_(info), values_(values) {}
    // A declared parameter of that type; an integer parameter fits an int (its range says so).
    int integer(std::string_view name);
    double real(std::string_view name);
    // A rule across parameters: throws config_error unless the values of `names` do not decrease in this
    // order, naming each with its value ("[signalen.boxencomplex] niveau2 = 8, niveau3 = 6: de niveaus mogen
    // niet dalen (niveau2 <= niveau3)"). `what` says what the order means.
    void require_ascending(std::initializer_list<std::string_view> names, std::string_view what);
    // Throws std::logic_error naming the declared parameters configure() left unread.
    void check_all_read() const;

private:
    const ParamSpec& spec(std::string_view name, ParamType type);
    const SignalInfo& info_;
    const ParamValues& values_;
    std::set<std::string, std::less<>> read_;
};

class Signal;
// A signal of type T, constructed from Signal::Key and `args`, configured with its defaults and `overrides`
// through the config loader's own checks (engine/config.hpp). The only way to obtain a signal object.
template <class T, class... Args>
T make_configured(const ParamValues& overrides = {}, Args&&... args);

class Signal {
public:
    // Only make_configured() holds the key: a signal object without its parameters cannot be made.
    class Key {
        Key() = default;
        template <class T, class... Args>
        friend T make_configured(const ParamValues& overrides, Args&&... args);
    };
    explicit Signal(Key) {}
    virtual ~Signal() = default;
    virtual const SignalInfo& info() const = 0;
    // Reads every parameter of info().params from `params` (range and type are checked already); throws
    // config_error, through Params::require_ascending, for rules that span parameters.
    virtual void configure(Params& params) = 0;
    // Hits in ascending vbo order, at most one per verblijfsobject.
    virtual std::vector<Hit> evaluate(const Context& context) const = 0;
};

}  // namespace onregel
