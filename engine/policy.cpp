#include "policy.hpp"

#include <algorithm>
#include <cmath>
#include <sstream>

#include "errors.hpp"
#include "policy_toml.hpp"
#include "text.hpp"

namespace onregel {

namespace {

constexpr double max_melding_gewicht = 100;
constexpr std::int64_t max_minimum_oppervlakte = 100000;
constexpr GebruiksdoelSet alle_gebruiksdoelen = (1u << 11) - 1;

char ascii_lower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }

std::vector<std::string> industrie_prefixes() {
    // SBI section C: divisions 10 to 33.
    std::vector<std::string> prefixes;
    for (int d = 10; d <= 33; ++d) prefixes.push_back(std::to_string(d));
    return prefixes;
}

// ---- reading ----

std::vector<std::string> gebruiksdoel_names(GebruiksdoelSet set) {
    std::vector<std::string> names;
    std::istringstream in(format_gebruiksdoelen(set));
    for (std::string name; std::getline(in, name, ',');) names.push_back(name);
    return names;
}

const toml::table& as_table(const toml::node& node, const std::string& at, std::string_view example) {
    auto table = node.as_table();
    if (!table) throw config_error(at + " = " + toml_value_text(node) + ": expected a table, e.g. " + std::string(example));
    return *table;
}

std::vector<std::string> read_prefixes(const toml::node& node, const std::string& at) {
    const std::string allowed = ": expected a list of SBI prefixes of 1 to 5 digits as text, e.g. [\"45\", \"7711\"]";
    auto array = node.as_array();
    if (!array || array->empty()) throw config_error(at + " = " + toml_value_text(node) + allowed);
    std::vector<std::string> prefixes;
    for (const auto& item : *array) {
        auto s = item.as_string();
        const std::string text = s ? s->get() : std::string{};
        if (text.empty() || text.size() > 5 || text.find_first_not_of("0123456789") != std::string::npos)
            throw config_error(at + " = " + toml_value_text(node) + ": " + toml_value_text(item) + " is not allowed" + allowed);
        prefixes.push_back(text);
    }
    return prefixes;
}

std::vector<std::string> read_texts(const toml::node& node, const std::string& at, std::string_view example) {
    auto array = node.as_array();
    std::vector<std::string> texts;
    if (array)
        for (const auto& item : *array)
            if (auto s = item.as_string(); s && !s->get().empty()) texts.push_back(s->get());
    if (!array || texts.size() != array->size())
        throw config_error(at + " = " + toml_value_text(node) + ": expected a list of non-empty texts, e.g. " +
                           std::string(example));
    return texts;
}

GebruiksdoelSet read_gebruiksdoelen(const toml::node& node, const std::string& at) {
    // format_gebruiksdoelen names the bits in bit order, so a name's position is its bit.
    const auto names = gebruiksdoel_names(alle_gebruiksdoelen);
    GebruiksdoelSet set = 0;
    for (const auto& text : read_texts(node, at, "[\"winkelfunctie\", \"industriefunctie\"]")) {
        const auto it = std::find(names.begin(), names.end(), text);
        if (it == names.end()) {
            std::string allowed;
            for (const auto& name : names) allowed += (allowed.empty() ? "" : ", ") + name;
            throw config_error(at + " = " + toml_value_text(node) + ": \"" + text + "\" is not a gebruiksdoel (allowed: " + allowed + ")");
        }
        set |= static_cast<GebruiksdoelSet>(1u << (it - names.begin()));
    }
    return set;
}

double read_number(const toml::node& node, const std::string& at, double min, double max, bool integer) {
    double value = std::nan("");
    if (auto i = node.as_integer()) value = static_cast<double>(i->get());
    else if (auto f = node.as_floating_point(); f && !integer) value = f->get();
    if (!std::isfinite(value) || value < min || value > max)
        throw config_error(at + " = " + toml_value_text(node) + ": expected " + (integer ? "an integer" : "a number") +
                           " from " + format_decimal(min, 0) + " to " + format_decimal(max, 0));
    return value;
}

// Calls read(branche name, its table) for every entry of a section made of named sub-tables, checking
// that each holds exactly the keys `keys` (e.g. "sbi, gebruiksdoelen").
template <class Read>
void read_named_tables(const toml::table& section, const std::string& at, const std::vector<std::string_view>& keys,
                       std::string_view example, Read read) {
    std::string known;
    for (auto k : keys) known += (known.empty() ? "" : ", ") + std::string(k);
    for (const auto& [name, node] : section) {
        const std::string where = at + " " + std::string(name.str());
        const auto& table = as_table(node, where, example);
        for (const auto& [key, value] : table) {
            bool ok = false;
            for (auto k : keys) ok = ok || key.str() == k;
            if (!ok) throw config_error(where + "." + std::string(key.str()) + ": unknown key (known keys: " + known + ")");
        }
        for (auto k : keys)
            if (!table.contains(k)) throw config_error(where + ": missing key " + std::string(k) + " (expected " + known + ")");
        read(std::string(name.str()), table, where);
    }
}

std::vector<Branche> read_branches(const toml::table& section, const std::string& at) {
    std::vector<Branche> branches;
    for (const auto& [key, value] : section)
        branches.push_back({std::string(key.str()), read_prefixes(value, at + " " + std::string(key.str()))});
    return branches;
}

// ---- writing ----

void write_list(std::ostream& out, const std::vector<std::string>& items) {
    out << '[';
    for (std::size_t i = 0; i < items.size(); ++i) out << (i ? ", " : "") << '"' << items[i] << '"';
    out << ']';
}

void write_branches(std::ostream& out, const std::vector<Branche>& branches) {
    for (const auto& b : branches) {
        out << b.naam << " = ";
        write_list(out, b.prefixes);
        out << '\n';
    }
}

// A TOML key: bare when it can be, quoted otherwise (categories of meldingen are free labels).
std::string toml_key(const std::string& key) {
    const bool bare = !key.empty() && key.find_first_not_of("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-") ==
                                          std::string::npos;
    std::ostringstream out;
    if (bare) out << key;
    else out << toml::value<std::string>(key);
    return out.str();
}

}  // namespace

