#include "app/run/outputs.hpp"

#include <algorithm>
#include <cmath>
#include <tbb/blocked_range.h>
#include <tbb/parallel_for.h>
#include <tbb/task_arena.h>

#include "engine/errors.hpp"
#include "engine/geometry/simplify.hpp"
#include "engine/grid_index.hpp"
#include "layers/table/json_writer.hpp"

namespace onregel {

Profiel parse_profiel(std::string_view text) {
    if (text == "loo") return Profiel::loo;
    if (text == "handhaving") return Profiel::handhaving;
    throw config_error("--profiel " + std::string(text) + ": verwacht loo of handhaving");
}

std::string_view profiel_name(Profiel profiel) { return profiel == Profiel::loo ? "loo" : "handhaving"; }

int actieve_vestigingen(const Town& town, std::uint32_t vbo) {
    int n = 0;
    for (auto v : town.vestigingen_per_vbo.of(vbo)) n += town.vestigingen[v].actief_op(town.peildatum);
    return n;
}

std::vector<Column> object_columns(std::string_view bag_id_help) {  // a string literal, as every beschrijving
    using T = ColumnType;
    return {{"bag_id", T::text, 0, bag_id_help},
            {"pand_id", T::text, 0, "BAG id of its pand; empty when the BAG gives none"},
            {"adres", T::text, 0, "Street, number, postcode and woonplaats"},
            {"postcode", T::text, 0, "Postcode"},
            {"huisnummer", T::integer, 0, "Huisnummer"},
            {"huisletter", T::text, 0, "Huisletter"},
            {"toevoeging", T::text, 0, "Huisnummertoevoeging"},
            {"gebruiksdoel", T::text, 0, "Gebruiksdoelen in the BAG"}};
}

std::vector<Column> locaties_columns(Profiel profiel, bool buurt) {
    using T = ColumnType;
    std::vector<Column> columns = {
        {"rank", T::integer, 0, "Position in the ranking, from 1: by score, then more flagged objects in the pand, then BAG id"},
        {"score", T::integer, 0, "Sum of `bijdragen`"}};
    const auto object = object_columns("BAG id of the verblijfsobject (16 digits, text)");
    columns.insert(columns.end(), object.begin(), object.end());
    columns.insert(
        columns.end(),
        {{"oppervlakte", T::integer, 0, "Gebruiksoppervlakte in m² (BAG)"},
         {"signalen", T::text_list, 0, "Ids of the signals that flag it, in catalogue order (docs/signals.md)"},
         {"bijdragen", T::json, 0,
          "Object: signal id (and `integrale_bonus`) → points; 0 when the evidence was already counted through another signal"},
         {"bewijs", T::json, 0, "Object: signal id (and `integrale_bonus`) → the sentence that says why, facts first"},
         {"n_vestigingen", T::integer, 0, "KvK vestigingen active on the address at the peildatum"},
         {"n_meldingen", T::integer, 0, "Meldingen matched to the address"}});
    if (buurt) columns.push_back({"buurt", T::text, 0, "Name of the CBS buurt it lies in (with `--buurten` only)"});
    if (profiel == Profiel::handhaving)
        columns.push_back({"handelsnamen", T::text_list, 0, "Handelsnamen of the active vestigingen (profile `handhaving` only)"});
    return columns;
}

FeatureLayer locaties_layer(const Town& town, const std::vector<Beoordeling>& ranked, Profiel profiel,
                            std::span<const std::string> buurt) {
    const auto make_row = [&town, &ranked, profiel, buurt](std::size_t r) {
        const auto& b = ranked[r];
        const auto& vbo = town.verblijfsobjecten[b.vbo];
        std::vector<std::string> signalen;
        signalen.reserve(b.bijdragen.size());
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
                       make_cells(std::int64_t(r + 1), std::int64_t(b.score), bag_id_text(vbo.id),
                                  town.pand_id(vbo), format_adres(vbo.adres), vbo.adres.postcode,
                                  std::int64_t(vbo.adres.huisnummer), vbo.adres.huisletter, vbo.adres.toevoeging,
                                  format_gebruiksdoelen(vbo.gebruiksdoelen), std::int64_t(vbo.oppervlakte),
                                  std::move(signalen), std::move(bijdragen), std::move(bewijs),
                                  std::int64_t(actieve_vestigingen(town, b.vbo)),
                                  std::int64_t(town.meldingen_per_vbo.of(b.vbo).size()))};
        if (!buurt.empty()) row.cells.push_back(buurt[b.vbo]);
        if (profiel == Profiel::handhaving) {
            std::vector<std::string> namen;
            for (auto v : town.vestigingen_per_vbo.of(b.vbo))
                if (town.vestigingen[v].actief_op(town.peildatum)) namen.push_back(town.vestigingen[v].handelsnaam);
            row.cells.push_back(std::move(namen));
        }
        return row;
    };
    return {"locaties", GeometryType::point, locaties_columns(profiel, !buurt.empty()), ranked.size(), make_row};
}

