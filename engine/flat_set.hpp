#pragma once
// A hash set of small keys in one array (open addressing, linear probing, at most half full): no
// allocation per key, where std::unordered_set makes a node for each. For the sets that see millions
// of keys (hot spot cells, KvK vestigingsnummers).
#include <algorithm>
#include <bit>
#include <cstddef>
#include <vector>

namespace onregel {

template <class Key, class Hash>
class FlatSet {
public:
    // Adds `key`; whether it was new.
    bool insert(const Key& key) {
        if (2 * (size_ + 1) > keys_.size()) grow();
        return place(key);
    }
    // Room for `keys` keys without growing on the way.
    void reserve(std::size_t keys) {
        if (2 * keys > keys_.size()) rebuild(std::bit_ceil(2 * keys));
    }
    std::size_t size() const { return size_; }
    std::size_t capacity() const { return keys_.size() / 2; }  // keys it takes before it grows
    // The keys, in no particular order.
    void append_to(std::vector<Key>& out) const {
        for (std::size_t i = 0; i < keys_.size(); ++i)
            if (used_[i]) out.push_back(keys_[i]);
    }

private:
    bool place(const Key& key) {
        const std::size_t mask = keys_.size() - 1;
        for (std::size_t i = Hash{}(key) & mask;; i = (i + 1) & mask) {
            if (!used_[i]) {
                used_[i] = 1, keys_[i] = key, ++size_;
                return true;
            }
            if (keys_[i] == key) return false;
        }
    }
    void grow() { rebuild(std::max<std::size_t>(1024, 2 * keys_.size())); }
    void rebuild(std::size_t capacity) {  // a power of two
        std::vector<Key> keys;
        append_to(keys);
        keys_.assign(capacity, Key{});
        used_.assign(keys_.size(), 0);
        size_ = 0;
        for (const auto& key : keys) place(key);
    }
    std::vector<Key> keys_;
    std::vector<char> used_;
    std::size_t size_ = 0;
};

}  // namespace onregel
