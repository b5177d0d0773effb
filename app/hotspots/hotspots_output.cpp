#include "app/hotspots/hotspots_output.hpp"

#include <algorithm>
#include <limits>

#include "engine/analysis/fdr.hpp"
#include "engine/analysis/getis_ord.hpp"
#include "engine/analysis/hotspot_grid.hpp"
#include "engine/analysis/informatiebeeld.hpp"
#include "engine/analysis/mann_kendall.hpp"
#include "engine/errors.hpp"
#include "engine/signals/meldingen_hotspot.hpp"
#include "layers/read/sources.hpp"

namespace onregel {

namespace {

std::vector<Point> cell_ring(const HotspotGrid& grid, const HotspotCell& c) {
    return square_ring(static_cast<double>(c.column) * grid.cell, static_cast<double>(c.row) * grid.cell, grid.cell);
}

// Mann-Kendall on a cell's yearly series, or none when the data covers too few years for the test.
std::string trend_of(std::span<const double> series) {
    if (series.size() < mann_kendall_min_length) return std::string(trend_woord(std::nullopt));
    return std::string(trend_woord(mann_kendall(series)));
}

}  // namespace

std::vector<Column> meldingen_hotspots_columns() {
    using T = ColumnType;
    return {{"klasse", T::integer, 0,
             "3, 2, 1 when Benjamini–Hochberg significant at q/10, q/2, q (`fdr_q`) with at least `min_meldingen` "
             "meldingen and `min_verhouding` times the expected places; else 0"},
            {"trend", T::text, 0, "Mann–Kendall on the cell's meldingen per year: `stijgend`, `dalend`, `geen` or `te weinig jaren`"},
            {"n_meldingen", T::integer, 0, "Meldingen in the cell up to the peildatum, in categories of positive weight"},
            {"plekken", T::integer, 0, "Distinct places reported: an address, or the point of a melding without one"},
            {"adressen", T::integer, 0, "Verblijfsobjecten in the cell (the exposure)"},
            {"verwacht", T::real, 2, "Places the addresses lead one to expect at the gemeente's own rate"},
            {"verhouding", T::real, 2, "`plekken` / `verwacht`; null for a cell without addresses"},
            {"p", T::p_value, 0, "Poisson upper tail of `plekken` (4 significant digits)"}};
}

MeldingenHotspots meldingen_hotspots(const Town& town, const Policy& policy, const ExcessOptions& options,
                                     Profiel profiel) {
    MeldingenHotspots out{{"hotspots", GeometryType::polygon, meldingen_hotspots_columns(), {}}};
    const auto events = hotspot_events(town, policy);
    if (events.points.empty()) return out;
    const auto grid = meldingen_excess(town, policy, options);
    out.cellen = grid.cells.size();

    // Whole years counted back from the peildatum that begin on or after the first melding: a year that
    // begins earlier lies partly before the data and would look like a rise (as `gebied` counts them).
    const auto year_back = [&](Date datum) { return static_cast<std::size_t>((town.peildatum - datum) * 4 / 1461); };
    Date first = town.peildatum;
    for (auto m : events.meldingen) first = std::min(first, town.meldingen[m].datum);
    const std::size_t years = year_back(first);
    std::vector<double> per_year(grid.cells.size() * years, 0);  // oldest year first
    for (std::size_t e = 0; e < events.points.size(); ++e) {
        const auto k = year_back(town.meldingen[events.meldingen[e]].datum);
        if (k >= years) continue;
        const auto c = static_cast<std::size_t>(grid.find(events.points[e]));
        ++per_year[c * years + (years - 1 - k)];
    }
    for (std::size_t i = 0; i < grid.cells.size(); ++i) {
        const auto& c = grid.cells[i];
        const auto count = static_cast<std::int64_t>(c.count);
        if (profiel == Profiel::loo && count < options.min_observed) {
            ++out.onderdrukt;
            continue;
        }
        // A cell without verblijfsobjecten has no exposure: no expectation and no ratio (NaN is written as null).
        const double verhouding = c.objecten > 0 ? c.bronnen / c.verwacht : std::numeric_limits<double>::quiet_NaN();
        out.table.rows.push_back({cell_ring(grid, c),
                                  {std::int64_t(c.klasse), trend_of({per_year.data() + i * years, years}), count,
                                   std::int64_t(c.bronnen), std::int64_t(c.objecten), c.verwacht, verhouding, c.p}});
    }
    return out;
}

std::vector<Column> point_excess_columns() {
    using T = ColumnType;
    return {{"n_punten", T::integer, 0, "Points in the cell"},
            {"adressen", T::integer, 0, "Verblijfsobjecten of the BAG in the cell"},
            {"verwacht", T::real, 2, "Points the addresses lead one to expect at their gemeente's own rate"},
            {"verhouding", T::real, 2, "`n_punten` / `verwacht`; null for a cell without addresses"},
            {"p", T::p_value, 0, "Poisson upper tail (4 significant digits)"},
            {"klasse", T::integer, 0,
             "3, 2, 1 when Benjamini–Hochberg significant at 0.01, 0.05, 0.10 with at least `min_meldingen` points "
             "and `min_verhouding` times the expected ones (the defaults of `meldingen_hotspot`); else 0"}};
}

FeatureTable point_excess_hotspots(const std::string& source, const std::string& layer_name, const std::string& bag,
                                   const ExcessOptions& options, std::size_t& bag_rejects) {
    Town town;
    std::vector<NevenAdres> nevenadressen;
    Rejects rejects;
    LayerStats stats;
    read_bag(bag, ReadOptions{}, town, nevenadressen, rejects, stats);
    bag_rejects = rejects.rows().size();
    if (town.verblijfsobjecten.empty()) throw input_error(bag + ": geen enkel bruikbaar verblijfsobject");
    const auto events = read_points(source, layer_name, "");
    std::vector<std::uint32_t> gemeente(town.verblijfsobjecten.size());
    for (std::size_t i = 0; i < gemeente.size(); ++i) gemeente[i] = gemeentecode(town.verblijfsobjecten[i].id);
    std::vector<std::uint64_t> place(events.points.size());
    for (std::size_t i = 0; i < place.size(); ++i) place[i] = i;
    const auto grid = excess_hotspots(points_of(town.verblijfsobjecten), gemeente, events.points, place, options);
    FeatureTable table{"hotspots", GeometryType::polygon, point_excess_columns(), {}};
    for (const auto& c : grid.cells) {
        const double verhouding = c.objecten > 0 ? c.bronnen / c.verwacht : std::numeric_limits<double>::quiet_NaN();
        table.rows.push_back({cell_ring(grid, c), {std::int64_t(c.count), std::int64_t(c.objecten), c.verwacht, verhouding, c.p,
                                                   std::int64_t(c.klasse)}});
    }
    return table;
}

std::vector<Column> point_hotspots_columns(bool cells, bool value) {
    using T = ColumnType;
    std::vector<Column> columns;
    if (cells) columns.push_back({"n_punten", T::integer, 0, "Points in the cell (`--cell` > 0 only)"});
    if (value) columns.push_back({"waarde", T::real, 6, "The point's `--value`, or the cell's sum of them (with `--value` only)"});
    columns.insert(columns.end(), {{"z", T::real, cells ? 4 : 6, "Gi* z-score"},
                                   {"p", T::p_value, 0, "Two-sided p of z (4 significant digits)"},
                                   {"klasse", T::integer, 0, "±3, ±2, ±1 when Benjamini–Hochberg significant at 0.01, 0.05, 0.10 (the sign of z: hot or cold); else 0"}});
    return columns;
}

FeatureTable point_hotspots(const std::string& source, const std::string& layer_name, const std::string& value_column,
                            double cell, double band) {
    if (cell < 0) throw config_error("--cell moet 0 (de punten zelf) of een positieve celgrootte zijn");
    if (cell == 0 && value_column.empty()) throw config_error("--cell 0 vraagt --value: Gi* vergelijkt de waarden van de punten");
    const auto [points, values] = read_points(source, layer_name, value_column);

    FeatureTable table{"hotspots", cell > 0 ? GeometryType::polygon : GeometryType::point,
                       point_hotspots_columns(cell > 0, !value_column.empty()), {}};
    if (cell == 0) {
        const auto gi = getis_ord(points, values, band, true);
        const auto classes = hotspot_classes(gi.z, gi.p, true);
        for (std::size_t i = 0; i < points.size(); ++i)
            table.rows.push_back({{points[i]}, {values[i], gi.z[i], gi.p[i], std::int64_t(classes[i])}});
        return table;
    }
    const auto grid = grid_hotspots(points, points, values, cell, band);
    std::vector<std::int64_t> count(grid.cells.size(), 0);
    for (const auto& p : points) ++count[static_cast<std::size_t>(grid.find(p))];
    for (std::size_t i = 0; i < grid.cells.size(); ++i) {
        const auto& c = grid.cells[i];
        FeatureRow row{cell_ring(grid, c), {count[i]}};
        if (!value_column.empty()) row.cells.emplace_back(c.count);
        row.cells.emplace_back(c.z);
        row.cells.emplace_back(c.p);
        row.cells.emplace_back(std::int64_t(c.klasse));
        table.rows.push_back(std::move(row));
    }
    return table;
}

}  // namespace onregel
