#include "app/run/run_register.hpp"

#include <map>

#include "engine/register/meldingen_per_kwartaal.hpp"
#include "layers/store/files.hpp"

namespace onregel {

Register run_rows(const Town& town, const std::vector<Beoordeling>& ranked, const std::vector<std::string>& buurt,
                  const RegisterRun& run) {
    const auto buurt_of = [&](std::int32_t vbo) { return vbo >= 0 && !buurt.empty() ? buurt[static_cast<std::size_t>(vbo)] : std::string(); };
    Register r;
    r.runs.push_back(run);
    std::map<std::pair<std::string, std::string>, int> per_signaal;  // (buurt, signaal)
    for (const auto& b : ranked)
        for (const auto& c : b.bijdragen)
            if (c.signaal != integrale_bonus_id) ++per_signaal[{buurt_of(static_cast<std::int32_t>(b.vbo)), c.signaal}];
    for (const auto& [key, aantal] : per_signaal) r.run_signalen.push_back({run.id, key.first, key.second, aantal});
    r.meldingen = meldingen_per_kwartaal(town.meldingen, buurt);
    return r;
}

std::string run_id(Date peildatum, const std::string& config_sha256, const std::vector<std::string>& input_sha256) {
    std::string text = format_date(peildatum) + "\n" + config_sha256 + "\n";
    for (const auto& sha : input_sha256) text += sha + "\n";
    return sha256_hex(text).substr(0, 16);
}

}  // namespace onregel
