// KvK Vestigingsprofiel JSON as the API returns it (/api/v1/vestigingsprofielen/{nummer}): a JSON
// array of responses, or one response per line. The bezoekadres counts; its geoData gives the BAG
// id and coordinates when KvK has them. Read through GDAL's virtual file system, so /vsizip/ works.
#include <cctype>
#include <functional>
#include <cpl_vsi.h>
#include <nlohmann/json.hpp>

#include "engine/errors.hpp"
#include "layers/read/json_source.hpp"
#include "layers/read/kvk.hpp"

namespace onregel {

namespace {

using json = nlohmann::json;

struct Context {
    const std::string& source;
    const AddressIndex& index;
    const ReadOptions& options;
    Town& town;
    LayerStats& stats;
    ToRd from_wgs84;
    Vestigingsnummers seen;
    SbiVersionCount sbi;
    MangledIds mangled;
};

std::optional<Point> geo_point(const json& geo, const Context& c) {
    const auto x = parse_number(json_text(geo, "rijksdriehoekX")), y = parse_number(json_text(geo, "rijksdriehoekY"));
    std::optional<Point> p;
    if (x && y && (*x != 0 || *y != 0)) p = Point{*x, *y};
    const auto lon = parse_number(json_text(geo, "gpsLongitude")), lat = parse_number(json_text(geo, "gpsLatitude"));
    if (!p && lon && lat) {
        Point q{*lon, *lat};
        if (!c.from_wgs84.apply(q.x, q.y)) throw RowError{Reden::coordinaat_niet_om_te_rekenen, json_text(geo, "gpsLongitude") + " " + json_text(geo, "gpsLatitude")};
        p = q;
    }
    if (p && !inside_netherlands(*p)) throw RowError{Reden::coordinaat_buiten_nederland, json_text(geo, "rijksdriehoekX") + " " + json_text(geo, "rijksdriehoekY")};
    return p;
}

// A Basisprofiel response holds its vestiging under _embedded.hoofdvestiging; the onderneming around
// it gives what the vestiging lacks (its SBI activities, materieleRegistratie), _embedded.eigenaar the
// rechtsvorm. The vestiging with those added; any other object as it is.
json vestiging_of(const json& r) {
    const auto& hoofdvestiging = member(member(r, "_embedded"), "hoofdvestiging");
    if (!hoofdvestiging.is_object()) return r;
    json v = hoofdvestiging;
    for (const auto& [key, value] : r.items())
        if (!v.contains(key)) v[key] = value;
    return v;
}

void read_one(const json& response, std::string& row_id, Context& c) {
    if (!response.is_object()) throw RowError{Reden::json_geen_object, response.dump().substr(0, 80)};
    const json r = vestiging_of(response);
    Vestiging v;
    v.vestigingsnummer = row_id = json_text(r, "vestigingsnummer");
    check_vestigingsnummer(v.vestigingsnummer, c.seen);
    v.kvk_nummer = json_text(r, "kvkNummer");
    v.handelsnaam = json_text(r, "eersteHandelsnaam");
    v.rechtsvorm = json_text(r, "rechtsvorm");
    if (v.rechtsvorm.empty()) v.rechtsvorm = json_text(member(member(r, "_embedded"), "eigenaar"), "rechtsvorm");
    v.hoofdvestiging = yes(json_text(r, "indHoofdvestiging"));
    const auto& registratie = member(r, "materieleRegistratie");
    const auto aanvang = json_text(registratie, "datumAanvang"), einde = json_text(registratie, "datumEinde");
    v.aanvang = kvk_date(aanvang, "datumAanvang", false);
    v.einde = kvk_date(einde, "datumEinde", true);
    if (v.aanvang && v.einde && *v.einde < *v.aanvang) throw RowError{Reden::einde_voor_aanvang, einde};
    for (const auto& a : member(r, "sbiActiviteiten")) {
        auto code = checked_sbi(json_text(a, "sbiCode"));
        if (yes(json_text(a, "indHoofdactiviteit")) && v.sbi_hoofd.empty()) v.sbi_hoofd = code;
        else v.sbi_neven.push_back(std::move(code));
    }
    if (v.sbi_hoofd.empty()) throw RowError{Reden::sbi_hoofdactiviteit_ontbreekt, ""};
    if (const auto personen = json_text(r, "totaalWerkzamePersonen"); !personen.empty()) {
        const auto n = parse_number(personen);
        if (!n || *n < 0 || *n > 1e6) throw RowError{Reden::personen_geen_aantal, personen};
        v.werkzame_personen = static_cast<std::int32_t>(*n);
    }
    const json* bezoek = nullptr;
    std::string types;
    for (const auto& a : member(r, "adressen")) {
        types += (types.empty() ? "" : ",") + json_text(a, "type");
        if (json_text(a, "type") == "bezoekadres" && !bezoek) bezoek = &a;
    }
    if (!bezoek) throw RowError{Reden::geen_bezoekadres, types};
    const auto& geo = member(*bezoek, "geoData");
    auto letter = json_text(*bezoek, "huisletter"), toevoeging = json_text(*bezoek, "huisnummerToevoeging");
    // The API writes Hizzaarderlaan 3 A as huisnummer 3, huisnummerToevoeging "A": one letter is the BAG's huisletter.
    if (letter.empty() && toevoeging.size() == 1 && std::isalpha(static_cast<unsigned char>(toevoeging[0]))) letter.swap(toevoeging);
    std::optional<RowError> adres_error;
    Wanted wanted{json_text(geo, "addresseerbaarObjectId"),
                  address_or_error([&] { return parse_address(json_text(*bezoek, "postcode"), json_text(*bezoek, "huisnummer"), letter, toevoeging); },
                                   adres_error),
                  std::nullopt};
    c.mangled.check(wanted.bag_id);
    if (wanted.adres)
        v.adres = {json_text(*bezoek, "straatnaam"), wanted.adres->nummer.nummer, wanted.adres->nummer.huisletter,
                   wanted.adres->nummer.toevoeging, wanted.adres->postcode, json_text(*bezoek, "plaats")};
    const auto match = locate_vestiging(wanted, [&] { return geo_point(geo, c); }, c.index, c.options, std::move(adres_error));
    c.sbi.see(v.sbi_hoofd);
    for (const auto& code : v.sbi_neven) c.sbi.see(code);
    place_vestiging(v, wanted, match, c.index, c.options, c.town, c.stats);
}

}  // namespace

bool is_kvk_json(const std::string& source) {
    register_gdal_once();
    VSIStatBufL stat{};
    if (VSIStatL(source.c_str(), &stat) != 0 || VSI_ISDIR(stat.st_mode)) return false;
    const auto head = read_source_text(source, 1 << 16);
    const auto first = head.find_first_not_of(" \t\r\n\xEF\xBB\xBF");
    if (first == std::string::npos || (head[first] != '[' && head[first] != '{')) return false;
    // GeoJSON goes to GDAL; a Vestigingsprofiel has a vestigingsnummer.
    return head.find("\"vestigingsnummer\"") != std::string::npos && head.find("\"FeatureCollection\"") == std::string::npos;
}

void read_kvk_json(const std::string& source, const AddressIndex& index, const ReadOptions& options, Town& town,
                   Rejects& rejects, LayerStats& stats) {
    const auto content = read_source_text(source, std::string::npos);  // without a byte order mark
    stats.bron = source;
    stats.driver = "JSON (KvK Vestigingsprofiel)";
    stats.crs = "geoData: rijksdriehoekX/Y (EPSG:28992), gpsLatitude/Longitude (EPSG:4326)";
    Context c{source, index, options, town, stats, ToRd(nullptr, "EPSG:4326", source), {}, {}, {}};
    const auto first_vestiging = town.vestigingen.size();
    const std::function<void(const json&, const std::string&)> one = [&](const json& r, const std::string& label) {
        // A Zoeken response: each of its resultaten is a row (without SBI activities: rejected saying so).
        if (const auto& resultaten = member(r, "resultaten"); resultaten.is_array()) {
            for (std::size_t i = 0; i < resultaten.size(); ++i) one(resultaten[i], label + " resultaat " + std::to_string(i + 1));
            return;
        }
        ++stats.rows;
        std::string row_id;
        try {
            read_one(r, row_id, c);
        } catch (RowError& e) {
            rejects.add("kvk", source, label, row_id, std::move(e));
        } catch (const RowSkipped& s) {
            ++stats.overgeslagen[s.reden];
        }
    };
    const auto first = content.find_first_not_of(" \t\r\n");
    // An array, or one (pretty-printed) response: parsed whole. Otherwise one response per line.
    json all = json::parse(content, nullptr, false);
    if (first != std::string::npos && content[first] == '[' && all.is_discarded())
        throw input_error(source + ": geen geldige JSON (een '[' aan het begin belooft één lijst)");
    if (all.is_array()) {
        for (std::size_t i = 0; i < all.size(); ++i) one(all[i], "object " + std::to_string(i + 1));
    } else if (all.is_object()) {
        one(all, "object 1");
    } else {
        std::size_t line = 0;
        for (std::size_t start = 0; start < content.size();) {
            auto end = content.find('\n', start);
            if (end == std::string::npos) end = content.size();
            ++line;
            const std::string_view text(content.data() + start, end - start);
            start = end + 1;
            if (text.find_first_not_of(" \t\r") == std::string_view::npos) continue;
            json r;
            try {
                r = json::parse(text);
            } catch (const json::parse_error&) {
                ++stats.rows;
                rejects.add({"kvk", source, "regel " + std::to_string(line), "", Reden::json_ongeldig, std::string(text.substr(0, 80))});
                continue;
            }
            one(r, "regel " + std::to_string(line));
        }
    }
    assign_sbi_versie(c.sbi, town, first_vestiging, stats);
    c.mangled.report(stats, "addresseerbaarObjectId");
}

}  // namespace onregel
