#include "config.hpp"

#include <cmath>
#include <sstream>
#include <toml++/toml.h>

#include "errors.hpp"
#include "match/similar.hpp"
#include "policy_toml.hpp"
#include "register/register_toml.hpp"
#include "text.hpp"

namespace onregel {

namespace {

const ParamSpec punten_spec{"punten", ParamType::integer, 0, 0, 100,
                                "points per level; a hit scores level (1-3) x punten"};
constexpr int max_integrale_bonus = 100;

// "; bedoelde u max_oppervlakte? (bekend: ...)" after an unknown key.
std::string meant(const std::string& written, const std::vector<std::string>& known) {
    std::string out;
    const auto closest = closest_names(written, known);
    if (!closest.empty()) out += "; bedoelde u " + closest.front() + "?";
    return out + " (bekend: " + list_text(known, ", ") + ")";
}

// The one check of a parameter value, for a config file and for make_configured() alike. `text` is the
// value as given, for the message.
double check_value(const ParamSpec& spec, double value, const std::string& text, const std::string& where) {
    if (spec.type == ParamType::integer && std::isfinite(value) && value != std::trunc(value))
        throw config_error(where + " = " + text + ": verwacht een geheel getal");
    if (!std::isfinite(value) || value < spec.min || value > spec.max)
        throw config_error(where + " = " + text + " ligt buiten het bereik (toegestaan: " + param_text(spec.min, spec.type) +
                           " tot en met " + param_text(spec.max, spec.type) + ")");
    return value;
}

double read_number(const toml::node& node, const ParamSpec& spec, const std::string& where) {
    double value;
    if (auto i = node.as_integer()) value = static_cast<double>(i->get());
    else if (auto f = node.as_floating_point(); f && spec.type == ParamType::real) value = f->get();
    else
        throw config_error(where + " = " + toml_value_text(node) + ": verwacht " +
                           (spec.type == ParamType::integer ? "een geheel getal" : "een getal"));
    return check_value(spec, value, toml_value_text(node), where);
}

// The declaration of parameter `name` of a signal; config_error naming the known keys when there is none.
const ParamSpec& find_param(const SignalInfo& info, const std::string& name, const std::string& where) {
    for (const auto& p : info.params)
        if (p.name == name) return p;
    std::vector<std::string> known = {"actief", "punten"};
    for (const auto& p : info.params) known.push_back(p.name);
    throw config_error(where + ": onbekende sleutel" + meant(name, known));
}

std::string signal_section(const SignalInfo& info) { return "[signalen." + info.id + "]"; }

void read_signal(const toml::table& table, const std::string& where, const SignalInfo& info, SignalConfig& config) {
    for (const auto& [key, node] : table) {
        const std::string name(key.str());
        const std::string at = where + " " + name;
        if (name == "actief") {
            auto b = node.as_boolean();
            if (!b) throw config_error(at + " = " + toml_value_text(node) + ": verwacht true of false");
            config.actief = b->get();
        } else if (name == "punten") {
            config.punten = static_cast<int>(read_number(node, punten_spec, at));
        } else {
            config.values[name] = read_number(node, find_param(info, name, at), at);
        }
    }
}

}  // namespace

Config default_config(const Signals& signals) {
    Config config;
    config.policy = default_policy();
    config.register_beleid = default_register_beleid();
    config.doelen = default_doelen();
    for (const auto& signal : signals) {
        const auto& info = signal->info();
        SignalConfig sc;
        sc.punten = info.default_punten;
        for (const auto& p : info.params) sc.values[p.name] = p.default_value;
        config.signalen[info.id] = std::move(sc);
    }
    return config;
}

Config parse_config(std::string_view toml_text, std::string_view source, const Signals& signals) {
    toml::table root;
    try {
        root = toml::parse(toml_text, source);
    } catch (const toml::parse_error& e) {
        std::ostringstream msg;
        msg << source << ":" << e.source().begin.line << ":" << e.source().begin.column << ": geen geldige TOML (" << e.description() << ")";
        throw config_error(msg.str());
    }
    Config config = default_config(signals);
    const std::string src(source);
    config.source = src;
    for (const auto& [key, node] : root) {
        const std::string name(key.str());
        if (name == "peildatum") {
            auto s = node.as_string();
            if (!s) throw config_error(src + ": peildatum = " + toml_value_text(node) + ": verwacht een datum als tekst, \"JJJJ-MM-DD\"");
            try {
                config.peildatum = parse_date(s->get());
            } catch (const input_error& e) {
                throw config_error(src + ": peildatum: " + e.what());
            }
        } else if (name == "logboek") {
            auto s = node.as_string();
            if (!s) throw config_error(src + ": logboek = " + toml_value_text(node) + ": verwacht een bestandspad als tekst");
            config.logboek = s->get();
        } else if (name == "scoring") {
            auto table = node.as_table();
            if (!table) throw config_error(src + ": [scoring] moet een tabel zijn");
            for (const auto& [k, v] : *table) {
                if (k.str() != "integrale_bonus")
                    throw config_error(src + ": [scoring] " + std::string(k.str()) + ": onbekende sleutel" + meant(std::string(k.str()), {"integrale_bonus"}));
                const ParamSpec spec{"integrale_bonus", ParamType::integer, 0, 0, max_integrale_bonus, ""};
                config.integrale_bonus = static_cast<int>(read_number(v, spec, src + ": [scoring] integrale_bonus"));
            }
        } else if (name == "signalen") {
            auto table = node.as_table();
            if (!table) throw config_error(src + ": [signalen] moet een tabel zijn");
            for (const auto& [id, sub] : *table) {
                const std::string sid(id.str());
                auto it = config.signalen.find(sid);
                if (it == config.signalen.end()) {
                    std::vector<std::string> known;
                    for (const auto& s : signals) known.push_back(s->info().id);
                    throw config_error(src + ": [signalen." + sid + "]: onbekend signaal" + meant(sid, known));
                }
                auto st = sub.as_table();
                if (!st) throw config_error(src + ": [signalen." + sid + "] moet een tabel zijn");
                for (const auto& s : signals)
                    if (s->info().id == sid) read_signal(*st, src + ": " + signal_section(s->info()), s->info(), it->second);
            }
        } else if (!read_policy_section(name, node, src, config.policy) &&
                   !read_register_section(name, node, src, config.register_beleid, config.doelen)) {
            throw config_error(src + ": " + name + ": onbekende sleutel (bekend: peildatum, logboek, [scoring], [signalen.<id>], " +
                               policy_section_names() + ", [register], [[doelen]])");
        }
    }
    return config;
}

std::string config_toml(const Config& config, const Signals& signals) {
    std::ostringstream out;
    out << "# onregel configuration. Every key is optional: a key left out takes its default.\n"
           "# Score of an object = sum over signals of level (1-3) x punten, plus the integrale bonus.\n\n"
           "# The day the analysis treats as today (\"YYYY-MM-DD\"). Empty: the latest date in the inputs,\n"
           "# so the same inputs always give the same result.\n"
        << "peildatum = \"" << (config.peildatum ? format_date(*config.peildatum) : "") << "\"\n\n"
           "# The logboek dataverwerkingen: one JSON line per run (who, when, which inputs, what was written).\n"
           "# Empty: onregel-logboek.jsonl in the directory that holds --out.\n"
        << "logboek = " << toml::value<std::string>(config.logboek) << "\n\n"
           "[scoring]\n"
           "# Points per extra signal family (registratie, gebouw, meldingen, vergunningen) on one object.\n"
        << "integrale_bonus = " << config.integrale_bonus << "\n";
    for (const auto& signal : signals) {
        const auto& info = signal->info();
        const auto& sc = config.signalen.at(info.id);
        out << "\n# " << info.beschrijving << "\n# Bron: " << info.bron << "\n" << signal_section(info) << "\n"
            << "actief = " << (sc.actief ? "true" : "false") << "  # false switches the signal off\n"
            << "punten = " << sc.punten << "  # " << punten_spec.help << " (0 to 100)\n";
        for (const auto& p : info.params)
            out << p.name << " = " << param_text(sc.values.at(p.name), p.type) << "  # " << p.help << " ("
                << param_text(p.min, p.type) << " to " << param_text(p.max, p.type) << ")\n";
    }
    write_policy_toml(config.policy, out);
    write_register_toml(config.register_beleid, config.doelen, out);
    return out.str();
}

std::string config_json(const Config& config, const Signals& signals) {
    const auto table = toml::parse(config_toml(config, signals));
    std::ostringstream out;
    out << toml::json_formatter{table};
    return out.str();
}

void configure_signal(Signal& signal, const ParamValues& values) {
    const auto& info = signal.info();
    ParamValues checked;
    for (const auto& p : info.params) checked[p.name] = p.default_value;
    for (const auto& [name, value] : values) {
        const std::string at = signal_section(info) + " " + name;
        checked[name] = check_value(find_param(info, name, at), value, param_text(value, ParamType::real), at);
    }
    Params params(info, checked);
    signal.configure(params);
    params.check_all_read();
}

void configure_signals(const Config& config, const Signals& signals) {
    for (const auto& signal : signals) {
        try {
            configure_signal(*signal, config.signalen.at(signal->info().id).values);
        } catch (const config_error& e) {
            throw config_error(config.source + ": " + e.what());  // the signal names its section and key
        }
    }
}

}  // namespace onregel
