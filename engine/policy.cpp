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

constexpr std::string_view sbi_example = "{ sbi2008 = [\"4520\"], sbi2025 = [\"9531\"] }";

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

// A list of SBI prefixes; empty when the branch has no code in that version.
std::vector<std::string> read_prefixes(const toml::node& node, const std::string& at) {
    const std::string allowed = ": expected a list of SBI prefixes of 1 to 5 digits as text, e.g. [\"4781\", \"7711\"]";
    auto array = node.as_array();
    if (!array) throw config_error(at + " = " + toml_value_text(node) + allowed);
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
            if (!ok) throw config_error(where + "." + std::string(key.str()) + ": onbekende sleutel (bekend: " + known + ")");
        }
        for (auto k : keys)
            if (!table.contains(k)) throw config_error(where + ": missing key " + std::string(k) + " (expected " + known + ")");
        read(std::string(name.str()), table, where);
    }
}

// Both versions' lists are required, so a table written for one version cannot silently miss the other;
// an empty list says the branch has no code in that version.
SbiPrefixes read_sbi(const toml::table& table, const std::string& where) {
    SbiPrefixes sbi{read_prefixes(*table.get("sbi2008"), where + ".sbi2008"), read_prefixes(*table.get("sbi2025"), where + ".sbi2025")};
    if (sbi.sbi2008.empty() && sbi.sbi2025.empty())
        throw config_error(where + ": sbi2008 and sbi2025 are both empty; give the branch's codes in at least one SBI version");
    return sbi;
}

std::vector<Branche> read_branches(const toml::table& section, const std::string& at) {
    std::vector<Branche> branches;
    read_named_tables(section, at, {"sbi2008", "sbi2025"}, sbi_example,
                      [&](std::string naam, const toml::table& t, const std::string& where) {
                          branches.push_back({std::move(naam), read_sbi(t, where)});
                      });
    return branches;
}

// ---- writing ----

void write_list(std::ostream& out, const std::vector<std::string>& items) {
    out << '[';
    for (std::size_t i = 0; i < items.size(); ++i) out << (i ? ", " : "") << '"' << items[i] << '"';
    out << ']';
}

void write_sbi(std::ostream& out, const SbiPrefixes& sbi) {
    out << "sbi2008 = ";
    write_list(out, sbi.sbi2008);
    out << ", sbi2025 = ";
    write_list(out, sbi.sbi2025);
}

