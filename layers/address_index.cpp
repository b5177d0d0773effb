#include "address_index.hpp"

#include <algorithm>
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

std::string_view match_route_name(MatchRoute route) {
    switch (route) {
        case MatchRoute::bag_id: return "bag_id";
        case MatchRoute::adres: return "adres";
        case MatchRoute::nevenadres: return "nevenadres";
        case MatchRoute::letter_toevoeging: return "letter_toevoeging";
        case MatchRoute::enige_op_nummer: return "enige_op_nummer";
        case MatchRoute::coordinaat: return "coordinaat";
    }
    return "?";
}

MatchMethod match_method(MatchRoute route) {
    switch (route) {
        case MatchRoute::bag_id: return MatchMethod::bag_id;
        case MatchRoute::adres: return MatchMethod::adres;
        case MatchRoute::coordinaat: return MatchMethod::coordinaat;
        case MatchRoute::nevenadres:
        case MatchRoute::letter_toevoeging:
        case MatchRoute::enige_op_nummer: return MatchMethod::adres_fallback;
    }
    return MatchMethod::adres_fallback;
}

std::optional<std::uint64_t> bag_id_number(std::string_view id) {
    if (id.size() != 16) return std::nullopt;
    std::uint64_t n = 0;
    for (char c : id) {
        if (c < '0' || c > '9') return std::nullopt;
        n = n * 10 + static_cast<std::uint64_t>(c - '0');
    }
    return n;
}

AddressIndex::AddressIndex(const std::vector<Verblijfsobject>& vbos, const std::vector<NevenAdres>& nevenadressen)
    : vbos_(vbos), grid_(points_of(vbos), 50) {
    ids_.reserve(vbos.size());
    hoofd_.reserve(vbos.size());
    loose_.reserve(vbos.size() + nevenadressen.size());
    number_.reserve(vbos.size() + nevenadressen.size());
    for (std::uint32_t i = 0; i < vbos.size(); ++i) {
        const auto& v = vbos[i];
        if (const auto id = bag_id_number(v.id)) ids_.emplace(*id, i);
        if (v.adres.postcode.empty() || v.adres.huisnummer <= 0) continue;
        const Huisnummer h{v.adres.huisnummer, v.adres.huisletter, v.adres.toevoeging};
        hoofd_.emplace_back(exact_address_key(v.adres.postcode, h), i);
        loose_.emplace_back(loose_address_key(v.adres.postcode, h), i);
        number_.emplace_back(number_key(v.adres.postcode, h.nummer), i);
        postcodes_.insert(v.adres.postcode);
    }
    for (const auto& n : nevenadressen) {
        if (n.postcode.empty()) continue;
        neven_.emplace_back(exact_address_key(n.postcode, n.nummer), n.vbo);
        loose_.emplace_back(loose_address_key(n.postcode, n.nummer), n.vbo);
        number_.emplace_back(number_key(n.postcode, n.nummer.nummer), n.vbo);
        postcodes_.insert(n.postcode);
    }
    for (auto* keys : {&hoofd_, &neven_, &loose_, &number_}) std::sort(keys->begin(), keys->end());
}

std::optional<std::uint32_t> AddressIndex::only(const Keys& keys, const std::string& key) {
    auto it = std::lower_bound(keys.begin(), keys.end(), key, [](const auto& entry, const std::string& k) { return entry.first < k; });
    if (it == keys.end() || it->first != key) return std::nullopt;
    const auto object = it->second;
    for (; it != keys.end() && it->first == key; ++it)
        if (it->second != object) return std::nullopt;
    return object;
}

std::optional<std::uint32_t> AddressIndex::by_id(const std::string& bag_id) const {
    const auto id = bag_id_number(bag_id);
    if (!id) return std::nullopt;
    auto it = ids_.find(*id);
    if (it == ids_.end()) return std::nullopt;
    return it->second;
}

std::optional<Match> AddressIndex::by_address(const std::string& postcode, const Huisnummer& h) const {
    const auto exact = exact_address_key(postcode, h);
    if (auto i = only(hoofd_, exact)) return Match{*i, MatchRoute::adres};
    if (auto i = only(neven_, exact)) return Match{*i, MatchRoute::nevenadres};
    if (auto i = only(loose_, loose_address_key(postcode, h))) return Match{*i, MatchRoute::letter_toevoeging};
    if (auto i = only(number_, number_key(postcode, h.nummer))) return Match{*i, MatchRoute::enige_op_nummer};
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
