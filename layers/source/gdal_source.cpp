#include "layers/source/gdal_source.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cpl_string.h>
#include <cstring>
#include <mutex>
#include <sqlite3.h>

#include "engine/errors.hpp"
#include "layers/store/files.hpp"

namespace onregel {

namespace {

std::string lower(std::string_view s) {
    std::string out(s);
    for (auto& c : out)
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    return out;
}

std::string_view trim(std::string_view s) {
    while (!s.empty() && (s.front() == ' ' || s.front() == '\t' || s.front() == '\r' || s.front() == '\n')) s.remove_prefix(1);
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r' || s.back() == '\n')) s.remove_suffix(1);
    return s;
}

}  // namespace

void register_gdal_once() {
    static std::once_flag once;
    std::call_once(once, [] {
        // SQLite counts every allocation under a global mutex unless told not to; the GeoPackage code
        // allocates per row on several threads. Only possible before SQLite starts: GDAL has not yet.
        sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0);
        GDALAllRegister();
        CPLSetConfigOption("OGR_GEOJSON_MAX_OBJ_SIZE", "0");  // large GeoJSON features are the data's business
        CPLSetConfigOption("OGR_CSV_MAX_LINE_SIZE", "0");     // a huge field is rejected by field_text, not ends the file
        CPLSetErrorHandler(CPLQuietErrorHandler);             // errors are reported through exceptions
    });
}

DatasetPtr open_vector(const std::string& source, const std::vector<std::string>& open_options, const char* driver) {
    register_gdal_once();
    check_not_special(source);
    CPLStringList options;
    for (const auto& o : open_options) options.AddString(o.c_str());
    const char* const drivers[] = {driver, nullptr};
    CPLErrorReset();
    auto* dataset = static_cast<GDALDataset*>(
        GDALOpenEx(source.c_str(), GDAL_OF_VECTOR | GDAL_OF_READONLY | GDAL_OF_VERBOSE_ERROR, driver ? drivers : nullptr,
                   options.List(), nullptr));
    if (!dataset) {
        // GDAL's own words only where they add something: its parser's message, with line and column.
        const std::string gdal = CPLGetLastErrorMsg();
        const bool unknown = gdal.empty() || gdal.find("not recognized as") != std::string::npos ||
                             gdal.find("No such file") != std::string::npos;
        throw input_error(source + ": kan niet worden geopend: " +
                          (unknown ? "geen bestand dat GDAL kan lezen (het ontbreekt, is leeg of van een onbekend formaat)"
                                   : "GDAL meldt: " + gdal));
    }
    return DatasetPtr(dataset);
}

OGRLayer& pick_layer(GDALDataset& dataset, std::string_view preferred, const std::string& source) {
    if (auto* layer = dataset.GetLayerByName(std::string(preferred).c_str())) return *layer;
    if (dataset.GetLayerCount() < 1) throw input_error(source + ": bevat geen laag");
    // Of several layers, the first is a guess: a missing verblijfsobject layer is not the pand layer's fault.
    if (dataset.GetLayerCount() > 1) {
        std::string found;
        for (int i = 0; i < dataset.GetLayerCount(); ++i) found += (i ? ", " : "") + std::string(dataset.GetLayer(i)->GetName());
        throw input_error(source + ": de laag '" + std::string(preferred) + "' ontbreekt (gevonden lagen: " + found + ")");
    }
    return *dataset.GetLayer(0);
}

Columns::Columns(OGRLayer& layer, std::string source) : source_(std::move(source)), layer_(layer.GetName()) {
    auto* defn = layer.GetLayerDefn();
    for (int i = 0; i < defn->GetFieldCount(); ++i) names_.emplace_back(defn->GetFieldDefn(i)->GetNameRef());
}

int Columns::optional(std::string_view name) const {
    const auto wanted = lower(name);
    for (std::size_t i = 0; i < names_.size(); ++i) {
        // A UTF-8 BOM glued to the first header is how Excel writes CSV.
        std::string_view have = names_[i];
        if (have.substr(0, 3) == "\xEF\xBB\xBF") have.remove_prefix(3);
        if (lower(trim(have)) == wanted) return static_cast<int>(i);
    }
    return -1;
}

