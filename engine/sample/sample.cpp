#include "sample.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <map>
#include <stdexcept>

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

// The SBI 2025 code a KvK register gave each SBI 2008 code the generator writes: CBS's subclass that took
// over the activity (Eurostat's NACE Rev. 2 -> 2.1 table). Web shops (4791) have no class of their own in
// SBI 2025; the sample gives them intermediation (47910), which fits a home like a web shop does.
std::string to_sbi2025(const std::string& code) {
    static const std::map<std::string, std::string, std::less<>> twins = {
        {"1071", "10710"}, {"2511", "25110"}, {"2562", "25620"}, {"3109", "31000"}, {"3312", "33121"},
        {"4120", "41000"}, {"4321", "43211"}, {"4322", "43221"}, {"4332", "43320"}, {"43341", "43340"},
        {"4399", "43990"}, {"43999", "43990"}, {"4511", "47810"}, {"4520", "95311"}, {"45201", "95312"},
        {"45205", "95316"}, {"4532", "47820"}, {"4639", "46390"}, {"4669", "46649"}, {"4690", "46902"},
        {"4711", "47110"}, {"4719", "47120"}, {"4724", "47241"}, {"4741", "47401"}, {"4742", "47402"},
        {"4752", "47521"}, {"4759", "47551"}, {"4761", "47610"}, {"4764", "47640"}, {"4771", "47713"},
        {"4775", "47750"}, {"4776", "47761"}, {"4777", "47770"}, {"4778", "47789"}, {"47793", "47793"},
        {"4791", "47910"}, {"4941", "49410"}, {"5510", "55101"}, {"56101", "56111"}, {"56102", "56112"},
        {"5621", "56210"}, {"5630", "56300"}, {"6201", "62100"}, {"6202", "62200"}, {"6420", "64210"},
        {"6619", "66199"}, {"6622", "66220"}, {"6831", "68310"}, {"6910", "69101"}, {"6920", "69201"},
        {"70102", "70102"}, {"70221", "70201"}, {"7112", "71120"}, {"7311", "73110"}, {"7410", "74140"},
        {"7420", "74200"}, {"7490", "74990"}, {"7711", "77111"}, {"7820", "78201"}, {"7911", "79110"},
        {"8121", "81210"}, {"8130", "81301"}, {"8299", "82990"}, {"8559", "85599"}, {"8690", "86999"},
        {"8810", "88101"}, {"8891", "88910"}, {"9001", "90110"}, {"9003", "90310"}, {"96021", "96210"},
        {"96022", "96220"}, {"9604", "96230"},
    };
    const auto it = twins.find(code);
    if (it == twins.end()) throw std::logic_error("sample: no SBI 2025 code for SBI 2008 " + code);
    return it->second;
}

void to_sbi2025(Chunk& chunk) {
    for (auto& row : chunk.vestigingen) {
        row.sbi_hoofd = to_sbi2025(row.sbi_hoofd);
        for (auto& code : row.sbi_neven) code = to_sbi2025(code);
    }
}

}  // namespace

void generate(const Options& options, const std::function<void(Chunk&)>& sink) {
    Counters counters;
    if (options.scale == 0) {
        Builder town(ijsselstein(), options.seed, counters);
        town.layout();
        Chunk chunk = town.finish(3400, 6, options.null_world);
        if (options.sbi == SbiVersie::sbi2025) to_sbi2025(chunk);
        sink(chunk);
        return;
    }
    if (options.scale < 1 || options.scale > max_scale)
        throw config_error("--scale moet tussen 1 en " + std::to_string(max_scale) + " liggen");
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
        if (options.sbi == SbiVersie::sbi2025) to_sbi2025(chunk);
        sink(chunk);
    }
}

}  // namespace onregel::sample
