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

// SBI prefixes per version: the same digits can name different activities in the two (4781 is market
// trade in food in SBI 2008, car retail in SBI 2025), so a prefix only ever matches codes of its own version.
struct SbiPrefixes {
    std::vector<std::string> sbi2008;
    std::vector<std::string> sbi2025;
};

struct Branche {
    std::string naam;  // e.g. "autobranche"
    SbiPrefixes sbi;
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
    SbiPrefixes holding_sbi;                     // holdings_op_adres: SBI prefixes of holdings
    std::vector<std::string> holding_rechtsvormen;  // holdings_op_adres: rechtsvormen that count (stichting)
    std::vector<GebruiksdoelRegel> gebruiksdoelen;
    std::vector<OppervlakteRegel> minimum_oppervlakte;
    std::map<std::string, double> meldingen_gewicht;  // per categorie; categories not listed weigh 1

    // The risk branch whose prefix matches the vestiging's main SBI code (longest prefix wins), or nullptr.
    const Branche* risicobranche(const Vestiging& vestiging) const;
    double melding_gewicht(std::string_view categorie) const;
    // True when the rechtsvorm starts with one of holding_rechtsvormen, ignoring ASCII case.
    bool holding_rechtsvorm(std::string_view rechtsvorm) const;
};

// Length of the longest prefix of the vestiging's SBI version that starts its main SBI code; 0 when none
// does. A code of unknown version (every code of its file exists in both versions, or in neither) is
// matched against both lists: missing a rule silently is the failure SBI 2025 brought, while a code read
// both ways is named in the bewijs and `validate` reports the version as onbekend.
std::size_t sbi_match_length(const Vestiging& vestiging, const SbiPrefixes& prefixes);

// The rule whose prefix matches the vestiging's main SBI code with the longest prefix (ties: the first),
// or nullptr. Longest prefix, so "45205" (carwash) overrides "452" (repair) whatever the order in the config.
template <class Rule>
const Rule* match_sbi(const std::vector<Rule>& rules, const Vestiging& vestiging) {
    const Rule* best = nullptr;
    std::size_t best_length = 0;
    for (const auto& rule : rules) {
        const auto length = sbi_match_length(vestiging, static_cast<const Branche&>(rule).sbi);
        if (length > best_length) {
            best = &rule;
            best_length = length;
        }
    }
    return best;
}

// The defaults of SIGNALS.md, each branch in SBI 2008 and SBI 2025.
Policy default_policy();

}  // namespace onregel