int Columns::first_of(std::initializer_list<std::string_view> names) const {
    for (auto n : names)
        if (int i = optional(n); i >= 0) return i;
    return -1;
}

int Columns::required(std::string_view name) const {
    const int i = optional(name);
    if (i >= 0) return i;
    // A file without a header line has its first row as column names: an omschrijving or a melder's
    // e-mail address. The names are listed only when every one looks like a column name.
    const auto name_like = [](std::string_view n) {
        if (n.substr(0, 3) == "\xEF\xBB\xBF") n.remove_prefix(3);
        return !n.empty() && n.size() <= 64 && !(n[0] >= '0' && n[0] <= '9') &&
               n.find_first_not_of("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_") == std::string_view::npos;
    };
    std::string found;
    for (const auto& n : names_) found += (found.empty() ? "" : ", ") + n;
    if (!std::all_of(names_.begin(), names_.end(), name_like))
        found = std::to_string(names_.size()) + " kolommen; de eerste regel lijkt geen kopregel met kolomnamen maar een rij "
                "gegevens, die hier niet wordt herhaald: zet de kolomnamen op regel 1";
    throw input_error(source_ + ": laag '" + layer_ + "': de verplichte kolom '" + std::string(name) + "' ontbreekt (gevonden: " +
                      (found.empty() ? "geen kolommen" : found) + ")");
}

namespace {

// Bytes 1-127 only, eight at a time: such text is UTF-8 as CPLIsUTF8 judges it (which refuses NUL),
// and almost every field is, so the byte-by-byte check is left for the rest.
bool plain_ascii(std::string_view text) {
    constexpr std::uint64_t ones = 0x0101010101010101ull, highs = 0x8080808080808080ull;
    std::size_t i = 0;
    for (; i + 8 <= text.size(); i += 8) {
        std::uint64_t word;
        std::memcpy(&word, text.data() + i, 8);
        if ((word & highs) || ((word - ones) & ~word & highs)) return false;  // a high bit, or a zero byte
    }
    for (; i < text.size(); ++i)
        if (static_cast<unsigned char>(text[i]) - 1u >= 127u) return false;
    return true;
}

}  // namespace

std::string_view clean_field(std::string_view text, std::string_view column_name, std::string& scratch) {
    text = trim(text);
    // ="0353..." is how a CSV for Excel keeps digits text (onregel's controles.csv, the viewer's export).
    if (text.size() >= 3 && text.substr(0, 2) == "=\"" && text.find('"', 2) == text.size() - 1) text = text.substr(2, text.size() - 3);
    if (constexpr std::size_t limit = 1 << 16; text.size() > limit)
        throw RowError{Reden::veld_te_lang, std::string(column_name) + ": " + std::to_string(text.size()) + " tekens"};
    if (!plain_ascii(text) && !CPLIsUTF8(text.data(), static_cast<int>(text.size()))) {
        char* utf8 = CPLRecode(std::string(text).c_str(), "CP1252", CPL_ENC_UTF8);
        text = scratch.assign(utf8);
        CPLFree(utf8);
    }
    return text;
}

std::string_view field_view(OGRFeature& feature, int column, std::string& scratch) {
    if (column < 0 || !feature.IsFieldSetAndNotNull(column)) return {};
    const auto* definition = feature.GetFieldDefnRef(column);
    std::string_view text = feature.GetFieldAsString(column);
    // GDAL formats other types into one buffer per feature that its next call overwrites: copy those.
    if (definition->GetType() != OFTString) text = scratch.assign(trim(text));
    return clean_field(text, definition->GetNameRef(), scratch);
}

std::string field_text(OGRFeature& feature, int column) {
    std::string scratch;
    const auto text = field_view(feature, column, scratch);
    return text.data() == scratch.data() ? scratch : std::string(text);
}

std::optional<std::int64_t> field_integer(OGRFeature& feature, int column, std::string& scratch) {
    if (column < 0 || !feature.IsFieldSetAndNotNull(column)) return std::nullopt;
    const auto type = feature.GetFieldDefnRef(column)->GetType();
    if (type == OFTInteger || type == OFTInteger64) return feature.GetFieldAsInteger64(column);
    return parse_integer_field(field_view(feature, column, scratch));
}

