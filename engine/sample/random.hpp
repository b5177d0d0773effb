#pragma once
// The sample generator's PRNG: xoshiro256** seeded through splitmix64, with integer-only draws.
// A fixed algorithm (not std::*_distribution, whose output differs between standard libraries) keeps
// the sample files byte-identical on every machine.
#include <cstdint>
#include <span>
#include <utility>
#include <vector>

namespace onregel::sample {

class Random {
public:
    explicit Random(std::uint64_t seed) {
        for (auto& s : state_) s = splitmix(seed);
    }
    // An independent generator for one part of the output (a town, a layer), so parts do not shift
    // each other's draws.
    static Random stream(std::uint64_t seed, std::uint64_t part) {
        std::uint64_t x = seed ^ (part * 0x9e3779b97f4a7c15ull);
        return Random(splitmix(x));
    }

    std::uint64_t next() {
        const std::uint64_t result = rotl(state_[1] * 5, 7) * 9;
        const std::uint64_t t = state_[1] << 17;
        state_[2] ^= state_[0];
        state_[3] ^= state_[1];
        state_[1] ^= state_[2];
        state_[0] ^= state_[3];
        state_[2] ^= t;
        state_[3] = rotl(state_[3], 45);
        return result;
    }
    // Uniform in [0, n) without modulo bias; n > 0.
    std::uint64_t below(std::uint64_t n) {
        const std::uint64_t threshold = (0 - n) % n;
        for (;;) {
            const std::uint64_t r = next();
            if (r >= threshold) return r % n;
        }
    }
    int below(int n) { return static_cast<int>(below(static_cast<std::uint64_t>(n))); }
    // Uniform in [lo, hi], both included.
    int between(int lo, int hi) { return lo + below(hi - lo + 1); }
    // Uniform in [0, 1) from 53 bits: exact, no libm involved.
    double real() { return static_cast<double>(next() >> 11) * 0x1.0p-53; }
    double real(double lo, double hi) { return lo + (hi - lo) * real(); }
    bool chance(double p) { return real() < p; }

    // Items carry an integer `weight`; the pick is proportional to it.
    template <class T>
    const T& weighted(std::span<const T> items) {
        std::uint64_t total = 0;
        for (const auto& item : items) total += static_cast<std::uint64_t>(item.weight);
        std::uint64_t r = below(total);
        for (const auto& item : items) {
            if (r < static_cast<std::uint64_t>(item.weight)) return item;
            r -= static_cast<std::uint64_t>(item.weight);
        }
        return items.back();
    }
    template <class T>
    void shuffle(std::vector<T>& items) {
        for (std::size_t i = items.size(); i > 1; --i) std::swap(items[i - 1], items[below(i)]);
    }

private:
    static std::uint64_t rotl(std::uint64_t x, int k) { return (x << k) | (x >> (64 - k)); }
    static std::uint64_t splitmix(std::uint64_t& x) {
        std::uint64_t z = (x += 0x9e3779b97f4a7c15ull);
        z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ull;
        z = (z ^ (z >> 27)) * 0x94d049bb133111ebull;
        return z ^ (z >> 31);
    }
    std::uint64_t state_[4];
};

}  // namespace onregel::sample