std::size_t sbi_match_length(std::string_view sbi, const std::vector<std::string>& prefixes) {
    std::size_t best = 0;
    for (const auto& prefix : prefixes)
        if (prefix.size() > best && sbi_has_prefix(sbi, prefix)) best = prefix.size();
    return best;
}

const Branche* Policy::risicobranche(std::string_view sbi) const { return match_sbi(risicobranches, sbi); }

double Policy::melding_gewicht(std::string_view categorie) const {
    auto it = meldingen_gewicht.find(std::string(categorie));
    return it == meldingen_gewicht.end() ? 1.0 : it->second;
}

bool Policy::holding_rechtsvorm(std::string_view rechtsvorm) const {
    for (const auto& vorm : holding_rechtsvormen) {
        if (rechtsvorm.size() < vorm.size()) continue;
        bool same = true;
        for (std::size_t i = 0; i < vorm.size() && same; ++i) same = ascii_lower(rechtsvorm[i]) == ascii_lower(vorm[i]);
        if (same) return true;
    }
    return false;
}

Policy default_policy() {
    // Tables in name order: the order in which a config file reads back (toml++ sorts keys), so
    // `onregel config --default` round-trips byte for byte. Matching is by longest prefix, never by order.
    Policy policy;
    // Named in Dutch municipal and RIEC practice (SIGNALS.md); SBI 2008 prefixes.
    policy.risicobranches = {
        {"autobranche", {"45", "7711"}},
        {"belwinkels", {"6190"}},
        {"cafes_shisha", {"5630"}},
        {"fastfood", {"56102"}},
        {"fitness", {"9313"}},
        {"holdings", {"6420", "70102"}},
        {"juweliers", {"4777"}},
        {"kappers", {"96021"}},
        {"sauna_massage_zonnestudio", {"9604"}},
        {"schoonheid_nagelstudio", {"96022"}},
        {"telecomwinkels", {"4742"}},
        {"tweedehands", {"47793"}},
        {"uitzendbureaus", {"7820"}},
        {"vakantieparken", {"55201", "5530"}},
        {"vastgoed", {"68"}},
    };
    // Branches that need premises (SIGNALS.md, woonadres_bedrijvigheid).
    policy.bedrijfsruimte = {
        {"autobranche", {"45", "77"}},
        {"groothandel", {"46"}},
        {"horeca", {"56"}},
        {"industrie", industrie_prefixes()},
        {"transport", {"49"}},
    };
    policy.erkenningsplichtig = {{"autoreparatie", {"452"}}};
    policy.holding_sbi = {"6420", "70102"};
    policy.holding_rechtsvormen = {"Stichting"};
    // Lenient: only activities that need a particular kind of building are judged, and office-type work
    // fits every building where people live or work — only a berging (overige gebruiksfunctie) or a cell not.
    const GebruiksdoelSet kantoorwerk_past = alle_gebruiksdoelen & ~(overige_gebruiksfunctie | celfunctie);
    policy.gebruiksdoelen = {
        {{"autobranche", {"45"}}, industriefunctie | winkelfunctie | overige_gebruiksfunctie},
        {{"detailhandel", {"47"}}, winkelfunctie | industriefunctie | overige_gebruiksfunctie},
        {{"detailhandel_op_afstand", {"478", "4791", "4799"}},
         woonfunctie | kantoorfunctie | winkelfunctie | industriefunctie | overige_gebruiksfunctie},
        {{"groothandel", {"46"}}, industriefunctie | kantoorfunctie | winkelfunctie | overige_gebruiksfunctie},
        {{"horeca", {"56"}}, bijeenkomstfunctie | winkelfunctie | logiesfunctie},
        {{"industrie", industrie_prefixes()}, industriefunctie | winkelfunctie | overige_gebruiksfunctie},
        {{"kantoorwerk", {"58", "62", "63", "64", "66", "68", "69", "70", "71", "73", "74", "78", "82"}}, kantoorwerk_past},
        {{"logies", {"55"}}, logiesfunctie | woonfunctie | bijeenkomstfunctie},
        {{"transport", {"49"}}, industriefunctie | kantoorfunctie | overige_gebruiksfunctie},
    };
    // SIGNALS.md: autohandel/-reparatie 50 m², carwash 100 m², horeca 30 m².
    policy.minimum_oppervlakte = {
        {{"autohandel_reparatie", {"451", "452"}}, 50},
        {{"carwash", {"45205"}}, 100},
        {{"horeca", {"56"}}, 30},
    };
    return policy;
}

