#pragma once
// The per-layer readers behind read_inputs(). Each reads one source, row by row; a row it cannot
// use becomes a reject with a reason from a fixed set and the offending value.
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <tbb/enumerable_thread_specific.h>
#include <tbb/parallel_pipeline.h>
#include <tbb/task_arena.h>
#include <type_traits>
#include <vector>

#include "engine/errors.hpp"

#include "layers/read/address_index.hpp"
#include "layers/read/csv_file.hpp"
#include "layers/source/gdal_source.hpp"
#include "layers/read/inputs.hpp"
#include "layers/read/sources.hpp"

namespace onregel {

// Thrown for a row that is deliberately not used (history, outside the selection): counted, not rejected.
struct RowSkipped {
    const char* reden;
};
inline constexpr const char* buiten_selectie = "buiten selectie (--gemeente/--bbox)";
inline constexpr const char* niet_bezocht = "niet bezocht (datum en uitkomst leeg)";
// A pand, nummeraanduiding, ... that no used verblijfsobject refers to: read, counted, not needed.
inline constexpr const char* niet_nodig = "niet nodig (geen gebruikt verblijfsobject verwijst ernaar)";

// One row: calls parse(row_id); a RowError becomes a reject labelled label(), with the id parse had
// set by then, and a RowSkipped is counted.
template <class Parse, class Label>
void read_row(const std::string& laag, const std::string& bron, Rejects& rejects, LayerStats& stats,
              std::string& row_id, Parse&& parse, Label&& label) {
    ++stats.rows;
    row_id.clear();
    try {
        parse(row_id);
    } catch (RowError& e) {
        rejects.add(laag, bron, label(), row_id, std::move(e));
    } catch (const RowSkipped& s) {
        ++stats.overgeslagen[s.reden];
    }
}

// Reads a whole layer through OGR: calls parse(feature, row_id) per feature, where parse sets row_id
// to the row's own id as soon as it knows it; a RowError becomes a reject with the row label and that id.
template <class Parse>
void read_ogr_rows(GDALDataset& dataset, OGRLayer& layer, const std::string& laag, const std::string& bron,
                   Rejects& rejects, LayerStats& stats, Parse&& parse) {
    stats.bron = bron;
    if (auto* driver = dataset.GetDriver()) stats.driver = driver->GetDescription();
    layer.ResetReading();
    std::string row_id;
    CPLErrorReset();
    for (FeaturePtr feature{layer.GetNextFeature()}; feature; feature.reset(layer.GetNextFeature())) {
        read_row(laag, bron, rejects, stats, row_id, [&](std::string& id) { parse(*feature, id); },
                 [&] { return row_label(dataset, *feature); });
        CPLErrorReset();
    }
    // A reader that stops early must say so: the rows after it would otherwise be lost unseen.
    if (CPLGetLastErrorType() >= CE_Failure)
        throw input_error(bron + ": lezen gestopt na " + std::to_string(stats.rows) + " rijen; GDAL meldt: " + CPLGetLastErrorMsg());
}

// The CSV file behind `layer` when it can be read without OGR (CsvFile::open): options.direct, and a
// plain file through OGR's CSV driver, without geometry, every column text.
std::optional<CsvFile> plain_csv(GDALDataset& dataset, OGRLayer& layer, const std::string& bron, const ReadOptions& options);

// The label of a CSV row in rejects: a broken one by the line it starts on, which is all there is to
// find it by; the others as OGR numbers them.
inline std::string csv_label(std::int64_t number, std::int64_t line, bool broken) {
    return broken ? "regel " + std::to_string(line) : csv_row_label(number);
}

// Reads a whole layer as read_ogr_rows does, with parse taking an OGRFeature& or, for a CSV file that
// is read without OGR (plain_csv), a const CsvRow&: the same rows, ids, rejects and labels.
template <class Parse>
void read_rows(GDALDataset& dataset, OGRLayer& layer, const std::string& laag, const std::string& bron,
               const ReadOptions& options, Rejects& rejects, LayerStats& stats, Parse&& parse) {
    const auto csv = plain_csv(dataset, layer, bron, options);
    if (!csv) return read_ogr_rows(dataset, layer, laag, bron, rejects, stats, parse);
    stats.bron = bron;
    stats.driver = dataset.GetDriver()->GetDescription();
    std::string row_id;
    csv->for_each_row([&](const CsvRow& row) {
        read_row(laag, bron, rejects, stats, row_id,
                 [&](std::string& id) {
                     if (row.broken) throw RowError{*row.broken, ""};
                     parse(row, id);
                 },
                 [&] { return csv_label(row.number, row.line, row.broken.has_value()); });
    });
}

// read_rows with the work of a row split in two, for the large layers: prepare(row) reads and matches
// a row on any thread and must not throw RowError or RowSkipped (it keeps them in what it returns);
// finish(prepared, row_id) then takes the rows in their order on one thread, as read_rows' parse would,
// so rejects, counts and what depends on earlier rows (ids seen before) come out the same. A CSV file
// read without OGR is prepared a piece at a time on all threads; through OGR, row by row in turn.
// expect(rows) hears the number of rows first when the file tells it without reading them through OGR,
// so that finish appends to a vector reserved once: at 10M, doubling the vestigingen made the read's
// peak (old and new buffer alive together) and cost 2 s of first touches on finish's one thread. With
// --gemeente or --bbox (ReadOptions::selects) most rows of a national file are left out: no reserve then.
template <class Prepare, class Finish, class Expect>
void read_rows_parallel(GDALDataset& dataset, OGRLayer& layer, const std::string& laag, const std::string& bron,
                        const ReadOptions& options, Rejects& rejects, LayerStats& stats, Prepare&& prepare, Finish&& finish,
                        Expect&& expect) {
    const auto csv = plain_csv(dataset, layer, bron, options);
    if (!csv)
        return read_ogr_rows(dataset, layer, laag, bron, rejects, stats, [&](OGRFeature& f, std::string& row_id) {
            auto prepared = prepare(f);
            finish(prepared, row_id);
        });
    stats.bron = bron;
    stats.driver = dataset.GetDriver()->GetDescription();
    expect(static_cast<std::size_t>(csv->records()));
    struct Row {
        std::int64_t number, line;
        std::optional<Reden> broken;
        std::optional<std::invoke_result_t<Prepare&, const CsvRow&>> prepared;  // not for a broken row
    };
    using Rows = std::vector<Row>;
    std::size_t next = 0;
    std::string row_id;
    tbb::parallel_pipeline(
        2 * static_cast<std::size_t>(tbb::this_task_arena::max_concurrency()),
        tbb::make_filter<void, std::size_t>(tbb::filter_mode::serial_in_order,
                                            [&](tbb::flow_control& control) -> std::size_t {
                                                if (next == csv->pieces()) control.stop();
                                                return next++;
                                            }) &
            tbb::make_filter<std::size_t, std::shared_ptr<Rows>>(tbb::filter_mode::parallel,
                                                                 [&](std::size_t piece) {
                                                                     auto rows = std::make_shared<Rows>();
                                                                     csv->for_each_row(piece, [&](const CsvRow& row) {
                                                                         rows->push_back({row.number, row.line, row.broken, std::nullopt});
                                                                         if (!row.broken) rows->back().prepared.emplace(prepare(row));
                                                                     });
                                                                     return rows;
                                                                 }) &
            tbb::make_filter<std::shared_ptr<Rows>, void>(tbb::filter_mode::serial_in_order, [&](std::shared_ptr<Rows> rows) {
                for (auto& row : *rows)  // not a structured binding: clang 14 cannot capture one
                    read_row(laag, bron, rejects, stats, row_id,
                             [&](std::string& id) {
                                 if (row.broken) throw RowError{*row.broken, ""};
                                 finish(*row.prepared, id);
                             },
                             [&] { return csv_label(row.number, row.line, row.broken.has_value()); });
            }));
}

// The text of field `column` of a CSV row, cleaned as field_text cleans an OGR field; "" when absent.
std::string field_text(const CsvRow& row, int column);
// A date written in a CSV row, as field_date reads one from text.
std::optional<Date> field_date(const CsvRow& row, int column);

// A date that must not lie in the future (meldingen, uitkomsten): RowError "datum in de toekomst",
// or "ongeldige <field>" when it is no date at all.
std::optional<Date> past_date(OGRFeature& feature, int column, const char* field);
std::optional<Date> past_date(const CsvRow& row, int column, const char* field);

// A ligplaats or standplaats status ("Plaats aangewezen", "Plaats ingetrokken") in the model's terms.
VboStatus plaats_status(std::string_view status);

// The outer ring of a (multi)polygon in RD New, for the offline basemap; empty when there is none.
std::vector<Point> outline(const OGRGeometry* geometry, const ToRd& to_rd);
// The points of `ring` in RD New; those that cannot be converted are left out.
std::vector<Point> ring_in_rd(std::vector<Point> ring, const ToRd& to_rd);

// A location given as x/y (RD, or --input-srs), lon/lat (WGS84) or the layer's geometry (a polygon
// stands for its centroid); nullopt when the row has none of them. Throws RowError for coordinates
// that are broken or outside the Netherlands.
struct PointColumns {
    int x = -1, y = -1, lon = -1, lat = -1;
};
class PointReader {
public:
    PointReader(OGRLayer& layer, const Columns& columns, const std::string& source, const ReadOptions& options);
    std::optional<Point> read(OGRFeature& feature) const;
    std::optional<Point> read(const CsvRow& row) const;  // from x/y or lon/lat: a CsvRow has no geometry
    // A point the caller decoded from the layer's own geometry (GpkgTable), to RD New and checked as by read().
    Point from_geometry(Point raw) const;
    // The layer's geometry is its only location: no x/y or lon/lat columns to fall back on.
    bool geometry_only() const { return has_geometry_ && !from_xy_ && !from_lonlat_; }
    // The coordinate systems in use, for the report: "" when the layer has no locations.
    std::string crs() const;

private:
    Point checked(Point p, const ToRd* transform, std::string written) const;
    template <class Row>
    std::optional<Point> from_columns(Row& row) const;
    PointColumns columns_;
    bool has_geometry_;
    std::unique_ptr<ToRd> from_geometry_, from_xy_, from_lonlat_;
};

// One PointReader per thread: a coordinate transformation may not be shared between threads, nor be
// made from one spatial reference on several at once.
class PointReaders {
public:
    PointReaders(OGRLayer& layer, const Columns& columns, const std::string& source, const ReadOptions& options)
        : per_thread_([&layer, &columns, &source, &options, this] {
              const std::lock_guard lock(making_);
              return std::make_unique<PointReader>(layer, columns, source, options);
          }) {}
    const PointReader& local() { return *per_thread_.local(); }

private:
    std::mutex making_;
    tbb::enumerable_thread_specific<std::unique_ptr<PointReader>> per_thread_;
};

// An address from postcode + huisnummer (+ huisletter + toevoeging) columns.
struct AddressColumns {
    int postcode = -1, huisnummer = -1, huisletter = -1, toevoeging = -1;
    bool present() const { return postcode >= 0 && huisnummer >= 0; }
};
struct WrittenAddress {
    std::string postcode;
    Huisnummer nummer;
};
// nullopt when the row has no address written; RowError when it is written but cannot be parsed.
std::optional<WrittenAddress> read_address(OGRFeature& feature, const AddressColumns& columns);
std::optional<WrittenAddress> read_address(const CsvRow& row, const AddressColumns& columns);
// The same for values already taken from a row (the JSON readers).
std::optional<WrittenAddress> parse_address(const std::string& postcode_text, const std::string& nummer_text,
                                            const std::string& letter, const std::string& toevoeging);

// Finds the object a row is about: bag_id -> address -> coordinates (address_index.hpp). nullopt
// when nothing matches; throw_unmatched then rejects the row saying why (or skips it when it lies
// outside the --gemeente/--bbox selection).
struct Wanted {
    std::string bag_id;
    std::optional<WrittenAddress> adres;
    std::optional<Point> punt;
};
std::optional<Match> locate(const AddressIndex& index, const Wanted& wanted, double radius);
[[noreturn]] void throw_unmatched(const AddressIndex& index, const Wanted& wanted, const ReadOptions& options);


// A spreadsheet turns 16-digit ids into 3.53E+15 or drops the leading zeros: nullopt when `id` looks fine.
std::optional<Reden> bag_id_problem(const std::string& id);
bool is_bag_id(const std::string& id);

// Collects ids that a spreadsheet mangled, for one warning per layer instead of a line per row.
class MangledIds {
public:
    void check(const std::string& id);
    void report(LayerStats& stats, const char* column) const;

private:
    std::size_t count_ = 0;
    std::string example_;
};

}  // namespace onregel
