#include "sbi.hpp"

namespace onregel {

std::string_view sbi_versie_name(SbiVersie versie) {
    switch (versie) {
        case SbiVersie::sbi2008: return "SBI 2008";
        case SbiVersie::sbi2025: return "SBI 2025";
        case SbiVersie::onbekend: break;
    }
    return "onbekend";
}

SbiVersie sbi_only_in(std::string_view code) {
    const bool in2008 = sbi_exists(code, SbiVersie::sbi2008), in2025 = sbi_exists(code, SbiVersie::sbi2025);
    return in2008 == in2025 ? SbiVersie::onbekend : in2008 ? SbiVersie::sbi2008 : SbiVersie::sbi2025;
}

void SbiVersionCount::see(std::string_view code) {
    const auto versie = sbi_only_in(code);
    sbi2008_ += versie == SbiVersie::sbi2008;
    sbi2025_ += versie == SbiVersie::sbi2025;
}

SbiVersie SbiVersionCount::versie() const {
    if (sbi2008_ == 0 && sbi2025_ == 0) return SbiVersie::onbekend;
    return sbi2008_ > sbi2025_ ? SbiVersie::sbi2008 : SbiVersie::sbi2025;
}

}  // namespace onregel
