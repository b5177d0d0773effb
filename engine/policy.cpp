#include "policy.hpp"

#include "errors.hpp"
#include "policy_toml.hpp"

namespace onregel {

const Branche* Policy::risicobranche(std::string_view sbi) const {
    for (const auto& branche : risicobranches)
        for (const auto& prefix : branche.prefixes)
            if (sbi_has_prefix(sbi, prefix)) return &branche;
    return nullptr;
}

Policy default_policy() {
    // Named in Dutch municipal and RIEC practice (SIGNALS.md); SBI 2008 prefixes.
    return Policy{{
        {"autobranche", {"45", "7711"}},
        {"kappers", {"96021"}},
        {"schoonheid_nagelstudio", {"96022"}},
        {"sauna_massage_zonnestudio", {"9604"}},
        {"cafes_shisha", {"5630"}},
        {"fastfood", {"56102"}},
        {"telecomwinkels", {"4742"}},
        {"belwinkels", {"6190"}},
        {"juweliers", {"4777"}},
        {"tweedehands", {"47793"}},
        {"vastgoed", {"68"}},
        {"holdings", {"6420", "70102"}},
        {"vakantieparken", {"55201", "5530"}},
        {"fitness", {"9313"}},
        {"uitzendbureaus", {"7820"}},
    }};
}

bool read_policy_section(const std::string& name, const toml::node& node, const std::string& source, Policy& policy) {
    if (name != "risicobranches") return false;
    auto table = node.as_table();
    if (!table) throw config_error(source + ": [risicobranches] must be a table");
    policy.risicobranches.clear();
    for (const auto& [key, value] : *table) {
        const std::string at = source + ": [risicobranches] " + std::string(key.str());
        auto array = value.as_array();
        if (!array) throw config_error(at + ": expected a list of SBI prefixes, e.g. [\"45\", \"7711\"]");
        Branche branche{std::string(key.str()), {}};
        for (const auto& item : *array) {
            auto s = item.as_string();
            const std::string text = s ? s->get() : std::string{};
            if (text.empty() || text.size() > 5 || text.find_first_not_of("0123456789") != std::string::npos)
                throw config_error(at + ": expected SBI prefixes of 1 to 5 digits as text, e.g. \"4520\"");
            branche.prefixes.push_back(text);
        }
        policy.risicobranches.push_back(std::move(branche));
    }
    return true;
}

std::string policy_section_names() { return "[risicobranches]"; }

void write_policy_toml(const Policy& policy, std::ostream& out) {
    out << "\n# Risk branches by SBI prefix (SBI 2008; add SBI 2025 prefixes beside them). Policy, not a threshold:\n"
           "# the manifest records the list that was used.\n[risicobranches]\n";
    for (const auto& b : policy.risicobranches) {
        out << b.naam << " = [";
        for (std::size_t i = 0; i < b.prefixes.size(); ++i) out << (i ? ", " : "") << '"' << b.prefixes[i] << '"';
        out << "]\n";
    }
}

}  // namespace onregel
