#pragma once
// The two SBI versions a KvK file can speak: SBI 2008 until the KvK converted the Handelsregister on 5-7
// September 2025, SBI 2025 (NACE Rev. 2.1) since. The same digits can mean different activities in the two
// (4781 is market trade in food in SBI 2008 and car retail in SBI 2025), so a code is read with its version.
#include <cstdint>
#include <string_view>

namespace onregel {

enum class SbiVersie : std::uint8_t {
    onbekend,  // every code of the file exists in both versions, or in neither
    sbi2008,
    sbi2025,
};

std::string_view sbi_versie_name(SbiVersie versie);  // "SBI 2008", "SBI 2025", "onbekend"

// True when the code (2 to 5 digits) is a code of that version's list: a division, group, class or
// subclass. Always false for SbiVersie::onbekend.
bool sbi_exists(std::string_view code, SbiVersie versie);

// The version the code belongs to when it exists in exactly one of them, else onbekend.
SbiVersie sbi_only_in(std::string_view code);

// Counts the codes of one file that exist in one version only, and tells the file's version from them.
class SbiVersionCount {
public:
    void see(std::string_view code);
    // The version most codes of one version only belong to (SBI 2025 on a tie, the register as it is
    // now); onbekend when no code tells.
    SbiVersie versie() const;
    bool mixed() const { return sbi2008_ > 0 && sbi2025_ > 0; }
    std::size_t sbi2008() const { return sbi2008_; }
    std::size_t sbi2025() const { return sbi2025_; }

private:
    std::size_t sbi2008_ = 0, sbi2025_ = 0;
};

}  // namespace onregel
