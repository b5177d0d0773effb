#pragma once
// Which known name someone probably meant: "--capacitiet" for --capaciteit, "Merelaan" for Merellaan.
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace onregel {

// Edits (insert, delete, replace, swap two neighbours) between two texts, ignoring ASCII case.
std::size_t edit_distance(std::string_view a, std::string_view b);

// The known names closest to `written`, nearest first (ties in the order given), and only those close
// enough to be a typo: one edit for a word of up to four characters, two for a longer one. Empty when
// none is close.
std::vector<std::string> closest_names(std::string_view written, const std::vector<std::string>& known);

}  // namespace onregel
