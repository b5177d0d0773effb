#include "policy.hpp"

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

}  // namespace onregel
