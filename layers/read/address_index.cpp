#include "layers/read/address_index.hpp"

#include <algorithm>
#include <bit>
#include <limits>
#include <numeric>
#include <tbb/parallel_invoke.h>

namespace onregel {

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

namespace {

constexpr std::uint32_t postcode_numbers = 9000 * 26 * 26;  // 1000AA .. 9999ZZ

// A postcode written 1234AB as a number below postcode_numbers; nullopt for any other spelling.
std::optional<std::uint32_t> postcode_number(std::string_view p) {
    if (p.size() != 6 || p[0] < '1' || p[0] > '9') return std::nullopt;
    std::uint32_t code = 0;
    for (std::size_t i = 0; i < 4; ++i) {
        if (p[i] < '0' || p[i] > '9') return std::nullopt;
        code = code * 10 + static_cast<std::uint32_t>(p[i] - '0');
    }
    for (std::size_t i = 4; i < 6; ++i) {
        if (p[i] < 'A' || p[i] > 'Z') return std::nullopt;
        code = code * 26 + static_cast<std::uint32_t>(p[i] - 'A');
    }
    return code - 1000 * 26 * 26;
}

std::uint64_t address_number(std::uint32_t postcode, std::int32_t huisnummer) {
    return std::uint64_t{postcode} << 32 | static_cast<std::uint32_t>(huisnummer);
}

// The keys as address.hpp glues them, after the postcode and number.
std::string exact_suffix(std::string_view huisletter, std::string_view toevoeging) {
    std::string key(huisletter);
    key += '|';
    key += toevoeging;
    return key;
}
std::string loose_suffix(std::string_view huisletter, std::string_view toevoeging) {
    std::string key(huisletter);
    key += toevoeging;
    return key;
}

std::uint32_t intern(std::unordered_map<std::string, std::uint32_t>& table, std::string key) {
    return table.try_emplace(std::move(key), static_cast<std::uint32_t>(table.size())).first->second;
}

std::optional<std::uint32_t> find(const std::unordered_map<std::string, std::uint32_t>& table, const std::string& key) {
    const auto it = table.find(key);
    if (it == table.end()) return std::nullopt;
    return it->second;
}

// The object every entry seen names, when they all name the same one.
class Only {
public:
    void see(std::uint32_t vbo) {
        if (!vbo_) vbo_ = vbo;
        else if (*vbo_ != vbo) several_ = true;
    }
    std::optional<std::uint32_t> object() const { return several_ ? std::nullopt : vbo_; }

private:
    std::optional<std::uint32_t> vbo_;
    bool several_ = false;
};

}  // namespace

std::size_t AddressIndex::Buckets::of(std::uint64_t key) const {
    key ^= key >> 30;  // splitmix64's finaliser: keys that count up (ids, postcodes) spread over the buckets
    key *= 0xbf58476d1ce4e5b9;
    key ^= key >> 27;
    key *= 0x94d049bb133111eb;
    key ^= key >> 31;
    return static_cast<std::size_t>(key >> shift);
}

template <class Item, class Key>
std::vector<Item> AddressIndex::Buckets::group(std::vector<Item> items, Key key) {
    const int bits = std::max(1, static_cast<int>(std::bit_width(items.size())) - 3);  // about 4 to 8 items a bucket
    shift = 64 - bits;
    starts.assign((std::size_t{1} << bits) + 1, 0);
    for (const auto& item : items) ++starts[of(key(item)) + 1];
    std::partial_sum(starts.begin(), starts.end(), starts.begin());
    std::vector<std::uint32_t> next(starts.begin(), starts.end() - 1);
    std::vector<Item> grouped(items.size());
    for (const auto& item : items) grouped[next[of(key(item))]++] = item;
    return grouped;
}

AddressIndex::AddressIndex(const std::vector<Verblijfsobject>& verblijfsobjecten, const std::vector<NevenAdres>& nevenadressen)
    : vbos_(verblijfsobjecten), postcodes_(postcode_numbers) {
    // The three look-ups share nothing: built side by side (the other readers wait for them).
    tbb::parallel_invoke([&] { grid_ = GridIndex(points_of(verblijfsobjecten), grid_cell_m); }, [&] { index_ids(); },
                         [&] { index_addresses(nevenadressen); });
}

void AddressIndex::index_ids() {
    std::vector<Id> ids;
    ids.reserve(vbos_.size());
    for (std::uint32_t i = 0; i < vbos_.size(); ++i)
        ids.push_back({vbos_[i].id, i});
    ids_ = id_buckets_.group(std::move(ids), [](const Id& i) { return i.id; });
}

void AddressIndex::index_addresses(const std::vector<NevenAdres>& nevenadressen) {

    // Most addresses have neither huisletter nor toevoeging: their suffixes are 0 without a look-up.
    intern(exact_suffixes_, exact_suffix("", ""));
    intern(loose_suffixes_, loose_suffix("", ""));
    std::vector<Address> addresses;
    addresses.reserve(vbos_.size() + nevenadressen.size());
    auto add = [&](std::string_view postcode, std::int32_t nummer, std::string_view huisletter, std::string_view toevoeging,
                   std::uint32_t vbo, bool neven) {
        const bool plain = huisletter.empty() && toevoeging.empty();
        addresses.push_back({address_number(intern_postcode(postcode), nummer),
                             plain ? 0 : intern(exact_suffixes_, exact_suffix(huisletter, toevoeging)),
                             plain ? 0 : intern(loose_suffixes_, loose_suffix(huisletter, toevoeging)), vbo, neven});
    };
    for (std::uint32_t i = 0; i < vbos_.size(); ++i) {
        const auto& a = vbos_[i].adres;
        if (!a.postcode.empty() && a.huisnummer > 0) add(a.postcode, a.huisnummer, a.huisletter, a.toevoeging, i, false);
    }
    for (const auto& n : nevenadressen)
        if (!n.postcode.empty()) add(n.postcode, n.nummer.nummer, n.nummer.huisletter, n.nummer.toevoeging, n.vbo, true);
    addresses_ = address_buckets_.group(std::move(addresses), [](const Address& a) { return a.number; });
}

std::uint32_t AddressIndex::intern_postcode(std::string_view postcode) {
    if (const auto code = postcode_number(postcode)) {
        postcodes_[*code] = true;
        return *code;
    }
    return postcode_numbers + intern(other_postcodes_, std::string(postcode));
}

std::optional<std::uint32_t> AddressIndex::postcode_code(std::string_view postcode) const {
    if (const auto code = postcode_number(postcode)) {
        if (!postcodes_[*code]) return std::nullopt;
        return code;
    }
    const auto other = find(other_postcodes_, std::string(postcode));
    if (!other) return std::nullopt;
    return postcode_numbers + *other;
}

bool AddressIndex::knows_postcode(std::string_view postcode) const { return postcode_code(postcode).has_value(); }

std::optional<std::uint32_t> AddressIndex::by_id(std::string_view bag_id) const {
    const auto id = bag_id_number(bag_id);
    if (!id) return std::nullopt;
    const auto b = id_buckets_.of(*id);
    for (auto k = id_buckets_.starts[b]; k < id_buckets_.starts[b + 1]; ++k)
        if (ids_[k].id == *id) return ids_[k].vbo;  // the first object with the id
    return std::nullopt;
}

std::optional<Match> AddressIndex::by_address(std::string_view postcode, const Huisnummer& h) const {
    const auto code = postcode_code(postcode);
    if (!code) return std::nullopt;
    const auto number = address_number(*code, h.nummer);
    const bool plain = h.huisletter.empty() && h.toevoeging.empty();
    const auto exact = plain ? std::optional<std::uint32_t>(0) : find(exact_suffixes_, exact_suffix(h.huisletter, h.toevoeging));
    const auto loose = plain ? std::optional<std::uint32_t>(0) : find(loose_suffixes_, loose_suffix(h.huisletter, h.toevoeging));
    Only hoofd, neven, letter_toevoeging, op_nummer;
    const auto b = address_buckets_.of(number);
    for (auto k = address_buckets_.starts[b]; k < address_buckets_.starts[b + 1]; ++k) {
        const auto& a = addresses_[k];
        if (a.number != number) continue;
        op_nummer.see(a.vbo);
        if (a.loose == loose) letter_toevoeging.see(a.vbo);
        if (a.exact == exact) (a.neven ? neven : hoofd).see(a.vbo);
    }
    if (auto i = hoofd.object()) return Match{*i, MatchRoute::adres};
    if (auto i = neven.object()) return Match{*i, MatchRoute::nevenadres};
    if (auto i = letter_toevoeging.object()) return Match{*i, MatchRoute::letter_toevoeging};
    if (auto i = op_nummer.object()) return Match{*i, MatchRoute::enige_op_nummer};
    return std::nullopt;
}

std::optional<std::uint32_t> AddressIndex::nearest(Point p, double radius) const {
    thread_local std::vector<std::uint32_t> candidates;  // no allocation per row
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
