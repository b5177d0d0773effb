#pragma once
// Matching a registration or melding to an addressable object, the way a professional geocoder does
// it, in this order:
//   1. bag_id              the BAG id given in the row and known in the BAG input
//   2. adres               postcode + huisnummer + huisletter + toevoeging, normalised, equal to a hoofdadres
//   3. nevenadres          ... equal to a nevenadres (LV BAG only): the object it belongs to
//   4. letter_toevoeging   huisletter and toevoeging glued together equal to exactly one object's
//                          ("12 A" written as toevoeging A, or "12-1" written as letter)
//   5. enige_op_nummer     postcode + huisnummer lead to exactly one object: a suffix BAG does not
//                          know there is a spelling, not another door
//   6. coordinaat          nearest addressable object within the radius, when only coordinates are known
// Routes 3-5 are MatchMethod::adres_fallback in the model; the manifest counts every route by name.
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "address.hpp"
#include "engine/grid_index.hpp"
#include "engine/model.hpp"

namespace onregel {

enum class MatchRoute : std::uint8_t { bag_id, adres, nevenadres, letter_toevoeging, enige_op_nummer, coordinaat };
std::string_view match_route_name(MatchRoute route);
MatchMethod match_method(MatchRoute route);

struct Match {
    std::uint32_t vbo = 0;
    MatchRoute route = MatchRoute::bag_id;
    MatchMethod method() const { return match_method(route); }
};

// A 16-digit BAG id as a number (it fits in 64 bits); nullopt for anything else.
std::optional<std::uint64_t> bag_id_number(std::string_view id);

// A nevenadres of an addressable object (LV BAG): the same door reached by another address.
struct NevenAdres {
    std::uint32_t vbo = 0;
    std::string postcode;
    Huisnummer nummer;
};

class AddressIndex {
public:
    AddressIndex(const std::vector<Verblijfsobject>& verblijfsobjecten, const std::vector<NevenAdres>& nevenadressen);

    std::optional<std::uint32_t> by_id(const std::string& bag_id) const;
    // Routes 2-5 above.
    std::optional<Match> by_address(const std::string& postcode, const Huisnummer& huisnummer) const;
    // Nearest object within radius (ties: lowest index), for rows with only coordinates.
    std::optional<std::uint32_t> nearest(Point p, double radius) const;
    Point point_of(std::uint32_t vbo) const { return vbos_[vbo].punt; }
    bool knows_postcode(const std::string& postcode) const { return postcodes_.count(postcode) > 0; }

private:
    // (key, object) pairs sorted once: no allocation per entry beyond the key, which fits the small
    // string buffer. A key is decisive only when every entry with it names the same object.
    using Keys = std::vector<std::pair<std::string, std::uint32_t>>;
    static std::optional<std::uint32_t> only(const Keys& keys, const std::string& key);

    const std::vector<Verblijfsobject>& vbos_;
    std::unordered_map<std::uint64_t, std::uint32_t> ids_;  // 16-digit ids as numbers
    Keys hoofd_, neven_, loose_, number_;
    std::unordered_set<std::string> postcodes_;
    GridIndex grid_;
};

}  // namespace onregel
