#pragma once

#include <array>
#include <bit>
#include <compare>
#include <cstdint>
#include <iosfwd>
#include <string>
#include <string_view>
#include <type_traits>

namespace onregel {

// A text in eight bytes, for the address parts and codes that the model holds millions of times:
// up to seven bytes are kept inline (postcode, huisletter, toevoeging, SBI codes), longer texts
// (street and place names) are interned once per process in a pool that is never freed. At 10M
// verblijfsobjecten a std::string per part cost 32 bytes plus a heap block for each street name.
// Each text has one representation (short ones always inline, long ones always the pool's copy), so
// equality compares the eight bytes; order compares the texts, never the pool's addresses.
// Thread-safe: the pool is sharded behind mutexes and its entries never move. It grows only with the
// distinct long texts read (street, place and category names, also of rows later rejected).
class CompactText {
public:
    static constexpr std::size_t inline_capacity = 7;

    CompactText() = default;
    CompactText(std::string_view text);  // NOLINT(google-explicit-constructor): assigned from strings like one
    CompactText(const std::string& text) : CompactText(std::string_view(text)) {}  // NOLINT(google-explicit-constructor)
    CompactText(const char* text) : CompactText(std::string_view(text)) {}  // NOLINT(google-explicit-constructor)

    // A view of a temporary's inline bytes would dangle, as with std::string's short strings: not offered.
    std::string_view view() const&& = delete;
    std::string_view view() const& {
        if (bytes_[0] & 1) return {bytes_.data() + 1, static_cast<std::size_t>(static_cast<unsigned char>(bytes_[0]) >> 1)};
        const auto* pooled = std::bit_cast<const std::string*>(bytes_);
        return pooled ? std::string_view(*pooled) : std::string_view();
    }
    operator std::string_view() const& { return view(); }  // NOLINT(google-explicit-constructor)
    operator std::string_view() const&& = delete;
    std::string str() const { return std::string(view()); }

    bool empty() const { return bytes_ == std::array<char, 8>{}; }
    std::size_t size() const { return view().size(); }
    void clear() { bytes_ = {}; }

    friend bool operator==(const CompactText& a, const CompactText& b) { return a.bytes_ == b.bytes_; }
    friend std::strong_ordering operator<=>(const CompactText& a, const CompactText& b) { return a.view() <=> b.view(); }
    // Against other texts without making a CompactText of them (which would intern a long one).
    template <class Text>
        requires(std::is_convertible_v<const Text&, std::string_view> && !std::is_same_v<Text, CompactText>)
    friend bool operator==(const CompactText& a, const Text& b) { return a.view() == std::string_view(b); }
    template <class Text>
        requires(std::is_convertible_v<const Text&, std::string_view> && !std::is_same_v<Text, CompactText>)
    friend std::strong_ordering operator<=>(const CompactText& a, const Text& b) { return a.view() <=> std::string_view(b); }

private:
    // Inline: byte 0 is (length << 1) | 1 and bytes 1..7 the text. Pooled: the address of the pool's
    // std::string, whose alignment leaves bit 0 clear. Empty: all zero.
    std::array<char, 8> bytes_{};
    static_assert(std::endian::native == std::endian::little, "the tag is the pointer's lowest byte");
    static_assert(sizeof(const std::string*) == 8 && alignof(std::string) >= 2);
};

inline std::string operator+(std::string a, const CompactText& b) { return a.append(b.view()); }
inline std::string operator+(const CompactText& a, std::string_view b) { return a.str().append(b); }
inline std::string operator+(char a, const CompactText& b) { return std::string(1, a).append(b.view()); }
std::ostream& operator<<(std::ostream& out, const CompactText& text);

}  // namespace onregel

template <>
struct std::hash<onregel::CompactText> {
    std::size_t operator()(const onregel::CompactText& text) const noexcept { return std::hash<std::string_view>()(text.view()); }
};
