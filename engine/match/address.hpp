#pragma once
// Dutch address normalisation, in one place and table-driven: how municipalities, KvK and residents
// write postcodes and house numbers, folded to the form BAG uses.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace onregel {

// "1234 ab", " 1234AB ", "1234-AB" -> "1234AB"; nullopt when it is not a Dutch postcode
// (4 digits, first not 0, 2 letters).
std::optional<std::string> normalise_postcode(std::string_view text);

struct Huisnummer {
    std::int32_t nummer = 0;
    std::string huisletter;  // one letter, upper case, or empty
    std::string toevoeging;  // upper case, no separators, or empty
    bool operator==(const Huisnummer&) const = default;
};

// Parses a house number written in one field or across three (nummer, letter, toevoeging), the way
// people write it: "12a", "12 A", "12-a", "12 bis", "12-2", "12 II", "12 hs", "12 rood", "012",
// "12.0" (a spreadsheet's number), "12-3 hoog". Returns nullopt when there is no house number at all.
std::optional<Huisnummer> parse_huisnummer(std::string_view nummer, std::string_view letter = {},
                                           std::string_view toevoeging = {});

// Keys for the address index. The exact key keeps letter and toevoeging apart; the loose key
// glues them together, so "12 A" (letter) and "12-A" (toevoeging) meet.
std::string exact_address_key(std::string_view postcode, const Huisnummer& h);
std::string loose_address_key(std::string_view postcode, const Huisnummer& h);
std::string number_key(std::string_view postcode, std::int32_t nummer);

// "1234AB 12A-1": an address as written in messages and rejects.
std::string written_address(std::string_view postcode, const Huisnummer& h);

// An address as someone types it to look it up: a BAG id, or a house number with a postcode, a street
// or both.
struct AddressQuery {
    std::string bag_id;    // 16 digits, or empty
    std::string postcode;  // normalised (1234AB), or empty
    std::string straat;    // as written, trimmed, or empty
    Huisnummer nummer;     // when bag_id is empty
};

// "0353010000000001", "3405GS 32-14", "3405 gs 32-14", "Merellaan 32-14", "Merellaan 32-14, 3405 GS
// IJsselstein", "Merellaan 32-14, IJsselstein" (the woonplaats is not used). nullopt when there is no
// BAG id and no street or postcode with a house number.
std::optional<AddressQuery> parse_address_query(std::string_view text);

// A street name as a key: case, dots, hyphens, apostrophes and spaces do not count, so "Burg. de
// Withstraat" and "burg de withstraat" meet.
std::string street_key(std::string_view straat);

}  // namespace onregel
