// libFuzzer: the address normaliser. Besides not crashing, it must be idempotent: normalising a
// normalised postcode or house number gives it back unchanged.
#include <cstdlib>
#include <string_view>

#include "engine/match/address.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace onregel;
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    const auto cut1 = text.find('\t'), cut2 = cut1 == std::string_view::npos ? cut1 : text.find('\t', cut1 + 1);
    const auto nummer = text.substr(0, cut1);
    const auto letter = cut1 == std::string_view::npos ? std::string_view{} : text.substr(cut1 + 1, cut2 - cut1 - 1);
    const auto toevoeging = cut2 == std::string_view::npos ? std::string_view{} : text.substr(cut2 + 1);
    if (const auto postcode = normalise_postcode(text))
        if (normalise_postcode(*postcode) != postcode) std::abort();
    if (const auto h = parse_huisnummer(nummer, letter, toevoeging)) {
        const auto again = parse_huisnummer(std::to_string(h->nummer), h->huisletter, h->toevoeging);
        if (!again || !(*again == *h)) std::abort();
        exact_address_key("3401AA", *h);
        loose_address_key("3401AA", *h);
    }
    return 0;
}
