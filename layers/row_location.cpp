// Locations and addresses as rows carry them: shared by the KvK, meldingen and optional readers.
#include "readers.hpp"

namespace onregel {

PointReader::PointReader(OGRLayer& layer, const Columns& columns, const std::string& source)
    : has_geometry_(layer.GetGeomType() != wkbNone) {
    columns_.x = columns.first_of({"x", "rijksdriehoekX", "rd_x"});
    columns_.y = columns.first_of({"y", "rijksdriehoekY", "rd_y"});
    columns_.lon = columns.first_of({"lon", "longitude", "lng"});
    columns_.lat = columns.first_of({"lat", "latitude"});
    if (has_geometry_) from_geometry_ = std::make_unique<ToRd>(layer.GetSpatialRef(), 28992, source);
    if (columns_.x >= 0 && columns_.y >= 0) from_xy_ = std::make_unique<ToRd>(nullptr, 28992, source);
    if (columns_.lon >= 0 && columns_.lat >= 0) from_lonlat_ = std::make_unique<ToRd>(nullptr, 4326, source);
}

std::optional<Point> PointReader::read(OGRFeature& feature) const {
    std::optional<Point> p;
    const ToRd* transform = nullptr;
    std::string written;
    if (has_geometry_) {
        const OGRGeometry* g = feature.GetGeometryRef();
        if (g && !g->IsEmpty()) {
            if (wkbFlatten(g->getGeometryType()) == wkbPoint) {
                p = Point{g->toPoint()->getX(), g->toPoint()->getY()};
            } else {
                OGRPoint centroid;  // a ligplaats, standplaats or drawn area: its centre stands for it
                if (g->Centroid(&centroid) != OGRERR_NONE) throw RowError{"geometrie onbruikbaar", ""};
                p = Point{centroid.getX(), centroid.getY()};
            }
            transform = from_geometry_.get();
        }
    }
    auto pair = [&](int a, int b, const ToRd* t, const char* what) {
        if (p || a < 0 || b < 0) return;
        const auto ta = field_text(feature, a), tb = field_text(feature, b);
        if (ta.empty() && tb.empty()) return;
        written = ta + " " + tb;
        const auto va = parse_number(ta), vb = parse_number(tb);
        if (!va || !vb) throw RowError{std::string(what) + " is geen getal", written};
        p = Point{*va, *vb};
        transform = t;
    };
    pair(columns_.x, columns_.y, from_xy_.get(), "x/y");
    pair(columns_.lon, columns_.lat, from_lonlat_.get(), "lon/lat");
    if (!p) return std::nullopt;
    if (written.empty()) written = std::to_string(p->x) + " " + std::to_string(p->y);
    if (!transform->apply(p->x, p->y)) throw RowError{"coordinaat niet om te rekenen naar RD", written};
    if (!inside_netherlands(*p)) throw RowError{"coordinaat buiten Nederland", written};
    return p;
}

std::optional<std::pair<std::string, Huisnummer>> read_address(OGRFeature& feature, const AddressColumns& c) {
    if (!c.present()) return std::nullopt;
    const auto postcode_text = field_text(feature, c.postcode);
    const auto nummer_text = field_text(feature, c.huisnummer);
    if (postcode_text.empty() && nummer_text.empty()) return std::nullopt;
    const auto postcode = normalise_postcode(postcode_text);
    if (!postcode) throw RowError{"ongeldige postcode", postcode_text};
    const auto nummer = parse_huisnummer(nummer_text, field_text(feature, c.huisletter), field_text(feature, c.toevoeging));
    if (!nummer) throw RowError{"ongeldig huisnummer", nummer_text};
    return std::pair{*postcode, *nummer};
}

}  // namespace onregel