std::vector<std::string> pand_signalen(const std::vector<Beoordeling>& ranked, const PandScore& pand) {
    std::vector<std::string> ids;
    for (auto r : pand.objecten)
        for (const auto& c : ranked[r].bijdragen)
            if (c.signaal != integrale_bonus_id && std::find(ids.begin(), ids.end(), c.signaal) == ids.end())
                ids.push_back(c.signaal);
    return ids;
}

std::vector<Column> panden_ranking_columns() {
    using T = ColumnType;
    return {{"rang", T::integer, 0, "Position in the ranking of panden, from 1: by score, then more flagged objects, then BAG id"},
            {"score", T::integer, 0, "The score of its highest-ranked verblijfsobject (never a sum)"},
            {"pand_id", T::text, 0, "BAG id of the pand; empty for an object registered without a pand (its own entry)"},
            {"n_objecten", T::integer, 0, "Its flagged verblijfsobjecten"},
            {"bag_ids", T::text_list, 0, "Their BAG ids, by rank"},
            {"adres", T::text, 0, "Address of its highest-ranked object"},
            {"signalen", T::text_list, 0, "Ids of the signals of its flagged objects, each once"}};
}

FeatureLayer panden_ranking_layer(const Town& town, const std::vector<Beoordeling>& ranked,
                                  const std::vector<PandScore>& panden) {
    const auto make_row = [&town, &ranked, &panden](std::size_t k) {
        const auto& pand = panden[k];
        std::vector<std::string> bag_ids;
        for (auto r : pand.objecten) bag_ids.push_back(bag_id_text(town.verblijfsobjecten[ranked[r].vbo].id));
        std::vector<Point> outline;
        if (pand.pand >= 0 && town.panden[static_cast<std::size_t>(pand.pand)].omtrek.size() >= 4)
            outline = town.panden[static_cast<std::size_t>(pand.pand)].omtrek;
        return FeatureRow{std::move(outline),
                          make_cells(std::int64_t(k + 1), std::int64_t(pand.score),
                                     pand.pand < 0 ? std::string() : bag_id_text(town.panden[static_cast<std::size_t>(pand.pand)].id),
                                     std::int64_t(pand.objecten.size()), std::move(bag_ids),
                                     format_adres(town.verblijfsobjecten[ranked[pand.objecten[0]].vbo].adres),
                                     pand_signalen(ranked, pand))};
    };
    return {"panden_ranking", GeometryType::polygon, panden_ranking_columns(), panden.size(), make_row};
}

