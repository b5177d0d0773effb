#include "command_hotspots.hpp"

#include <iostream>
#include <memory>
#include <unistd.h>

#include "engine/errors.hpp"
#include "layers/source/crs.hpp"
#include "layers/gpkg/gpkg_writer.hpp"
#include "layers/store/files.hpp"
#include "app/hotspots/hotspots_output.hpp"

namespace onregel::cli {

namespace {

struct HotspotsArguments {
    std::string input, layer, value, bag, methode = "overschot";
    double cell = 100, band = 300;
    std::filesystem::path out;
};

}  // namespace

void add_hotspots_command(CLI::App& app) {
    auto args = std::make_shared<HotspotsArguments>();
    auto* cmd = app.add_subcommand(
        "hotspots", "Hot spots of any point layer on a grid: more points than the addresses of a BAG lead one to expect "
                    "(the test of meldingen_hotspot), or Getis-Ord Gi* on the counts (--methode gi)");
    cmd->add_option("--input", args->input, "Point source (any OGR source; x/y in RD New or lon/lat columns also work)")->required();
    cmd->add_option("--layer", args->layer, "Layer name (default: the first layer)");
    cmd->add_option("--methode", args->methode,
                    "overschot: points against the verblijfsobjecten of --bag, each gemeente its own reference (Poisson, "
                    "FDR); gi: Getis-Ord Gi* on the counts, without exposure")
        ->capture_default_str()->check(CLI::IsMember({"overschot", "gi"}));
    cmd->add_option("--bag", args->bag, "With --methode overschot: the BAG source whose verblijfsobjecten are the exposure");
    cmd->add_option("--value", args->value, "With --methode gi: numeric column to sum per cell, or to compare with --cell 0 (default: count points)");
    cmd->add_option("--cell", args->cell, "Grid cell size in metres; with --methode gi, 0: Gi* on the points themselves (needs --value)")->capture_default_str()->check(CLI::NonNegativeNumber);
    cmd->add_option("--band", args->band, "With --methode gi: distance band in metres; cells or points within it are neighbours")->capture_default_str()->check(CLI::PositiveNumber);
    cmd->add_option("--out", args->out, "Output file: .geojson (WGS84), .csv (RD New x, y) or .gpkg (RD New)")->required();
    cmd->callback([args] {
        const auto extension = args->out.extension().string();
        if (extension != ".geojson" && extension != ".json" && extension != ".csv" && extension != ".gpkg")
            throw config_error("--out " + args->out.string() + ": verwacht een bestandsnaam op .geojson, .csv of .gpkg");
        const bool overschot = args->methode == "overschot";
        if (overschot && args->bag.empty())
            throw config_error("--methode overschot (de standaard) vergelijkt de punten met de adressen: geef --bag, "
                               "of kies --methode gi voor Gi* op de aantallen");
        if (overschot && !args->value.empty()) throw config_error("--value hoort bij --methode gi");
        std::size_t bag_rejects = 0;
        const auto table = overschot ? point_excess_hotspots(args->input, args->layer, args->bag, {.cell = args->cell}, bag_rejects)
                                     : point_hotspots(args->input, args->layer, args->value, args->cell, args->band);
        // Written beside --out and renamed onto it: a link there is replaced, not written through, and
        // no one reads half a file.
        auto temporary = args->out;
        temporary += ".tmp-" + std::to_string(::getpid());
        try {
            if (extension == ".csv") write_private_file(temporary, feature_table_csv(table, true));
            // No peildatum here: a fixed timestamp keeps the same input giving the same file.
            else if (extension == ".gpkg") write_gpkg(temporary, {table}, run_styles({table}), "1970-01-01T00:00:00.000Z");
            else write_geojson(temporary, table, RdToWgs84());
            std::filesystem::rename(temporary, args->out);
        } catch (...) {
            std::error_code ignored;
            std::filesystem::remove(temporary, ignored);
            throw;
        }
        int hot = 0, cold = 0;
        for (const auto& row : table.rows) {
            const auto klasse = std::get<std::int64_t>(row.cells.back());
            hot += klasse > 0;
            cold += klasse < 0;
        }
        if (overschot) {
            std::cout << table.rows.size() << " cellen: " << hot << " met meer punten dan de adressen doen verwachten (na FDR).";
            if (bag_rejects > 0) std::cout << " " << bag_rejects << " BAG-rijen niet gebruikt (zie onregel validate).";
        } else {
            std::cout << table.rows.size() << (args->cell > 0 ? " cellen" : " punten") << ": " << hot << " hotspot, " << cold
                      << " coldspot (na FDR).";
        }
        std::cout << " Geschreven: " << args->out.string() << "\n";
    });
}

}  // namespace onregel::cli
