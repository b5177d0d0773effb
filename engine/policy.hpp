#pragma once
// Policy tables that are not thresholds: which SBI branches count as risk branches. Policy lives
// in the config (so the LOO can change it) and the manifest records what was used.
#include <string>
#include <string_view>
#include <vector>

namespace onregel {

struct Branche {
    std::string naam;                   // e.g. "autobranche"
    std::vector<std::string> prefixes;  // SBI prefixes, 2008 and 2025 codes side by side
};

struct Policy {
    std::vector<Branche> risicobranches;
    // The first risk branch whose prefix starts the SBI code, or nullptr.
    const Branche* risicobranche(std::string_view sbi) const;
};

// True when the SBI code starts with the prefix (codes are digit strings, "4520" starts with "45").
inline bool sbi_has_prefix(std::string_view sbi, std::string_view prefix) {
    return sbi.substr(0, prefix.size()) == prefix;
}

// The risk-branch list of SIGNALS.md, the default for `[risicobranches]`.
Policy default_policy();

}  // namespace onregel
