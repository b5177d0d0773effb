#include "address_index.hpp"

#include <limits>

namespace onregel {

namespace {

std::vector<Point> points_of(const std::vector<Verblijfsobject>& vbos) {
    std::vector<Point> points;
    points.reserve(vbos.size());
    for (const auto& v : vbos) points.push_back(v.punt);
    return points;
}

}  // namespace

AddressIndex::AddressIndex(const std::vector<Verblijfsobject>& vbos) : vbos_(vbos), grid_(points_of(vbos), 50) {
    ids_.reserve(vbos.size());
    exact_.reserve(vbos.size());
    for (std::uint32_t i = 0; i < vbos.size(); ++i) {
        const auto& v = vbos[i];
        ids_.emplace(v.id, i);
        if (v.adres.postcode.empty() || v.adres.huisnummer <= 0) continue;
        const Huisnummer h{v.adres.huisnummer, v.adres.huisletter, v.adres.toevoeging};
        exact_.emplace(exact_address_key(v.adres.postcode, h), i);
        loose_[loose_address_key(v.adres.postcode, h)].push_back(i);
        number_[number_key(v.adres.postcode, h.nummer)].push_back(i);
    }
}

std::optional<std::uint32_t> AddressIndex::by_id(const std::string& bag_id) const {
    auto it = ids_.find(bag_id);
    if (it == ids_.end()) return std::nullopt;
    return it->second;
}

std::optional<Match> AddressIndex::by_address(const std::string& postcode, const Huisnummer& h) const {
    if (auto it = exact_.find(exact_address_key(postcode, h)); it != exact_.end())
        return Match{it->second, MatchMethod::adres};
    if (auto it = loose_.find(loose_address_key(postcode, h)); it != loose_.end() && it->second.size() == 1)
        return Match{it->second.front(), MatchMethod::adres_fallback};
    // One object at this number: a suffix the register does not know is a spelling, not another door.
    if (auto it = number_.find(number_key(postcode, h.nummer)); it != number_.end() && it->second.size() == 1)
        return Match{it->second.front(), MatchMethod::adres_fallback};
    return std::nullopt;
}

std::optional<std::uint32_t> AddressIndex::nearest(Point p, double radius) const {
    std::vector<std::uint32_t> candidates;
    grid_.within(p, radius, candidates);
    std::optional<std::uint32_t> best;
    double best_d2 = std::numeric_limits<double>::infinity();
    for (auto i : candidates) {  // ascending, so ties go to the lowest index
        const double dx = vbos_[i].punt.x - p.x, dy = vbos_[i].punt.y - p.y, d2 = dx * dx + dy * dy;
        if (d2 < best_d2) {
            best_d2 = d2;
            best = i;
        }
    }
    return best;
}

}  // namespace onregel
