// The optional layers: omgevingsvergunning aanvragen, RDW erkenningen and past controle uitkomsten.
#include <algorithm>
#include <filesystem>
#include <unordered_map>
#include <unordered_set>

#include "engine/errors.hpp"
#include "engine/text.hpp"
#include "layers/read/readers.hpp"

namespace onregel {

namespace {

AddressColumns address_columns(const Columns& columns) {
    return {columns.optional("postcode"), columns.optional("huisnummer"), columns.optional("huisletter"),
            columns.optional("toevoeging")};
}

template <class Row>
Date required_date(Row& f, int column, const char* field) {
    std::optional<Date> date;
    try {
        date = field_date(f, column);
    } catch (const input_error&) {
        throw RowError{Reden::datum_ongeldig, field_text(f, column), field};
    }
    if (!date) throw RowError{Reden::veld_ontbreekt, "", field};
    return *date;
}

// --erkenningen takes one of two shapes, told apart by their columns:
// - the RDW open data as downloaded from opendata.rdw.nl: "Erkende bedrijven" (dataset 5k74-3jha, one
//   row per bedrijf with volgnummer, naam_bedrijf, straat, huisnummer, huisnummer_toevoeging and the
//   postcode split in postcode_numeriek and postcode_alfanumeriek) and "Erkenningen" (nmwb-dqkz: one
//   row per erkenning of a bedrijf, volgnummer and erkenning, e.g. "APK Lichte voertuigen"), joined on
//   volgnummer. The API's CSV names the columns by field name (naam_bedrijf), the portal's export by
//   display name (Naam bedrijf): both spellings are listed below, matched without regard to case.
// - one file with an erkenning per row: naam, soort and an address, BAG id or location (the sample town's).
enum class ErkenningenForm { eigen, rdw_bedrijven, rdw_erkenningen };

struct RdwBedrijfColumns {
    int volgnummer, naam, gevelnaam, postcode_numeriek, postcode_alfanumeriek, huisnummer, toevoeging;
    explicit RdwBedrijfColumns(const Columns& c)
        : volgnummer(c.optional("volgnummer")),
          naam(c.first_of({"naam_bedrijf", "naam bedrijf"})),
          gevelnaam(c.optional("gevelnaam")),
          postcode_numeriek(c.first_of({"postcode_numeriek", "postcode numeriek"})),
          postcode_alfanumeriek(c.first_of({"postcode_alfanumeriek", "postcode alfanumeriek"})),
          huisnummer(c.optional("huisnummer")),
          toevoeging(c.first_of({"huisnummer_toevoeging", "huisnummer toevoeging"})) {}
};

ErkenningenForm form_of(const Columns& columns) {
    const RdwBedrijfColumns rdw(columns);
    if (rdw.volgnummer >= 0 && rdw.postcode_numeriek >= 0) return ErkenningenForm::rdw_bedrijven;
    if (rdw.volgnummer >= 0 && columns.optional("erkenning") >= 0) return ErkenningenForm::rdw_erkenningen;
    return ErkenningenForm::eigen;
}

ErkenningenForm form_of_file(const std::string& path) {
    auto dataset = open_vector(path);
    auto& layer = pick_layer(*dataset, "erkenningen", path);
    return form_of(Columns(layer, path));
}

// The CSV files in `folder` by their RDW form, each list sorted; files GDAL cannot open are not ours.
struct RdwFiles {
    std::vector<std::string> bedrijven, soorten;
};

RdwFiles rdw_files_in(const std::filesystem::path& folder) {
    RdwFiles found;
    std::error_code ec;
    for (const auto& entry : std::filesystem::directory_iterator(folder, ec)) {
        const auto& path = entry.path();
        if (!entry.is_regular_file(ec) || !EQUAL(path.extension().string().c_str(), ".csv")) continue;
        try {
            const auto form = form_of_file(path.string());
            if (form == ErkenningenForm::rdw_bedrijven) found.bedrijven.push_back(path.string());
            if (form == ErkenningenForm::rdw_erkenningen) found.soorten.push_back(path.string());
        } catch (const input_error&) {  // unreadable: not an RDW download, whatever its name
        }
    }
    std::sort(found.bedrijven.begin(), found.bedrijven.end());
    std::sort(found.soorten.begin(), found.soorten.end());
    return found;
}

std::string file_list(const std::vector<std::string>& files) {
    std::string out;
    for (const auto& f : files) out += (out.empty() ? "" : ", ") + f;
    return out;
}

// The files behind --erkenningen: the bedrijven (or the own form), and the RDW Erkenningen that go
// with them ("" when there are none). The Erkenningen download is found by its columns, not its name:
// the portal names downloads by title and date. Given a folder, it holds both; given the Erkende
// bedrijven file, the Erkenningen file lies next to it.
struct ErkenningenFiles {
    std::string bedrijven;
    std::string soorten;
};

ErkenningenFiles erkenningen_files(const std::string& source) {
    std::error_code ec;
    const bool folder = std::filesystem::is_directory(source, ec);
    if (!folder) {
        const auto form = form_of_file(source);
        if (form == ErkenningenForm::eigen) return {source, ""};
        if (form == ErkenningenForm::rdw_erkenningen)
            throw input_error(
                source +
                ": dit is de RDW-dataset Erkenningen (volgnummer en erkenning, zonder adres); geef bij "
                "--erkenningen het bestand Erkende bedrijven, met dit bestand in dezelfde map, of de map met beide");
    }
    auto dir = folder ? std::filesystem::path(source) : std::filesystem::path(source).parent_path();
    if (dir.empty()) dir = ".";
    const auto found = rdw_files_in(dir);
    if (found.soorten.size() > 1)
        throw input_error(source + ": meer dan één RDW-bestand Erkenningen in " + dir.string() + " (" + file_list(found.soorten) +
                          "); laat er één staan, van dezelfde dag als Erkende bedrijven");
    ErkenningenFiles files{source, found.soorten.empty() ? "" : found.soorten[0]};
    if (folder) {
        if (found.bedrijven.size() != 1)
            throw input_error(source +
                              ": verwacht in deze map precies één RDW-bestand Erkende bedrijven (CSV met volgnummer en "
                              "postcode_numeriek), gevonden: " +
                              (found.bedrijven.empty() ? "geen" : file_list(found.bedrijven)));
        files.bedrijven = found.bedrijven[0];
    }
    return files;
}

// The kinds of erkenning per volgnummer from the RDW Erkenningen file, with every row counted in
// `telling`: used once its bedrijf is, otherwise skipped with the reason (never rejected: like a pand
// no used verblijfsobject refers to, such a row is read and not needed).
struct Soorten {
    std::vector<std::string> namen;
    std::size_t rijen = 0;
};

std::unordered_map<std::string, Soorten> read_soorten(const std::string& path, const ReadOptions& options, Telling& telling) {
    auto dataset = open_vector(path);
    auto& layer = pick_layer(*dataset, "erkenningen", path);
    const Columns columns(layer, path);
    const int c_volgnummer = columns.required("volgnummer");
    const int c_erkenning = columns.required("erkenning");
    std::unordered_map<std::string, Soorten> soorten;
    Rejects broken;  // rows the file itself spoils (a field too long, a quote left open): counted as skipped, by reason
    LayerStats read;
    read_rows(*dataset, layer, "erkenningen", path, options, broken, read, [&](auto& f, std::string& row_id) {
        row_id = field_text(f, c_volgnummer);
        auto erkenning = field_text(f, c_erkenning);
        if (row_id.empty() || erkenning.empty()) throw RowSkipped{"volgnummer of erkenning leeg"};
        auto& s = soorten[row_id];
        s.namen.push_back(std::move(erkenning));
        ++s.rijen;
    });
    telling.rijen += read.rows;
    for (const auto& [reden, n] : read.overgeslagen) telling.overgeslagen[reden] += n;
    for (const auto& r : broken.rows()) ++telling.overgeslagen[r.tekst()];
    return soorten;
}

constexpr const char* soort_onbekend = "soort onbekend";
// The RDW file covers the whole country: a postcode the BAG read does not have at all lies elsewhere.
constexpr const char* buiten_bag = "postcode niet in de gelezen BAG (het RDW-bestand is landelijk)";

void read_rdw_bedrijven(GDALDataset& dataset, OGRLayer& layer, const Columns& columns, const ErkenningenFiles& files,
                        const AddressIndex& index, const ReadOptions& options, Town& town, Rejects& rejects, LayerStats& stats) {
    const RdwBedrijfColumns c(columns);
    Telling telling;
    auto soorten =
        files.soorten.empty() ? std::unordered_map<std::string, Soorten>{} : read_soorten(files.soorten, options, telling);
    std::unordered_set<std::string> gebruikt, gezien;  // volgnummers
    std::size_t zonder_soort = 0;
    read_rows(dataset, layer, "erkenningen", files.bedrijven, options, rejects, stats, [&](auto& f, std::string& row_id) {
        Erkenning e;
        const auto volgnummer = row_id = field_text(f, c.volgnummer);
        gezien.insert(volgnummer);
        e.naam = field_text(f, c.naam);
        if (e.naam.empty()) e.naam = field_text(f, c.gevelnaam);
        const auto numeriek = field_text(f, c.postcode_numeriek), alfanumeriek = field_text(f, c.postcode_alfanumeriek);
        const Wanted wanted{"",
                            parse_address(numeriek + alfanumeriek, field_text(f, c.huisnummer), "", field_text(f, c.toevoeging)),
                            std::nullopt};
        const auto match = locate(index, wanted, options.match_radius);
        if (!match) {
            if (wanted.adres && !options.bbox && options.gemeente.empty() && !index.knows_postcode(wanted.adres->postcode))
                throw RowSkipped{buiten_bag};
            throw_unmatched(index, wanted, options);
        }
        e.vbo = static_cast<std::int32_t>(match->vbo);
        e.punt = index.point_of(match->vbo);
        const auto it = soorten.find(volgnummer);
        if (it != soorten.end()) {
            e.soort = join_distinct(it->second.namen, ", ");
            gebruikt.insert(volgnummer);
        } else {
            e.soort = soort_onbekend;
            ++zonder_soort;
        }
        stats.saw_match(match_route_name(match->route));
        ++stats.used;
        town.erkenningen.push_back(std::move(e));
    });
    for (const auto& [volgnummer, s] : soorten) {
        if (gebruikt.count(volgnummer))
            telling.gebruikt += s.rijen;
        else if (gezien.count(volgnummer))
            telling.overgeslagen["bedrijf niet gebruikt (afgewezen of overgeslagen)"] += s.rijen;
        else
            telling.overgeslagen["volgnummer niet in Erkende bedrijven (bestanden van verschillende dagen?)"] += s.rijen;
    }
    if (files.soorten.empty()) {
        stats.waarschuwingen.push_back("geen RDW-bestand Erkenningen naast " + files.bedrijven +
                                       ": de soort erkenning is onbekend (download ook de dataset Erkenningen, nmwb-dqkz, en zet "
                                       "die in dezelfde map)");
    } else {
        stats.bron = files.bedrijven + " + " + files.soorten;
        stats.objecttypen["erkenning"] = std::move(telling);
        if (zonder_soort)
            stats.waarschuwingen.push_back(count_text(static_cast<std::int64_t>(zonder_soort), "gebruikt erkend bedrijf heeft",
                                                      "gebruikte erkende bedrijven hebben") +
                                           " geen erkenning in " + files.soorten + " (bestanden van verschillende dagen?)");
    }
}

void read_own_erkenningen(GDALDataset& dataset, OGRLayer& layer, const Columns& columns, const std::string& source,
                          const AddressIndex& index, const ReadOptions& options, Town& town, Rejects& rejects,
                          LayerStats& stats) {
    const int c_naam = columns.first_of({"naam", "handelsnaam", "naam_bedrijf"});
    const int c_soort = columns.first_of({"soort", "erkenning", "soort_erkenning"});
    const int c_bag = columns.optional("bag_id");
    const auto address = address_columns(columns);
    const PointReader points(layer, columns, source, options);
    stats.crs = points.crs();
    read_rows(dataset, layer, "erkenningen", source, options, rejects, stats, [&](auto& f, std::string& row_id) {
        Erkenning e;
        e.naam = row_id = field_text(f, c_naam);
        e.soort = field_text(f, c_soort);
        // An erkenning is about a place: a location alone is enough, an address is matched when present.
        const Wanted wanted{field_text(f, c_bag), read_address(f, address), points.read(f)};
        if (options.bbox && wanted.punt && !options.bbox->contains(*wanted.punt)) throw RowSkipped{buiten_selectie};
        const auto match = locate(index, wanted, options.match_radius);
        if (match) {
            e.vbo = static_cast<std::int32_t>(match->vbo);
            e.punt = match->route == MatchRoute::coordinaat ? *wanted.punt : index.point_of(match->vbo);
        } else if (wanted.punt) {
            e.punt = *wanted.punt;
        } else {
            throw_unmatched(index, wanted, options);
        }
        stats.saw_match(match ? match_route_name(match->route) : "alleen_locatie");
        ++stats.used;
        town.erkenningen.push_back(std::move(e));
    });
}

}  // namespace

void read_vergunningen(const std::string& source, const AddressIndex& index, const ReadOptions& options, Town& town,
                       Rejects& rejects, LayerStats& stats) {
    auto dataset = open_vector(source);
    auto& layer = pick_layer(*dataset, "vergunningen", source);
    const Columns columns(layer, source);
    const int c_zaak = columns.required("zaaknummer");
    const int c_datum = columns.required("datum_aanvraag");
    const int c_aanvrager = columns.required("aanvrager");
    const int c_kosten = columns.required("bouwkosten");
    const int c_soort = columns.optional("soort");
    const int c_bag = columns.optional("bag_id");
    const auto address = address_columns(columns);
    std::unordered_set<std::string> seen;
    MangledIds mangled;
    read_rows(*dataset, layer, "vergunningen", source, options, rejects, stats, [&](auto& f, std::string& row_id) {
        Vergunning v;
        v.zaaknummer = row_id = field_text(f, c_zaak);
        if (v.zaaknummer.empty()) throw RowError{Reden::zaaknummer_ontbreekt, ""};
        if (!seen.insert(v.zaaknummer).second) throw RowError{Reden::zaaknummer_dubbel, v.zaaknummer};
        v.datum_aanvraag = required_date(f, c_datum, "datum_aanvraag");
        v.aanvrager = field_text(f, c_aanvrager);
        const auto kosten = field_text(f, c_kosten);
        const auto euro = parse_number(kosten);
        if (!euro || *euro < 0 || *euro > 1e12) throw RowError{Reden::bouwkosten_geen_bedrag, kosten};
        v.bouwkosten = static_cast<std::int64_t>(*euro);
        v.soort = field_text(f, c_soort);
        const Wanted wanted{field_text(f, c_bag), read_address(f, address), std::nullopt};
        mangled.check(wanted.bag_id);
        const auto match = locate(index, wanted, options.match_radius);
        if (!match) throw_unmatched(index, wanted, options);
        v.vbo = static_cast<std::int32_t>(match->vbo);
        stats.saw_date(v.datum_aanvraag);
        stats.saw_match(match_route_name(match->route));
        ++stats.used;
        town.vergunningen.push_back(std::move(v));
    });
    mangled.report(stats, "bag_id");
    town.has_vergunningen = true;
}

void read_erkenningen(const std::string& source, const AddressIndex& index, const ReadOptions& options, Town& town,
                      Rejects& rejects, LayerStats& stats) {
    const auto files = erkenningen_files(source);
    if (!files.soorten.empty()) stats.ook_gelezen = {files.soorten};
    auto dataset = open_vector(files.bedrijven);
    auto& layer = pick_layer(*dataset, "erkenningen", files.bedrijven);
    const Columns columns(layer, files.bedrijven);
    if (form_of(columns) == ErkenningenForm::rdw_bedrijven)
        read_rdw_bedrijven(*dataset, layer, columns, files, index, options, town, rejects, stats);
    else
        read_own_erkenningen(*dataset, layer, columns, files.bedrijven, index, options, town, rejects, stats);
    town.has_erkenningen = true;
}

void read_uitkomsten(const std::string& source, const AddressIndex& index, const ReadOptions& options,
                     std::vector<Uitkomst>& uitkomsten, Rejects& rejects, LayerStats& stats) {
    auto dataset = open_vector(source);
    auto& layer = pick_layer(*dataset, "uitkomsten", source);
    const Columns columns(layer, source);
    // Or the controles sheet of `run`, filled in: datum_bezoek and bevinding (ja/nee).
    int c_datum = columns.first_of({"datum", "datum_bezoek"}), c_uitkomst = columns.first_of({"uitkomst", "bevinding"});
    if (c_datum < 0) c_datum = columns.required("datum");
    if (c_uitkomst < 0) c_uitkomst = columns.required("uitkomst");
    const int c_categorie = columns.optional("categorie");
    const int c_bag = columns.optional("bag_id");
    const auto address = address_columns(columns);
    if (c_bag < 0 && !address.present()) columns.required("bag_id");  // names what was found
    MangledIds mangled;
    read_rows(*dataset, layer, "uitkomsten", source, options, rejects, stats, [&](auto& f, std::string& row_id) {
        Uitkomst u;
        if (field_text(f, c_datum).empty() && field_text(f, c_uitkomst).empty()) throw RowSkipped{niet_bezocht};
        const Wanted wanted{field_text(f, c_bag), read_address(f, address), std::nullopt};
        u.id = row_id = !wanted.bag_id.empty() ? wanted.bag_id
                        : wanted.adres       ? written_address(wanted.adres->postcode, wanted.adres->nummer)
                                             : "";
        const auto datum = past_date(f, c_datum, "datum");
        if (!datum) throw RowError{Reden::veld_ontbreekt, "", "datum"};
        u.datum = *datum;
        const auto uitkomst = field_text(f, c_uitkomst);
        if (uitkomst == "bevinding" || EQUAL(uitkomst.c_str(), "ja")) u.bevinding = true;
        else if (uitkomst != "geen_bevinding" && !EQUAL(uitkomst.c_str(), "nee")) throw RowError{Reden::uitkomst_onbekend, uitkomst};
        u.categorie = field_text(f, c_categorie);
        mangled.check(wanted.bag_id);
        const auto match = locate(index, wanted, options.match_radius);
        if (!match) throw_unmatched(index, wanted, options);
        u.vbo = static_cast<std::int32_t>(match->vbo);
        u.match = match->method();
        stats.saw_date(u.datum);
        stats.saw_match(match_route_name(match->route));
        ++stats.used;
        uitkomsten.push_back(std::move(u));
    });
    mangled.report(stats, "bag_id");
}

}  // namespace onregel
