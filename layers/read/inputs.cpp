#include "layers/read/inputs.hpp"

#include <algorithm>
#include <tbb/task_group.h>

#include "engine/errors.hpp"
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

void check_options(const ReadOptions& options) {
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
    if (!lvbag) group.run([&] { read_bag_panden(sources.bag, options, inputs.town); });
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
    town.link();
    return inputs;
}

}  // namespace onregel