std::string toml_value_text(const toml::node& node) {
    std::ostringstream out;
    node.visit([&](const auto& value) {
        if constexpr (toml::is_string<decltype(value)>) {
            out << '"' << value.get() << '"';
        } else if constexpr (toml::is_array<decltype(value)>) {
            out << '[';
            for (std::size_t i = 0; i < value.size(); ++i) out << (i ? ", " : "") << toml_value_text(value[i]);
            out << ']';
        } else {
            out << value;
        }
    });
    return out.str();
}

bool read_policy_section(const std::string& name, const toml::node& node, const std::string& source, Policy& policy) {
    const std::string at = source + ": [" + name + "]";
    if (name == "risicobranches" || name == "bedrijfsruimte" || name == "erkenningsplichtig") {
        auto branches = read_branches(as_table(node, at, "{ autobranche = [\"45\"] }"), at);
        (name == "risicobranches" ? policy.risicobranches
         : name == "bedrijfsruimte" ? policy.bedrijfsruimte
                                    : policy.erkenningsplichtig) = std::move(branches);
    } else if (name == "holdings") {
        const auto& table = as_table(node, at, "{ sbi = [\"6420\"], rechtsvormen = [\"Stichting\"] }");
        for (const auto& [key, value] : table) {
            const std::string where = at + " " + std::string(key.str());
            if (key.str() == "sbi") policy.holding_sbi = read_prefixes(value, where);
            else if (key.str() == "rechtsvormen") policy.holding_rechtsvormen = read_texts(value, where, "[\"Stichting\"]");
            else throw config_error(where + ": unknown key (known keys: sbi, rechtsvormen)");
        }
    } else if (name == "gebruiksdoelen") {
        policy.gebruiksdoelen.clear();
        read_named_tables(as_table(node, at, "{ horeca = { sbi = [\"56\"], gebruiksdoelen = [\"bijeenkomstfunctie\"] } }"), at,
                          {"sbi", "gebruiksdoelen"}, "{ sbi = [\"56\"], gebruiksdoelen = [\"bijeenkomstfunctie\"] }",
                          [&](std::string naam, const toml::table& t, const std::string& where) {
                              policy.gebruiksdoelen.push_back(
                                  {{std::move(naam), read_prefixes(*t.get("sbi"), where + ".sbi")},
                                   read_gebruiksdoelen(*t.get("gebruiksdoelen"), where + ".gebruiksdoelen")});
                          });
    } else if (name == "minimum_oppervlakte") {
        policy.minimum_oppervlakte.clear();
        read_named_tables(as_table(node, at, "{ horeca = { sbi = [\"56\"], m2 = 30 } }"), at, {"sbi", "m2"},
                          "{ sbi = [\"56\"], m2 = 30 }", [&](std::string naam, const toml::table& t, const std::string& where) {
                              const auto m2 = read_number(*t.get("m2"), where + ".m2", 1, max_minimum_oppervlakte, true);
                              policy.minimum_oppervlakte.push_back(
                                  {{std::move(naam), read_prefixes(*t.get("sbi"), where + ".sbi")}, static_cast<std::int32_t>(m2)});
                          });
    } else if (name == "meldingen_gewicht") {
        policy.meldingen_gewicht.clear();
        for (const auto& [key, value] : as_table(node, at, "{ overlast = 1.5 }"))
            policy.meldingen_gewicht[std::string(key.str())] =
                read_number(value, at + " " + toml_key(std::string(key.str())), 0, max_melding_gewicht, false);
    } else {
        return false;
    }
    return true;
}

