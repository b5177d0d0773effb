// Locations, addresses and ids as rows carry them, and matching them to BAG: shared by the KvK,
// meldingen and optional readers.
#include <algorithm>
#include <charconv>
#include <cmath>

#include "engine/text.hpp"
#include "layers/read/readers.hpp"

namespace onregel {

namespace {

// Metres with one decimal; a value no map has (1e308) in its shortest form, which always fits the
// buffer: a reject's value is the number, never bytes to_chars did not write.
std::string format_coordinate(double v) {
    if (std::abs(v) < 1e15) return format_decimal(v, 1);
    char buf[32];  // "-1.7976931348623157e+308" is 24
    return std::string(buf, std::to_chars(buf, buf + sizeof buf, v).ptr);
}

}  // namespace

PointReader::PointReader(OGRLayer& layer, const Columns& columns, const std::string& source, const ReadOptions& options)
    : has_geometry_(layer.GetGeomType() != wkbNone) {
    columns_.x = columns.first_of({"x", "rijksdriehoekX", "rd_x"});
    columns_.y = columns.first_of({"y", "rijksdriehoekY", "rd_y"});
    columns_.lon = columns.first_of({"lon", "longitude", "lng", "gpsLongitude"});
    columns_.lat = columns.first_of({"lat", "latitude", "gpsLatitude"});
    if (has_geometry_) from_geometry_ = std::make_unique<ToRd>(layer.GetSpatialRef(), options.input_srs, source);
    if (columns_.x >= 0 && columns_.y >= 0) from_xy_ = std::make_unique<ToRd>(nullptr, options.input_srs, source);
    if (columns_.lon >= 0 && columns_.lat >= 0) from_lonlat_ = std::make_unique<ToRd>(nullptr, "EPSG:4326", source);
}

std::string PointReader::crs() const {
    std::string out;
    auto add = [&](const std::unique_ptr<ToRd>& t, const char* what) {
        if (t) out += (out.empty() ? "" : "; ") + std::string(what) + t->description();
    };
    add(from_geometry_, "geometrie: ");
    add(from_xy_, "x/y: ");
    add(from_lonlat_, "lon/lat: ");
    return out;
}

template <class Row>
std::optional<Point> PointReader::from_columns(Row& row) const {
    std::optional<Point> p;
    const ToRd* transform = nullptr;
    std::string written;
    auto pair = [&](int a, int b, const ToRd* t, const char* what) {
        if (p || a < 0 || b < 0) return;
        const auto ta = field_text(row, a), tb = field_text(row, b);
        if (ta.empty() && tb.empty()) return;
        written = ta + " " + tb;
        const auto va = parse_number(ta), vb = parse_number(tb);
        if (!va || !vb) throw RowError{Reden::coordinaat_geen_getal, written, what};
        p = Point{*va, *vb};
        transform = t;
    };
    pair(columns_.x, columns_.y, from_xy_.get(), "x/y");
    pair(columns_.lon, columns_.lat, from_lonlat_.get(), "lon/lat");
    if (!p) return std::nullopt;
    return checked(*p, transform, std::move(written));
}

std::optional<Point> PointReader::read(OGRFeature& feature) const {
    if (has_geometry_) {
        const OGRGeometry* g = feature.GetGeometryRef();
        if (g && !g->IsEmpty()) {
            if (wkbFlatten(g->getGeometryType()) == wkbPoint) return from_geometry({g->toPoint()->getX(), g->toPoint()->getY()});
            OGRPoint centroid;  // a ligplaats, standplaats or drawn area: its centre stands for it
            if (g->Centroid(&centroid) != OGRERR_NONE) throw RowError{Reden::geometrie_onbruikbaar, ""};
            return from_geometry({centroid.getX(), centroid.getY()});
        }
    }
    return from_columns(feature);
}

std::optional<Point> PointReader::read(const CsvRow& row) const { return from_columns(row); }

Point PointReader::from_geometry(Point raw) const { return checked(raw, from_geometry_.get(), {}); }

Point PointReader::checked(Point p, const ToRd* transform, std::string written) const {
    // The point as the row gave it, worded only for a reject: at national scale that is ten million
    // coordinates not formatted.
    const Point raw = p;
    const auto as_written = [&] { return written.empty() ? format_coordinate(raw.x) + " " + format_coordinate(raw.y) : written; };
    if (!transform->apply(p.x, p.y)) throw RowError{Reden::coordinaat_niet_om_te_rekenen, as_written()};
    if (!inside_netherlands(p)) {
        // lat/lon written the wrong way round is the commonest mistake with WGS84 columns: say so.
        if (transform == from_lonlat_.get()) throw RowError{Reden::coordinaat_lon_lat_verwisseld, as_written()};
        throw RowError{Reden::coordinaat_buiten_nederland, as_written()};
    }
    return p;
}

std::optional<WrittenAddress> parse_address(const std::string& postcode_text, const std::string& nummer_text,
                                            const std::string& letter, const std::string& toevoeging) {
    if (postcode_text.empty() && nummer_text.empty()) return std::nullopt;
    const auto postcode = normalise_postcode(postcode_text);
    if (!postcode) throw RowError{Reden::postcode_ongeldig, postcode_text};
    const auto nummer = parse_huisnummer(nummer_text, letter, toevoeging);
    if (!nummer) throw RowError{Reden::huisnummer_ongeldig, nummer_text};
    return WrittenAddress{*postcode, *nummer};
}

template <class Row>
std::optional<WrittenAddress> address_of(Row& row, const AddressColumns& c) {
    if (!c.present()) return std::nullopt;
    return parse_address(field_text(row, c.postcode), field_text(row, c.huisnummer), field_text(row, c.huisletter),
                         field_text(row, c.toevoeging));
}
std::optional<WrittenAddress> read_address(OGRFeature& feature, const AddressColumns& c) { return address_of(feature, c); }
std::optional<WrittenAddress> read_address(const CsvRow& row, const AddressColumns& c) { return address_of(row, c); }

std::optional<Match> locate(const AddressIndex& index, const Wanted& wanted, double radius) {
    if (!wanted.bag_id.empty())
        if (auto i = index.by_id(wanted.bag_id)) return Match{*i, MatchRoute::bag_id};
    if (wanted.adres)
        if (auto m = index.by_address(wanted.adres->postcode, wanted.adres->nummer)) return m;
    if (wanted.punt)
        if (auto i = index.nearest(*wanted.punt, radius)) return Match{*i, MatchRoute::coordinaat};
    return std::nullopt;
}

void throw_unmatched(const AddressIndex& index, const Wanted& wanted, const ReadOptions& options) {
    // With --gemeente/--bbox a row elsewhere is not an error: a location outside the box, or a
    // postcode the selected BAG does not have at all, is outside the selection.
    if (options.bbox && wanted.punt && !options.bbox->contains(*wanted.punt)) throw RowSkipped{buiten_selectie};
    if ((options.bbox || !options.gemeente.empty()) && wanted.adres && !index.knows_postcode(wanted.adres->postcode))
        throw RowSkipped{buiten_selectie};
    if (wanted.adres) throw RowError{Reden::adres_niet_in_bag, written_address(wanted.adres->postcode, wanted.adres->nummer)};
    if (!wanted.bag_id.empty()) {
        throw RowError{bag_id_problem(wanted.bag_id).value_or(Reden::bag_id_onbekend), wanted.bag_id};
    }
    if (wanted.punt)
        throw RowError{Reden::geen_bag_object_binnen, format_coordinate(wanted.punt->x) + " " + format_coordinate(wanted.punt->y),
                       format_coordinate(options.match_radius)};
    throw RowError{Reden::geen_adres, ""};
}

std::optional<CsvFile> plain_csv(GDALDataset& dataset, OGRLayer& layer, const std::string& bron, const ReadOptions& options) {
    const auto* driver = dataset.GetDriver();
    if (!options.direct || !driver || !EQUAL(driver->GetDescription(), "CSV") || layer.GetGeomType() != wkbNone) return std::nullopt;
    std::vector<std::string> names;
    auto* defn = layer.GetLayerDefn();
    for (int i = 0; i < defn->GetFieldCount(); ++i) {
        if (defn->GetFieldDefn(i)->GetType() != OFTString) return std::nullopt;  // typed by a .csvt: OGR formats the values
        names.emplace_back(defn->GetFieldDefn(i)->GetNameRef());
    }
    return CsvFile::open(bron, names, options.csv_piece_bytes);
}

std::string field_text(const CsvRow& row, int column) {
    if (column < 0) return {};
    std::string scratch;
    const auto text = clean_field(row.field(column), row.names[static_cast<std::size_t>(column)], scratch);
    return text.data() == scratch.data() ? scratch : std::string(text);
}

std::optional<Date> field_date(const CsvRow& row, int column) { return parse_date(field_text(row, column)); }

template <class Row>
std::optional<Date> date_not_ahead(Row& row, int column, const char* field) {
    const auto text = field_text(row, column);
    std::optional<Date> date;
    try {
        date = field_date(row, column);
    } catch (const input_error&) {
        // Years beyond what parse_date accepts (2999) are typing errors of the same kind.
        int year = 0;
        const auto [end, ec] = std::from_chars(text.data(), text.data() + std::min<std::size_t>(text.size(), 4), year);
        if (ec == std::errc() && end == text.data() + 4 && year > year_of(today())) throw RowError{Reden::datum_in_toekomst, text};
        throw RowError{Reden::datum_ongeldig, text, field};
    }
    if (date && *date > today()) throw RowError{Reden::datum_in_toekomst, text};
    return date;
}
std::optional<Date> past_date(OGRFeature& feature, int column, const char* field) { return date_not_ahead(feature, column, field); }
std::optional<Date> past_date(const CsvRow& row, int column, const char* field) { return date_not_ahead(row, column, field); }

VboStatus plaats_status(std::string_view status) {
    return status == "Plaats ingetrokken" ? VboStatus::ingetrokken : VboStatus::in_gebruik;
}

bool is_bag_id(const std::string& id) {
    return id.size() == 16 && id.find_first_not_of("0123456789") == std::string::npos;
}

std::optional<Reden> bag_id_problem(const std::string& id) {
    if (is_bag_id(id)) return std::nullopt;
    if (id.empty()) return Reden::bag_id_ontbreekt;
    if (id.find_first_of("eE") != std::string::npos && id.find_first_of(".,") != std::string::npos)
        return Reden::bag_id_wetenschappelijk;
    if (id.size() < 16 && id.find_first_not_of("0123456789") == std::string::npos) return Reden::bag_id_te_kort;
    return Reden::bag_id_geen_16_cijfers;
}

void MangledIds::check(const std::string& id) {
    if (id.empty() || is_bag_id(id)) return;
    if (count_++ == 0) example_ = id;
}

void MangledIds::report(LayerStats& stats, const char* column) const {
    if (count_ == 0) return;
    stats.waarschuwingen.push_back(std::to_string(count_) + " rij(en) met een " + column +
                                   " dat geen 16 cijfers is (bijvoorbeeld '" + example_ + "': " +
                                   reden_tekst(*bag_id_problem(example_)) +
                                   "). Sla de kolom in de spreadsheet op als tekst; deze rijen zijn op adres gezocht.");
}

}  // namespace onregel
