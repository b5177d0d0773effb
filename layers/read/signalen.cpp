// Signalen's export forms as delivered, after the code that writes them in github.com/Amsterdam/signals
// (tests/data/real/signalen/SOURCE.txt names the files): the private API list (PrivateSignalSerializerList
// in HAL pages), the datawarehouse dump (reporting/csv/datawarehouse) and the public geography (the
// materialized view public_signals_geography_feature_collection).
#include "layers/read/signalen.hpp"

#include <atomic>
#include <cctype>
#include <cpl_string.h>
#include <cpl_vsi.h>
#include <nlohmann/json.hpp>
#include <sstream>
#include <unordered_map>
#include <unordered_set>

#include "engine/errors.hpp"
#include "engine/text.hpp"
#include "layers/read/json_source.hpp"
#include "layers/read/readers.hpp"
#include "layers/store/files.hpp"

namespace onregel {

SignalenExport::SignalenExport(std::string path, std::string vorm) : path_(std::move(path)), vorm_(std::move(vorm)) {}

SignalenExport::~SignalenExport() { VSIUnlink(path_.c_str()); }

namespace {

using json = nlohmann::json;

// One melding as onregel reads it, every value as text.
struct Row {
    std::string id, datum, categorie, bron, lon, lat, postcode, huisnummer, huisletter, toevoeging;
};

// Writes the rows as a GeoJSON FeatureCollection without geometry: the location is in lon/lat (and
// the address), so that the meldingen reader checks a coordinate as written and falls back on the
// address when the coordinate is unusable. The feature id counts the rows of the source, from 1.
class Writer {
public:
    explicit Writer(const std::string& path) : file_(VSIFOpenL(path.c_str(), "wb")), path_(path) {
        if (!file_) throw input_error(path + ": kan niet in het geheugen worden aangemaakt");
        write(R"({"type": "FeatureCollection", "features": [)");
    }
    ~Writer() {
        if (file_) VSIFCloseL(file_);
    }
    Writer(const Writer&) = delete;
    Writer& operator=(const Writer&) = delete;
    void add(const Row& r) {
        const json properties = {{"id", r.id},       {"datum", r.datum},           {"categorie", r.categorie},
                                 {"bron", r.bron},   {"lon", r.lon},               {"lat", r.lat},
                                 {"postcode", r.postcode}, {"huisnummer", r.huisnummer}, {"huisletter", r.huisletter},
                                 {"toevoeging", r.toevoeging}};
        const json feature = {{"type", "Feature"}, {"id", ++count_}, {"geometry", nullptr}, {"properties", properties}};
        write((count_ > 1 ? ",\n" : "\n") + feature.dump(-1, ' ', false, json::error_handler_t::replace));
    }
    std::size_t count() const { return count_; }
    void close() {
        write("\n]}\n");
        VSIFCloseL(file_);
        file_ = nullptr;
    }

private:
    void write(const std::string& text) {
        if (VSIFWriteL(text.data(), 1, text.size(), file_) != text.size()) throw input_error(path_ + ": geheugen vol");
    }
    VSILFILE* file_;
    std::string path_;
    std::size_t count_ = 0;
};

std::string memory_path() {
    static std::atomic<unsigned> next{0};
    return "/vsimem/onregel-signalen-" + std::to_string(next++) + ".geojson";
}

void take_address(Row& r, const json& address) {
    r.postcode = json_text(address, "postcode");
    r.huisnummer = json_text(address, "huisnummer");
    r.huisletter = json_text(address, "huisletter");
    r.toevoeging = json_text(address, "huisnummer_toevoeging");
}

// A GeoJSON point's coordinates, lon first as GeoJSON writes them; nothing for another geometry.
void take_point(Row& r, const json& geometry) {
    const auto& c = member(geometry, "coordinates");
    if (json_text(geometry, "type") != "Point" || !c.is_array() || c.size() < 2) return;
    r.lon = json_text(c[0]);
    r.lat = json_text(c[1]);
}

// The JSON documents in a file: one, or several one after another (JSON lines, or pages appended).
std::vector<json> documents(const std::string& content, const std::string& source) {
    std::vector<json> docs;
    std::istringstream in(content);
    for (;;) {
        in >> std::ws;
        if (in.peek() == std::char_traits<char>::eof()) break;
        json doc;
        try {
            in >> doc;
        } catch (const json::parse_error& e) {
            throw input_error(source + ": geen geldige JSON in document " + std::to_string(docs.size() + 1) + " (bij byte " +
                              std::to_string(e.byte) + "): sla de API-antwoorden ongewijzigd op, één pagina per bestand of na elkaar");
        }
        docs.push_back(std::move(doc));
    }
    return docs;
}

// --- the private API list ---------------------------------------------------------------------------

std::unique_ptr<SignalenExport> api_list(const std::vector<json>& docs) {
    std::vector<const json*> results;
    std::int64_t count = -1;
    std::size_t pages = 0;
    const auto page = [&](const json& p) {
        const auto& r = member(p, "results");
        if (!r.is_array()) return false;
        ++pages;
        if (const auto& c = member(p, "count"); c.is_number_integer()) count = std::max(count, c.get<std::int64_t>());
        for (const auto& s : r) results.push_back(&s);
        return true;
    };
    for (const auto& doc : docs) {
        if (page(doc)) continue;
        if (!doc.is_array()) return nullptr;
        for (const auto& element : doc)
            if (!page(element)) {
                if (!element.is_object() || !element.contains("created_at")) return nullptr;
                results.push_back(&element);  // a list of results without the page around it
            }
    }
    if (pages == 0 && results.empty()) return nullptr;

    auto out = std::make_unique<SignalenExport>(memory_path(), "Signalen API-lijst (JSON)");
    Writer writer(out->path());
    std::size_t deelmeldingen = 0;
    for (const json* s : results) {
        Row r;
        r.id = json_text(*s, "id");
        r.datum = json_text(*s, "created_at");
        r.bron = json_text(*s, "source");
        const auto& category = member(*s, "category");
        r.categorie = json_text(category, "main");
        if (r.categorie.empty()) r.categorie = json_text(category, "sub");
        const auto& location = member(*s, "location");
        take_point(r, member(location, "geometrie"));
        take_address(r, member(location, "address"));
        if (member(*s, "has_parent") == true) ++deelmeldingen;
        writer.add(r);
    }
    writer.close();
    out->rijen = writer.count();
    if (pages > 1) out->waarschuwingen.push_back(count_text(static_cast<std::int64_t>(pages), "pagina", "pagina's") + " van de API-lijst gelezen");
    if (count > static_cast<std::int64_t>(results.size()))
        out->waarschuwingen.push_back("de API meldt count " + std::to_string(count) + ", het bestand bevat er " + std::to_string(results.size()) +
                                      ": haal ook de volgende pagina's op (_links.next) en geef ze samen op");
    if (deelmeldingen > 0)
        out->waarschuwingen.push_back(count_text(static_cast<std::int64_t>(deelmeldingen), "melding is een deelmelding", "meldingen zijn deelmeldingen") +
                                      " (has_parent): ze tellen naast de melding waaruit ze zijn gesplitst");
    return out;
}

// --- the public geography ---------------------------------------------------------------------------

const json& features_of(const json& doc) {
    static const json none;
    return json_text(doc, "type") == "FeatureCollection" ? member(doc, "features") : none;
}

// Signalen's public geography: FeatureCollections whose features have created_at and a category with
// name/slug/parent, and no id (the private geography has one and is read by GDAL as it is).
bool is_public_geography(const std::vector<json>& docs) {
    bool collection = false;
    for (const auto& doc : docs) {
        if (json_text(doc, "type") != "FeatureCollection") return false;
        collection = true;
        const auto& features = features_of(doc);
        if (features.is_array() && !features.empty()) {
            const auto& p = member(features[0], "properties");
            if (p.contains("id") || !p.contains("created_at") || !member(p, "category").contains("slug")) return false;
        }
    }
    return collection;
}

std::unique_ptr<SignalenExport> public_geography(const std::vector<json>& docs) {
    auto out = std::make_unique<SignalenExport>(memory_path(), "Signalen publieke geography (GeoJSON)");
    Writer writer(out->path());
    std::size_t n = 0;
    for (const auto& doc : docs)
        for (const auto& f : features_of(doc)) {  // "features": null on an empty page
            ++n;
            Row r;
            const auto& p = member(f, "properties");
            r.datum = json_text(p, "created_at");
            const auto& category = member(p, "category");
            r.categorie = json_text(member(category, "parent"), "name");
            if (r.categorie.empty()) r.categorie = json_text(category, "name");
            take_point(r, member(f, "geometry"));
            // No id in this export: one from when and where, the same in the next download.
            const auto key = r.datum + "|" + r.lon + "|" + r.lat;
            r.id = key == "||" ? "geo-rij-" + std::to_string(n) : "geo-" + sha256_hex(key).substr(0, 16);
            writer.add(r);
        }
    writer.close();
    out->rijen = writer.count();
    out->waarschuwingen.push_back(
        "de publieke geography heeft geen id: elke melding kreeg er een uit created_at en coördinaat (geo- en 16 tekens SHA-256), "
        "dezelfde bij een volgende download");
    out->waarschuwingen.push_back(
        "de publieke geography bevat alleen openstaande meldingen in openbare categorieën: afgehandelde en geannuleerde "
        "ontbreken; gebruik voor een analyse liever de API-lijst of de datawarehouse-dump");
    return out;
}

// --- the datawarehouse dump -------------------------------------------------------------------------

std::string directory_of(const std::string& path) {
    const auto slash = path.find_last_of('/');
    return slash == std::string::npos ? "." : path.substr(0, slash);
}
std::string name_of(const std::string& path) {
    const auto slash = path.find_last_of('/');
    return slash == std::string::npos ? path : path.substr(slash + 1);
}

bool is_directory(const std::string& path) {
    VSIStatBufL stat{};
    return VSIStatL(path.c_str(), &stat) == 0 && VSI_ISDIR(stat.st_mode);
}

bool is_file(const std::string& path) {
    VSIStatBufL stat{};
    return VSIStatL(path.c_str(), &stat) == 0 && !VSI_ISDIR(stat.st_mode);
}

// The files in `dir` called `name`, or ending in "_" + name: Signalen's local storage puts the time
// in front (120000UTC_signals.csv), on the files and in the zip.
std::vector<std::string> named(const std::string& dir, const std::string& name) {
    std::vector<std::string> found;
    char** list = VSIReadDir(dir.c_str());
    for (char** entry = list; entry && *entry; ++entry) {
        const auto file = ascii_lower(*entry);
        if (file == name || (file.size() > name.size() && file.ends_with("_" + name))) found.push_back(dir + "/" + *entry);
    }
    CSLDestroy(list);
    std::sort(found.begin(), found.end());
    return found;
}

std::string list_names(const std::vector<std::string>& paths) {
    std::string out;
    for (const auto& p : paths) out += (out.empty() ? "" : ", ") + name_of(p);
    return out;
}

// The sibling of signals.csv: the same time prefix first, else the only one in the folder.
std::string sibling(const std::string& signals, const std::string& name) {
    const auto dir = directory_of(signals);
    const auto file = name_of(signals);
    auto same_prefix = dir + "/" + file.substr(0, file.size() - std::string("signals.csv").size()) + name;
    if (is_file(same_prefix)) return same_prefix;
    const auto found = named(dir, name);
    if (found.size() > 1)
        throw input_error(signals + ": de map bevat meer dan één " + name + " (" + list_names(found) +
                          "): zet elke datawarehouse-dump in een eigen map");
    return found.empty() ? "" : found[0];
}

// A CSV file of the dump through OGR (quoted fields span lines: Signalen's text holds newlines).
template <class Each>
void each_csv_row(const std::string& path, std::initializer_list<std::string_view> required, Each&& each) {
    auto dataset = open_vector(path, {}, "CSV");
    auto& layer = *dataset->GetLayer(0);
    const Columns columns(layer, path);
    for (const auto name : required) columns.required(name);
    layer.ResetReading();
    CPLErrorReset();
    std::size_t rows = 0;
    for (FeaturePtr f{layer.GetNextFeature()}; f; f.reset(layer.GetNextFeature()), ++rows) each(*f, columns);
    if (CPLGetLastErrorType() >= CE_Failure)
        throw input_error(path + ": lezen gestopt na " + std::to_string(rows) + " rijen; GDAL meldt: " + CPLGetLastErrorMsg());
}

bool has_columns(const std::string& path, std::initializer_list<std::string_view> names) {
    auto dataset = open_vector(path, {}, "CSV");
    const Columns columns(*dataset->GetLayer(0), path);
    for (const auto name : names)
        if (columns.optional(name) < 0) return false;
    return true;
}

struct Location {
    std::string lon, lat, postcode, huisnummer, huisletter, toevoeging;
};

bool in_range(const std::optional<double>& v, double low, double high) { return v && *v >= low && *v <= high; }

std::unique_ptr<SignalenExport> datawarehouse(const std::string& signals_csv) {
    const auto locations_csv = sibling(signals_csv, "locations.csv");
    const auto categories_csv = sibling(signals_csv, "categories.csv");
    if (locations_csv.empty())
        throw input_error(signals_csv + ": locations.csv ontbreekt ernaast; geef de hele datawarehouse-dump (signals.csv, "
                                        "locations.csv en categories.csv in één map of zip)");

    struct Signal {
        std::string id, datum, bron, location_id, category_id;
    };
    std::vector<Signal> signals;
    std::unordered_set<std::string> wanted_locations, wanted_categories;
    std::size_t deelmeldingen = 0;
    each_csv_row(signals_csv, {"id", "created_at", "location_id", "category_assignment_id"}, [&](OGRFeature& f, const Columns& c) {
        // Only these columns: text, text_extra, extra_properties and reporter_id stay in the file.
        Signal s{field_text(f, c.optional("id")), field_text(f, c.optional("created_at")), field_text(f, c.optional("source")),
                 field_text(f, c.optional("location_id")), field_text(f, c.optional("category_assignment_id"))};
        if (!field_text(f, c.optional("parent")).empty()) ++deelmeldingen;
        wanted_locations.insert(s.location_id);
        wanted_categories.insert(s.category_id);
        signals.push_back(std::move(s));
    });

    // Signalen writes lat = ST_X(geometrie) and lng = ST_Y: the longitude under the name lat (its own
    // test asserts row['lat'] == location.geometrie.x). The Dutch ranges of longitude (3-8) and latitude
    // (50-54) do not overlap, so each row shows which way round it is.
    std::unordered_map<std::string, Location> locations;
    std::size_t swapped = 0, as_named = 0, neither = 0;
    each_csv_row(locations_csv, {"id", "lat", "lng"}, [&](OGRFeature& f, const Columns& c) {
        auto id = field_text(f, c.optional("id"));
        if (!wanted_locations.contains(id)) return;  // an earlier location of a melding that was moved
        Location l;
        const auto lat = field_text(f, c.optional("lat")), lng = field_text(f, c.optional("lng"));
        const auto x = parse_number(lat), y = parse_number(lng);
        if (in_range(x, 50, 54) && in_range(y, 3, 8)) {
            ++as_named;
            l.lon = lng, l.lat = lat;
        } else {
            if (in_range(x, 3, 8) && in_range(y, 50, 54)) ++swapped;
            else if (!lat.empty() || !lng.empty()) ++neither;
            l.lon = lat, l.lat = lng;  // as Signalen writes them; the reader rejects what is not in the Netherlands
        }
        if (const auto address = json::parse(field_text(f, c.optional("address")), nullptr, false); address.is_object()) {
            Row r;
            take_address(r, address);
            l.postcode = r.postcode, l.huisnummer = r.huisnummer, l.huisletter = r.huisletter, l.toevoeging = r.toevoeging;
        } else {
            // The flat copies of the address (no huisletter or toevoeging); "null" where there is none.
            const auto flat = [&](const char* column) {
                auto v = field_text(f, c.optional(column));
                return v == "null" ? std::string() : v;
            };
            l.postcode = flat("address_postalcode"), l.huisnummer = flat("address_number");
        }
        locations.emplace(std::move(id), std::move(l));
    });

    std::unordered_map<std::string, std::string> categories;
    if (!categories_csv.empty())
        each_csv_row(categories_csv, {"id", "main", "sub"}, [&](OGRFeature& f, const Columns& c) {
            auto id = field_text(f, c.optional("id"));
            if (!wanted_categories.contains(id)) return;  // an earlier category of a melding
            auto main = field_text(f, c.optional("main"));
            categories.emplace(std::move(id), main.empty() ? field_text(f, c.optional("sub")) : std::move(main));
        });

    auto out = std::make_unique<SignalenExport>(memory_path(), "Signalen datawarehouse-CSV (signals.csv, locations.csv, categories.csv)");
    out->ook_gelezen = {locations_csv};
    if (!categories_csv.empty()) out->ook_gelezen.push_back(categories_csv);
    Writer writer(out->path());
    std::size_t without_location = 0, without_category = 0;
    for (const auto& s : signals) {
        Row r{s.id, s.datum, "", s.bron, "", "", "", "", "", ""};
        if (const auto it = locations.find(s.location_id); it != locations.end()) {
            const auto& l = it->second;
            r.lon = l.lon, r.lat = l.lat, r.postcode = l.postcode, r.huisnummer = l.huisnummer, r.huisletter = l.huisletter,
            r.toevoeging = l.toevoeging;
        } else {
            ++without_location;
        }
        if (const auto it = categories.find(s.category_id); it != categories.end()) r.categorie = it->second;
        else ++without_category;
        writer.add(r);
    }
    writer.close();
    out->rijen = writer.count();

    auto& w = out->waarschuwingen;
    w.push_back("gelezen: " + name_of(signals_csv) + ", " + name_of(locations_csv) +
                (categories_csv.empty() ? "" : ", " + name_of(categories_csv)) + " uit " + directory_of(signals_csv));
    if (categories_csv.empty()) w.push_back("categories.csv ontbreekt naast signals.csv: elke melding heeft categorie 'onbekend'");
    std::string ways;
    if (swapped) ways += count_text(static_cast<std::int64_t>(swapped), "rij", "rijen") + " verwisseld gelezen (lat als lengtegraad)";
    if (as_named) ways += (ways.empty() ? "" : ", ") + count_text(static_cast<std::int64_t>(as_named), "rij", "rijen") + " zoals de kolommen heten";
    if (neither) ways += (ways.empty() ? "" : ", ") + count_text(static_cast<std::int64_t>(neither), "rij", "rijen") + " buiten Nederland in beide lezingen";
    if (!ways.empty())
        w.push_back("locations.csv: Signalen schrijft de lengtegraad in de kolom lat en de breedtegraad in lng "
                    "(lat = ST_X(geometrie)); per rij herkend aan de Nederlandse bereiken: " + ways);
    if (without_location)
        w.push_back(count_text(static_cast<std::int64_t>(without_location), "melding verwijst", "meldingen verwijzen") +
                    " naar een location_id die niet in locations.csv staat (dump onvolledig?)");
    if (without_category && !categories_csv.empty())
        w.push_back(count_text(static_cast<std::int64_t>(without_category), "melding verwijst", "meldingen verwijzen") +
                    " naar een category_assignment_id die niet in categories.csv staat: categorie 'onbekend'");
    if (deelmeldingen > 0)
        w.push_back(count_text(static_cast<std::int64_t>(deelmeldingen), "melding is een deelmelding", "meldingen zijn deelmeldingen") +
                    " (parent gezet): ze tellen naast de melding waaruit ze zijn gesplitst");
    return out;
}

// The signals.csv of a dump in `dir`; "" when there is none.
std::string signals_in(const std::string& dir, const std::string& source) {
    const auto found = named(dir, "signals.csv");
    if (found.size() > 1)
        throw input_error(source + ": bevat meer dan één signals.csv (" + list_names(found) +
                          "): geef het signals.csv van de dump die u bedoelt, of zet elke dump in een eigen map");
    return found.empty() ? "" : found[0];
}

}  // namespace

std::unique_ptr<SignalenExport> signalen_export(const std::string& source) {
    register_gdal_once();
    if (is_directory(source)) {
        const auto signals = signals_in(source, source);
        return signals.empty() || !has_columns(signals, {"location_id", "category_assignment_id"}) ? nullptr : datawarehouse(signals);
    }
    if (!is_file(source)) return nullptr;
    if (ascii_lower(source).ends_with(".zip")) {
        const auto zip = "/vsizip/" + source;
        const auto signals = is_directory(zip) ? signals_in(zip, source) : "";
        return signals.empty() || !has_columns(signals, {"location_id", "category_assignment_id"}) ? nullptr : datawarehouse(signals);
    }
    if (ascii_lower(name_of(source)).ends_with("signals.csv"))
        return has_columns(source, {"location_id", "category_assignment_id"}) ? datawarehouse(source) : nullptr;

    const auto head = read_source_text(source, 1 << 16);
    const auto first = head.find_first_not_of(" \t\r\n");
    if (first == std::string::npos || (head[first] != '{' && head[first] != '[')) return nullptr;
    const bool list = head.find("\"results\"") != std::string::npos;
    const bool geography = head.find("\"FeatureCollection\"") != std::string::npos && head.find("\"created_at\"") != std::string::npos &&
                           head.find("\"slug\"") != std::string::npos;
    if (!list && !geography) return nullptr;
    const auto docs = documents(read_source_text(source, std::string::npos), source);
    if (list)
        if (auto out = api_list(docs)) return out;
    return is_public_geography(docs) ? public_geography(docs) : nullptr;
}

}  // namespace onregel