void write_branches(std::ostream& out, const std::vector<Branche>& branches) {
    for (const auto& b : branches) {
        out << b.naam << " = { ";
        write_sbi(out, b.sbi);
        out << " }\n";
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

std::size_t sbi_match_length(const Vestiging& vestiging, const SbiPrefixes& prefixes) {
    const std::string_view sbi = vestiging.sbi_hoofd;
    std::size_t best = 0;
    const auto match = [&](const std::vector<std::string>& list) {
        for (const auto& prefix : list)
            if (prefix.size() > best && sbi.substr(0, prefix.size()) == prefix) best = prefix.size();
    };
    if (vestiging.sbi_versie != SbiVersie::sbi2025) match(prefixes.sbi2008);
    if (vestiging.sbi_versie != SbiVersie::sbi2008) match(prefixes.sbi2025);
    return best;
}

const Branche* Policy::risicobranche(const Vestiging& vestiging) const { return match_sbi(risicobranches, vestiging); }

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
    // Each branch in SBI 2008 and its SBI 2025 successor (CBS's code list, Eurostat's NACE Rev. 2 -> 2.1
    // table), so a rule means the same activity in both; docs/signals.md says where a move was a choice.
    // SBI 2025 moved division 45: car trade to 467 (wholesale) and 478 (retail), car repair to 953.
    const SbiPrefixes autobranche{{"45"}, {"467", "478", "953"}};
    // SBI 2025 5640 is intermediation for food (delivery platforms): desk work, not a horeca premises.
    const SbiPrefixes horeca{{"56"}, {"561", "562", "563"}};
    // SBI 2025 70102 "overige activiteiten van hoofdkantoren" is SBI 2008 70102 "holdings (geen
    // financiële)" renamed; 6422 financing conduits were inside 6420.
    const SbiPrefixes holdings{{"6420", "70102"}, {"642", "70102"}};
    Policy policy;
    // Named in Dutch municipal and RIEC practice (SIGNALS.md).
    policy.risicobranches = {
        {"autobranche", {{"45", "7711"}, {"467", "478", "953", "7711"}}},
        {"belwinkels", {{"6190"}, {"6190"}}},
        {"cafes_shisha", {{"5630"}, {"5630"}}},
        {"fastfood", {{"56102"}, {"56112", "56120"}}},
        {"fitness", {{"9313"}, {"9313"}}},
        {"holdings", holdings},
        {"juweliers", {{"4777"}, {"4777"}}},
        {"kappers", {{"96021"}, {"9621"}}},
        {"sauna_massage_zonnestudio", {{"9604"}, {"9623"}}},
        {"schoonheid_nagelstudio", {{"96022"}, {"9622"}}},
        // SBI 2025 4740 also holds computers and audio: only its telecom subclass.
        {"telecomwinkels", {{"4742"}, {"47402"}}},
        {"tweedehands", {{"47793"}, {"47793"}}},
        {"uitzendbureaus", {{"7820"}, {"7820"}}},
        {"vakantieparken", {{"55201", "5530"}, {"55201", "5530"}}},
        // SBI 2025 68 also holds projectontwikkeling (6812; SBI 2008 4110, not vastgoed): left out of both.
        {"vastgoed", {{"68"}, {"6811", "682", "683"}}},
    };
    // Branches that need premises (SIGNALS.md, woonadres_bedrijvigheid).
    const auto industrie = industrie_prefixes();  // section C is divisions 10 to 33 in both versions
    policy.bedrijfsruimte = {
        {"autobranche", {{"45", "77"}, {"467", "478", "953", "77"}}},
        {"groothandel", {{"46"}, {"46"}}},
        {"horeca", horeca},
        {"industrie", {industrie, industrie}},
        {"transport", {{"49"}, {"49"}}},
    };
    // SBI 2025 9532 (motorcycle repair) was part of 4540 in SBI 2008, which this rule never named.
    policy.erkenningsplichtig = {{"autoreparatie", {{"452"}, {"9531"}}}};
    policy.holding_sbi = holdings;
    policy.holding_rechtsvormen = {"Stichting"};
    // Lenient: only activities that need a particular kind of building are judged, and office-type work
    // fits every building where people live or work — only a berging (overige gebruiksfunctie) or a cell not.
    const GebruiksdoelSet kantoorwerk_past = alle_gebruiksdoelen & ~(overige_gebruiksfunctie | celfunctie);
    const std::vector<std::string> kantoorwerk = {"58", "62", "63", "64", "66", "68", "69", "70", "71", "73", "74", "78", "82"};
    policy.gebruiksdoelen = {
        {{"autobranche", autobranche}, industriefunctie | winkelfunctie | overige_gebruiksfunctie},
        // SBI 2025 codes a web shop by what it sells, as a shop (4764 sports goods, online or not), so a
        // retail code no longer says whether there is a shop: in SBI 2025 all of 47 is judged as retail
        // that needs none, or every web shop run from home would be flagged (the null town showed ~150).
        {{"detailhandel", {{"47"}, {}}}, winkelfunctie | industriefunctie | overige_gebruiksfunctie},
        {{"detailhandel_op_afstand", {{"478", "4791", "4799"}, {"47"}}},
         woonfunctie | kantoorfunctie | winkelfunctie | industriefunctie | overige_gebruiksfunctie},
        {{"groothandel", {{"46"}, {"46"}}}, industriefunctie | kantoorfunctie | winkelfunctie | overige_gebruiksfunctie},
        {{"horeca", horeca}, bijeenkomstfunctie | winkelfunctie | logiesfunctie},
        {{"industrie", {industrie, industrie}}, industriefunctie | winkelfunctie | overige_gebruiksfunctie},
        {{"kantoorwerk", {kantoorwerk, kantoorwerk}}, kantoorwerk_past},
        {{"logies", {{"55"}, {"55"}}}, logiesfunctie | woonfunctie | bijeenkomstfunctie},
        // Kapper, schoonheid, nagels, sauna, massage: a client is received, so a home (aan huis), shop,
        // office, practice, sports or meeting building or hotel fits; an industrial unit, berging or cell
        // does not (a massage salon on an industrial estate is a known front).
        {{"persoonlijke_verzorging", {{"9602", "9604"}, {"9621", "9622", "9623"}}},
         alle_gebruiksdoelen & ~(industriefunctie | overige_gebruiksfunctie | celfunctie | onderwijsfunctie)},
        {{"transport", {{"49"}, {"49"}}}, industriefunctie | kantoorfunctie | overige_gebruiksfunctie},
    };
    // SIGNALS.md: autohandel/-reparatie 50 m², carwash 100 m², horeca 30 m².
    policy.minimum_oppervlakte = {
        {{"autohandel_reparatie", {{"451", "452"}, {"4671", "4781", "9531"}}}, 50},
        {{"carwash", {{"45205"}, {"95316"}}}, 100},
        {{"horeca", horeca}, 30},
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
        auto branches = read_branches(as_table(node, at, "{ autoreparatie = { sbi2008 = [\"452\"], sbi2025 = [\"9531\"] } }"), at);
        (name == "risicobranches" ? policy.risicobranches
         : name == "bedrijfsruimte" ? policy.bedrijfsruimte
                                    : policy.erkenningsplichtig) = std::move(branches);
    } else if (name == "holdings") {
        const auto& table =
            as_table(node, at, "{ sbi2008 = [\"6420\"], sbi2025 = [\"642\"], rechtsvormen = [\"Stichting\"] }");
        for (const auto& [key, value] : table) {
            const std::string where = at + " " + std::string(key.str());
            if (key.str() == "sbi2008") policy.holding_sbi.sbi2008 = read_prefixes(value, where);
            else if (key.str() == "sbi2025") policy.holding_sbi.sbi2025 = read_prefixes(value, where);
            else if (key.str() == "rechtsvormen") policy.holding_rechtsvormen = read_texts(value, where, "[\"Stichting\"]");
            else throw config_error(where + ": onbekende sleutel (bekend: sbi2008, sbi2025, rechtsvormen)");
        }
    } else if (name == "gebruiksdoelen") {
        policy.gebruiksdoelen.clear();
        constexpr std::string_view example =
            "{ sbi2008 = [\"56\"], sbi2025 = [\"561\", \"563\"], gebruiksdoelen = [\"bijeenkomstfunctie\"] }";
        read_named_tables(as_table(node, at, "{ horeca = " + std::string(example) + " }"), at,
                          {"sbi2008", "sbi2025", "gebruiksdoelen"}, example,
                          [&](std::string naam, const toml::table& t, const std::string& where) {
                              policy.gebruiksdoelen.push_back(
                                  {{std::move(naam), read_sbi(t, where)},
                                   read_gebruiksdoelen(*t.get("gebruiksdoelen"), where + ".gebruiksdoelen")});
                          });
    } else if (name == "minimum_oppervlakte") {
        policy.minimum_oppervlakte.clear();
        constexpr std::string_view example = "{ sbi2008 = [\"56\"], sbi2025 = [\"561\", \"563\"], m2 = 30 }";
        read_named_tables(as_table(node, at, "{ horeca = " + std::string(example) + " }"), at, {"sbi2008", "sbi2025", "m2"},
                          example, [&](std::string naam, const toml::table& t, const std::string& where) {
                              const auto m2 = read_number(*t.get("m2"), where + ".m2", 1, max_minimum_oppervlakte, true);
                              policy.minimum_oppervlakte.push_back({{std::move(naam), read_sbi(t, where)}, static_cast<std::int32_t>(m2)});
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
    out << "\n# Policy tables, not thresholds: the manifest records the tables that were used. Every branch names its\n"
           "# SBI prefixes twice: sbi2008 for files from before the KvK's conversion of 5-7 September 2025,\n"
           "# sbi2025 for files since (an empty list: no code in that version). A prefix matches only codes of its\n"
           "# own version, told per file; a code of unknown version is matched against both. Where prefixes\n"
           "# overlap, the longest wins. A table given in a config file replaces the whole default table.\n"
           "\n# Risk branches (risicobranche_cluster).\n[risicobranches]\n";
    write_branches(out, policy.risicobranches);
    out << "\n# Branches that need business premises: on a woonfunctie-only object they fire woonadres_bedrijvigheid.\n"
           "[bedrijfsruimte]\n";
    write_branches(out, policy.bedrijfsruimte);
    out << "\n# Branches that need an RDW erkenning on their address (autobranche_zonder_erkenning).\n[erkenningsplichtig]\n";
    write_branches(out, policy.erkenningsplichtig);
    out << "\n# What counts as a holding for holdings_op_adres: SBI prefixes, and rechtsvormen (matched at the start,\n"
           "# ignoring case).\n[holdings]\n";
    out << "sbi2008 = ";
    write_list(out, policy.holding_sbi.sbi2008);
    out << "\nsbi2025 = ";
    write_list(out, policy.holding_sbi.sbi2025);
    out << "\nrechtsvormen = ";
    write_list(out, policy.holding_rechtsvormen);
    out << "\n\n# The gebruiksdoelen in which an activity fits (gebruiksdoel_mismatch). Activities not listed are not\n"
           "# judged. Allowed gebruiksdoelen: ";
    write_list(out, gebruiksdoel_names(alle_gebruiksdoelen));
    out << ".\n[gebruiksdoelen]\n";
    for (const auto& rule : policy.gebruiksdoelen) {
        out << rule.naam << " = { ";
        write_sbi(out, rule.sbi);
        out << ", gebruiksdoelen = ";
        write_list(out, gebruiksdoel_names(rule.gebruiksdoelen));
        out << " }\n";
    }
    out << "\n# The floor area (m², 1 to " << max_minimum_oppervlakte
        << ") an activity needs at the least (oppervlakte_onrealistisch).\n[minimum_oppervlakte]\n";
    for (const auto& rule : policy.minimum_oppervlakte) {
        out << rule.naam << " = { ";
        write_sbi(out, rule.sbi);
        out << ", m2 = " << rule.minimum << " }\n";
    }
    out << "\n# Weight of a melding per categorie (0 to " << format_decimal(max_melding_gewicht, 0)
        << "; 0 ignores the category) for meldingen and meldingen_hotspot.\n"
           "# Categories not listed weigh 1. Example: overlast = 1.5\n[meldingen_gewicht]\n";
    for (const auto& [categorie, gewicht] : policy.meldingen_gewicht)
        out << toml_key(categorie) << " = " << format_decimal(gewicht, 2) << '\n';
}

}  // namespace onregel
