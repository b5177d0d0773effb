// BAG from any OGR source with the bag-light column names: PDOK's bag-light.gpkg (verblijfsobject,
// ligplaats, standplaats, pand), a CSV with x/y, a PostGIS table.
#include <algorithm>
#include <limits>
#include <optional>
#include <tbb/parallel_for.h>
#include <tbb/parallel_sort.h>
#include <unordered_map>

#include "engine/errors.hpp"
#include "layers/gpkg/gpkg_table.hpp"
#include "layers/read/readers.hpp"

namespace onregel {

namespace {

// A row of a BAG layer as the parsers below read it: through OGR, from any source ...
struct OgrRow {
    OGRFeature& feature;
    const PointReader* points;  // null for the pand layer, whose geometry is an outline
    std::string_view text(int c, std::string& scratch) const { return field_view(feature, c, scratch); }
    std::optional<std::int64_t> integer(int c, std::string& scratch) const { return field_integer(feature, c, scratch); }
    std::optional<Point> point() const { return points->read(feature); }
    std::vector<Point> outline(const ToRd& to_rd) const { return onregel::outline(feature.GetGeometryRef(), to_rd); }
};

// ... or straight from a GeoPackage table, column c being the c-th column GpkgTable selected.
struct GpkgRow {
    const GpkgTable& table;
    const PointReader* points;  // null for the pand layer, whose geometry is an outline
    const std::vector<std::string>& names;  // of the selected columns, for messages
    int geometry;
    std::string_view text(int c, std::string& scratch) const {
        return c < 0 ? std::string_view() : clean_field(table.text(c), names[static_cast<std::size_t>(c)], scratch);
    }
    std::optional<std::int64_t> integer(int c, std::string& scratch) const {
        if (c < 0) return std::nullopt;
        if (const auto v = table.integer(c)) return v;
        return parse_integer_field(text(c, scratch));
    }
    std::optional<Point> point() const {
        const auto raw = gpkg_point(table.blob(geometry));
        return raw ? std::optional<Point>(points->from_geometry(*raw)) : std::nullopt;
    }
    std::vector<Point> outline(const ToRd& to_rd) const { return ring_in_rd(gpkg_outer_ring(table.blob(geometry)), to_rd); }
};

template <class Row>
std::string text_of(const Row& row, int c) {
    std::string scratch;
    const auto text = row.text(c, scratch);
    return text.data() == scratch.data() ? scratch : std::string(text);
}

template <class Row>
std::int32_t read_int(const Row& row, int column, const char* field, bool required, std::string& scratch) {
    std::optional<std::int64_t> v;
    try {
        v = row.integer(column, scratch);
    } catch (const RowError& e) {
        throw RowError{Reden::geen_geheel_getal, e.waarde, field};
    }
    if (!v) {
        if (required) throw RowError{Reden::veld_ontbreekt, "", field};
        return 0;
    }
    if (*v < -2'000'000'000 || *v > 2'000'000'000) throw RowError{Reden::geen_geheel_getal, std::to_string(*v), field};
    return static_cast<std::int32_t>(*v);  // the caller judges the sign
}

bool is_rd(const OGRSpatialReference* srs, const ReadOptions& options) {
    if (!srs) return options.input_srs.empty();
    const char* code = srs->GetAuthorityCode(nullptr);
    return code && std::string(code) == "28992";
}

// --gemeente as an attribute filter and --bbox as a spatial filter, so a national GeoPackage is
// not read row by row for one town. Rows the filters let through are checked exactly afterwards.
struct Selection {
    std::string filter;    // OGR SQL attribute filter, "" for none
    std::string selectie;  // for the manifest
};
Selection select_rows(OGRLayer& layer, const Columns& columns, const ReadOptions& options) {
    Selection s;
    if (!options.gemeente.empty()) {
        const int c = columns.required("bronhouder_identificatie");
        const std::string name = layer.GetLayerDefn()->GetFieldDefn(c)->GetNameRef();
        s.filter = "\"" + name + "\" = '" + options.gemeente + "'";
        s.selectie = name + " = " + options.gemeente;
    }
    if (options.bbox) s.selectie += std::string(s.selectie.empty() ? "" : ", ") + "bbox";
    return s;
}

void apply_selection(OGRLayer& layer, const std::string& filter, const ReadOptions& options, const std::string& source) {
    if (!filter.empty() && layer.SetAttributeFilter(filter.c_str()) != OGRERR_NONE)
        throw input_error(source + ": laag '" + layer.GetName() + "': selectie niet uit te voeren: " + filter);
    if (options.bbox && layer.GetGeomType() != wkbNone && is_rd(layer.GetSpatialRef(), options))
        layer.SetSpatialFilterRect(options.bbox->min_x, options.bbox->min_y, options.bbox->max_x, options.bbox->max_y);
}

using FidRange = std::pair<GIntBig, GIntBig>;

// A GeoPackage layer is read in FID ranges, each through its own connection, in parallel; any other
// source (CSV, PostGIS, ...) as one range.
std::vector<FidRange> fid_ranges(GDALDataset& dataset, OGRLayer& layer, GIntBig chunk_rows) {
    const auto* driver = dataset.GetDriver();
    const std::string fid = layer.GetFIDColumn();
    if (!driver || !EQUAL(driver->GetDescription(), "GPKG") || fid.empty()) return {{-1, -1}};
    // Two queries, because SQLite reads just one end of the fid's B-tree only for a lone MIN or MAX;
    // together they visited every row (1.3 s at 10M, before the parallel read could start).
    const std::string table = "FROM \"" + std::string(layer.GetName()) + "\"";
    const std::string sql = "SELECT (SELECT MIN(\"" + fid + "\") " + table + "), (SELECT MAX(\"" + fid + "\") " + table + ")";
    OGRLayer* result = dataset.ExecuteSQL(sql.c_str(), nullptr, nullptr);
    if (!result) return {{-1, -1}};
    GIntBig lo = 0, hi = -1;
    if (FeaturePtr f{result->GetNextFeature()}; f && f->IsFieldSetAndNotNull(0)) {
        lo = f->GetFieldAsInteger64(0);
        hi = f->GetFieldAsInteger64(1);
    }
    dataset.ReleaseResultSet(result);
    std::vector<FidRange> ranges;
    for (GIntBig from = lo; from <= hi; from += chunk_rows) ranges.emplace_back(from, std::min(hi, from + chunk_rows - 1));
    if (ranges.empty()) ranges.emplace_back(-1, -1);
    return ranges;
}

// Calls read(k, dataset, layer) for range k of fid_ranges(), the layer filtered by `filter` (and
// --bbox) and the range: in parallel for a GeoPackage, each range through its own connection
// (SQLite connections are not shared between threads).
template <class Read>
void read_ranges(const std::string& source, GDALDataset& dataset, OGRLayer& layer, const std::string& filter,
                 const ReadOptions& options, const std::vector<FidRange>& ranges, Read&& read) {
    const std::string layer_name = layer.GetName();
    auto one = [&](std::size_t k, GDALDataset& ds, OGRLayer& lyr) {
        std::string where = filter;
        if (const auto [from, to] = ranges[k]; from >= 0) {
            const std::string range = "\"" + std::string(lyr.GetFIDColumn()) + "\" BETWEEN " + std::to_string(from) +
                                      " AND " + std::to_string(to);
            where = where.empty() ? range : "(" + where + ") AND " + range;
        }
        apply_selection(lyr, where, options, source);
        read(k, ds, lyr);
    };
    if (ranges.size() == 1) return one(0, dataset, layer);
    tbb::parallel_for(std::size_t{0}, ranges.size(), [&](std::size_t k) {
        auto own = open_vector(source, {}, "GPKG");
        one(k, *own, pick_layer(*own, layer_name, source));
    });
}

// Whether `layer` can be read straight through SQLite (GpkgTable): a GeoPackage table whose rows SQL
// alone selects (no --bbox), with a geometry column of `type` (or its multi- form).
bool direct_read(const std::string& source, GDALDataset& dataset, OGRLayer& layer, const ReadOptions& options,
                 OGRwkbGeometryType type) {
    const auto* driver = dataset.GetDriver();
    const auto geometry = wkbFlatten(layer.GetGeomType());
    std::error_code no_file;  // a /vsizip/ or other GDAL path is for OGR
    return options.direct && !options.bbox && driver && EQUAL(driver->GetDescription(), "GPKG") &&
           std::filesystem::is_regular_file(source, no_file) &&
           *layer.GetFIDColumn() && *layer.GetGeometryColumn() &&
           (geometry == type || geometry == OGR_GT_GetCollection(type));
}

// The columns a direct read selects: the OGR fields named by `fields` (renumbered here to their place
// in the selection; -1 stays absent), then the geometry.
std::vector<std::string> selected_columns(OGRLayer& layer, std::initializer_list<int*> fields) {
    std::vector<std::string> names;
    for (int* c : fields) {
        if (*c < 0) continue;
        names.emplace_back(layer.GetLayerDefn()->GetFieldDefn(*c)->GetNameRef());
        *c = static_cast<int>(names.size()) - 1;
    }
    names.emplace_back(layer.GetGeometryColumn());
    return names;
}

// read_ranges straight through SQLite: calls read(k, table) for range k, `table` selecting `names` of
// the rows that satisfy `filter`, each range on its own connection.
template <class Read>
void read_gpkg_ranges(const std::string& source, OGRLayer& layer, const std::string& filter,
                      const std::vector<FidRange>& ranges, const std::vector<std::string>& names, Read&& read) {
    const std::string table = layer.GetName(), fid = layer.GetFIDColumn();
    tbb::parallel_for(std::size_t{0}, ranges.size(), [&](std::size_t k) {
        GpkgTable rows(source, table, fid, names, filter, ranges[k].first, ranges[k].second);
        read(k, rows);
    });
}

// What one range of rows produced, merged in FID order afterwards.
struct Chunk {
    std::vector<Verblijfsobject> vbos;
    std::vector<GIntBig> vbo_fids;
    std::vector<std::size_t> vbo_rows;  // position in the range's read order, to interleave with the rejects
    std::vector<BagId> pand_ids;          // per object: its pand, 0 for none
    std::vector<CompactText> pandstatus;  // per object: its pand's status as the row states it

