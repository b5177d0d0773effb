#include "outputs.hpp"

#include <algorithm>

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

FeatureTable locaties_table(const Town& town, const std::vector<Beoordeling>& ranked, Profiel profiel,
                            const std::vector<std::string>& buurt) {
    using T = ColumnType;
    FeatureTable table{"locaties", GeometryType::point,
                       {{"rank", T::integer}, {"score", T::integer}, {"bag_id", T::text}, {"pand_id", T::text},
                        {"adres", T::text}, {"postcode", T::text}, {"huisnummer", T::integer}, {"huisletter", T::text},
                        {"toevoeging", T::text}, {"gebruiksdoel", T::text}, {"oppervlakte", T::integer},
                        {"signalen", T::text_list}, {"bijdragen", T::json}, {"bewijs", T::json},
                        {"n_vestigingen", T::integer}, {"n_meldingen", T::integer}},
                       {}};
    if (!buurt.empty()) table.columns.push_back({"buurt", T::text});
    if (profiel == Profiel::handhaving) table.columns.push_back({"handelsnamen", T::text_list});
    table.rows.reserve(ranked.size());
    for (std::size_t r = 0; r < ranked.size(); ++r) {
        const auto& b = ranked[r];
        const auto& vbo = town.verblijfsobjecten[b.vbo];
        std::vector<std::string> signalen;
        std::string bijdragen, bewijs;
        JsonWriter points(bijdragen), evidence(bewijs);
        points.begin_object();
        evidence.begin_object();
        for (const auto& c : b.bijdragen) {
            if (c.signaal != integrale_bonus_id) signalen.push_back(c.signaal);
            points.key(c.signaal).value(c.points);
            evidence.key(c.signaal).value(c.bewijs);
        }
        points.end_object();
        evidence.end_object();
        FeatureRow row{{vbo.punt},
                       {std::int64_t(r + 1), std::int64_t(b.score), vbo.id, vbo.pand_id, format_adres(vbo.adres),
                        vbo.adres.postcode, std::int64_t(vbo.adres.huisnummer), vbo.adres.huisletter,
                        vbo.adres.toevoeging, format_gebruiksdoelen(vbo.gebruiksdoelen),
                        std::int64_t(vbo.oppervlakte), std::move(signalen), std::move(bijdragen), std::move(bewijs),
                        std::int64_t(actieve_vestigingen(town, b.vbo)),
                        std::int64_t(town.meldingen_per_vbo.of(b.vbo).size())}};
        if (!buurt.empty()) row.cells.push_back(buurt[b.vbo]);
        if (profiel == Profiel::handhaving) {
            std::vector<std::string> namen;
            for (auto v : town.vestigingen_per_vbo.of(b.vbo))
                if (town.vestigingen[v].actief_op(town.peildatum)) namen.push_back(town.vestigingen[v].handelsnaam);
            row.cells.push_back(std::move(namen));
        }
        table.rows.push_back(std::move(row));
    }
    return table;
}

std::string locaties_geojson(const Town& town, const std::vector<Beoordeling>& ranked, Profiel profiel,
                             const RdToWgs84& to_wgs84) {
    return feature_table_geojson(locaties_table(town, ranked, profiel), to_wgs84);
}

std::vector<std::string> pand_signalen(const std::vector<Beoordeling>& ranked, const PandScore& pand) {
    std::vector<std::string> ids;
    for (auto r : pand.objecten)
        for (const auto& c : ranked[r].bijdragen)
            if (c.signaal != integrale_bonus_id && std::find(ids.begin(), ids.end(), c.signaal) == ids.end())
                ids.push_back(c.signaal);
    return ids;
}

FeatureTable panden_ranking_table(const Town& town, const std::vector<Beoordeling>& ranked,
                                  const std::vector<PandScore>& panden) {
    using T = ColumnType;
    FeatureTable table{"panden_ranking", GeometryType::polygon,
                       {{"rang", T::integer}, {"score", T::integer}, {"pand_id", T::text}, {"n_objecten", T::integer},
                        {"bag_ids", T::text_list}, {"adres", T::text}, {"signalen", T::text_list}},
                       {}};
    table.rows.reserve(panden.size());
    for (std::size_t k = 0; k < panden.size(); ++k) {
        const auto& pand = panden[k];
        std::vector<std::string> bag_ids;
        for (auto r : pand.objecten) bag_ids.push_back(town.verblijfsobjecten[ranked[r].vbo].id);
        std::vector<Point> outline;
        if (pand.pand >= 0 && town.panden[static_cast<std::size_t>(pand.pand)].omtrek.size() >= 4)
            outline = town.panden[static_cast<std::size_t>(pand.pand)].omtrek;
        table.rows.push_back({std::move(outline),
                              {std::int64_t(k + 1), std::int64_t(pand.score), pand.pand_id,
                               std::int64_t(pand.objecten.size()), std::move(bag_ids),
                               format_adres(town.verblijfsobjecten[ranked[pand.objecten[0]].vbo].adres),
                               pand_signalen(ranked, pand)}});
    }
    return table;
}

