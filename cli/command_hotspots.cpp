#include "command_hotspots.hpp"

#include <iostream>
#include <memory>

#include "app/hotspots/hotspots.hpp"
#include "checks.hpp"
#include "engine/text.hpp"

namespace onregel::cli {

namespace {

void print_summary(const HotspotsOptions& options, const HotspotsSummary& s) {
    const auto rows = static_cast<std::int64_t>(s.rows);
    const auto hot = static_cast<std::int64_t>(s.hot);
    if (s.overschot) {
        std::cout << count_text(rows, "cel", "cellen") << ": " << hot
                  << " met meer punten dan de adressen doen verwachten (na FDR).";
        if (s.bag_rejects > 0)
            std::cout << " " << count_text(static_cast<std::int64_t>(s.bag_rejects), "BAG-rij", "BAG-rijen")
                      << " niet gebruikt (zie onregel validate).";
    } else {
        std::cout << (s.cells ? count_text(rows, "cel", "cellen") : count_text(rows, "punt", "punten")) << ": " << hot
                  << " hotspot, " << s.cold << " coldspot (na FDR).";
    }
    std::cout << " Geschreven: " << options.out.string() << "\n";
}

}  // namespace

void add_hotspots_command(CLI::App& app) {
    auto args = std::make_shared<HotspotsOptions>();
    auto* cmd =
        app.add_subcommand("hotspots",
                           "Hot spots of any point layer on a grid: more points than the addresses of a BAG lead one to expect "
                           "(the test of meldingen_hotspot), or Getis-Ord Gi* on the counts (--methode gi)");
    cmd->add_option("--input", args->input, "Point source (any OGR source; x/y in RD New or lon/lat columns also work)")
        ->required();
    cmd->add_option("--layer", args->layer, "Layer name (default: the first layer)");
    cmd->add_option("--methode", args->methode,
                    "overschot: points against the verblijfsobjecten of --bag, each gemeente its own reference (Poisson, "
                    "FDR); gi: Getis-Ord Gi* on the counts, without exposure")
        ->capture_default_str()
        ->check(one_of({"overschot", "gi"}));
    cmd->add_option("--bag", args->bag, "With --methode overschot: the BAG source whose verblijfsobjecten are the exposure");
    cmd->add_option("--value", args->value,
                    "With --methode gi: numeric column to sum per cell, or to compare with --cell 0 (default: count points)");
    cmd->add_option("--cell", args->cell,
                    "Grid cell size in metres; with --methode gi, 0: Gi* on the points themselves (needs --value)")
        ->capture_default_str()
        ->check(non_negative_number());
    cmd->add_option("--band", args->band, "With --methode gi: distance band in metres; cells or points within it are neighbours")
        ->capture_default_str()
        ->check(positive_number());
    cmd->add_option("--out", args->out, "Output file: .geojson (WGS84), .csv (RD New x, y) or .gpkg (RD New)")->required();
    cmd->callback([args] { print_summary(*args, run_hotspots(*args)); });
}

}  // namespace onregel::cli