namespace {

// An integer cell of one row, by column name.
std::int64_t integer_cell(const FeatureLayer& layer, std::size_t row, std::string_view column) {
    for (std::size_t c = 0; c < layer.columns.size(); ++c)
        if (layer.columns[c].name == column) return std::get<std::int64_t>(layer.row(row).cells[c]);
    throw std::logic_error("layer " + layer.name + " has no column " + std::string(column));
}

// The viewer's score bands: four equal bands between the lowest and the highest score. A ranking is in
// rank order, so those are the last row's and the first's: no need to make every row of a made layer.
std::vector<StyleClass> score_bands(const FeatureLayer& layer) {
    static const char* colours[] = {"#fecc5c", "#fd8d3c", "#e31a1c", "#800026"};
    const std::int64_t lo = layer.size() ? integer_cell(layer, layer.size() - 1, "score") : 0;
    const std::int64_t hi = layer.size() ? integer_cell(layer, 0, "score") : 0;
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

std::vector<LayerStyle> run_styles(const std::vector<FeatureLayer>& layers) {
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
    for (const auto& layer : layers) {
        if (layer.name == "locaties" || layer.name == "panden_ranking") {
            styles.push_back({layer.name, qml_graduated("score", layer.geometry, score_bands(layer)),
                              "Score in vier gelijke klassen"});
        } else if (layer.name == "hotspots") {
            std::vector<StyleClass> classes;
            for (const auto& k : klassen)
                classes.push_back({0, 0, std::to_string(k.klasse), k.label, k.colour, k.klasse != 0});
            styles.push_back({layer.name, qml_categorized("klasse", layer.geometry, classes), "Gi*-klasse na FDR"});
        } else if (layer.name == "controles") {
            // In (controledag, volgorde) order: the last row has the last day.
            const std::int64_t last = layer.size() ? integer_cell(layer, layer.size() - 1, "controledag") : 0;
            std::vector<StyleClass> classes;
            for (std::int64_t d = 1; d <= last; ++d)
                classes.push_back({0, 0, std::to_string(d), "controledag " + std::to_string(d), dagen[(d - 1) % 8], true});
            styles.push_back({layer.name, qml_categorized("controledag", layer.geometry, classes), "Controledagen"});
        }
    }
    return styles;
}

std::vector<std::uint32_t> panden_near(const Town& town, std::span<const Point> points, double radius) {
    if (points.empty()) return {};
    const GridIndex index(points, radius);
    // Panden outside the points' extent widened by the radius need no query.
    Point lo = points[0], hi = points[0];
    for (const auto& p : points) {
        lo = {std::min(lo.x, p.x), std::min(lo.y, p.y)};
        hi = {std::max(hi.x, p.x), std::max(hi.y, p.y)};
    }
    std::vector<char> near(town.panden.size(), 0);
    const auto mark = [&](const tbb::blocked_range<std::size_t>& range) {
        std::vector<std::uint32_t> found;
        for (std::size_t i = range.begin(); i < range.end(); ++i) {
            const auto& ring = town.panden[i].omtrek;
            if (ring.size() < 4) continue;
            Point min = ring[0], max = ring[0];
            for (const auto& p : ring) {
                min = {std::min(min.x, p.x), std::min(min.y, p.y)};
                max = {std::max(max.x, p.x), std::max(max.y, p.y)};
            }
            if (min.x > hi.x + radius || max.x < lo.x - radius || min.y > hi.y + radius || max.y < lo.y - radius) continue;
            const Point centre{(min.x + max.x) / 2, (min.y + max.y) / 2};
            index.within(centre, radius + std::sqrt(distance2(centre, max)), found);
            for (auto k : found) {
                const auto& p = points[k];
                const double dx = std::max({min.x - p.x, 0.0, p.x - max.x}), dy = std::max({min.y - p.y, 0.0, p.y - max.y});
                if (dx * dx + dy * dy <= radius * radius) {
                    near[i] = 1;
                    break;
                }
            }
        }
    };
    // Isolated, like feature_table_geojson: the run may write its GeoPackage on a task beside this.
    tbb::this_task_arena::isolate([&] { tbb::parallel_for(tbb::blocked_range<std::size_t>(0, town.panden.size(), 4096), mark); });
    std::vector<std::uint32_t> panden;
    for (std::size_t i = 0; i < near.size(); ++i)
        if (near[i]) panden.push_back(static_cast<std::uint32_t>(i));
    return panden;
}

ViewerSelection viewer_selection(const Town& town, const FeatureTable& locaties, const FeatureTable& controles,
                                 std::size_t max_locaties) {
    ViewerSelection selection;
    selection.locaties = std::min(max_locaties, locaties.rows.size());
    std::vector<Point> shown;
    for (std::size_t r = 0; r < selection.locaties; ++r)
        if (!locaties.rows[r].shape.empty()) shown.push_back(locaties.rows[r].shape.front());
    for (const auto& row : controles.rows)
        if (!row.shape.empty()) shown.push_back(row.shape.front());
    selection.panden = panden_near(town, shown, viewer_basemap_radius);
    return selection;
}

std::string panden_geojson(const Town& town, std::span<const std::uint32_t> panden, const RdToWgs84& to_wgs84) {
    FeatureTable table{"panden", GeometryType::polygon, {{"pand_id", ColumnType::text}, {"bouwjaar", ColumnType::integer}}, {}};
    std::vector<std::uint32_t> drawn;
    for (auto i : panden)
        if (town.panden[i].omtrek.size() >= 4) drawn.push_back(i);
    table.rows.resize(drawn.size());
    const auto simplify = [&](std::size_t k) {
        const auto& pand = town.panden[drawn[k]];
        table.rows[k] = {simplify_ring(pand.omtrek, basemap_tolerance), make_cells(bag_id_text(pand.id), std::int64_t(pand.bouwjaar))};
    };
    tbb::this_task_arena::isolate([&] { tbb::parallel_for(std::size_t{0}, drawn.size(), simplify); });
    return feature_table_geojson(table, to_wgs84);
}

}  // namespace onregel
