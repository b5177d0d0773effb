#pragma once
// Policy tables that are not thresholds: which SBI branches count as risk branches, which branches need
// business premises, which gebruiksdoelen fit which activity, how much floor area an activity needs and
// how much a melding of each category weighs. Policy lives in the config (so the LOO can change it) and
// the manifest records what was used.
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "model.hpp"

namespace onregel {

struct Branche {
    std::string naam;                   // e.g. "autobranche"
    std::vector<std::string> prefixes;  // SBI prefixes, 2008 and 2025 codes side by side
};

// The gebruiksdoelen in which a branch's activity fits (gebruiksdoel_mismatch).
struct GebruiksdoelRegel : Branche {
    GebruiksdoelSet gebruiksdoelen = 0;
};

// The floor area a branch's activity needs at the least (oppervlakte_onrealistisch).
struct OppervlakteRegel : Branche {
    std::int32_t minimum = 0;  // m²
};

struct Policy {
    std::vector<Branche> risicobranches;         // risicobranche_cluster
    std::vector<Branche> bedrijfsruimte;         // branches that need premises: woonadres_bedrijvigheid
    std::vector<Branche> erkenningsplichtig;     // need an RDW erkenning: autobranche_zonder_erkenning
    std::vector<std::string> holding_sbi;        // holdings_op_adres: SBI prefixes of holdings
    std::vector<std::string> holding_rechtsvormen;  // holdings_op_adres: rechtsvormen that count (stichting)
    std::vector<GebruiksdoelRegel> gebruiksdoelen;
    std::vector<OppervlakteRegel> minimum_oppervlakte;
    std::map<std::string, double> meldingen_gewicht;  // per categorie; categories not listed weigh 1

    // The risk branch whose prefix matches the SBI code (longest prefix wins), or nullptr.
    const Branche* risicobranche(std::string_view sbi) const;
    double melding_gewicht(std::string_view categorie) const;
    // True when the rechtsvorm starts with one of holding_rechtsvormen, ignoring ASCII case.
    bool holding_rechtsvorm(std::string_view rechtsvorm) const;
};

// True when the SBI code starts with the prefix (codes are digit strings, "4520" starts with "45").
inline bool sbi_has_prefix(std::string_view sbi, std::string_view prefix) {
    return sbi.substr(0, prefix.size()) == prefix;
}

// Length of the longest of the prefixes that starts the SBI code; 0 when none does.
std::size_t sbi_match_length(std::string_view sbi, const std::vector<std::string>& prefixes);

// The rule whose prefix matches the SBI code with the longest prefix (ties: the first), or nullptr.
// Longest prefix, so "45205" (carwash) overrides "452" (repair) whatever the order in the config.
template <class Rule>
const Rule* match_sbi(const std::vector<Rule>& rules, std::string_view sbi) {
    const Rule* best = nullptr;
    std::size_t best_length = 0;
    for (const auto& rule : rules) {
        const auto length = sbi_match_length(sbi, static_cast<const Branche&>(rule).prefixes);
        if (length > best_length) {
            best = &rule;
            best_length = length;
        }
    }
    return best;
}

// The defaults of SIGNALS.md (SBI 2008 prefixes).
Policy default_policy();

}  // namespace onregel