std::optional<std::int64_t> parse_integer_field(std::string_view text) {
    if (text.empty()) return std::nullopt;
    const auto v = parse_number(text);
    if (!v || *v != std::floor(*v) || std::abs(*v) > 9e15) throw RowError{Reden::geen_geheel_getal, std::string(text)};
    return static_cast<std::int64_t>(*v);
}

std::string row_label(const GDALDataset& dataset, GIntBig fid) {
    const auto* driver = const_cast<GDALDataset&>(dataset).GetDriver();
    const bool csv = driver && EQUAL(driver->GetDescription(), "CSV");
    return csv ? csv_row_label(fid) : "feature " + std::to_string(fid);
}

// The header is line 1 of the file.
std::string csv_row_label(std::int64_t fid) { return "regel " + std::to_string(fid + 1); }

std::string row_label(const GDALDataset& dataset, const OGRFeature& feature) { return row_label(dataset, feature.GetFID()); }

std::optional<double> parse_number(std::string_view text) {
    text = trim(text);
    const bool plus = !text.empty() && text.front() == '+';
    if (plus) text.remove_prefix(1);  // from_chars takes no plus sign
    const auto digits = text.substr(!plus && !text.empty() && text.front() == '-');  // one sign at most
    if (text.size() > 40 || digits.empty() || digits.front() == '+' || digits.front() == '-') return std::nullopt;
    // std::from_chars: locale-independent and without CPLStrtod's copies, which cost a microsecond a
    // number; decimal only (no hexadecimal floats).
    char written[40];
    std::replace_copy(text.begin(), text.end(), written, ',', '.');
    double v = 0;
    const auto [end, error] = std::from_chars(written, written + text.size(), v);
    if (error != std::errc() || end != written + text.size() || !std::isfinite(v)) return std::nullopt;
    return v;
}

std::optional<Date> field_date(OGRFeature& feature, int column) {
    if (column < 0 || !feature.IsFieldSetAndNotNull(column)) return std::nullopt;
    const auto type = feature.GetFieldDefnRef(column)->GetType();
    if (type == OFTDate || type == OFTDateTime) {
        int y = 0, m = 0, d = 0, h = 0, min = 0, tz = 0;
        float s = 0;
        if (feature.GetFieldAsDateTime(column, &y, &m, &d, &h, &min, &s, &tz) && m >= 1 && d >= 1)
            return date_from_ymd(y, static_cast<unsigned>(m), static_cast<unsigned>(d));
    }
    return parse_date(field_text(feature, column));
}

ToRd::ToRd(const OGRSpatialReference* source_srs, const std::string& assumed, const std::string& source) {
    OGRSpatialReference from, rd;
    if (source_srs) {
        from = *source_srs;
    } else if (from.SetFromUserInput(assumed.empty() ? "EPSG:28992" : assumed.c_str()) != OGRERR_NONE) {
        throw crs_error(source + ": '" + assumed + "' is geen coordinatenstelsel dat GDAL kent (probeer EPSG:4326 of EPSG:28992)");
    }
    const char* name = from.GetName();
    description_ = name ? name : "onbekend";
    if (const char* code = from.GetAuthorityCode(nullptr); code && from.GetAuthorityName(nullptr))
        description_ += std::string(" (") + from.GetAuthorityName(nullptr) + ":" + code + ")";
    if (!source_srs) description_ += ", aangenomen";
    rd.importFromEPSG(28992);
    from.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
    rd.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
    if (from.IsSame(&rd)) return;
    transform_.reset(OGRCreateCoordinateTransformation(&from, &rd));
    if (!transform_) throw crs_error(source + ": niet om te rekenen van " + description_ + " naar RD New (EPSG:28992)");
}

bool ToRd::apply(double& x, double& y) const {
    if (transform_ && !transform_->Transform(1, &x, &y)) return false;
    return std::isfinite(x) && std::isfinite(y);
}

bool inside_netherlands(Point p) {
    // EPSG:28992 bounds of validity, slightly generous for border objects.
    return p.x >= -7000 && p.x <= 300000 && p.y >= 289000 && p.y <= 629000;
}

}  // namespace onregel
