#include "outputs.hpp"

#include "engine/errors.hpp"
#include "json_writer.hpp"

namespace onregel {

Profiel parse_profiel(std::string_view text) {
    if (text == "loo") return Profiel::loo;
    if (text == "handhaving") return Profiel::handhaving;
    throw config_error("--profiel " + std::string(text) + ": expected loo or handhaving");
}

std::string_view profiel_name(Profiel profiel) { return profiel == Profiel::loo ? "loo" : "handhaving"; }

int actieve_vestigingen(const Town& town, std::uint32_t vbo) {
    int n = 0;
    for (auto v : town.vestigingen_per_vbo.of(vbo)) n += town.vestigingen[v].actief_op(town.peildatum);
    return n;
}

namespace {

void coordinates(JsonWriter& json, LonLat p) {
    json.begin_array().value(p.lon, 6).value(p.lat, 6).end_array();
}

}  // namespace

std::string locaties_geojson(const Town& town, const std::vector<Beoordeling>& ranked, Profiel profiel,
                             const RdToWgs84& to_wgs84) {
    std::string out;
    JsonWriter json(out);
    json.begin_object().key("type").value("FeatureCollection").key("features").begin_array();
    for (std::size_t r = 0; r < ranked.size(); ++r) {
        const auto& b = ranked[r];
        const auto& vbo = town.verblijfsobjecten[b.vbo];
        json.begin_object().key("type").value("Feature");
        json.key("geometry").begin_object().key("type").value("Point").key("coordinates");
        coordinates(json, to_wgs84(vbo.punt));
        json.end_object();
        json.key("properties").begin_object();
        json.key("rank").value(static_cast<std::int64_t>(r + 1));
        json.key("score").value(b.score);
        json.key("bag_id").value(vbo.id);
        json.key("pand_id").value(vbo.pand_id);
        json.key("adres").value(format_adres(vbo.adres));
        json.key("postcode").value(vbo.adres.postcode);
        json.key("huisnummer").value(vbo.adres.huisnummer);
        json.key("huisletter").value(vbo.adres.huisletter);
        json.key("toevoeging").value(vbo.adres.toevoeging);
        json.key("gebruiksdoel").value(format_gebruiksdoelen(vbo.gebruiksdoelen));
        json.key("oppervlakte").value(vbo.oppervlakte);
        json.key("signalen").begin_array();
        for (const auto& c : b.bijdragen)
            if (c.signaal != integrale_bonus_id) json.value(c.signaal);
        json.end_array();
        json.key("bijdragen").begin_object();
        for (const auto& c : b.bijdragen) json.key(c.signaal).value(c.points);
        json.end_object();
        json.key("bewijs").begin_object();
        for (const auto& c : b.bijdragen) json.key(c.signaal).value(c.bewijs);
        json.end_object();
        json.key("n_vestigingen").value(actieve_vestigingen(town, b.vbo));
        json.key("n_meldingen").value(static_cast<std::int64_t>(town.meldingen_per_vbo.of(b.vbo).size()));
        if (profiel == Profiel::handhaving) {
            json.key("handelsnamen").begin_array();
            for (auto v : town.vestigingen_per_vbo.of(b.vbo))
                if (town.vestigingen[v].actief_op(town.peildatum)) json.value(town.vestigingen[v].handelsnaam);
            json.end_array();
        }
        json.end_object().end_object();
    }
    json.end_array().end_object();
    out += '\n';
    return out;
}

std::string panden_geojson(const Town& town, const RdToWgs84& to_wgs84) {
    std::string out;
    JsonWriter json(out);
    json.begin_object().key("type").value("FeatureCollection").key("features").begin_array();
    for (const auto& pand : town.panden) {
        if (pand.omtrek.size() < 4) continue;
        json.begin_object().key("type").value("Feature");
        json.key("geometry").begin_object().key("type").value("Polygon").key("coordinates").begin_array().begin_array();
        for (const auto& p : pand.omtrek) coordinates(json, to_wgs84(p));
        json.end_array().end_array().end_object();
        json.key("properties").begin_object().key("pand_id").value(pand.id).key("bouwjaar").value(pand.bouwjaar).end_object();
        json.end_object();
    }
    json.end_array().end_object();
    out += '\n';
    return out;
}

}  // namespace onregel
