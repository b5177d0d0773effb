#include "app/hotspots/hotspots.hpp"

#include <unistd.h>

#include "app/hotspots/hotspots_output.hpp"
#include "engine/errors.hpp"
#include "engine/signals/meldingen_hotspot.hpp"
#include "layers/gpkg/gpkg_writer.hpp"
#include "layers/source/crs.hpp"
#include "layers/store/files.hpp"

namespace onregel {

namespace {

// The meldingen_hotspot signal's test, on cells of `cell` metres.
ExcessOptions excess_options(double cell) {
    auto excess = meldingen_hotspot_defaults();
    excess.cell = cell;
    return excess;
}

}  // namespace

HotspotsSummary run_hotspots(const HotspotsOptions& options) {
    const auto extension = options.out.extension().string();
    if (extension != ".geojson" && extension != ".json" && extension != ".csv" && extension != ".gpkg")
        throw config_error("--out " + options.out.string() + ": verwacht een bestandsnaam op .geojson, .csv of .gpkg");
    HotspotsSummary summary;
    summary.overschot = options.methode == "overschot";
    summary.cells = options.cell > 0;
    if (summary.overschot && options.bag.empty())
        throw config_error(
            "--methode overschot (de standaard) vergelijkt de punten met de adressen: geef --bag, "
            "of kies --methode gi voor Gi* op de aantallen");
    if (summary.overschot && !options.value.empty()) throw config_error("--value hoort bij --methode gi");
    if (!summary.cells && (summary.overschot || options.value.empty()))
        throw config_error(
            "--cell 0 (Gi* op de punten zelf) hoort bij --methode gi en vraagt --value: de waarden die "
            "Gi* vergelijkt");
    const auto table =
        summary.overschot
            ? point_excess_hotspots(options.input, options.layer, options.bag, excess_options(options.cell), summary.bag_rejects)
            : point_hotspots(options.input, options.layer, options.value, options.cell, options.band);
    auto temporary = options.out;
    temporary += ".tmp-" + std::to_string(::getpid());
    try {
        if (extension == ".csv") write_private_file(temporary, feature_table_csv(table, true));
        // No peildatum here: a fixed timestamp keeps the same input giving the same file.
        else if (extension == ".gpkg")
            write_gpkg(temporary, {table}, run_styles({table}), "1970-01-01T00:00:00.000Z");
        else
            write_geojson(temporary, table, RdToWgs84());
        std::filesystem::rename(temporary, options.out);
    } catch (...) {
        std::error_code ignored;
        std::filesystem::remove(temporary, ignored);
        throw;
    }
    summary.rows = table.rows.size();
    for (const auto& row : table.rows) {
        const auto klasse = std::get<std::int64_t>(row.cells.back());
        summary.hot += klasse > 0;
        summary.cold += klasse < 0;
    }
    return summary;
}

}  // namespace onregel
