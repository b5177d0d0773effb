#include "app/explain/explain.hpp"

#include <algorithm>
#include <nlohmann/json.hpp>
#include <sstream>

#include "engine/match/address.hpp"
#include "engine/analysis/scoring.hpp"
#include "engine/errors.hpp"
#include "engine/signals/registry.hpp"
#include "engine/text.hpp"
#include "layers/store/files.hpp"

namespace onregel {

namespace {

using json = nlohmann::ordered_json;

json read_json(const std::filesystem::path& path) {
    try {
        return json::parse(read_text_file(path));
    } catch (const json::exception& e) {
        throw input_error(path.string() + ": not the output of `onregel run` (" + e.what() + ")");
    }
}

bool all_digits(const std::string& s) { return !s.empty() && s.find_first_not_of("0123456789") == std::string::npos; }

// Splits "1234AB 12a" / "1234 ab 12-a" into postcode and house number: the postcode is the first six
// letters and digits, the rest is the number as people write it.
std::optional<std::pair<std::string, Huisnummer>> parse_query(const std::string& query) {
    std::string compact;
    std::size_t i = 0;
    for (; i < query.size() && compact.size() < 6; ++i)
        if (query[i] != ' ') compact += query[i];
    const auto postcode = normalise_postcode(compact);
    if (!postcode) return std::nullopt;
    const auto nummer = parse_huisnummer(query.substr(i));
    if (!nummer) return std::nullopt;
    return std::pair{*postcode, *nummer};
}

std::string number_text(const json& value) {
    if (value.is_number_integer()) return std::to_string(value.get<long long>());
    if (value.is_number()) return format_decimal(value.get<double>(), 2);
    if (value.is_boolean()) return value.get<bool>() ? "ja" : "nee";
    return value.dump();
}

}  // namespace

std::string explain(const std::filesystem::path& out_dir, const std::string& query) {
    const auto locaties = read_json(out_dir / "locaties.geojson");
    const auto manifest = read_json(out_dir / "manifest.json");
    const auto& features = locaties.at("features");

    const json* found = nullptr;
    std::optional<std::pair<std::string, Huisnummer>> address;
    if (all_digits(query)) {
        for (const auto& f : features)
            if (f["properties"]["bag_id"] == query) found = &f;
    } else {
        address = parse_query(query);
        if (!address) throw input_error("'" + query + "' is neither a 16-digit BAG id nor an address like \"1234AB 12a\"");
        for (const auto& f : features) {
            const auto& p = f["properties"];
            const Huisnummer h{p["huisnummer"].get<std::int32_t>(), p["huisletter"].get<std::string>(),
                               p["toevoeging"].get<std::string>()};
            if (p["postcode"] == address->first && exact_address_key(address->first, h) == exact_address_key(address->first, address->second))
                found = &f;
        }
    }
    if (!found) {
        // Suggest ranked addresses with the same postcode, else those whose postcode sorts nearest.
        std::vector<std::pair<int, std::string>> near;
        const std::string wanted = address ? address->first : std::string{};
        for (const auto& f : features) {
            const auto& p = f["properties"];
            const std::string postcode = p["postcode"];
            int distance = 0;
            for (std::size_t k = 0; k < 6 && k < wanted.size() && k < postcode.size(); ++k)
                distance = distance * 40 + std::abs(wanted[k] - postcode[k]);
            near.emplace_back(distance, p["adres"].get<std::string>() + " (BAG " + p["bag_id"].get<std::string>() + ")");
        }
        std::sort(near.begin(), near.end());
        std::string message = "'" + query + "' is not among the " + std::to_string(features.size()) +
                              " ranked locaties in " + out_dir.string();
        if (!near.empty() && address) {
            message += "; nearest ranked addresses:";
            for (std::size_t k = 0; k < near.size() && k < 5; ++k) message += "\n  " + near[k].second;
        }
        throw input_error(message);
    }

    const auto& p = (*found)["properties"];
    const auto signals = make_signals();
    std::ostringstream out;
    out << p["adres"].get<std::string>() << "\n"
        << "  BAG verblijfsobject " << p["bag_id"].get<std::string>() << " in pand " << p["pand_id"].get<std::string>() << "\n"
        << "  gebruiksdoel " << p["gebruiksdoel"].get<std::string>() << ", " << p["oppervlakte"].get<int>() << " m²";
    if (p.contains("bouwjaar")) out << ", bouwjaar " << p["bouwjaar"].get<int>();
    out << ", " << p["n_vestigingen"].get<int>() << " actieve vestigingen, " << p["n_meldingen"].get<int>() << " meldingen\n"
        << "  rang " << p["rank"].get<int>() << " van " << features.size() << ", peildatum "
        << manifest.value("peildatum", "?") << ", profiel " << manifest.value("profiel", "?") << "\n\nBijdragen:\n";
    const auto& config = manifest.at("config");
    std::string sum;
    for (const auto& [id, points] : p["bijdragen"].items()) {
        sum += (sum.empty() ? "" : " + ") + std::to_string(points.get<int>());
        out << "  +" << points.get<int>() << "  " << id;
        if (id == integrale_bonus_id) {
            const int bonus = config.at("scoring").at("integrale_bonus").get<int>();
            out << "  (" << (bonus ? points.get<int>() / bonus : 0) << " extra domein(en) × " << bonus << " punten)\n"
                << "      regel: signalen uit meer dan één domein (registratie, gebouw, meldingen, vergunningen) op één adres\n";
        } else {
            const auto& sc = config.at("signalen").at(id);
            const int punten = sc.at("punten").get<int>();
            if (points.get<int>() > 0 || punten == 0)
                out << "  (niveau " << (punten ? points.get<int>() / punten : 0) << " × " << punten << " punten)\n";
            else
                out << "  (telt niet mee: hetzelfde bewijs telt al via een sterker signaal, zie de feiten)\n";
            for (const auto& s : signals)
                if (s->info().id == id) out << "      regel: " << s->info().beschrijving << "\n";
            std::string parameters;
            for (const auto& [name, value] : sc.items())
                if (name != "punten" && name != "actief") parameters += (parameters.empty() ? "" : ", ") + name + " = " + number_text(value);
            if (!parameters.empty()) out << "      parameters: " << parameters << "\n";
        }
        out << "      feiten: " << p["bewijs"][id].get<std::string>() << "\n";
    }
    out << "\nTotaal: " << p["score"].get<int>() << " = " << sum << "\n";
    return out.str();
}

}  // namespace onregel
