#include "app/gebied/gebied.hpp"

#include <algorithm>
#include <cmath>
#include <map>
#include <set>
#include <tuple>

#include "engine/analysis/informatiebeeld.hpp"
#include "engine/config.hpp"
#include "engine/errors.hpp"
#include "engine/grid_index.hpp"
#include "engine/signals/registry.hpp"
#include "engine/text.hpp"
#include "layers/store/files.hpp"
#include "layers/table/json_writer.hpp"
#include "layers/table/xlsx_writer.hpp"
#include "app/job.hpp"
#include "layers/store/viewer_export.hpp"

namespace fs = std::filesystem;

namespace onregel {

namespace {

// ---------- the basisdataset ----------

std::string ja_nee(bool b) { return b ? "ja" : "nee"; }

std::string datum(const std::optional<Date>& d) { return d ? format_date(*d) : std::string(); }

// One row per vestiging (all of them, ended ones included: the history matters at the door), or one
// per object without any; objects in address order.
FeatureTable basisdataset_table(const Town& town, const Policy& policy, const Gemeentebeeld& beeld,
                                const std::vector<std::uint32_t>& vbos, Profiel profiel) {
    using T = ColumnType;
    FeatureTable table{"basisdataset", GeometryType::point,
                       {{"bag_id", T::text}, {"pand_id", T::text}, {"adres", T::text}, {"postcode", T::text},
                        {"huisnummer", T::integer}, {"huisletter", T::text}, {"toevoeging", T::text},
                        {"woonplaats", T::text}, {"gebruiksdoel", T::text}, {"oppervlakte", T::integer},
                        {"bouwjaar", T::integer}, {"status", T::text}, {"n_vestigingen_actief", T::integer},
                        {"n_stichtingen", T::integer}, {"n_autobranche", T::integer}, {"n_risicobranche", T::integer}},
                       {}};
    if (profiel == Profiel::handhaving)
        table.columns.insert(table.columns.end(), {{"handelsnaam", T::text}, {"kvk_nummer", T::text}, {"vestigingsnummer", T::text}});
    table.columns.insert(table.columns.end(),
                         {{"sbi", T::text}, {"sbi_omschrijving", T::text}, {"sbi_neven", T::text_list},
                          {"rechtsvorm", T::text}, {"hoofdvestiging", T::text}, {"datum_aanvang", T::text},
                          {"datum_einde", T::text}, {"vestiging_actief", T::text}, {"risicobranche", T::text},
                          {"n_meldingen", T::integer}, {"meldingen", T::text_list}, {"score", T::integer},
                          {"signalen", T::text_list}});

    std::vector<std::uint32_t> ordered(vbos);
    const auto key = [&](std::uint32_t i) {
        const auto& a = town.verblijfsobjecten[i].adres;
        return std::tie(a.straat, a.huisnummer, a.huisletter, a.toevoeging, a.postcode, town.verblijfsobjecten[i].id);
    };
    std::sort(ordered.begin(), ordered.end(), [&](auto a, auto b) { return key(a) < key(b); });

    for (const auto i : ordered) {
        const auto& vbo = town.verblijfsobjecten[i];
        int actief = 0, stichtingen = 0, auto_ = 0, risico = 0;
        for (const auto v : town.vestigingen_per_vbo.of(i)) {
            const auto& vestiging = town.vestigingen[v];
            if (!vestiging.actief_op(town.peildatum)) continue;
            ++actief;
            stichtingen += is_stichting(vestiging.rechtsvorm);
            auto_ += is_autobranche(policy, vestiging);
            risico += policy.risicobranche(vestiging) != nullptr;
        }
        // Meldingen up to the peildatum as counts per calendar year and categorie: never their text.
        std::map<std::pair<int, std::string>, int> per_jaar;
        int n_meldingen = 0;
        for (const auto m : town.meldingen_per_vbo.of(i)) {
            const auto& melding = town.meldingen[m];
            if (melding.datum > town.peildatum) continue;
            ++n_meldingen;
            ++per_jaar[{year_of(melding.datum), melding.categorie}];
        }
        std::vector<std::string> meldingen;
        for (const auto& [k, n] : per_jaar) meldingen.push_back(std::to_string(k.first) + " " + k.second + ": " + std::to_string(n));
        Cell score;
        std::vector<std::string> signalen;
        if (const auto* b = beeld.beoordeling(i)) {
            score = std::int64_t(b->score);
            for (const auto& c : b->bijdragen) signalen.push_back(c.signaal + " (+" + std::to_string(c.points) + ")");
        }
        const std::vector<Cell> object = {bag_id_text(vbo.id), town.pand_id(vbo), format_adres(vbo.adres), vbo.adres.postcode,
                                          std::int64_t(vbo.adres.huisnummer), vbo.adres.huisletter, vbo.adres.toevoeging,
                                          vbo.adres.woonplaats, format_gebruiksdoelen(vbo.gebruiksdoelen),
                                          std::int64_t(vbo.oppervlakte), std::int64_t(vbo.bouwjaar),
                                          std::string(vbo_status_name(vbo.status)), std::int64_t(actief),
                                          std::int64_t(stichtingen), std::int64_t(auto_), std::int64_t(risico)};
        const auto add_row = [&](const Vestiging* v) {
            FeatureRow row{{vbo.punt}, object};
            if (profiel == Profiel::handhaving) {
                row.cells.push_back(v ? Cell(v->handelsnaam) : Cell());
                row.cells.push_back(v ? Cell(v->kvk_nummer) : Cell());
                row.cells.push_back(v ? Cell(v->vestigingsnummer) : Cell());
            }
            if (v) {
                const auto* branche = policy.risicobranche(*v);
                row.cells.insert(row.cells.end(),
                                 {v->sbi_hoofd, std::string(sbi_afdeling(v->sbi_hoofd)), v->sbi_neven, v->rechtsvorm,
                                  ja_nee(v->hoofdvestiging), datum(v->aanvang), datum(v->einde),
                                  ja_nee(v->actief_op(town.peildatum)), branche ? branche->naam : std::string()});
            } else {
                row.cells.resize(row.cells.size() + 9);
            }
            row.cells.insert(row.cells.end(), {std::int64_t(n_meldingen), meldingen, score, signalen});
            table.rows.push_back(std::move(row));
        };
        const auto vestigingen = town.vestigingen_per_vbo.of(i);
        if (vestigingen.empty()) add_row(nullptr);
        for (const auto v : vestigingen) add_row(&town.vestigingen[v]);
    }
    return table;
}

// ---------- the informatiebeeld as a document ----------

// Headings, paragraphs and tables, written once and rendered as Markdown and as HTML.
struct Blok {
    enum Soort { kop1, kop2, kop3, alinea, tabel } soort;
    std::string tekst;
    std::vector<std::string> kolommen;
    std::vector<std::vector<std::string>> rijen;
};

std::string waarde_tekst(const std::optional<double>& v, const std::string& eenheid) {
    if (!v) return "–";
    if (eenheid == "aandeel") return format_decimal_nl(*v * 100, 1) + "%";
    if (eenheid == "aantal" || eenheid == "jaar") return format_decimal(*v, 0);
    if (eenheid == "per object") return format_decimal_nl(*v, 2);
    return format_decimal_nl(*v, 1);
}

std::string trend_tekst(const MannKendall& trend) {
    return std::string(trend_woord(trend)) + " (S = " + format_decimal(trend.s, 0) + ", p = " + format_decimal_nl(trend.p, 3) + ")";
}

// Where the meldingen begin and which years the trend runs over. Area and gemeente share the series'
// years: both count from the first melding in the input.
std::string trend_alinea(const Gebiedscijfers& c, const Gemeentebeeld& beeld) {
    const auto& g = beeld.gemeente();
    const auto jaren = g.meldingen.size();
    std::string out;
    if (!beeld.meldingen_vanaf()) out = "Er zijn geen meldingen in de invoer. ";
    else if (jaren < static_cast<std::size_t>(informatiebeeld_jaren))
        out = "De meldingen in de invoer beginnen op " + format_date(*beeld.meldingen_vanaf()) + "; " +
              (jaren == 0   ? std::string("geen van de jaren hierboven begint") :
               jaren == 1   ? std::string("alleen het laatste jaar begint") :
                              "alleen de laatste " + std::to_string(jaren) + " jaren beginnen") +
              " op of na die datum. Jaren die eerder beginnen, vallen (deels) vóór de gegevens en tellen niet mee (–), "
              "ook niet voor de trend en het kengetal Meldingen. ";
    if (!g.meldingen_trend || !c.meldingen_trend)
        return out + "Trend van de meldingen: te weinig jaren voor een trend (" +
               (jaren == 0 ? std::string("geen jaar") : std::to_string(jaren) + " jaar") +
               " met gegevens; Mann–Kendall heeft er minstens " + std::to_string(mann_kendall_min_length) + " nodig).";
    return out + "Trend van de meldingen (Mann–Kendall, p < 0,05): gebied " + trend_tekst(*c.meldingen_trend) + "; gemeente " +
           trend_tekst(*g.meldingen_trend) + ".";
}

std::string meldingen_cel(const Gebiedscijfers& c, std::size_t k) {
    const auto n = meldingen_in_jaar(c, k);
    return n ? std::to_string(*n) : "–";
}

std::string aantal(const std::map<std::string, int>& counts, const std::string& key) {
    const auto it = counts.find(key);
    return std::to_string(it == counts.end() ? 0 : it->second);
}

std::vector<Blok> gebied_blokken(const Gebied& gebied, const Gebiedscijfers& c, const Gemeentebeeld& beeld,
                                 const std::map<std::string, std::string>& beschrijvingen) {
    const auto& g = beeld.gemeente();
    std::vector<Blok> out;
    out.push_back({Blok::kop2, gebied.naam, {}, {}});
    out.push_back({Blok::alinea, "Basisdataset: " + gebied.bestand + ".xlsx en " + gebied.bestand + ".csv.", {}, {}});
    Blok kengetallen_tabel{Blok::tabel, "", {"Kengetal", "Gebied", "Gemeente", "Definitie"}, {}};
    for (const auto& k : kengetallen(c, g))
        kengetallen_tabel.rijen.push_back({k.naam, waarde_tekst(k.gebied, k.eenheid), waarde_tekst(k.gemeente, k.eenheid),
                                           k.definitie + " Eenheid: " + k.eenheid + "."});
    out.push_back(std::move(kengetallen_tabel));

    out.push_back({Blok::kop3, "Risicobranches (actieve vestigingen)", {}, {}});
    Blok branches{Blok::tabel, "", {"Branche", "Gebied", "Gemeente"}, {}};
    for (const auto& [naam, n] : g.per_risicobranche) branches.rijen.push_back({naam, aantal(c.per_risicobranche, naam), std::to_string(n)});
    if (branches.rijen.empty()) out.push_back({Blok::alinea, "Geen vestigingen in een risicobranche in de gemeente.", {}, {}});
    else out.push_back(std::move(branches));

    out.push_back({Blok::kop3, "Verloop en meldingen per jaar", {}, {}});
    Blok jaren{Blok::tabel, "", {"Jaar (van – tot en met)", "Oprichtingen", "Opheffingen", "Meldingen", "Meldingen gemeente"}, {}};
    const auto periodes = beeld.jaren();
    for (std::size_t k = 0; k < periodes.size(); ++k)
        jaren.rijen.push_back({format_date(periodes[k].first) + " – " + format_date(periodes[k].second),
                               std::to_string(c.oprichtingen[k]), std::to_string(c.opheffingen[k]),
                               meldingen_cel(c, k), meldingen_cel(g, k)});
    out.push_back(std::move(jaren));
    out.push_back({Blok::alinea, trend_alinea(c, beeld), {}, {}});

    out.push_back({Blok::kop3, "Meldingen per categorie (vijf jaar voor de peildatum)", {}, {}});
    Blok categorieen{Blok::tabel, "", {"Categorie", "Gebied", "Gemeente"}, {}};
    for (const auto& [naam, n] : g.meldingen_per_categorie)
        categorieen.rijen.push_back({naam, aantal(c.meldingen_per_categorie, naam), std::to_string(n)});
    if (categorieen.rijen.empty()) out.push_back({Blok::alinea, "Geen meldingen in de invoer.", {}, {}});
    else out.push_back(std::move(categorieen));

    out.push_back({Blok::kop3, "Signalen (verblijfsobjecten waarop het signaal afgaat)", {}, {}});
    Blok signalen{Blok::tabel, "", {"Signaal", "Omschrijving", "Gebied", "Gemeente"}, {}};
    for (const auto& [id, n] : c.signalen)
        signalen.rijen.push_back({id, beschrijvingen.count(id) ? beschrijvingen.at(id) : "", std::to_string(n), aantal(g.signalen, id)});
    if (signalen.rijen.empty()) out.push_back({Blok::alinea, "Geen signalen in dit gebied.", {}, {}});
    else out.push_back(std::move(signalen));
    return out;
}

// Figures are right-aligned: a column whose cells all start with a digit or a dash (no value).
bool getal_kolom(const Blok& tabel, std::size_t kolom) {
    for (const auto& rij : tabel.rijen) {
        const auto& cel = rij[kolom];
        if (cel.empty() || !((cel[0] >= '0' && cel[0] <= '9') || cel.rfind("–", 0) == 0)) return false;
    }
    return !tabel.rijen.empty();
}

std::string md_cell(const std::string& text) {
    std::string out;
    for (const char c : text) {
        if (c == '|') out += "\\|";
        else if (c == '\n' || c == '\r') out += ' ';
        else out += c;
    }
    return out;
}

std::string markdown(const std::vector<Blok>& blokken) {
    std::string out;
    for (const auto& b : blokken) {
        switch (b.soort) {
            case Blok::kop1: out += "# " + md_cell(b.tekst) + "\n\n"; break;
            case Blok::kop2: out += "## " + md_cell(b.tekst) + "\n\n"; break;
            case Blok::kop3: out += "### " + md_cell(b.tekst) + "\n\n"; break;
            case Blok::alinea: out += md_cell(b.tekst) + "\n\n"; break;
            case Blok::tabel:
                out += "|";
                for (const auto& k : b.kolommen) out += " " + md_cell(k) + " |";
                out += "\n|";
                for (std::size_t i = 0; i < b.kolommen.size(); ++i) out += getal_kolom(b, i) ? "--:|" : "---|";
                out += "\n";
                for (const auto& rij : b.rijen) {
                    out += "|";
                    for (const auto& cel : rij) out += " " + md_cell(cel) + " |";
                    out += "\n";
                }
                out += "\n";
                break;
        }
    }
    return out;
}

std::string html_escaped(const std::string& text) {
    std::string out;
    for (const char c : text) {
        switch (c) {
            case '&': out += "&amp;"; break;
            case '<': out += "&lt;"; break;
            case '>': out += "&gt;"; break;
            case '"': out += "&quot;"; break;
            case '\'': out += "&#39;"; break;
            default: out += c;
        }
    }
    return out;
}

std::string html(const std::vector<Blok>& blokken) {
    // A report, not an application: no scripts and nothing fetched, which the CSP enforces.
    std::string out =
        "<!doctype html>\n<html lang=\"nl\">\n<head>\n<meta charset=\"utf-8\">\n"
        "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">\n"
        "<meta name=\"referrer\" content=\"no-referrer\">\n<title>Informatiebeeld per gebied</title>\n<style>\n"
        "body{font-family:system-ui,sans-serif;max-width:72rem;margin:2rem auto;padding:0 1rem;color:#222;line-height:1.4}\n"
        "table{border-collapse:collapse;margin:0 0 1.5rem;width:100%}\n"
        "th,td{border:1px solid #ccc;padding:.3rem .5rem;text-align:left;vertical-align:top}\n"
        "td.getal{text-align:right;white-space:nowrap}th{background:#f0f0ec}\n"
        "h2{margin-top:2.5rem;border-bottom:2px solid #222}\n"
        "</style>\n</head>\n<body>\n";
    for (const auto& b : blokken) {
        switch (b.soort) {
            case Blok::kop1: out += "<h1>" + html_escaped(b.tekst) + "</h1>\n"; break;
            case Blok::kop2: out += "<h2>" + html_escaped(b.tekst) + "</h2>\n"; break;
            case Blok::kop3: out += "<h3>" + html_escaped(b.tekst) + "</h3>\n"; break;
            case Blok::alinea: out += "<p>" + html_escaped(b.tekst) + "</p>\n"; break;
            case Blok::tabel:
                out += "<table>\n<thead><tr>";
                for (const auto& k : b.kolommen) out += "<th>" + html_escaped(k) + "</th>";
                out += "</tr></thead>\n<tbody>\n";
                for (const auto& rij : b.rijen) {
                    out += "<tr>";
                    for (std::size_t i = 0; i < rij.size(); ++i)
                        out += (getal_kolom(b, i) ? "<td class=\"getal\">" : "<td>") + html_escaped(rij[i]) + "</td>";
                    out += "</tr>\n";
                }
                out += "</tbody>\n</table>\n";
                break;
        }
    }
    return out + "</body>\n</html>\n";
}

// ---------- JSON ----------

// Counts as integers, the rest with six decimals: the same bytes on every machine, and more than any
// reader needs.
nlohmann::ordered_json number(const std::optional<double>& v) {
    if (!v) return nullptr;
    if (*v == std::floor(*v) && std::abs(*v) < 1e15) return static_cast<std::int64_t>(*v);
    return std::round(*v * 1e6) / 1e6;
}

nlohmann::ordered_json cijfers_json(const Gebiedscijfers& c) {
    nlohmann::ordered_json j;
    j["objecten"] = c.objecten;
    j["panden"] = c.panden;
    j["vestigingen"] = c.vestigingen;
    j["hoofdvestigingen"] = c.hoofdvestigingen;
    j["nevenvestigingen"] = c.nevenvestigingen;
    j["objecten_zonder_vestiging"] = c.objecten_zonder_vestiging;
    j["niet_woon"] = c.niet_woon;
    j["niet_woon_zonder_vestiging"] = c.niet_woon_zonder_vestiging;
    j["boxen"] = c.boxen;
    j["risicobranche"] = c.risicobranche;
    j["per_risicobranche"] = c.per_risicobranche;
    j["autobranche"] = c.autobranche;
    j["stichtingen"] = c.stichtingen;
    j["eenmanszaken"] = c.eenmanszaken;
    j["holdings"] = c.holdings;
    j["oprichtingen_per_jaar"] = c.oprichtingen;
    j["opheffingen_per_jaar"] = c.opheffingen;
    // Years outside the series are null, not 0: nothing is known about them.
    auto per_jaar = nlohmann::ordered_json::array();
    for (std::size_t k = 0; k < static_cast<std::size_t>(informatiebeeld_jaren); ++k) {
        const auto n = meldingen_in_jaar(c, k);
        per_jaar.push_back(n ? nlohmann::ordered_json(*n) : nlohmann::ordered_json(nullptr));
    }
    j["meldingen_per_jaar"] = per_jaar;
    j["meldingen_per_categorie"] = c.meldingen_per_categorie;
    const auto& trend = c.meldingen_trend;
    j["meldingen_trend"] = {{"trend", trend_woord(trend)},
                            {"jaren", c.meldingen.size()},
                            {"s", trend ? number(trend->s) : nullptr},
                            {"z", trend ? number(trend->z) : nullptr},
                            {"p", trend ? number(trend->p) : nullptr}};
    j["objecten_met_signaal"] = c.objecten_met_signaal;
    j["signalen"] = c.signalen;
    return j;
}

nlohmann::ordered_json kengetallen_json(const std::vector<Kengetal>& list) {
    auto out = nlohmann::ordered_json::array();
    for (const auto& k : list)
        out.push_back({{"id", k.id}, {"naam", k.naam}, {"eenheid", k.eenheid}, {"gebied", number(k.gebied)},
                       {"gemeente", number(k.gemeente)}, {"definitie", k.definitie}});
    return out;
}

// The areas as MultiPolygons in WGS84 with their key figures, for the viewer and for QGIS.
std::string gebieden_geojson(const std::vector<Gebied>& gebieden, const std::vector<Gebiedscijfers>& cijfers,
                             const Gemeentebeeld& beeld, const RdToWgs84& to_wgs84) {
    std::string out;
    JsonWriter json(out);
    json.begin_object().key("type").value("FeatureCollection").key("features").begin_array();
    for (std::size_t i = 0; i < gebieden.size(); ++i) {
        const auto& gebied = gebieden[i];
        json.begin_object().key("type").value("Feature").key("geometry");
        json.begin_object().key("type").value("MultiPolygon").key("coordinates").begin_array();
        for (const auto& rings : gebied.vlakken) {
            json.begin_array();
            for (const auto& ring : rings) {
                json.begin_array();
                for (const auto& p : ring) {
                    const auto ll = to_wgs84(p);
                    json.begin_array().value(ll.lon, 6).value(ll.lat, 6).end_array();
                }
                json.end_array();
            }
            json.end_array();
        }
        json.end_array().end_object();
        const auto& c = cijfers[i];
        const auto list = kengetallen(c, beeld.gemeente());
        nlohmann::ordered_json properties;
        properties["naam"] = gebied.naam;
        properties["xlsx"] = gebied.bestand + ".xlsx";
        properties["csv"] = gebied.bestand + ".csv";
        properties["objecten"] = c.objecten;
        properties["vestigingen"] = c.vestigingen;
        properties["objecten_met_signaal"] = c.objecten_met_signaal;
        properties["meldingen_trend"] = trend_woord(c.meldingen_trend);
        properties["signalen"] = c.signalen;
        properties["kengetallen"] = kengetallen_json(list);
        json.key("properties").raw(properties.dump());
        json.end_object();
    }
    json.end_array().end_object();
    out += '\n';
    return out;
}

std::string invoer_naam(const std::string& path) { return fs::path(path).filename().string(); }

GebiedSummary run_job(const GebiedOptions& options, Job& job) {
    // Configuration and areas first: mistakes in either are reported before the registers are read.
    const auto signals = make_signals();
    const Config config = job.configure(options.config_path, signals);
    const auto gebieden = read_gebieden(options.gebied, options.naam_kolom);
    StagedOutput output(options.out, options.overwrite);
    job.start();  // once --out is accepted, before any input is read

    Inputs inputs = read_inputs(options.sources, ReadOptions{});
    Town& town = inputs.town;
    town.peildatum = job_peildatum(config, inputs, options.sources);

    const GridIndex vbo_index(points_of(town.verblijfsobjecten), 50), melding_index(points_of(town.meldingen), 50);
    const Context context{town, vbo_index, melding_index, config.policy};
    const auto ranked = score_town(context, config, signals);

    const auto leden = gebied_leden(gebieden, town);
    const Gemeentebeeld beeld(town, config.policy, ranked);
    std::map<std::string, std::string> beschrijvingen;
    for (const auto& s : signals) beschrijvingen[s->info().id] = s->info().beschrijving;

    GebiedSummary summary;
    auto write = [&](const std::string& name, const std::string& content) {
        write_private_file(output.file(name), content);
        summary.written.push_back(name);
    };
    write("rejects.csv", inputs.rejects.csv(options.profiel == Profiel::loo));

    nlohmann::ordered_json beeld_json;
    beeld_json["onregel"] = ONREGEL_VERSION;
    beeld_json["peildatum"] = format_date(town.peildatum);
    beeld_json["profiel"] = profiel_name(options.profiel);
    beeld_json["invoer"] = {{"bag", invoer_naam(options.sources.bag)},
                            {"kvk", invoer_naam(options.sources.kvk)},
                            {"meldingen", options.sources.meldingen.empty() ? "" : invoer_naam(options.sources.meldingen)},
                            {"gebied", invoer_naam(options.gebied)}};
    auto jaren = nlohmann::ordered_json::array();
    for (const auto& [van, tot] : beeld.jaren()) jaren.push_back({{"van", format_date(van)}, {"tot_en_met", format_date(tot)}});
    beeld_json["jaren"] = jaren;
    beeld_json["meldingen_vanaf"] = beeld.meldingen_vanaf() ? nlohmann::ordered_json(format_date(*beeld.meldingen_vanaf())) : nullptr;
    beeld_json["gemeente"] = cijfers_json(beeld.gemeente());
    beeld_json["gebieden"] = nlohmann::ordered_json::array();

    std::vector<Blok> blokken = {
        {Blok::kop1, "Informatiebeeld per gebied", {}, {}},
        {Blok::alinea,
         "Peildatum " + format_date(town.peildatum) + ", profiel " + std::string(profiel_name(options.profiel)) +
             ". Bronnen: BAG " + invoer_naam(options.sources.bag) + ", KvK " + invoer_naam(options.sources.kvk) +
             (options.sources.meldingen.empty() ? "" : ", meldingen " + invoer_naam(options.sources.meldingen)) +
             ", gebieden " + invoer_naam(options.gebied) + ".",
         {}, {}},
        {Blok::alinea,
         "Een verblijfsobject hoort bij een gebied als zijn punt (BAG) in het vlak of op de rand ligt; van een pand op de "
         "grens tellen alleen de objecten binnen het vlak. De kolom Gemeente geeft hetzelfde kengetal voor de hele invoer, "
         "ter vergelijking. De kengetallen volgen de aandachtspunten van de handreikingen voor een integraal "
         "informatiebeeld (Taskforce-RIEC, Avans) en van het onderzoek naar bedrijventerreinen (WODC, 2018) en de "
         "provinciale risicoscans: leegstand, verloop, risicobranches, rechtsvormen, meldingen en signalen. Een kengetal "
         "is een reden om te kijken, geen bewijs.",
         {}, {}},
    };
    const RdToWgs84 to_wgs84;
    std::vector<Gebiedscijfers> alle_cijfers;
    std::vector<std::uint32_t> in_gebied;
    for (std::size_t i = 0; i < gebieden.size(); ++i) {
        const auto& gebied = gebieden[i];
        const auto cijfers = beeld.cijfers(leden[i].vbos, leden[i].meldingen);
        const auto tabel = basisdataset_table(town, config.policy, beeld, leden[i].vbos, options.profiel);
        write(gebied.bestand + ".csv", feature_table_csv(tabel, true));
        write_xlsx(output.file(gebied.bestand + ".xlsx"), tabel);
        summary.written.push_back(gebied.bestand + ".xlsx");

        nlohmann::ordered_json entry;
        entry["naam"] = gebied.naam;
        entry["bestanden"] = {gebied.bestand + ".xlsx", gebied.bestand + ".csv"};
        entry["kengetallen"] = kengetallen_json(kengetallen(cijfers, beeld.gemeente()));
        entry["cijfers"] = cijfers_json(cijfers);
        beeld_json["gebieden"].push_back(std::move(entry));
        const auto eigen = gebied_blokken(gebied, cijfers, beeld, beschrijvingen);
        blokken.insert(blokken.end(), eigen.begin(), eigen.end());
        summary.gebieden.push_back({gebied.naam, gebied.bestand, cijfers.objecten, cijfers.vestigingen, cijfers.objecten_met_signaal});
        alle_cijfers.push_back(cijfers);
        in_gebied.insert(in_gebied.end(), leden[i].vbos.begin(), leden[i].vbos.end());
    }
    write("informatiebeeld.json", beeld_json.dump(1) + "\n");
    write("informatiebeeld.md", markdown(blokken));
    write("informatiebeeld.html", html(blokken));
    const auto gebieden_json = gebieden_geojson(gebieden, alle_cijfers, beeld, to_wgs84);
    write("gebieden.geojson", gebieden_json);

    // The viewer: the areas over the panden, with the flagged objects inside them.
    std::sort(in_gebied.begin(), in_gebied.end());
    std::vector<Beoordeling> in_gebieden;
    for (const auto& b : ranked)
        if (std::binary_search(in_gebied.begin(), in_gebied.end(), b.vbo)) in_gebieden.push_back(b);
    nlohmann::ordered_json meta;
    meta["profiel"] = profiel_name(options.profiel);
    meta["peildatum"] = format_date(town.peildatum);
    meta["signalen"] = beschrijvingen;
    meta["signalen"][integrale_bonus_id] = "Signalen uit meerdere domeinen op één adres (integrale bonus)";
    // The basemap as in the run's viewer: the panden near the objects in the areas, not every pand read.
    std::vector<Point> in_gebied_punten;
    for (auto v : in_gebied) in_gebied_punten.push_back(town.verblijfsobjecten[v].punt);
    export_viewer(output.dir(), {{"meta", meta.dump()},
                                 {"panden", panden_geojson(town, panden_near(town, in_gebied_punten, viewer_basemap_radius),
                                                           to_wgs84)},
                                 {"gebieden", gebieden_json},
                                 {"locaties", feature_table_geojson(locaties_layer(town, in_gebieden, options.profiel), to_wgs84)}});
    summary.written.push_back("viewer/index.html");

    auto& invoer = job.record()["invoer"];
    invoer["gebied"]["sha256"] = sha256_file(options.gebied);
    for (const auto& [layer, path] : {std::pair<const char*, const std::string&>{"bag", options.sources.bag},
                                      {"kvk", options.sources.kvk}, {"meldingen", options.sources.meldingen}})
        if (!path.empty()) invoer[layer]["sha256"] = sha256_file(path);
    job.commit(output, options.out, summary.written);
    return summary;
}

}  // namespace

GebiedSummary run_gebied(const GebiedOptions& options) {
    auto invoer = options.sources.given();
    invoer.insert(invoer.begin(), {"gebied", options.gebied});
    Job job("gebied", options.profiel, invoer, options.out);
    return job.run([&] { return run_job(options, job); });
}

}  // namespace onregel
