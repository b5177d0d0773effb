#include <algorithm>
#include <charconv>
#include <stdexcept>

#include "engine/errors.hpp"
#include "engine/signal.hpp"
#include "engine/text.hpp"

namespace onregel {

std::string param_text(double value, ParamType type) {
    if (type == ParamType::integer) return std::to_string(static_cast<long long>(value));
    std::string text = format_decimal(value, 2);
    double back = 0;
    std::from_chars(text.data(), text.data() + text.size(), back);
    if (back == value) return text;
    char buf[64];
    const auto r = std::to_chars(buf, buf + sizeof buf, value);  // the shortest text that reads back exactly
    return {buf, r.ptr};
}

const ParamSpec& Params::spec(std::string_view name, ParamType type) {
    const auto it = std::find_if(info_.params.begin(), info_.params.end(), [&](const ParamSpec& p) { return p.name == name; });
    if (it == info_.params.end())
        throw std::logic_error(info_.id + ": configure() reads " + std::string(name) + ", which info().params does not declare");
    if (it->type != type)
        throw std::logic_error(info_.id + "." + it->name + ": declared as " +
                               (it->type == ParamType::integer ? "integer" : "real") + ", read as the other type");
    read_.insert(it->name);
    return *it;
}

int Params::integer(std::string_view name) { return static_cast<int>(values_.at(spec(name, ParamType::integer).name)); }

double Params::real(std::string_view name) { return values_.at(spec(name, ParamType::real).name); }

void Params::require_ascending(std::initializer_list<std::string_view> names, std::string_view what) {
    std::string listed, order;
    bool ascending = true;
    const ParamSpec* previous = nullptr;
    for (const auto name : names) {
        const auto it =
            std::find_if(info_.params.begin(), info_.params.end(), [&](const ParamSpec& p) { return p.name == name; });
        const ParamSpec& current = spec(name, it == info_.params.end() ? ParamType::integer : it->type);
        const double value = values_.at(current.name);
        if (previous && values_.at(previous->name) > value) ascending = false;
        listed += (previous ? ", " : "") + current.name + " = " + param_text(value, current.type);
        order += (previous ? " <= " : "") + current.name;
        previous = &current;
    }
    if (!ascending) throw config_error("[signalen." + info_.id + "] " + listed + ": " + std::string(what) + " (" + order + ")");
}

void Params::check_all_read() const {
    std::string unread;
    for (const auto& p : info_.params)
        if (!read_.contains(p.name)) unread += (unread.empty() ? "" : ", ") + p.name;
    if (!unread.empty())
        throw std::logic_error(info_.id + ": info().params declares " + unread + ", which configure() does not read");
}

}  // namespace onregel
