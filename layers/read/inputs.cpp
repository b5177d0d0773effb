#include "layers/read/inputs.hpp"

#include <algorithm>
#include <cmath>
#include <tbb/task_group.h>

#include "engine/errors.hpp"
#include "engine/text.hpp"
#include "layers/read/readers.hpp"
#include "layers/store/files.hpp"

namespace onregel {

namespace {

// Each layer reads into its own Town part and Rejects, merged in a fixed order afterwards, so the
// result does not depend on which reader finished first.
struct LayerRead {
    Town part;
    Rejects rejects;
    LayerStats stats;
};

void append(Rejects& into, const Rejects& from) {
    for (const auto& r : from.rows()) into.add(r);
}

std::string percent(std::size_t part, std::size_t whole) {
    return format_decimal_nl(100.0 * static_cast<double>(part) / static_cast<double>(whole), 1) + " %";
}

// The reasons the inputs cannot be analysed (Inputs::onbruikbaar).
std::string unusable(const Inputs& inputs, const InputSources& sources, const ReadOptions& options) {
    std::string out;
    const double whole = std::round(options.max_afgewezen);
    const std::string limit = format_decimal_nl(options.max_afgewezen, whole == options.max_afgewezen ? 0 : 1);
    for (const auto& [layer, source] : {std::pair{"bag", &sources.bag}, {"kvk", &sources.kvk}}) {
        const auto it = inputs.layers.find(layer);
        if (it == inputs.layers.end()) continue;
        // Rows skipped on purpose (history, outside --gemeente/--bbox) are no part of the share.
        std::size_t skipped = 0;
        for (const auto& [reden, n] : it->second.overgeslagen) skipped += n;
        const std::size_t rows = it->second.rows - skipped, rejected = inputs.rejects.count(layer);
        // A file of which every row is rejected is an error however short it is: nothing of it is used
        // (unless --max-afgewezen 100 allows everything).
        const bool all = rows > 0 && rejected == rows && options.max_afgewezen < 100;
        if (!all && (rejected < options.min_afgewezen_fout ||
                     100.0 * static_cast<double>(rejected) <= options.max_afgewezen * static_cast<double>(rows)))
            continue;
        std::map<std::string, std::pair<std::size_t, Reden>> by_text;
        for (const auto& r : inputs.rejects.rows())
            if (r.laag == layer) ++by_text.try_emplace(r.tekst(), 0, r.reden).first->second.first;
        std::vector<std::pair<std::string, std::pair<std::size_t, Reden>>> reasons(by_text.begin(), by_text.end());
        std::stable_sort(reasons.begin(), reasons.end(), [](const auto& a, const auto& b) { return a.second.first > b.second.first; });
        if (!out.empty()) out += "\n";
        out += *source + ": " + std::to_string(rejected) + " van de " + std::to_string(rows) + " rijen afgewezen (" +
               percent(rejected, rows) + ", meer dan " + limit + " %" +
               (skipped ? "; " + std::to_string(skipped) + " overgeslagen rijen niet meegeteld" : "") + "). Meest voorkomende redenen:";
        for (std::size_t i = 0; i < reasons.size() && i < 3; ++i)
            out += "\n  " + std::to_string(reasons[i].second.first) + "x " + reasons[i].first + ": " +
                   std::string(info(reasons[i].second.second).advies);
        out += "\nHerstel de invoer (alle afgewezen rijen: onregel validate), of sta meer afwijzingen toe met --max-afgewezen.";
    }
    if (inputs.town.verblijfsobjecten.empty()) {
        if (!out.empty()) out += "\n";
        out += sources.bag + ": geen enkel bruikbaar verblijfsobject (zie de afgewezen rijen)";
    }
    return out;
}

void check_options(const ReadOptions& options) {
    if (!(options.max_afgewezen >= 0 && options.max_afgewezen <= 100))
        throw config_error("--max-afgewezen " + format_decimal_nl(options.max_afgewezen, 1) + ": verwacht een percentage van 0 tot en met 100");
    if (!options.gemeente.empty() &&
        (options.gemeente.size() != 4 || options.gemeente.find_first_not_of("0123456789") != std::string::npos))
        throw config_error("--gemeente " + options.gemeente + ": verwacht de CBS-gemeentecode van 4 cijfers, bijvoorbeeld 0221 voor Doesburg");
    if (!options.input_srs.empty()) {
        OGRSpatialReference srs;
        if (srs.SetFromUserInput(options.input_srs.c_str()) != OGRERR_NONE)
            throw config_error("--input-srs " + options.input_srs + ": geen coördinatenstelsel dat GDAL kent (probeer EPSG:4326)");
    }
}

// A BAG that is older than the newest KvK registration misses the addresses made since.
void warn_about_age(Inputs& inputs) {
    auto bag = inputs.layers.find("bag"), kvk = inputs.layers.find("kvk");
    if (bag == inputs.layers.end() || kvk == inputs.layers.end()) return;
    const auto& stand = bag->second.stand;
    const auto& nieuwste = kvk->second.laatste_datum;
    if (stand && nieuwste && *nieuwste > *stand + 31)
        bag->second.waarschuwingen.push_back("De BAG (stand " + format_date(*stand) +
                                             ") is ouder dan de nieuwste datum in de KvK-gegevens (" + format_date(*nieuwste) +
                                             "): adressen van daarna ontbreken, vestigingen daar worden afgewezen. "
                                             "Gebruik een recentere BAG-levering.");
}

}  // namespace

void LayerStats::saw_date(Date d) {
    eerste_datum = std::min(eerste_datum.value_or(d), d);
    laatste_datum = std::max(laatste_datum.value_or(d), d);
}

// Looked up without making a string: once per row, millions of rows.
void LayerStats::saw_match(std::string_view route) {
    if (const auto it = match_methods.find(route); it != match_methods.end()) ++it->second;
    else match_methods.emplace(route, 1);
}

Bbox parse_bbox(const std::string& text) {
    double v[4];
    std::size_t start = 0;
    for (int i = 0; i < 4; ++i) {
        const auto cut = text.find(',', start);
        if ((cut == std::string::npos) != (i == 3)) break;
        const auto n = parse_number(text.substr(start, cut == std::string::npos ? std::string::npos : cut - start));
        if (!n) break;
        v[i] = *n;
        if (i == 3) {
            const Bbox box{v[0], v[1], v[2], v[3]};
            if (box.min_x >= box.max_x || box.min_y >= box.max_y)
                throw config_error("--bbox " + text + ": minx moet kleiner zijn dan maxx en miny kleiner dan maxy");
            if (!inside_netherlands({box.min_x, box.min_y}) || !inside_netherlands({box.max_x, box.max_y}))
                throw config_error("--bbox " + text + ": niet in RD New-meters (bijvoorbeeld 206000,446000,208000,448000)");
            return box;
        }
        start = cut + 1;
    }
    throw config_error("--bbox " + text + ": verwacht minx,miny,maxx,maxy in RD New-meters, bijvoorbeeld 206000,446000,208000,448000");
}

Inputs read_inputs(const InputSources& sources, const ReadOptions& options) {
    register_gdal_once();
    check_options(options);
    for (const auto& [layer, source] : sources.given()) check_not_special(source);
    Inputs inputs;
    std::vector<NevenAdres> nevenadressen;
    const bool lvbag = is_lvbag_extract(sources.bag);
    if (lvbag)
        read_lvbag(sources.bag, options, inputs.town, nevenadressen, inputs.rejects, inputs.layers["bag"]);
    else
        read_bag(sources.bag, options, inputs.town, nevenadressen, inputs.rejects, inputs.layers["bag"]);

    // The other layers are matched against the verblijfsobjecten; the panden are only completed.
    LayerRead kvk, meldingen, vergunningen, erkenningen, buurten, uitkomsten;
    tbb::task_group group;
    if (!lvbag) {
        auto& panden = inputs.layers["bag"].objecttypen["pand"];  // before the other readers run: the map is not touched meanwhile
        group.run([&] { read_bag_panden(sources.bag, options, inputs.town, panden); });
    }
    AddressIndex index(inputs.town.verblijfsobjecten, nevenadressen);
    group.run([&] { read_kvk(sources.kvk, index, options, kvk.part, kvk.rejects, kvk.stats); });
    if (!sources.meldingen.empty())
        group.run([&] { read_meldingen(sources.meldingen, index, options, meldingen.part, meldingen.rejects, meldingen.stats); });
    if (!sources.vergunningen.empty())
        group.run([&] { read_vergunningen(sources.vergunningen, index, options, vergunningen.part, vergunningen.rejects, vergunningen.stats); });
    if (!sources.erkenningen.empty())
        group.run([&] { read_erkenningen(sources.erkenningen, index, options, erkenningen.part, erkenningen.rejects, erkenningen.stats); });
    if (!sources.buurten.empty())
        group.run([&] {
            read_buurten(sources.buurten, inputs.town.verblijfsobjecten, options, inputs.buurt, inputs.buurtnamen,
                         buurten.rejects, buurten.stats);
        });
    if (!sources.uitkomsten.empty())
        group.run([&] { read_uitkomsten(sources.uitkomsten, index, options, inputs.uitkomsten, uitkomsten.rejects, uitkomsten.stats); });
    group.wait();
    inputs.vbo_grid = std::move(index).release_grid();

    Town& town = inputs.town;
    town.vestigingen = std::move(kvk.part.vestigingen);
    town.meldingen = std::move(meldingen.part.meldingen);
    town.vergunningen = std::move(vergunningen.part.vergunningen);
    town.has_vergunningen = vergunningen.part.has_vergunningen;
    town.erkenningen = std::move(erkenningen.part.erkenningen);
    town.has_erkenningen = erkenningen.part.has_erkenningen;
    const std::pair<const char*, LayerRead*> parts[] = {
        {"kvk", &kvk}, {"meldingen", &meldingen}, {"vergunningen", &vergunningen},
        {"erkenningen", &erkenningen}, {"buurten", &buurten}, {"uitkomsten", &uitkomsten}};
    const std::string* given[] = {&sources.kvk, &sources.meldingen, &sources.vergunningen,
                                  &sources.erkenningen, &sources.buurten, &sources.uitkomsten};
    for (std::size_t i = 0; i < std::size(parts); ++i) {
        if (given[i]->empty()) continue;
        inputs.layers[parts[i].first] = std::move(parts[i].second->stats);
        append(inputs.rejects, parts[i].second->rejects);
    }

    for (const auto& v : town.vestigingen)
        for (const auto& d : {v.aanvang, v.einde})
            if (d) inputs.latest_date = std::max(inputs.latest_date.value_or(*d), *d);
    for (const auto& m : town.meldingen) inputs.latest_date = std::max(inputs.latest_date.value_or(m.datum), m.datum);
    warn_about_age(inputs);
    inputs.onbruikbaar = unusable(inputs, sources, options);
    town.link();
    return inputs;
}

void require_usable(const Inputs& inputs) {
    if (!inputs.onbruikbaar.empty()) throw input_error(inputs.onbruikbaar);
}

}  // namespace onregel