    // Room for a range's rows at once (its FID span, an upper bound): growing by doubling had made a
    // sixth of the BAG rows' CPU time page faults at 10M.
    void reserve(std::size_t rows) {
        vbos.reserve(rows);
        vbo_fids.reserve(rows);
        vbo_rows.reserve(rows);
        pand_ids.reserve(rows);
        pandstatus.reserve(rows);
    }
    Rejects rejects;
    std::vector<std::size_t> reject_rows;
    LayerStats stats;
};

struct Layout {
    int id, doel, opp, nummer, postcode, status, straat, letter, toev, plaats, bouwjaar, pand, pandstatus;
};

// One row of addressable objects. `with_use`: the verblijfsobject layer, which has gebruiksdoel and
// oppervlakte; ligplaatsen and standplaatsen have neither.
template <class Row>
Verblijfsobject parse_object(const Row& f, const Layout& c, bool with_use, const ReadOptions& options, std::string& row_id,
                             BagId& pand) {
    std::string scratch, letter_scratch, toev_scratch;
    Verblijfsobject v;
    row_id.assign(f.text(c.id, scratch));  // into the caller's buffer: no allocation per row
    if (const auto problem = bag_id_problem(row_id)) throw RowError{*problem, row_id};
    v.id = *bag_id_number(row_id);
    const auto punt = f.point();
    if (!punt) throw RowError{Reden::geen_locatie, ""};
    if (options.bbox && !options.bbox->contains(*punt)) throw RowSkipped{buiten_selectie};
    v.punt = *punt;
    if (with_use) {
        const auto doel = f.text(c.doel, scratch);
        try {
            v.gebruiksdoelen = parse_gebruiksdoelen(doel);
        } catch (const input_error&) {
            throw RowError{Reden::gebruiksdoel_onbekend, std::string(doel)};
        }
    }
    if (const auto status = f.text(c.status, scratch); !status.empty() && !with_use) {
        v.status = plaats_status(status);
    } else if (!status.empty()) {
        try {
            v.status = parse_vbo_status(status);
        } catch (const input_error&) {
            throw RowError{Reden::status_onbekend, std::string(status)};
        }
    } else if (c.status >= 0) {
        throw RowError{Reden::status_ontbreekt, ""};  // an empty or NULL status is not taken for 'in gebruik'
    }
    if (with_use) {
        if (v.gebruiksdoelen == 0) throw RowError{Reden::gebruiksdoel_ontbreekt, ""};
        v.oppervlakte = read_int(f, c.opp, "oppervlakte", true, scratch);
        if (v.oppervlakte <= 0) throw RowError{Reden::oppervlakte_niet_positief, text_of(f, c.opp)};
    }
    v.bouwjaar = read_int(f, c.bouwjaar, "bouwjaar", false, scratch);
    if (v.bouwjaar < 0) throw RowError{Reden::bouwjaar_negatief, text_of(f, c.bouwjaar)};
    // BAG has nummeraanduidingen without a postcode: the object is kept, reachable by id and location.
    const auto postcode_text = f.text(c.postcode, scratch);
    auto postcode = normalise_postcode(postcode_text);
    if (!postcode && !postcode_text.empty()) throw RowError{Reden::postcode_ongeldig, std::string(postcode_text)};
    auto nummer = parse_huisnummer(f.text(c.nummer, scratch), f.text(c.letter, letter_scratch),
                                   f.text(c.toev, toev_scratch));
    if (!nummer) throw RowError{Reden::huisnummer_ongeldig, text_of(f, c.nummer)};
    // Each text straight from the row into the model, one at a time: they share the scratch buffer.
    v.adres.straat = f.text(c.straat, scratch);
    v.adres.woonplaats = f.text(c.plaats, scratch);
    v.adres.huisnummer = nummer->nummer;
    v.adres.huisletter = nummer->huisletter;
    v.adres.toevoeging = nummer->toevoeging;
    if (postcode) v.adres.postcode = *postcode;
    const auto pand_text = f.text(c.pand, scratch);
    const auto pand_number = bag_id_number(pand_text);
    if (!pand_text.empty() && !pand_number) throw RowError{Reden::pand_id_ongeldig, std::string(pand_text)};
    pand = pand_number.value_or(0);
    return v;
}

// Which objects of `chunks`, in range and read order, repeat an id read before them in this layer or in
// `earlier` (the sorted ids of the layers read before). Sorted once rather than hashed per object: a
// hash set of ten million ids grew, rehashed and paged for a quarter of the national read.
std::vector<bool> repeated_ids(const std::vector<Chunk>& chunks, const std::vector<std::uint64_t>& earlier) {
    std::vector<std::pair<std::uint64_t, std::size_t>> ids;  // (id, position in read order)
    for (const auto& chunk : chunks)
        for (const auto& v : chunk.vbos) ids.emplace_back(v.id, ids.size());
    tbb::parallel_sort(ids.begin(), ids.end());
    std::vector<bool> repeated(ids.size());
    for (std::size_t i = 0; i < ids.size(); ++i)
        repeated[ids[i].second] = (i > 0 && ids[i - 1].first == ids[i].first) ||
                                  std::binary_search(earlier.begin(), earlier.end(), ids[i].first);
    return repeated;
}

// Reads one layer of addressable objects into `town`: ranges in parallel, merged in range and read
// order, so ids seen twice are rejected at the same place and in the same order as by a sequential read.
// `seen` holds the sorted ids kept so far, over all layers.
void read_addressable(const std::string& source, GDALDataset& dataset, OGRLayer& layer, bool with_use,
                      const ReadOptions& options, Town& town, std::unordered_map<std::uint64_t, std::int32_t>& pand_index,
                      std::vector<std::uint64_t>& seen, Rejects& rejects, LayerStats& stats) {
    const Columns columns(layer, source);
    Layout layout{columns.required("identificatie"),
                  with_use ? columns.required("gebruiksdoel") : -1,
                  with_use ? columns.required("oppervlakte") : -1,
                  columns.required("huisnummer"),
                  columns.required("postcode"),
                  columns.optional("status"),
                  columns.optional("openbare_ruimte_naam"),
                  columns.optional("huisletter"),
                  columns.optional("toevoeging"),
                  columns.optional("woonplaats_naam"),
                  columns.optional("bouwjaar"),
                  columns.optional("pand_identificatie"),
                  columns.optional("pandstatus")};
    const auto selection = select_rows(layer, columns, options);
    const auto ranges = fid_ranges(dataset, layer, options.gpkg_chunk_rows);
    std::vector<Chunk> chunks(ranges.size());
    // One PointReader per range, made here: building coordinate transformations from one shared
    // OGRSpatialReference on several threads is not safe.
    std::vector<std::unique_ptr<PointReader>> points(ranges.size());
    for (auto& p : points) p = std::make_unique<PointReader>(layer, columns, source, options);
    const std::string crs = points[0]->crs();
    auto take = [&](Chunk& chunk, const auto& row, GIntBig fid, std::string& row_id) {
        BagId pand = 0;
        try {
            chunk.vbos.push_back(parse_object(row, layout, with_use, options, row_id, pand));
        } catch (const RowError&) {
            chunk.reject_rows.push_back(chunk.stats.rows);
            throw;
        }
        chunk.vbo_fids.push_back(fid);
        chunk.vbo_rows.push_back(chunk.stats.rows);
        chunk.pand_ids.push_back(pand);
        std::string scratch;
        chunk.pandstatus.emplace_back(pand == 0 ? std::string_view() : row.text(layout.pandstatus, scratch));
    };
    if (direct_read(source, dataset, layer, options, wkbPoint) && points[0]->geometry_only()) {
        const auto names = selected_columns(layer, {&layout.id, &layout.doel, &layout.opp, &layout.nummer, &layout.postcode,
                                                    &layout.status, &layout.straat, &layout.letter, &layout.toev,
                                                    &layout.plaats, &layout.bouwjaar, &layout.pand, &layout.pandstatus});
        read_gpkg_ranges(source, layer, selection.filter, ranges, names, [&](std::size_t k, GpkgTable& table) {
            auto& chunk = chunks[k];
            chunk.stats.bron = source;
            chunk.stats.driver = "GPKG";
            if (selection.filter.empty()) chunk.reserve(static_cast<std::size_t>(ranges[k].second - ranges[k].first + 1));
            const GpkgRow row{table, points[k].get(), names, static_cast<int>(names.size()) - 1};
            std::string row_id;
            while (table.next())
                read_row("bag", source, chunk.rejects, chunk.stats, row_id,
                         [&](std::string& id) { take(chunk, row, table.fid(), id); },
                         [&] { return row_label(dataset, table.fid()); });
        });
    } else {
        read_ranges(source, dataset, layer, selection.filter, options, ranges, [&](std::size_t k, GDALDataset& ds, OGRLayer& lyr) {
            auto& chunk = chunks[k];
            read_ogr_rows(ds, lyr, "bag", source, chunk.rejects, chunk.stats, [&](OGRFeature& f, std::string& row_id) {
                take(chunk, OgrRow{f, points[k].get()}, f.GetFID(), row_id);
            });
        });
    }

    if (stats.crs.empty()) stats.crs = crs;
    if (stats.selectie.empty()) stats.selectie = selection.selectie;
    const auto repeated = repeated_ids(chunks, seen);
    const std::size_t kept_before = seen.size();
    // Once for all ranges: growing by each range's size would move every object read so far, per range.
    town.verblijfsobjecten.reserve(town.verblijfsobjecten.size() + repeated.size());
    pand_index.reserve(pand_index.size() + repeated.size());
    town.panden.reserve(town.panden.size() + repeated.size());  // at most one new pand per object; untouched pages cost no memory
    std::size_t position = 0;
    for (auto& chunk : chunks) {
        stats.bron = chunk.stats.bron;
        stats.driver = chunk.stats.driver;
        stats.rows += chunk.stats.rows;
        for (const auto& [reden, n] : chunk.stats.overgeslagen) stats.overgeslagen[reden] += n;
        std::size_t next_reject = 0;
        auto rejects_before = [&](std::size_t row) {
            for (; next_reject < chunk.reject_rows.size() && chunk.reject_rows[next_reject] < row; ++next_reject)
                rejects.add(chunk.rejects.rows()[next_reject]);
        };
        for (std::size_t i = 0; i < chunk.vbos.size(); ++i) {
            auto& v = chunk.vbos[i];
            rejects_before(chunk.vbo_rows[i]);
            if (repeated[position++]) {
                const auto id = bag_id_text(v.id);
                rejects.add({"bag", source, row_label(dataset, chunk.vbo_fids[i]), id, Reden::bag_id_dubbel, id});
                continue;
            }
            seen.push_back(v.id);
            if (const BagId pand = chunk.pand_ids[i]; pand != 0) {
                auto [it, added] = pand_index.emplace(pand, static_cast<std::int32_t>(town.panden.size()));
                if (added) town.panden.push_back({pand, v.bouwjaar, chunk.pandstatus[i], {}});
                v.pand = it->second;
            }
            town.verblijfsobjecten.push_back(v);
            ++stats.used;
        }
        rejects_before(std::numeric_limits<std::size_t>::max());
        chunk = Chunk{};  // free as we go: the objects now live in the town
    }
    std::sort(seen.begin() + static_cast<std::ptrdiff_t>(kept_before), seen.end());
    std::inplace_merge(seen.begin(), seen.begin() + static_cast<std::ptrdiff_t>(kept_before), seen.end());
}

// A GeoPackage records when its tables were written (gpkg_contents.last_change): for PDOK's
// bag-light that is the date of the BAG it holds.
std::optional<Date> geopackage_date(GDALDataset& dataset) {
    const auto* driver = dataset.GetDriver();
    if (!driver || !EQUAL(driver->GetDescription(), "GPKG")) return std::nullopt;
    OGRLayer* result = dataset.ExecuteSQL("SELECT MAX(last_change) FROM gpkg_contents", nullptr, nullptr);
    if (!result) return std::nullopt;
    std::optional<Date> date;
    if (FeaturePtr f{result->GetNextFeature()}; f) try {
            date = field_date(*f, 0);
        } catch (const input_error&) {
        }
    dataset.ReleaseResultSet(result);
    return date;
}

}  // namespace

std::vector<Point> outline(const OGRGeometry* geometry, const ToRd& to_rd) {
    const OGRPolygon* polygon = nullptr;
    if (geometry && wkbFlatten(geometry->getGeometryType()) == wkbPolygon) polygon = geometry->toPolygon();
    else if (geometry && wkbFlatten(geometry->getGeometryType()) == wkbMultiPolygon && !geometry->toMultiPolygon()->IsEmpty())
        polygon = geometry->toMultiPolygon()->getGeometryRef(0);
    std::vector<Point> points;
    if (!polygon || !polygon->getExteriorRing()) return points;
    const OGRLinearRing* ring = polygon->getExteriorRing();
    points.reserve(static_cast<std::size_t>(ring->getNumPoints()));
    for (int k = 0; k < ring->getNumPoints(); ++k) points.push_back({ring->getX(k), ring->getY(k)});
    return ring_in_rd(std::move(points), to_rd);
}

std::vector<Point> ring_in_rd(std::vector<Point> ring, const ToRd& to_rd) {
    auto kept = ring.begin();
    for (Point p : ring)
        if (to_rd.apply(p.x, p.y)) *kept++ = p;
    ring.erase(kept, ring.end());
    return ring;
}

void read_bag(const std::string& source, const ReadOptions& options, Town& town, std::vector<NevenAdres>&,
              Rejects& rejects, LayerStats& stats) {
    auto dataset = open_vector(source);
    std::unordered_map<std::uint64_t, std::int32_t> pand_index;
    std::vector<std::uint64_t> seen;  // ids checked to be 16 digits, kept as numbers, sorted
    auto& layer = pick_layer(*dataset, "verblijfsobject", source);
    read_addressable(source, *dataset, layer, true, options, town, pand_index, seen, rejects, stats);
    // bag-light carries ligplaatsen and standplaatsen as their own layers: addressable objects too.
    for (const char* name : {"ligplaats", "standplaats"})
        if (auto* other = dataset->GetLayerByName(name))
            read_addressable(source, *dataset, *other, false, options, town, pand_index, seen, rejects, stats);
    stats.stand = geopackage_date(*dataset);
}

void read_bag_panden(const std::string& source, const ReadOptions& options, Town& town, Telling& telling) {
    if (town.panden.empty()) return;
    auto dataset = open_vector(source);
    auto* layer = dataset->GetLayerByName("pand");
    if (!layer) return;
    std::unordered_map<std::uint64_t, std::int32_t> pand_index;  // read_bag checked every id to be a number
    pand_index.reserve(town.panden.size());
    for (std::size_t i = 0; i < town.panden.size(); ++i) pand_index.emplace(town.panden[i].id, static_cast<std::int32_t>(i));
    const auto rows = layer->GetFeatureCount(TRUE);  // before the reads below filter the layer
    telling.rijen = rows > 0 ? static_cast<std::size_t>(rows) : 0;
    const Columns columns(*layer, source);
    int p_id = columns.required("identificatie");
    int p_status = columns.optional("status");
    int p_bouwjaar = columns.first_of({"bouwjaar", "oorspronkelijkBouwjaar"});
    const auto ranges = fid_ranges(*dataset, *layer, options.gpkg_chunk_rows);
    ReadOptions around = options;  // only the panden around the selected objects, checked by the source's index
    around.bbox.reset();
    if ((options.bbox || !options.gemeente.empty()) && is_rd(layer->GetSpatialRef(), options)) {
        OGREnvelope box;
        for (const auto& v : town.verblijfsobjecten) box.Merge(v.punt.x, v.punt.y);
        around.bbox = Bbox{box.MinX - 200, box.MinY - 200, box.MaxX + 200, box.MaxY + 200};
    }
    // Each range collects its updates; applied in range order, a later row wins as in a sequential read.
    struct Update {
        std::int32_t pand;
        std::optional<std::string> status;
        std::int32_t bouwjaar;
        std::vector<Point> omtrek;
    };
    std::vector<std::vector<Update>> updates(ranges.size());
    std::vector<std::size_t> seen(ranges.size()), unneeded(ranges.size()), broken(ranges.size());  // rows per range
    std::vector<std::unique_ptr<ToRd>> to_rd(ranges.size());  // made here, as the PointReaders above
    for (auto& t : to_rd) t = std::make_unique<ToRd>(layer->GetSpatialRef(), options.input_srs, source);
    auto take = [&](std::size_t k, const auto& row, std::string& scratch) {
        ++seen[k];
        try {
            const auto number = bag_id_number(row.text(p_id, scratch));
            const auto it = number ? pand_index.find(*number) : pand_index.end();
            if (it == pand_index.end()) {
                ++unneeded[k];
                return;
            }
            Update u{it->second, std::nullopt, 0, row.outline(*to_rd[k])};
            if (p_status >= 0) u.status = text_of(row, p_status);
            if (const auto jaar = parse_number(row.text(p_bouwjaar, scratch)); jaar && *jaar > 0 && *jaar < 3000)
                u.bouwjaar = static_cast<std::int32_t>(*jaar);
            updates[k].push_back(std::move(u));
        } catch (const RowError&) {
            // A broken pand row only costs its outline; the verblijfsobjecten are already read.
            ++broken[k];
        }
    };
    if (direct_read(source, *dataset, *layer, around, wkbPolygon)) {
        const auto names = selected_columns(*layer, {&p_id, &p_status, &p_bouwjaar});
        read_gpkg_ranges(source, *layer, {}, ranges, names, [&](std::size_t k, GpkgTable& table) {
            const GpkgRow row{table, nullptr, names, static_cast<int>(names.size()) - 1};
            std::string scratch;
            while (table.next()) take(k, row, scratch);
        });
    } else {
        read_ranges(source, *dataset, *layer, {}, around, ranges, [&](std::size_t k, GDALDataset&, OGRLayer& lyr) {
            std::string scratch;
            lyr.ResetReading();
            for (FeaturePtr f{lyr.GetNextFeature()}; f; f.reset(lyr.GetNextFeature())) take(k, OgrRow{*f, nullptr}, scratch);
        });
    }
    std::size_t read = 0;
    for (std::size_t k = 0; k < ranges.size(); ++k) {
        read += seen[k];
        telling.gebruikt += updates[k].size();
        if (unneeded[k]) telling.overgeslagen[niet_nodig] += unneeded[k];
        if (broken[k]) telling.overgeslagen["onleesbaar (de omtrek ontbreekt)"] += broken[k];
    }
    if (telling.rijen > read) telling.overgeslagen[buiten_selectie] += telling.rijen - read;  // left out by the source's index
    for (auto& range : updates)
        for (auto& u : range) {
            auto& pand = town.panden[static_cast<std::size_t>(u.pand)];
            if (u.status) pand.status = *u.status;
            if (u.bouwjaar) pand.bouwjaar = u.bouwjaar;
            pand.omtrek = std::move(u.omtrek);
        }
}

}  // namespace onregel
