#include "app/explain/explain.hpp"

#include <algorithm>
#include <cmath>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>

#include "app/run/outputs.hpp"
#include "engine/analysis/scoring.hpp"
#include "engine/date.hpp"
#include "engine/errors.hpp"
#include "engine/match/address.hpp"
#include "engine/match/similar.hpp"
#include "engine/register/stand.hpp"
#include "engine/signals/registry.hpp"
#include "engine/text.hpp"
#include "layers/register/register_store.hpp"
#include "layers/store/files.hpp"

namespace onregel {

namespace {

using json = nlohmann::ordered_json;

constexpr std::size_t suggestions_shown = 5;

json read_json(const std::filesystem::path& path) {
    try {
        return json::parse(read_text_file(path));
    } catch (const json::exception&) {
        throw input_error(path.string() + ": geen uitvoer van `onregel run` (geen geldige JSON)");
    }
}

// 25, 0,5, ja: a parameter as a Dutch sentence writes it.
std::string number_text(const json& value) {
    if (value.is_number_integer()) return std::to_string(value.get<long long>());
    if (value.is_boolean()) return value.get<bool>() ? "ja" : "nee";
    if (!value.is_number()) return value.dump();
    auto text = format_decimal_nl(value.get<double>(), 6);
    while (text.back() == '0') text.pop_back();
    if (text.back() == ',') text.pop_back();
    return text;
}

// One address as the query compares it, whether it comes from locaties.geojson or from the BAG.
struct Candidate {
    std::string bag_id, postcode, straat;
    Huisnummer nummer;
};

bool fits(const AddressQuery& q, const Candidate& c) {
    if (!q.bag_id.empty()) return c.bag_id == q.bag_id;
    if (c.nummer != q.nummer) return false;
    if (!q.postcode.empty() && c.postcode != q.postcode) return false;
    return q.straat.empty() || street_key(c.straat) == street_key(q.straat);
}

// The street of a locatie: its adres ("Straat 12a-1, 1234AB Woonplaats") up to the house number.
std::string locatie_straat(const json& p, const Huisnummer& h) {
    const std::string adres = p["adres"];
    std::string street = adres.substr(0, adres.find(','));
    std::string number = " " + std::to_string(h.nummer) + h.huisletter + (h.toevoeging.empty() ? "" : "-" + h.toevoeging);
    if (street.ends_with(number)) street.resize(street.size() - number.size());
    return street;
}

Candidate locatie_candidate(const json& p) {
    const Huisnummer h{p["huisnummer"].get<std::int32_t>(), p["huisletter"].get<std::string>(),
                       p["toevoeging"].get<std::string>()};
    return {p["bag_id"], p["postcode"], locatie_straat(p, h), h};
}

Candidate vbo_candidate(const Verblijfsobject& v) {
    return {bag_id_text(v.id), v.adres.postcode.str(), v.adres.straat.str(),
            {v.adres.huisnummer, v.adres.huisletter.str(), v.adres.toevoeging.str()}};
}

std::string explain_ranked(const json& p, std::size_t ranked, const json& manifest) {
    const auto signals = make_signals();
    std::ostringstream out;
    out << p["adres"].get<std::string>() << "\n"
        << "  BAG verblijfsobject " << p["bag_id"].get<std::string>() << " in pand " << p["pand_id"].get<std::string>() << "\n"
        << "  gebruiksdoel " << p["gebruiksdoel"].get<std::string>() << ", " << p["oppervlakte"].get<int>() << " m²";
    if (p.contains("bouwjaar")) out << ", bouwjaar " << p["bouwjaar"].get<int>();
    out << ", " << count_text(p["n_vestigingen"].get<int>(), "actieve vestiging", "actieve vestigingen") << ", "
        << count_text(p["n_meldingen"].get<int>(), "melding", "meldingen") << "\n"
        << "  rang " << p["rank"].get<int>() << " van " << ranked << ", peildatum " << manifest.value("peildatum", "?")
        << ", profiel " << manifest.value("profiel", "?") << "\n\nBijdragen:\n";
    const auto& config = manifest.at("config");
    std::string sum;
    for (const auto& [id, points] : p["bijdragen"].items()) {
        sum += (sum.empty() ? "" : " + ") + std::to_string(points.get<int>());
        out << "  +" << points.get<int>() << "  " << id;
        if (id == integrale_bonus_id) {
            const int bonus = config.at("scoring").at("integrale_bonus").get<int>();
            out << "  (" << count_text(bonus ? points.get<int>() / bonus : 0, "extra domein", "extra domeinen") << " × "
                << count_text(bonus, "punt", "punten") << ")\n"
                << "      regel: signalen uit meer dan één domein (registratie, gebouw, meldingen, vergunningen) op één adres\n";
        } else {
            const auto& sc = config.at("signalen").at(id);
            const int punten = sc.at("punten").get<int>();
            if (points.get<int>() > 0 || punten == 0)
                out << "  (niveau " << (punten ? points.get<int>() / punten : 0) << " × " << count_text(punten, "punt", "punten")
                    << ")\n";
            else
                out << "  (telt niet mee: hetzelfde bewijs telt al via een sterker signaal, zie de feiten)\n";
            for (const auto& s : signals)
                if (s->info().id == id) out << "      regel: " << s->info().beschrijving << "\n";
            std::string parameters;
            for (const auto& [name, value] : sc.items())
                if (name != "punten" && name != "actief")
                    parameters += (parameters.empty() ? "" : ", ") + name + " = " + number_text(value);
            if (!parameters.empty()) out << "      parameters: " << parameters << "\n";
        }
        out << "      feiten: " << p["bewijs"][id].get<std::string>() << "\n";
    }
    out << "\nTotaal: " << p["score"].get<int>() << " = " << sum << "\n";
    return out.str();
}

// The inputs of the run, as its manifest names them, unless `given` names them.
Inputs read_run_inputs(const json& manifest, const InputSources& given, const std::string& why) {
    InputSources sources;
    const auto recorded = [&](const char* layer) {
        const auto& invoer = manifest.contains("invoer") ? manifest["invoer"] : json::object();
        return invoer.contains(layer) ? invoer[layer].value("bron", std::string()) : std::string();
    };
    sources.bag = given.bag.empty() ? recorded("bag") : given.bag;
    sources.kvk = given.kvk.empty() ? recorded("kvk") : given.kvk;
    sources.meldingen = given.meldingen.empty() ? recorded("meldingen") : given.meldingen;
    if (sources.bag.empty() || sources.kvk.empty())
        throw input_error(why + "; de manifest noemt de BAG en KvK van de run niet: geef ze met --bag en --kvk");
    try {
        return read_inputs(sources, ReadOptions{});
    } catch (const input_error& e) {
        throw input_error(why + "; om te zien of het adres bestaat, leest explain de invoer van de run opnieuw, maar: " +
                          e.what() + " (geef de invoer met --bag, --kvk en --meldingen)");
    }
}

std::string explain_unranked(const Town& town, std::uint32_t i, std::size_t ranked, const json& manifest) {
    const auto& v = town.verblijfsobjecten[i];
    std::ostringstream out;
    out << format_adres(v.adres) << "\n"
        << "  BAG verblijfsobject " << bag_id_text(v.id);
    if (v.pand >= 0) out << " in pand " << town.pand_id(v);
    out << ", status " << vbo_status_name(v.status) << "\n"
        << "  gebruiksdoel " << format_gebruiksdoelen(v.gebruiksdoelen) << ", " << v.oppervlakte << " m²";
    const auto bouwjaar = v.bouwjaar > 0 ? v.bouwjaar : v.pand >= 0 ? town.panden[static_cast<std::size_t>(v.pand)].bouwjaar : 0;
    if (bouwjaar > 0) out << ", bouwjaar " << bouwjaar;
    out << ", " << count_text(actieve_vestigingen(town, i), "actieve vestiging", "actieve vestigingen") << ", "
        << count_text(static_cast<std::int64_t>(town.meldingen_per_vbo.of(i).size()), "melding", "meldingen") << "\n\n"
        << "Geen signaal: het adres staat in de BAG, maar niet bij de "
        << count_text(static_cast<std::int64_t>(ranked), "locatie", "locaties") << " met een signaal (peildatum "
        << manifest.value("peildatum", "?") << ", profiel " << manifest.value("profiel", "?") << ").\n";
    return out.str();
}

// The addresses of the street the query names (with a postcode: the streets at that postcode), nearest
// first to the same house number, else to the nearest number; or the street names it probably meant.
std::string suggestions(const Town& town, const AddressQuery& q) {
    std::set<std::pair<std::string, std::string>> streets;  // (street key, woonplaats)
    for (const auto& v : town.verblijfsobjecten)
        if (q.postcode.empty() ? street_key(v.adres.straat) == street_key(q.straat) : v.adres.postcode == q.postcode)
            if (q.postcode.empty() || q.straat.empty() || street_key(v.adres.straat) == street_key(q.straat))
                streets.emplace(street_key(v.adres.straat), v.adres.woonplaats.str());
    std::vector<std::uint32_t> candidates;
    for (std::uint32_t i = 0; i < town.verblijfsobjecten.size(); ++i) {
        const auto& a = town.verblijfsobjecten[i].adres;
        if (streets.count({street_key(a.straat), a.woonplaats.str()})) candidates.push_back(i);
    }
    if (candidates.empty()) {
        if (q.straat.empty()) return " Postcode " + q.postcode + " komt in de BAG niet voor.";
        std::vector<std::string> names;
        for (const auto& v : town.verblijfsobjecten) names.push_back(v.adres.straat.str());
        std::sort(names.begin(), names.end());
        names.erase(std::unique(names.begin(), names.end()), names.end());
        const auto closest = closest_names(q.straat, names);
        if (closest.empty()) return " De straat " + q.straat + " komt in de BAG niet voor.";
        return " De straat " + q.straat + " komt in de BAG niet voor; bedoelde u " + closest.front() + "?";
    }
    const auto number_gap = [&](std::uint32_t i) {
        return std::abs(static_cast<long long>(town.verblijfsobjecten[i].adres.huisnummer) - q.nummer.nummer);
    };
    const auto anchor = *std::min_element(candidates.begin(), candidates.end(), [&](auto a, auto b) {
        return std::pair(number_gap(a), town.verblijfsobjecten[a].id) < std::pair(number_gap(b), town.verblijfsobjecten[b].id);
    });
    const auto at = town.verblijfsobjecten[anchor].punt;
    const auto distance = [&](std::uint32_t i) {
        const auto p = town.verblijfsobjecten[i].punt;
        return std::hypot(p.x - at.x, p.y - at.y);
    };
    std::sort(candidates.begin(), candidates.end(), [&](auto a, auto b) {
        return std::pair(distance(a), town.verblijfsobjecten[a].id) < std::pair(distance(b), town.verblijfsobjecten[b].id);
    });
    std::string out = " Dichtstbij in dezelfde straat:";
    for (std::size_t k = 0; k < candidates.size() && k < suggestions_shown; ++k) {
        const auto& v = town.verblijfsobjecten[candidates[k]];
        out += "\n  " + format_adres(v.adres) + " (BAG " + bag_id_text(v.id) + ")";
    }
    return out;
}

// The words of the register's keys as the run's configuration had them (its manifest), else the defaults.
RegisterBeleid beleid_of(const json& manifest) {
    RegisterBeleid beleid = default_register_beleid();
    const auto* tables = manifest.contains("config") && manifest["config"].contains("register") ? &manifest["config"]["register"] : nullptr;
    const auto take = [&](const char* name, std::vector<Keuze>& into) {
        if (!tables || !tables->contains(name) || !(*tables)[name].is_array()) return;
        into.clear();
        for (const auto& k : (*tables)[name]) into.push_back({k.value("sleutel", ""), k.value("naam", "")});
    };
    take("constateringen", beleid.constateringen);
    take("interventies", beleid.interventies);
    take("afloop", beleid.afloop);
    return beleid;
}

// What the register knows of the address; nothing without a register. The run's own register file
// unless `target` names one (a PostgreSQL register is never written into the manifest).
std::string register_section(const std::string& target, const json& manifest, const std::string& bag_id) {
    std::string source = target;
    if (source.empty() && manifest.contains("register")) {
        source = manifest["register"].value("bron", std::string());
        if (is_postgis_register(source) || !std::filesystem::exists(source)) source.clear();
    }
    if (source.empty()) return {};
    const auto reg = read_register(source);
    std::vector<const RegisterControle*> controles;
    std::vector<const Interventie*> interventies;
    for (const auto& c : reg.controles)
        if (c.bag_id == bag_id) controles.push_back(&c);
    for (const auto& i : reg.interventies)
        if (i.bag_id == bag_id) interventies.push_back(&i);
    const auto text = historie_tekst(controles, interventies, beleid_of(manifest));
    return "  Register: " + (text.empty() ? std::string("geen controles of interventies bekend.") : text) + "\n";
}

}  // namespace

std::string explain(const std::filesystem::path& out_dir, const std::string& query, const InputSources& sources,
                    const std::string& register_target) {
    const auto q = parse_address_query(query);
    if (!q)
        throw input_error("'" + query +
                          "' is geen adres: geef een BAG-id (16 cijfers), een postcode met huisnummer "
                          "(\"3405GS 32-14\") of een straat met huisnummer (\"Merellaan 32-14\")");
    const auto locaties = read_json(out_dir / "locaties.geojson");
    const auto manifest = read_json(out_dir / "manifest.json");
    const auto& features = locaties.at("features");

    std::vector<const json*> found;
    for (const auto& f : features)
        if (fits(*q, locatie_candidate(f["properties"]))) found.push_back(&f["properties"]);
    if (found.size() == 1)
        return explain_ranked(*found.front(), features.size(), manifest) +
               register_section(register_target, manifest, (*found.front())["bag_id"].get<std::string>());

    auto inputs = read_run_inputs(manifest, sources,
                                  "'" + query + "' staat niet bij de " +
                                      count_text(static_cast<std::int64_t>(features.size()), "locatie", "locaties") +
                                      " met een signaal in " + out_dir.string());
    auto& town = inputs.town;
    town.peildatum = parse_date(manifest.value("peildatum", "")).value_or(0);
    std::vector<std::uint32_t> known;
    for (std::uint32_t i = 0; i < town.verblijfsobjecten.size(); ++i)
        if (fits(*q, vbo_candidate(town.verblijfsobjecten[i]))) known.push_back(i);
    if (known.size() == 1)
        return explain_unranked(town, known.front(), features.size(), manifest) +
               register_section(register_target, manifest, bag_id_text(town.verblijfsobjecten[known.front()].id));
    if (known.size() > 1) {
        std::string message = "'" + query + "' past bij " +
                              count_text(static_cast<std::int64_t>(known.size()), "adres", "adressen") +
                              "; geef de postcode erbij:";
        for (auto i : known) message += "\n  " + format_adres(town.verblijfsobjecten[i].adres);
        throw input_error(message);
    }
    if (!q->bag_id.empty()) throw input_error("onbekend adres: BAG-id " + q->bag_id + " staat niet in de BAG van de run");
    throw input_error("onbekend adres: '" + query + "' staat niet in de BAG van de run." + suggestions(town, *q));
}

}  // namespace onregel
