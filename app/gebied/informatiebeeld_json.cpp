#include "app/gebied/informatiebeeld_json.hpp"

#include <cmath>

#include "layers/table/json_writer.hpp"

namespace onregel {

namespace {

// Counts as integers, the rest with six decimals: the same bytes on every machine, and more than any
// reader needs.
nlohmann::ordered_json number(const std::optional<double>& v) {
    if (!v) return nullptr;
    if (*v == std::floor(*v) && std::abs(*v) < 1e15) return static_cast<std::int64_t>(*v);
    return std::round(*v * 1e6) / 1e6;
}

}  // namespace

nlohmann::ordered_json cijfers_json(const Gebiedscijfers& c) {
    nlohmann::ordered_json j;
    j["objecten"] = c.objecten;
    j["panden"] = c.panden;
    j["vestigingen"] = c.vestigingen;
    j["hoofdvestigingen"] = c.hoofdvestigingen;
    j["nevenvestigingen"] = c.nevenvestigingen;
    j["objecten_zonder_vestiging"] = c.objecten_zonder_vestiging;
    j["niet_woon"] = c.niet_woon;
    j["niet_woon_zonder_vestiging"] = c.niet_woon_zonder_vestiging;
    j["boxen"] = c.boxen;
    j["risicobranche"] = c.risicobranche;
    j["per_risicobranche"] = c.per_risicobranche;
    j["autobranche"] = c.autobranche;
    j["stichtingen"] = c.stichtingen;
    j["eenmanszaken"] = c.eenmanszaken;
    j["holdings"] = c.holdings;
    j["oprichtingen_per_jaar"] = c.oprichtingen;
    j["opheffingen_per_jaar"] = c.opheffingen;
    // Years outside the series are null, not 0: nothing is known about them.
    auto per_jaar = nlohmann::ordered_json::array();
    for (std::size_t k = 0; k < static_cast<std::size_t>(informatiebeeld_jaren); ++k) {
        const auto n = meldingen_in_jaar(c, k);
        per_jaar.push_back(n ? nlohmann::ordered_json(*n) : nlohmann::ordered_json(nullptr));
    }
    j["meldingen_per_jaar"] = per_jaar;
    j["meldingen_per_categorie"] = c.meldingen_per_categorie;
    const auto& trend = c.meldingen_trend;
    j["meldingen_trend"] = {{"trend", trend_woord(trend)},
                            {"jaren", c.meldingen.size()},
                            {"s", trend ? number(trend->s) : nullptr},
                            {"z", trend ? number(trend->z) : nullptr},
                            {"p", trend ? number(trend->p) : nullptr}};
    j["objecten_met_signaal"] = c.objecten_met_signaal;
    j["signalen"] = c.signalen;
    return j;
}

nlohmann::ordered_json kengetallen_json(const std::vector<Kengetal>& list) {
    auto out = nlohmann::ordered_json::array();
    for (const auto& k : list)
        out.push_back({{"id", k.id}, {"naam", k.naam}, {"eenheid", k.eenheid}, {"gebied", number(k.gebied)},
                       {"gemeente", number(k.gemeente)}, {"definitie", k.definitie}});
    return out;
}

// The areas as MultiPolygons in WGS84 with their key figures, for the viewer and for QGIS.
std::string gebieden_geojson(const std::vector<Gebied>& gebieden, const std::vector<Gebiedscijfers>& cijfers,
                             const Gemeentebeeld& beeld, const RdToWgs84& to_wgs84) {
    std::string out;
    JsonWriter json(out);
    json.begin_object().key("type").value("FeatureCollection").key("features").begin_array();
    for (std::size_t i = 0; i < gebieden.size(); ++i) {
        const auto& gebied = gebieden[i];
        json.begin_object().key("type").value("Feature").key("geometry");
        json.begin_object().key("type").value("MultiPolygon").key("coordinates").begin_array();
        for (const auto& rings : gebied.vlakken) {
            json.begin_array();
            for (const auto& ring : rings) {
                json.begin_array();
                for (const auto& p : ring) {
                    const auto ll = to_wgs84(p);
                    json.begin_array().value(ll.lon, 6).value(ll.lat, 6).end_array();
                }
                json.end_array();
            }
            json.end_array();
        }
        json.end_array().end_object();
        const auto& c = cijfers[i];
        const auto list = kengetallen(c, beeld.gemeente());
        nlohmann::ordered_json properties;
        properties["naam"] = gebied.naam;
        properties["xlsx"] = gebied.bestand + ".xlsx";
        properties["csv"] = gebied.bestand + ".csv";
        properties["objecten"] = c.objecten;
        properties["vestigingen"] = c.vestigingen;
        properties["objecten_met_signaal"] = c.objecten_met_signaal;
        properties["meldingen_trend"] = trend_woord(c.meldingen_trend);
        properties["signalen"] = c.signalen;
        properties["kengetallen"] = kengetallen_json(list);
        json.key("properties").raw(properties.dump());
        json.end_object();
    }
    json.end_array().end_object();
    out += '\n';
    return out;
}

}  // namespace onregel