std::string policy_section_names() {
    return "[risicobranches], [bedrijfsruimte], [erkenningsplichtig], [holdings], [gebruiksdoelen], "
           "[minimum_oppervlakte], [meldingen_gewicht]";
}

void write_policy_toml(const Policy& policy, std::ostream& out) {
    out << "\n# Policy tables, not thresholds: the manifest records the tables that were used. SBI prefixes are\n"
           "# SBI 2008 codes; add SBI 2025 prefixes beside them. Where prefixes overlap, the longest wins.\n"
           "# A table given in a config file replaces the whole default table.\n"
           "\n# Risk branches (risicobranche_cluster).\n[risicobranches]\n";
    write_branches(out, policy.risicobranches);
    out << "\n# Branches that need business premises: on a woonfunctie-only object they fire woonadres_bedrijvigheid.\n"
           "[bedrijfsruimte]\n";
    write_branches(out, policy.bedrijfsruimte);
    out << "\n# Branches that need an RDW erkenning on their address (autobranche_zonder_erkenning).\n[erkenningsplichtig]\n";
    write_branches(out, policy.erkenningsplichtig);
    out << "\n# What counts as a holding for holdings_op_adres: SBI prefixes, and rechtsvormen (matched at the start,\n"
           "# ignoring case).\n[holdings]\nsbi = ";
    write_list(out, policy.holding_sbi);
    out << "\nrechtsvormen = ";
    write_list(out, policy.holding_rechtsvormen);
    out << "\n\n# The gebruiksdoelen in which an activity fits (gebruiksdoel_mismatch). Activities not listed are not\n"
           "# judged. Allowed gebruiksdoelen: ";
    write_list(out, gebruiksdoel_names(alle_gebruiksdoelen));
    out << ".\n[gebruiksdoelen]\n";
    for (const auto& rule : policy.gebruiksdoelen) {
        out << rule.naam << " = { sbi = ";
        write_list(out, rule.prefixes);
        out << ", gebruiksdoelen = ";
        write_list(out, gebruiksdoel_names(rule.gebruiksdoelen));
        out << " }\n";
    }
    out << "\n# The floor area (m², 1 to " << max_minimum_oppervlakte
        << ") an activity needs at the least (oppervlakte_onrealistisch).\n[minimum_oppervlakte]\n";
    for (const auto& rule : policy.minimum_oppervlakte) {
        out << rule.naam << " = { sbi = ";
        write_list(out, rule.prefixes);
        out << ", m2 = " << rule.minimum << " }\n";
    }
    out << "\n# Weight of a melding per categorie (0 to " << format_decimal(max_melding_gewicht, 0)
        << "; 0 ignores the category) for meldingen and meldingen_hotspot.\n"
           "# Categories not listed weigh 1. Example: overlast = 1.5\n[meldingen_gewicht]\n";
    for (const auto& [categorie, gewicht] : policy.meldingen_gewicht)
        out << toml_key(categorie) << " = " << format_decimal(gewicht, 2) << '\n';
}

}  // namespace onregel
