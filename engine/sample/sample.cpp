#include "sample.hpp"

#include <algorithm>
#include <array>
#include <cmath>

#include "builder.hpp"
#include "engine/errors.hpp"
#include "names.hpp"

namespace onregel::sample {

Chunk Builder::finish(int first_numeric, int numerics, bool null_world) {
    assign_postcodes(first_numeric, numerics);
    if (null_world) {
        // Planted and then dropped, so the background draws exactly what it draws in the normal town
        // (planted hosts stay empty): the two differ only by the planted rows and the re-placements.
        Chunk layout;
        layout.verblijfsobjecten = out_.verblijfsobjecten;
        layout.panden = out_.panden;
        plant();
        out_ = std::move(layout);
        vestiging_vbo_.clear();
    } else {
        plant();
    }
    background_vestigingen();
    background_meldingen();
    background_vergunningen();
    if (null_world) {
        spread_meldingen();
        shuffle_branches();
    }
    std::sort(out_.ground_truth.begin(), out_.ground_truth.end());
    out_.ground_truth.erase(std::unique(out_.ground_truth.begin(), out_.ground_truth.end()), out_.ground_truth.end());
    return std::move(out_);
}

namespace {

// IJsselstein (gemeente 0353): about 16,000 verblijfsobjecten, postcodes 3400-3405, placed at the real
// town with its bedrijventerrein to the west.
TownSpec ijsselstein() {
    TownSpec spec;
    spec.gemeentecode = "0353";
    spec.woonplaats = "IJsselstein";
    spec.centre = {131900, 447300};
    spec.verblijfsobjecten = 16'000;
    spec.bedrijf_direction = 4;
    spec.meldingen_per_vbo = 0.016;
    spec.plant_count = 4;
    return spec;
}

// Rough rectangles over Dutch land (RD New), weighted by how many people live there.
struct Land {
    double x0, y0, x1, y1;
    int weight;
};
constexpr std::array<Land, 9> land = {{
    {75'000, 430'000, 150'000, 475'000, 30},   // Zuid-Holland, Utrecht
    {105'000, 475'000, 135'000, 500'000, 12},  // Amsterdam, Zaanstreek
    {105'000, 500'000, 135'000, 550'000, 5},   // Noord-Holland north
    {150'000, 430'000, 255'000, 480'000, 16},  // Gelderland, Overijssel
    {155'000, 480'000, 255'000, 520'000, 6},   // Flevoland, Zwolle
    {160'000, 535'000, 265'000, 600'000, 9},   // Friesland, Groningen, Drenthe
    {75'000, 380'000, 200'000, 425'000, 18},   // Brabant
    {176'000, 310'000, 205'000, 380'000, 6},   // Limburg
    {30'000, 370'000, 75'000, 405'000, 3},     // Zeeland
}};

// Town sizes (verblijfsobjecten) in roughly the Dutch mix: a few cities, many small towns.
struct Size {
    std::int64_t vbos;
    int weight;
};
constexpr std::array<Size, 8> sizes = {{{250'000, 1}, {120'000, 2}, {60'000, 4}, {30'000, 8},
                                        {15'000, 16}, {7'000, 30}, {3'000, 40}, {1'200, 40}}};

constexpr int postcodes_per_numeric = 300;  // leaves room in the 397 letter pairs

}  // namespace

void generate(const Options& options, const std::function<void(Chunk&)>& sink) {
    Counters counters;
    if (options.scale == 0) {
        Builder town(ijsselstein(), options.seed, counters);
        town.layout();
        Chunk chunk = town.finish(3400, 6, options.null_world);
        sink(chunk);
        return;
    }
    if (options.scale < 1 || options.scale > max_scale)
        throw config_error("--scale must be between 1 and " + std::to_string(max_scale));
    Random rng = Random::stream(options.seed, 0);
    std::int64_t remaining = options.scale;
    int next_numeric = 1000;
    for (std::int64_t n = 0; remaining > 0; ++n) {
        std::int64_t size = std::min(remaining, rng.weighted(std::span<const Size>(sizes)).vbos);
        if (remaining - size < 500) size = remaining;  // no tiny hamlet left over at the end
        const auto& area = rng.weighted(std::span<const Land>(land));
        if (n >= 9000) throw config_error("--scale: too many towns for 4-digit gemeentecodes");
        TownSpec spec;
        spec.gemeentecode = std::to_string(1000 + n);
        spec.woonplaats = woonplaats_name(n);
        spec.centre = {std::round(rng.real(area.x0, area.x1)), std::round(rng.real(area.y0, area.y1))};
        spec.verblijfsobjecten = size;
        spec.bedrijf_direction = rng.below(8);
        spec.meldingen_per_vbo = 0.1;
        spec.plant_rate = 1.0 / 20'000;
        Builder town(std::move(spec), Random::stream(options.seed, static_cast<std::uint64_t>(n) + 1).next(), counters);
        town.layout();
        const int numerics =
            std::max<int>(1, static_cast<int>((town.postcode_blocks() + postcodes_per_numeric - 1) / postcodes_per_numeric));
        if (next_numeric + numerics > 10'000) throw config_error("--scale: the postcode range 1000-9999 is used up");
        Chunk chunk = town.finish(next_numeric, numerics, options.null_world);
        next_numeric += numerics;
        remaining -= static_cast<std::int64_t>(chunk.verblijfsobjecten.size());
        sink(chunk);
    }
}

}  // namespace onregel::sample
