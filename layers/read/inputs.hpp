#pragma once
// Reading the inputs into one Town: BAG first (it is what everything is matched against), then KvK,
// meldingen and the optional layers side by side. Every row is used, in the rejects with its reason,
// or counted as deliberately skipped (history, outside the selection).
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "engine/grid_index.hpp"
#include "engine/model.hpp"
#include "layers/read/rejects.hpp"

namespace onregel {

struct InputSources {
    std::string bag;           // bag-light GeoPackage, LV BAG extract (zip, zip of zips, directory), CSV, PG:...
    std::string kvk;           // CSV or Vestigingsprofiel JSON
    std::string meldingen;     // optional: empty when not given
    std::string vergunningen;  // optional
    std::string erkenningen;   // optional
    std::string buurten;       // optional: CBS wijk- en buurtkaart
    std::string uitkomsten;    // optional: results of past controles

    // (layer name, source) for every source given, in this fixed order.
    std::vector<std::pair<std::string, std::string>> given() const {
        std::vector<std::pair<std::string, std::string>> out;
        for (const auto& [name, path] : {std::pair<const char*, const std::string*>{"bag", &bag}, {"kvk", &kvk},
                                         {"meldingen", &meldingen}, {"vergunningen", &vergunningen},
                                         {"erkenningen", &erkenningen}, {"buurten", &buurten}, {"uitkomsten", &uitkomsten}})
            if (!path->empty()) out.emplace_back(name, *path);
        return out;
    }
};

// A rectangle in RD New metres, edges included.
struct Bbox {
    double min_x = 0, min_y = 0, max_x = 0, max_y = 0;
    bool contains(Point p) const { return p.x >= min_x && p.x <= max_x && p.y >= min_y && p.y <= max_y; }
};
// "minx,miny,maxx,maxy" in RD New; throws config_error saying what is wrong.
Bbox parse_bbox(const std::string& text);

struct ReadOptions {
    double match_radius = 10;  // metres: nearest object for rows that only have coordinates
    std::string gemeente;      // 4-digit CBS gemeentecode; empty: the whole BAG input
    std::optional<Bbox> bbox;  // only objects, meldingen and locations inside (RD New)
    std::string input_srs;     // CRS for sources that do not name one (e.g. "EPSG:4326"); empty: RD New
    // A GeoPackage BAG layer is read in FID ranges of this many rows, in parallel. Fixed, not derived
    // from the thread count, so that everything read comes out in the same order however many run.
    std::int64_t gpkg_chunk_rows = 250'000;
    // A CSV file read without OGR is read in pieces of whole lines of about this many bytes, side by side.
    std::size_t csv_piece_bytes = std::size_t{4} << 20;
    // Sources are read without OGR where that gives the same rows: a BAG GeoPackage layer whose
    // geometry is its location, without --bbox, through SQLite (GpkgTable); a plain CSV file (plain_csv)
    // through CsvFile. Off: OGR for everything; the tests compare the two.
    bool direct = true;
    // A required layer (bag, kvk) of which more than this percentage of the rows is rejected is an
    // error (--max-afgewezen): the rows used would give a quiet, wrong result. A handful of rejects is
    // read in rejects.csv, so it takes at least min_afgewezen_fout rejected rows — unless every row is.
    double max_afgewezen = 10;
    std::size_t min_afgewezen_fout = 20;

    bool selects() const { return !gemeente.empty() || bbox.has_value(); }  // --gemeente or --bbox
};

// The records of one object type of a source: rijen = gebruikt + afgewezen + the overgeslagen.
struct Telling {
    std::size_t rijen = 0, gebruikt = 0, afgewezen = 0;
    std::map<std::string, std::size_t> overgeslagen;  // reason -> count
};

// What the manifest and `onregel validate` say about one input layer.
struct LayerStats {
    std::string bron;
    std::string driver;
    std::string crs;       // the source's coordinate system as read (or assumed), "" when it has no locations
    std::string selectie;  // the --gemeente/--bbox filter applied while reading, "" when none
    std::size_t rows = 0;  // rows read
    std::size_t used = 0;  // rows that reached the model
    std::map<std::string, std::size_t> overgeslagen;   // rows deliberately not used, not errors: reason -> count
    std::map<std::string, std::size_t, std::less<>> match_methods;  // used rows per match route (address_index.hpp)
    std::optional<Date> eerste_datum, laatste_datum;   // the dates in the layer's rows
    std::optional<Date> stand;                         // BAG: the date the extract describes, when known
    std::string sbi_versie;                            // kvk: "SBI 2008", "SBI 2025", "gemengd" or "onbekend"
    std::vector<std::string> waarschuwingen;           // Dutch, for people fixing the input
    std::vector<std::string> ook_gelezen;              // files read beside the source (siblings it names), for the manifest's hash
    // BAG: the records of the other files and layers read, per object type, so that every record is
    // counted — LV BAG every file (verblijfsobject, pand, nummeraanduiding, ..., history included), a
    // bag-light source its pand layer. `rows` and the rest above count the addressable objects.
    std::map<std::string, Telling> objecttypen;
    void saw_date(Date d);
    void saw_match(std::string_view route);  // one more row used through `route`
};

// A past controle (--uitkomsten), matched to its verblijfsobject.
struct Uitkomst {
    std::string id;  // the row's bag_id, or its address as written when there is none
    std::int32_t vbo = -1;
    MatchMethod match = MatchMethod::bag_id;
    Date datum = 0;
    bool bevinding = false;  // uitkomst: bevinding | geen_bevinding
    std::string categorie;   // optional
};

struct Inputs {
    Town town;  // linked, peildatum not yet set
    Rejects rejects;
    std::map<std::string, LayerStats> layers;  // by layer name: bag, kvk, meldingen, ...
    std::optional<Date> latest_date;           // the latest date in KvK and meldingen
    // --buurten: per verblijfsobject its CBS buurtcode ("" outside every buurt); empty without --buurten.
    std::vector<std::string> buurt;
    std::map<std::string, std::string> buurtnamen;  // buurtcode -> buurtnaam
    std::vector<Uitkomst> uitkomsten;               // --uitkomsten
    GridIndex vbo_grid;  // the verblijfsobjecten's points in cells of AddressIndex::grid_cell_m
    // Why the inputs cannot be analysed though they were read, in Dutch; "" when they can: no usable
    // verblijfsobject, or a required layer mostly rejected (ReadOptions::max_afgewezen), with its
    // commonest reasons and what to do about them. Reasons and counts only, never a row's values.
    std::string onbruikbaar;
};

Inputs read_inputs(const InputSources& sources, const ReadOptions& options);

// Throws input_error with inputs.onbruikbaar when it is set: `validate` after its report, every
// command that analyses before it starts.
void require_usable(const Inputs& inputs);

}  // namespace onregel