namespace {

std::size_t column_index(const FeatureTable& table, std::string_view name) {
    for (std::size_t c = 0; c < table.columns.size(); ++c)
        if (table.columns[c].name == name) return c;
    throw std::logic_error("table " + table.name + " has no column " + std::string(name));
}

// The viewer's score bands: four equal bands between the lowest and the highest score.
std::vector<StyleClass> score_bands(const FeatureTable& table) {
    static const char* colours[] = {"#fecc5c", "#fd8d3c", "#e31a1c", "#800026"};
    const auto c = column_index(table, "score");
    std::int64_t lo = 0, hi = 0;
    for (std::size_t r = 0; r < table.rows.size(); ++r) {
        const auto v = std::get<std::int64_t>(table.rows[r].cells[c]);
        lo = r ? std::min(lo, v) : v;
        hi = r ? std::max(hi, v) : v;
    }
    const std::int64_t width = std::max<std::int64_t>(1, (hi - lo + 1 + 3) / 4);
    std::vector<StyleClass> bands;
    for (std::int64_t b = 0; b < 4; ++b) {
        const auto from = lo + b * width, to = from + width - 1;
        bands.push_back({static_cast<double>(from) - 0.5, static_cast<double>(to) + 0.5, "",
                         "score " + std::to_string(from) + "–" + std::to_string(to), colours[b], true});
    }
    return bands;
}

}  // namespace

std::vector<LayerStyle> run_styles(const std::vector<const FeatureTable*>& tables) {
    struct Klasse {
        int klasse;
        const char* colour;
        const char* label;
    };
    static const Klasse klassen[] = {{3, "#b2182b", "hotspot, 99% zeker"},  {2, "#ef8a62", "hotspot, 95% zeker"},
                                     {1, "#fddbc7", "hotspot, 90% zeker"},  {0, "#ffffff", "niet significant"},
                                     {-1, "#d1e5f0", "coldspot, 90% zeker"}, {-2, "#67a9cf", "coldspot, 95% zeker"},
                                     {-3, "#2166ac", "coldspot, 99% zeker"}};
    static const char* dagen[] = {"#1b9e77", "#7570b3", "#d95f02", "#e7298a", "#66a61e", "#a6761d", "#1f78b4", "#e6ab02"};
    std::vector<LayerStyle> styles;
    for (const auto* table : tables) {
        if (table->name == "locaties" || table->name == "panden_ranking") {
            styles.push_back({table->name, qml_graduated("score", table->geometry, score_bands(*table)),
                              "Score in vier gelijke klassen"});
        } else if (table->name == "hotspots") {
            std::vector<StyleClass> classes;
            for (const auto& k : klassen)
                classes.push_back({0, 0, std::to_string(k.klasse), k.label, k.colour, k.klasse != 0});
            styles.push_back({table->name, qml_categorized("klasse", table->geometry, classes), "Gi*-klasse na FDR"});
        } else if (table->name == "controles") {
            const auto c = column_index(*table, "controledag");
            std::int64_t last = 0;
            for (const auto& row : table->rows) last = std::max(last, std::get<std::int64_t>(row.cells[c]));
            std::vector<StyleClass> classes;
            for (std::int64_t d = 1; d <= last; ++d)
                classes.push_back({0, 0, std::to_string(d), "controledag " + std::to_string(d), dagen[(d - 1) % 8], true});
            styles.push_back({table->name, qml_categorized("controledag", table->geometry, classes), "Controledagen"});
        }
    }
    return styles;
}

std::string panden_geojson(const Town& town, const RdToWgs84& to_wgs84) {
    FeatureTable table{"panden", GeometryType::polygon, {{"pand_id", ColumnType::text}, {"bouwjaar", ColumnType::integer}}, {}};
    for (const auto& pand : town.panden)
        if (pand.omtrek.size() >= 4) table.rows.push_back({pand.omtrek, {pand.id, std::int64_t(pand.bouwjaar)}});
    return feature_table_geojson(table, to_wgs84);
}

}  // namespace onregel
