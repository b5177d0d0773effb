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
#include <vector>

#include "engine/match/address.hpp"
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


// A nevenadres of an addressable object (LV BAG): the same door reached by another address.
struct NevenAdres {
    std::uint32_t vbo = 0;
    CompactText postcode;
    Huisnummer nummer;
};

class AddressIndex {
public:
    AddressIndex(const std::vector<Verblijfsobject>& verblijfsobjecten, const std::vector<NevenAdres>& nevenadressen);

    std::optional<std::uint32_t> by_id(std::string_view bag_id) const;
    // Routes 2-5 above.
    std::optional<Match> by_address(std::string_view postcode, const Huisnummer& huisnummer) const;
    // Nearest object within radius (ties: lowest index), for rows with only coordinates.
    std::optional<std::uint32_t> nearest(Point p, double radius) const;
    Point point_of(std::uint32_t vbo) const { return vbos_[vbo].punt; }
    bool knows_postcode(std::string_view postcode) const;
    // The grid over the objects' points, in cells of grid_cell_m, handed on once the matching is done:
    // the analysis queries the same points at the same scale.
    static constexpr double grid_cell_m = 50;
    GridIndex release_grid() && { return std::move(grid_); }

private:
    // Items grouped by a hash of their key in one array (CSR), a few to a bucket: a counting sort, so
    // no allocation per item, and a lookup reads one bucket. Within a bucket the items keep their order.
    struct Buckets {
        int shift = 63;
        std::vector<std::uint32_t> starts;  // per bucket, + 1: its first item
        std::size_t of(std::uint64_t key) const;
        template <class Item, class Key>
        std::vector<Item> group(std::vector<Item> items, Key key);
    };
    struct Id {
        std::uint64_t id;  // the 16 digits as a number
        std::uint32_t vbo;
    };
    // A hoofdadres or nevenadres. A route's key is decisive only when every entry with it names the
    // same object.
    struct Address {
        std::uint64_t number;  // postcode code << 32 | huisnummer: the key of enige_op_nummer
        std::uint32_t exact;   // + huisletter "|" toevoeging, interned: the key of adres and nevenadres
        std::uint32_t loose;   // + huisletter toevoeging, interned: the key of letter_toevoeging
        std::uint32_t vbo;
        bool neven;
    };
    using Strings = std::unordered_map<std::string, std::uint32_t>;

    // A postcode's code: "1234AB" by arithmetic, any other spelling by the table of those seen;
    // nullopt for a postcode no address has.
    std::optional<std::uint32_t> postcode_code(std::string_view postcode) const;
    std::uint32_t intern_postcode(std::string_view postcode);
    void index_ids();
    void index_addresses(const std::vector<NevenAdres>& nevenadressen);

    const std::vector<Verblijfsobject>& vbos_;
    Buckets id_buckets_, address_buckets_;
    std::vector<Id> ids_;                     // grouped by id_buckets_
    std::vector<Address> addresses_;          // grouped by address_buckets_ of their number
    std::vector<bool> postcodes_;             // 1000AA..9999ZZ: has an address
    Strings other_postcodes_;                 // spellings other than 1234AB (not from the readers)
    Strings exact_suffixes_, loose_suffixes_;  // the empty suffix is 0
    GridIndex grid_;
};

}  // namespace onregel
