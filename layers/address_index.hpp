#pragma once
// Matching a registration or melding to a verblijfsobject, the way a professional geocoder does it:
// BAG id when given and known -> exact normalised address -> documented fallbacks -> nearest object.
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "address.hpp"
#include "engine/grid_index.hpp"
#include "engine/model.hpp"

namespace onregel {

struct Match {
    std::uint32_t vbo = 0;
    MatchMethod method = MatchMethod::bag_id;
};

class AddressIndex {
public:
    explicit AddressIndex(const std::vector<Verblijfsobject>& verblijfsobjecten);

    std::optional<std::uint32_t> by_id(const std::string& bag_id) const;
    // Exact key; then letter/toevoeging glued together ("12 A" = "12-A"); then the only object with
    // that postcode and number when the written suffix is empty or unknown there.
    std::optional<Match> by_address(const std::string& postcode, const Huisnummer& huisnummer) const;
    // Nearest object within radius (ties: lowest index), for rows with only coordinates.
    std::optional<std::uint32_t> nearest(Point p, double radius) const;
    Point point_of(std::uint32_t vbo) const { return vbos_[vbo].punt; }

private:
    const std::vector<Verblijfsobject>& vbos_;
    std::unordered_map<std::string, std::uint32_t> ids_;
    std::unordered_map<std::string, std::uint32_t> exact_;
    std::unordered_map<std::string, std::vector<std::uint32_t>> loose_;
    std::unordered_map<std::string, std::vector<std::uint32_t>> number_;
    GridIndex grid_;
};

}  // namespace onregel
