// The Kadaster LV BAG 2.0 extract through GDAL's LVBAG driver. Kadaster delivers a zip of zips (one
// inner zip per object type, each with one or more XML files); GDAL 3.6 does not descend into the
// inner zips, so they are listed here and every XML file is opened as its own dataset, in parallel.
// The extract holds every voorkomen: only the current one (no eindGeldigheid, not inactive) counts.
// Addresses are built from nummeraanduiding + openbare ruimte + woonplaats, joined by id.
#include <algorithm>
#include <cpl_minixml.h>
#include <cpl_vsi.h>
#include <tbb/parallel_for.h>
#include <unordered_map>
#include <unordered_set>

#include "engine/errors.hpp"
#include "layers/read/readers.hpp"
#include "layers/read/zip_directory.hpp"

namespace onregel {

namespace {

enum class LvType { vbo, lig, sta, pnd, num, opr, wpl };
// The object types' names in the manifest and `validate`, in LvType's order.
constexpr const char* type_names[] = {"verblijfsobject", "ligplaats", "standplaats", "pand", "nummeraanduiding", "openbareruimte",
                                      "woonplaats"};

struct LvFile {
    std::string path;
    LvType type;
};

// "0221VBO15092020-000001.xml", "9999VBO15092020.zip": gemeente/9999, type, date. The InOnderzoek,
// Inactief and NietBag parts of an extract do not match and are left out.
std::optional<LvType> lv_type(std::string_view name) {
    if (name.size() < 15 || name.substr(0, 4).find_first_not_of("0123456789") != std::string_view::npos) return std::nullopt;
    if (name[7] < '0' || name[7] > '9') return std::nullopt;
    static constexpr std::pair<std::string_view, LvType> types[] = {
        {"VBO", LvType::vbo}, {"LIG", LvType::lig}, {"STA", LvType::sta}, {"PND", LvType::pnd},
        {"NUM", LvType::num}, {"OPR", LvType::opr}, {"WPL", LvType::wpl}};
    for (const auto& [code, type] : types)
        if (name.substr(4, 3) == code) return type;
    return std::nullopt;
}

// An LV BAG XML file by what it holds, whatever its name: the extract's root element, then the first
// object's element (a few KiB in, after the bagInfo header).
std::optional<LvType> lv_type_by_content(const std::string& path) {
    VSILFILE* file = VSIFOpenL(path.c_str(), "rb");
    if (!file) return std::nullopt;
    std::string head(1 << 16, '\0');
    head.resize(VSIFReadL(head.data(), 1, head.size(), file));
    VSIFCloseL(file);
    if (head.find("bagStand") == std::string::npos || head.find("www.kadaster.nl/schemas/lvbag") == std::string::npos) return std::nullopt;
    static constexpr std::pair<std::string_view, LvType> types[] = {
        {"Verblijfsobject", LvType::vbo}, {"Ligplaats", LvType::lig},         {"Standplaats", LvType::sta}, {"Pand", LvType::pnd},
        {"Nummeraanduiding", LvType::num}, {"OpenbareRuimte", LvType::opr}, {"Woonplaats", LvType::wpl}};
    for (std::size_t at = head.find("<Objecten:"); at != std::string::npos; at = head.find("<Objecten:", at + 1)) {
        const auto name = std::string_view(head).substr(at + 10);
        for (const auto& [element, type] : types)
            if (name.substr(0, element.size()) == element && name.size() > element.size() &&
                (name[element.size()] == '>' || name[element.size()] == ' '))
                return type;
    }
    return std::nullopt;
}

bool ends_with(std::string_view s, std::string_view suffix) {
    if (s.size() < suffix.size()) return false;
    for (std::size_t i = 0; i < suffix.size(); ++i) {
        char c = s[s.size() - suffix.size() + i];
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
        if (c != suffix[i]) return false;
    }
    return true;
}

std::string base_name(const std::string& path) {
    const auto slash = path.find_last_of('/');
    return slash == std::string::npos ? path : path.substr(slash + 1);
}

// macOS zips carry resource forks (__MACOSX/._name.xml) that look like the real files.
bool is_resource_fork(const std::string& name) {
    return name.find("__MACOSX") != std::string::npos || base_name(name).rfind("._", 0) == 0;
}

std::vector<std::string> list_recursive(const std::string& dir) {
    std::vector<std::string> names;
    char** entries = VSIReadDirRecursive(dir.c_str());
    for (char** e = entries; e && *e; ++e)
        if (!is_resource_fork(*e)) names.push_back(*e);
    CSLDestroy(entries);
    std::sort(names.begin(), names.end());
    return names;
}

// A small zip can promise gigabytes or a million entries. Kadaster's deliveries stay far below these,
// checked on the central directories before anything is unpacked (GDAL reads no further than the
// sizes declared there). VSIReadDirRecursive is quadratic in the entries of a zip, so zips are
// listed from their central directory.
constexpr std::uint64_t max_entries = 50'000;  // over the whole extract; a national one has a few thousand
constexpr std::uint64_t max_ratio = 300;       // LV BAG XML packs 10 to 70 times; deflate allows about 1,000
constexpr std::uint64_t ratio_free_size = 1 << 20;
constexpr std::uint64_t max_leveringsdocument = 1 << 20;  // a few KiB, parsed whole in memory

// The files in the zip at `zip` (a file or VSI path), without resource forks; takes its entries
// from `entries_left`.
std::vector<std::string> list_zip(const std::string& zip, std::uint64_t& entries_left) {
    std::vector<std::string> names;
    const auto entries = zip_entries(zip, entries_left);
    entries_left -= entries.size();
    for (const auto& entry : entries) {
        if (entry.size > ratio_free_size && entry.size / max_ratio > entry.compressed)
            throw input_error(zip + "/" + entry.name + ": pakt uit tot " + std::to_string(entry.size) + " bytes uit " +
                              std::to_string(entry.compressed) + " (meer dan " + std::to_string(max_ratio) +
                              " keer zo groot); zo'n bestand hoort niet in een LV BAG-levering");
        if (!entry.name.ends_with('/') && !is_resource_fork(entry.name)) names.push_back(entry.name);
    }
    std::sort(names.begin(), names.end());
    return names;
}

struct Extract {
    std::vector<LvFile> files;
    std::string leveringsdocument;
};

// The XML files of an extract: in a directory, a zip, or the zips inside a zip (Kadaster's delivery).
Extract find_files(const std::string& source) {
    VSIStatBufL stat{};
    std::string root;
    std::uint64_t entries_left = max_entries;
    std::vector<std::string> names;
    if (VSIStatL(source.c_str(), &stat) == 0 && VSI_ISDIR(stat.st_mode)) {
        root = source;
        names = list_recursive(root);
    } else if (ends_with(source, ".zip")) {
        root = "/vsizip/" + source;
        names = list_zip(source, entries_left);
    } else if (ends_with(source, ".xml")) {  // one object type's file on its own
        const auto slash = source.find_last_of('/');
        root = slash == std::string::npos ? "." : source.substr(0, slash);
        names = {base_name(source)};
    } else {
        return {};
    }
    Extract extract;
    for (const auto& name : names) {
        const auto file = base_name(name);
        const auto path = root + "/" + name;
        if (ends_with(file, ".xml") && file.rfind("Leveringsdocument", 0) == 0) extract.leveringsdocument = path;
        auto type = lv_type(file);
        if (!type && ends_with(file, ".xml")) type = lv_type_by_content(path);
        if (!type) continue;
        if (ends_with(file, ".xml")) {
            extract.files.push_back({path, *type});
        } else if (ends_with(file, ".zip")) {
            const auto inner = "/vsizip/" + path;
            for (const auto& xml : list_zip(path, entries_left))
                if (ends_with(xml, ".xml")) extract.files.push_back({inner + "/" + xml, *type});
        }
    }
    return extract;
}

// What the Leveringsdocument says: the gemeenten selected and the date of the extract.
struct Levering {
    std::vector<std::pair<std::string, std::string>> gemeenten;  // code, naam
    std::optional<Date> stand;
};

void collect(const CPLXMLNode* node, Levering& out) {
    for (; node; node = node->psNext) {
        if (node->eType != CXT_Element) continue;
        const std::string_view name = node->pszValue;
        if (name == "Gemeente")
            out.gemeenten.emplace_back(CPLGetXMLValue(node, "GemeenteIdentificatie", ""), CPLGetXMLValue(node, "GemeenteNaam", ""));
        else if (name == "StandTechnischeDatum")
            try {
                out.stand = parse_date(CPLGetXMLValue(node, nullptr, ""));
            } catch (const input_error&) {
            }
        collect(node->psChild, out);
    }
}

Levering read_levering(const std::string& path) {
    Levering levering;
    if (path.empty()) return levering;
    if (VSIStatBufL stat{}; VSIStatL(path.c_str(), &stat) == 0 && static_cast<std::uint64_t>(stat.st_size) > max_leveringsdocument)
        throw input_error(path + ": Leveringsdocument van " + std::to_string(stat.st_size) + " bytes, meer dan de " +
                          std::to_string(max_leveringsdocument) + " die onregel leest (een echt Leveringsdocument is enkele KiB)");
    CPLXMLNode* root = CPLParseXMLFile(path.c_str());
    if (!root) return levering;
    CPLStripXMLNamespace(root, nullptr, TRUE);
    collect(root, levering);
    CPLDestroyXMLNode(root);
    return levering;
}

// One current voorkomen of any object type; fields unused by a type stay empty.
struct Record {
    std::string id;
    std::int64_t voorkomen = 0;
    std::string label;  // "0221VBO15092020-000001.xml feature 3", for rejects
    // vbo, lig, sta
    std::string status, gebruiksdoel, oppervlakte, hoofdadres, pand;
    std::vector<std::string> nevenadressen;
    std::optional<Point> punt;
    std::optional<RowError> error;  // a field or the location could not be read
    // num
    std::string huisnummer, huisletter, toevoeging, postcode, openbare_ruimte, woonplaats;
    // opr, wpl
    std::string naam;
    // pnd
    std::string bouwjaar;
    std::vector<Point> omtrek;
};

struct FileRead {
    std::vector<Record> records;
    std::size_t historie = 0;
    std::string crs;
};

std::string joined(OGRFeature& f, int column, char separator) {
    std::string out;
    if (column < 0 || !f.IsFieldSetAndNotNull(column)) return out;
    for (char** item = f.GetFieldAsStringList(column); item && *item; ++item) out += (out.empty() ? "" : std::string(1, separator)) + *item;
    return out;
}

FileRead read_file(const LvFile& file, const ReadOptions& options) {
    auto dataset = open_vector(file.path, {"LEGACY_ID=YES"}, "LVBAG");
    FileRead out;
    // The driver parses the file while opening it and when its layer is first asked for: broken XML
    // shows there (open_vector reset the error state first), with GDAL's parser message and line, and
    // must not pass for a file without the expected columns.
    const auto parsed = [&] {
        if (CPLGetLastErrorType() >= CE_Failure)
            throw input_error(file.path + ": geen geldig LV BAG-bestand; GDAL meldt: " + CPLGetLastErrorMsg());
    };
    if (dataset->GetLayerCount() < 1) {
        parsed();
        return out;
    }
    OGRLayer& layer = *dataset->GetLayer(0);
    layer.GetLayerDefn();
    parsed();
    const Columns c(layer, file.path);
    const int c_id = c.required("identificatie"), c_voorkomen = c.optional("voorkomenIdentificatie");
    const int c_eind = c.optional("eindGeldigheid"), c_inactief = c.optional("tijdstipInactief");
    const bool addressable = file.type == LvType::vbo || file.type == LvType::lig || file.type == LvType::sta;
    std::unique_ptr<PointReader> points;
    if (addressable) {
        points = std::make_unique<PointReader>(layer, c, file.path, options);
        out.crs = points->crs();
    }
    std::unique_ptr<ToRd> to_rd;
    if (file.type == LvType::pnd) to_rd = std::make_unique<ToRd>(layer.GetSpatialRef(), options.input_srs, file.path);
    const int c_status = c.optional("status"), c_doel = c.optional("gebruiksdoel"), c_opp = c.optional("oppervlakte");
    const int c_hoofd = c.optional("hoofdadresNummeraanduidingRef"), c_neven = c.optional("nevenadresNummeraanduidingRef");
    const int c_pand = c.optional("pandRef"), c_nummer = c.optional("huisnummer"), c_letter = c.optional("huisletter");
    const int c_toev = c.optional("huisnummerToevoeging"), c_postcode = c.optional("postcode");
    const int c_opr = c.optional("openbareruimteRef"), c_wpl = c.optional("woonplaatsRef"), c_naam = c.optional("naam");
    const int c_bouwjaar = c.optional("oorspronkelijkBouwjaar");
    const auto label = base_name(file.path) + " feature ";
    for (FeaturePtr f{layer.GetNextFeature()}; f; f.reset(layer.GetNextFeature())) {
        if (f->IsFieldSetAndNotNull(c_eind) || f->IsFieldSetAndNotNull(c_inactief)) {
            ++out.historie;
            continue;
        }
        Record r;
        r.label = label + std::to_string(f->GetFID());
        try {
            r.id = field_text(*f, c_id);
            r.voorkomen = c_voorkomen >= 0 ? f->GetFieldAsInteger64(c_voorkomen) : 0;
            switch (file.type) {
                case LvType::vbo:
                case LvType::lig:
                case LvType::sta:
                    r.status = field_text(*f, c_status);
                    r.gebruiksdoel = joined(*f, c_doel, ',');
                    r.oppervlakte = field_text(*f, c_opp);
                    r.hoofdadres = field_text(*f, c_hoofd);
                    if (const auto neven = joined(*f, c_neven, ','); !neven.empty())
                        for (std::size_t start = 0;;) {
                            const auto cut = neven.find(',', start);
                            r.nevenadressen.push_back(neven.substr(start, cut - start));
                            if (cut == std::string::npos) break;
                            start = cut + 1;
                        }
                    r.pand = joined(*f, c_pand, ',');
                    r.pand = r.pand.substr(0, r.pand.find(','));  // the model keeps one pand: the first listed
                    r.punt = points->read(*f);
                    break;
                case LvType::num:
                    r.huisnummer = field_text(*f, c_nummer);
                    r.huisletter = field_text(*f, c_letter);
                    r.toevoeging = field_text(*f, c_toev);
                    r.postcode = field_text(*f, c_postcode);
                    r.openbare_ruimte = field_text(*f, c_opr);
                    r.woonplaats = field_text(*f, c_wpl);
                    break;
                case LvType::opr:
                    r.naam = field_text(*f, c_naam);
                    r.woonplaats = field_text(*f, c_wpl);
                    break;
                case LvType::wpl: r.naam = field_text(*f, c_naam); break;
                case LvType::pnd:
                    r.status = field_text(*f, c_status);
                    r.bouwjaar = field_text(*f, c_bouwjaar);
                    r.omtrek = outline(f->GetGeometryRef(), *to_rd);
                    break;
            }
        } catch (RowError& e) {
            r.error = std::move(e);
        }
        out.records.push_back(std::move(r));
        CPLErrorReset();
    }
    parsed();
    return out;
}

// Current records by id; two current voorkomens of one id (a register error) resolve to the latest.
using ById = std::unordered_map<std::string, const Record*>;
void index_records(const std::vector<FileRead>& reads, const std::vector<LvFile>& files, LvType type, ById& out) {
    for (std::size_t i = 0; i < files.size(); ++i) {
        if (files[i].type != type) continue;
        for (const auto& r : reads[i].records) {
            auto [it, added] = out.emplace(r.id, &r);
            if (!added && r.voorkomen > it->second->voorkomen) it->second = &r;
        }
    }
}

const Record* find(const ById& map, const std::string& id) {
    const auto it = map.find(id);
    return it == map.end() ? nullptr : it->second;
}

}  // namespace

bool is_lvbag_extract(const std::string& source) {
    register_gdal_once();
    for (const auto& f : find_files(source).files)
        if (f.type == LvType::vbo) return true;
    return false;
}

void read_lvbag(const std::string& source, const ReadOptions& options, Town& town,
                std::vector<NevenAdres>& nevenadressen, Rejects& rejects, LayerStats& stats) {
    register_gdal_once();
    const auto extract = find_files(source);
    const auto levering = read_levering(extract.leveringsdocument);
    stats.bron = source;
    stats.driver = "LVBAG";
    stats.stand = levering.stand;
    if (!options.gemeente.empty()) {
        std::string listed;
        bool covered = false;
        for (const auto& [code, naam] : levering.gemeenten) {
            listed += (listed.empty() ? "" : ", ") + code + " (" + naam + ")";
            covered = covered || code == options.gemeente;
        }
        if (levering.gemeenten.empty())
            throw input_error(source + ": --gemeente " + options.gemeente +
                              " vraagt een gemeente-extract (het Leveringsdocument noemt de gemeente); dit extract noemt er geen");
        if (!covered)
            throw input_error(source + ": --gemeente " + options.gemeente + " zit niet in dit extract, dat " + listed + " beslaat");
        stats.selectie = "gemeente " + options.gemeente;
    }
    if (options.bbox) stats.selectie += std::string(stats.selectie.empty() ? "" : ", ") + "bbox";

    std::vector<FileRead> reads(extract.files.size());
    tbb::parallel_for(std::size_t{0}, extract.files.size(), [&](std::size_t i) { reads[i] = read_file(extract.files[i], options); });

    ById wpl, opr, num, pnd;
    index_records(reads, extract.files, LvType::wpl, wpl);
    index_records(reads, extract.files, LvType::opr, opr);
    index_records(reads, extract.files, LvType::num, num);
    index_records(reads, extract.files, LvType::pnd, pnd);

    // The records a verblijfsobject uses (its address parts, its pand), counted when it is used.
    std::vector<const Record*> uses;
    auto address_of = [&](const std::string& ref, const char* what) {
        const Record* n = find(num, ref);
        if (!n) throw RowError{Reden::nummeraanduiding_ontbreekt, ref, what};
        const auto postcode = normalise_postcode(n->postcode);
        if (!postcode && !n->postcode.empty()) throw RowError{Reden::nummeraanduiding_postcode_ongeldig, n->postcode, what};
        const auto nummer = parse_huisnummer(n->huisnummer, n->huisletter, n->toevoeging);
        if (!nummer) throw RowError{Reden::nummeraanduiding_huisnummer_ongeldig, n->huisnummer, what};
        const Record* o = find(opr, n->openbare_ruimte);
        // A nummeraanduiding may lie in another woonplaats than its openbare ruimte.
        const Record* w = find(wpl, !n->woonplaats.empty() ? n->woonplaats : o ? o->woonplaats : "");
        uses.insert(uses.end(), {n, o, w});
        return std::pair{Adres{o ? o->naam : "", nummer->nummer, nummer->huisletter, nummer->toevoeging, postcode.value_or(""),
                               w ? w->naam : ""},
                         *nummer};
    };

    std::unordered_map<BagId, std::int32_t> pand_index;
    std::unordered_map<std::string, std::uint32_t> seen;
    std::unordered_set<const Record*> used;  // the records of other types that a used verblijfsobject needs
    static constexpr const char* historie = "historie (voorkomen met eindGeldigheid of inactief)";
    for (std::size_t i = 0; i < extract.files.size(); ++i) {
        const auto type = extract.files[i].type;
        auto& telling = stats.objecttypen[type_names[static_cast<std::size_t>(type)]];
        telling.rijen += reads[i].records.size() + reads[i].historie;
        if (reads[i].historie) telling.overgeslagen[historie] += reads[i].historie;
        if (type != LvType::vbo && type != LvType::lig && type != LvType::sta) continue;
        if (!reads[i].crs.empty()) stats.crs = reads[i].crs;
        stats.rows += reads[i].records.size() + reads[i].historie;
        if (reads[i].historie) stats.overgeslagen[historie] += reads[i].historie;
        for (const auto& r : reads[i].records) {
            uses.clear();
            try {
                if (const auto problem = bag_id_problem(r.id)) throw RowError{*problem, r.id};
                if (seen.count(r.id)) throw RowError{Reden::bag_id_dubbel, r.id};
                if (r.error) throw RowError(*r.error);
                if (!r.punt) throw RowError{Reden::geen_locatie, ""};
                if (options.bbox && !options.bbox->contains(*r.punt)) throw RowSkipped{buiten_selectie};
                Verblijfsobject v;
                v.id = *bag_id_number(r.id);  // checked above
                v.punt = *r.punt;
                if (type == LvType::vbo) {
                    try {
                        v.gebruiksdoelen = parse_gebruiksdoelen(r.gebruiksdoel);
                        v.status = parse_vbo_status(r.status);
                    } catch (const input_error&) {
                        throw RowError{v.gebruiksdoelen ? Reden::status_onbekend : Reden::gebruiksdoel_onbekend,
                                       v.gebruiksdoelen ? r.status : r.gebruiksdoel};
                    }
                    const auto opp = parse_number(r.oppervlakte);
                    if (!opp || *opp <= 0) throw RowError{Reden::oppervlakte_niet_positief, r.oppervlakte};
                    v.oppervlakte = static_cast<std::int32_t>(*opp);
                } else {
                    v.status = plaats_status(r.status);
                }
                if (r.hoofdadres.empty()) throw RowError{Reden::hoofdadres_ontbreekt, ""};
                v.adres = address_of(r.hoofdadres, "hoofdadres").first;
                const auto index = static_cast<std::uint32_t>(town.verblijfsobjecten.size());
                std::vector<NevenAdres> neven;
                for (const auto& ref : r.nevenadressen) {
                    const auto [adres, nummer] = address_of(ref, "nevenadres");
                    if (!adres.postcode.empty()) neven.push_back({index, adres.postcode, nummer});
                }
                if (!r.pand.empty()) {
                    const Record* p = find(pnd, r.pand);
                    uses.push_back(p);
                    const auto pand = bag_id_number(r.pand);
                    if (!pand) throw RowError{Reden::pandref_ongeldig, r.pand};
                    auto [it, added] = pand_index.emplace(*pand, static_cast<std::int32_t>(town.panden.size()));
                    if (added) {
                        const auto jaar = p ? parse_number(p->bouwjaar) : std::nullopt;
                        town.panden.push_back({*pand, jaar ? static_cast<std::int32_t>(*jaar) : 0, p ? p->status : "",
                                               p ? p->omtrek : std::vector<Point>{}});
                    }
                    v.pand = it->second;
                    v.bouwjaar = town.panden[static_cast<std::size_t>(v.pand)].bouwjaar;
                }
                seen.emplace(r.id, index);
                town.verblijfsobjecten.push_back(v);
                nevenadressen.insert(nevenadressen.end(), neven.begin(), neven.end());
                used.insert(uses.begin(), uses.end());
                ++stats.used;
                ++telling.gebruikt;
            } catch (const RowError& e) {
                rejects.add("bag", source, r.label, r.id, e);
                ++telling.afgewezen;
            } catch (const RowSkipped& s) {
                ++stats.overgeslagen[s.reden];
                ++telling.overgeslagen[s.reden];
            }
        }
    }
    // The current records of the other types: used when a used verblijfsobject needs them, else not needed.
    for (std::size_t i = 0; i < extract.files.size(); ++i) {
        const auto type = extract.files[i].type;
        if (type == LvType::vbo || type == LvType::lig || type == LvType::sta) continue;
        auto& telling = stats.objecttypen[type_names[static_cast<std::size_t>(type)]];
        for (const auto& r : reads[i].records) {
            if (used.count(&r)) ++telling.gebruikt;
            else ++telling.overgeslagen[niet_nodig];
        }
    }
    if (stats.rows == 0) throw input_error(source + ": LV BAG-extract zonder verblijfsobjecten (er zit geen *VBO*.xml in)");
}

}  // namespace onregel
