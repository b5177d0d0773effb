#include "meldingen_per_kwartaal.hpp"

#include <map>
#include <tuple>

namespace onregel {

std::vector<MeldingenKwartaal> meldingen_per_kwartaal(std::span<const Melding> meldingen, std::span<const std::string> buurt) {
    std::map<std::tuple<int, int, std::string, std::string>, int> per_kwartaal;
    for (const auto& m : meldingen) {
        const auto b = m.vbo >= 0 && !buurt.empty() ? buurt[static_cast<std::size_t>(m.vbo)] : std::string();
        ++per_kwartaal[{year_of(m.datum), kwartaal_van(m.datum), b, m.categorie.str()}];
    }
    std::vector<MeldingenKwartaal> out;
    out.reserve(per_kwartaal.size());
    for (const auto& [key, aantal] : per_kwartaal)
        out.push_back({std::get<0>(key), std::get<1>(key), std::get<2>(key), std::get<3>(key), aantal});
    return out;
}

}  // namespace onregel
