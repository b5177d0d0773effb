#include "evaluation_output.hpp"

#include <cmath>
#include <nlohmann/json.hpp>

#include "address_index.hpp"
#include "engine/errors.hpp"
#include "engine/text.hpp"
#include "files.hpp"
#include "readers.hpp"

namespace fs = std::filesystem;

namespace onregel {

namespace {

nlohmann::ordered_json read_json(const fs::path& path) {
    try {
        return nlohmann::ordered_json::parse(read_text_file(path));
    } catch (const nlohmann::json::exception& e) {
        throw input_error(path.string() + ": not valid JSON (" + e.what() + ")");
    }
}

std::string text_of(const nlohmann::ordered_json& value) {
    return value.is_string() ? value.get<std::string>() : value.is_null() ? "" : value.dump();
}

Verblijfsobject known_object(const fs::path& file, const std::string& id, std::string postcode, std::int32_t huisnummer,
                             std::string huisletter, std::string toevoeging) {
    Verblijfsobject v;
    const auto number = bag_id_number(id);
    if (!number) throw input_error(file.string() + ": bag_id '" + id + "' is not a 16-digit BAG id");
    v.id = *number;
    v.adres.postcode = std::move(postcode);
    v.adres.huisnummer = huisnummer;
    v.adres.huisletter = std::move(huisletter);
    v.adres.toevoeging = std::move(toevoeging);
    return v;
}

double rounded(double v) { return std::round(v * 1e4) / 1e4; }

nlohmann::ordered_json aandeel_json(const Aandeel& a) {
    nlohmann::ordered_json j;
    j["gecontroleerd"] = a.n;
    j["bevindingen"] = a.treffers;
    if (a.n > 0) {
        j["aandeel"] = rounded(a.waarde);
        j["interval_95"] = {rounded(a.laag), rounded(a.hoog)};
    } else {
        j["aandeel"] = nullptr;
        j["interval_95"] = nullptr;
    }
    return j;
}

nlohmann::ordered_json optional_json(const std::optional<double>& v) {
    return v ? nlohmann::ordered_json(rounded(*v)) : nlohmann::ordered_json(nullptr);
}

// Dutch notation: "12,5%".
std::string procent(double share) {
    auto text = format_decimal(share * 100, 1);
    for (auto& c : text)
        if (c == '.') c = ',';
    return text + "%";
}

std::string getal(double v, int decimals) {
    auto text = format_decimal(v, decimals);
    for (auto& c : text)
        if (c == '.') c = ',';
    return text;
}

std::string aandeel_zin(const Aandeel& a) {
    if (a.n == 0) return "niet gecontroleerd";
    return std::to_string(a.treffers) + " van " + std::to_string(a.n) + " met een bevinding (" + procent(a.waarde) +
           "; 95%-interval " + procent(a.laag) + " tot " + procent(a.hoog) + ")";
}

}  // namespace

EvaluatieRapport evaluate_run(const fs::path& run_dir, const std::string& uitkomsten) {
    EvaluatieRapport rapport;
    rapport.bron = uitkomsten;
    const auto manifest = read_json(run_dir / "manifest.json");
    rapport.peildatum = text_of(manifest.value("peildatum", nlohmann::ordered_json()));
    const auto& aantallen = manifest.at("aantallen");
    rapport.objecten = aantallen.at("verblijfsobjecten").get<std::size_t>();
    rapport.gemarkeerd = aantallen.at("gemarkeerde_objecten").get<std::size_t>();

    std::vector<Verblijfsobject> objects;
    std::vector<Bekend> bekend;
    const auto locaties = read_json(run_dir / "locaties.geojson");
    for (const auto& f : locaties.at("features")) {
        const auto& p = f.at("properties");
        objects.push_back(known_object(run_dir / "locaties.geojson", p.at("bag_id"), p.at("postcode"), p.at("huisnummer").get<std::int32_t>(),
                                       p.at("huisletter"), p.at("toevoeging")));
        bekend.push_back({p.at("bag_id"), Groep::gerangschikt, p.at("rank").get<int>(),
                          p.at("signalen").get<std::vector<std::string>>()});
    }
    if (const auto csv = run_dir / "controles.csv"; fs::exists(csv)) {
        auto dataset = open_vector(csv.string());
        auto& layer = pick_layer(*dataset, "controles", csv.string());
        const Columns columns(layer, csv.string());
        const int c_bag = columns.required("bag_id"), c_steekproef = columns.required("steekproef"),
                  c_postcode = columns.required("postcode"), c_nummer = columns.required("huisnummer"),
                  c_letter = columns.required("huisletter"), c_toevoeging = columns.required("toevoeging");
        for (FeaturePtr f{layer.GetNextFeature()}; f; f.reset(layer.GetNextFeature())) {
            if (field_text(*f, c_steekproef) != "ja") continue;
            const auto nummer = parse_number(field_text(*f, c_nummer));
            objects.push_back(known_object(csv, field_text(*f, c_bag), field_text(*f, c_postcode),
                                           nummer ? static_cast<std::int32_t>(*nummer) : 0, field_text(*f, c_letter),
                                           field_text(*f, c_toevoeging)));
            bekend.push_back({field_text(*f, c_bag), Groep::steekproef, 0, {}});
            ++rapport.steekproef_voorgesteld;
        }
    }

    const AddressIndex index(objects, {});
    std::vector<Uitkomst> rows;
    Rejects rejects;
    LayerStats stats;
    read_uitkomsten(uitkomsten, index, ReadOptions{}, rows, rejects, stats);
    rapport.rijen = stats.rows;
    for (const auto& [laag, reasons] : rejects.counts())
        for (const auto& [reden, n] : reasons) rapport.afgewezen[reden] += static_cast<std::size_t>(n);
    std::vector<Resultaat> resultaten;
    for (const auto& u : rows) {
        // Only the object itself counts: a near match to another door of this short list is a guess.
        if (u.match != MatchMethod::bag_id && u.match != MatchMethod::adres) {
            ++rapport.afgewezen["adres alleen bij benadering herkend"];
            continue;
        }
        ++rapport.gebruikt;
        rapport.van = rapport.van ? std::min(*rapport.van, u.datum) : u.datum;
        rapport.tot = rapport.tot ? std::max(*rapport.tot, u.datum) : u.datum;
        resultaten.push_back({bag_id_text(objects[static_cast<std::size_t>(u.vbo)].id), u.bevinding});
    }
    rapport.evaluatie = evaluate_uitkomsten(resultaten, bekend, rapport.objecten, rapport.gemarkeerd);
    return rapport;
}

std::string evaluatie_json(const EvaluatieRapport& r) {
    const auto& e = r.evaluatie;
    nlohmann::ordered_json j;
    j["peildatum_run"] = r.peildatum;
    j["uitkomsten"] = {{"bron", r.bron},
                       {"rijen", r.rijen},
                       {"gebruikt", r.gebruikt},
                       {"afgewezen", r.afgewezen},
                       {"van", r.van ? format_date(*r.van) : ""},
                       {"tot", r.tot ? format_date(*r.tot) : ""}};
    j["gerangschikt"] = aandeel_json(e.gerangschikt);
    j["steekproef"] = aandeel_json(e.steekproef);
    j["steekproef"]["voorgesteld"] = r.steekproef_voorgesteld;
    j["lift"] = optional_json(e.lift);
    j["precisie_at_k"] = nlohmann::ordered_json::array();
    for (const auto& [k, a] : e.precisie) {
        auto entry = aandeel_json(a);
        entry["k"] = k;
        j["precisie_at_k"].push_back(entry);
    }
    j["pai"] = optional_json(e.pai);
    j["pai_invoer"] = {{"verblijfsobjecten", r.objecten}, {"gemarkeerd", r.gemarkeerd}};
    j["per_signaal"] = nlohmann::ordered_json::array();
    for (const auto& s : e.per_signaal) {
        nlohmann::ordered_json entry{{"signaal", s.signaal}};
        entry.update(aandeel_json(s.aandeel));
        entry["lift"] = optional_json(s.lift);
        j["per_signaal"].push_back(entry);
    }
    j["definities"] = {
        {"aandeel", "bevindingen / gecontroleerde adressen; meerdere uitkomsten op één adres tellen één keer, als bevinding zodra één van ze dat is"},
        {"interval_95", "Wilson-scoreinterval, 95%"},
        {"lift", "aandeel bij gerangschikte adressen / aandeel in de steekproef"},
        {"precisie_at_k", "aandeel met bevinding onder de k hoogst gerangschikte gecontroleerde adressen"},
        {"pai", "(n/N) / (a/A): het deel van alle bevindingen dat bij gemarkeerde adressen ligt, gedeeld door het deel van de adressen dat gemarkeerd is; n en N geschat uit de twee aandelen: n = r_g a, N = r_g a + r_s (A - a)"}};
    return j.dump(1) + "\n";
}

std::string evaluatie_md(const EvaluatieRapport& r) {
    const auto& e = r.evaluatie;
    std::string md = "# Evaluatie van de controles\n\n";
    md += "Ranglijst met peildatum " + r.peildatum + ". ";
    md += "Uitkomsten" + (r.van ? " van " + format_date(*r.van) + " tot " + format_date(*r.tot) : std::string()) + ": " +
          std::to_string(r.rijen) + " regels, waarvan " + std::to_string(r.gebruikt) + " bij een adres uit de ranglijst of de steekproef.";
    std::size_t afgewezen = 0;
    for (const auto& [reden, n] : r.afgewezen) afgewezen += n;
    if (afgewezen) md += " " + std::to_string(afgewezen) + " regels konden niet worden gebruikt (zie evaluatie.json).";
    md += "\n\n## Vinden de signalen meer dan het toeval?\n\n";
    md += "- Adressen uit de ranglijst: " + aandeel_zin(e.gerangschikt) + ".\n";
    md += "- Steekproef (willekeurige adressen zonder signaal, ter vergelijking): " + aandeel_zin(e.steekproef) + ".\n";
    if (e.lift) {
        md += "- De ranglijst vond " + getal(*e.lift, 1) + " keer zo vaak iets als de steekproef.";
        const bool apart = e.gerangschikt.laag > e.steekproef.hoog || e.steekproef.laag > e.gerangschikt.hoog;
        md += apart ? " De intervallen overlappen niet: dit verschil is waarschijnlijk geen toeval.\n"
                    : " De intervallen overlappen: het verschil kan toeval zijn.\n";
    } else {
        md += "- Zonder bevinding in de steekproef is niet te zeggen hoeveel beter de ranglijst is dan het toeval.\n";
    }
    if (!e.precisie.empty()) {
        md += "\n## Bovenaan de lijst (precisie@k)\n\n| hoogste k gecontroleerd | met bevinding | aandeel (95%-interval) |\n|---|---|---|\n";
        for (const auto& [k, a] : e.precisie)
            md += "| " + std::to_string(k) + " | " + std::to_string(a.treffers) + " | " + procent(a.waarde) + " (" +
                  procent(a.laag) + " – " + procent(a.hoog) + ") |\n";
    }
    md += "\n## PAI\n\n";
    if (e.pai)
        md += "PAI = " + getal(*e.pai, 2) + ": " + procent(static_cast<double>(r.gemarkeerd) / static_cast<double>(r.objecten)) +
              " van de adressen staat op de ranglijst; naar schatting ligt daar " + getal(*e.pai, 2) +
              " keer zo veel van de bevindingen als dat aandeel. 1 betekent: niet beter dan willekeurig.\n";
    else
        md += "Niet te berekenen: daarvoor zijn uitkomsten van de ranglijst én van de steekproef nodig.\n";
    md += "\n## Per signaal\n\n| signaal | gecontroleerd | met bevinding | aandeel (95%-interval) | lift |\n|---|---|---|---|---|\n";
    std::string found, empty;
    for (const auto& s : e.per_signaal) {
        const auto& a = s.aandeel;
        md += "| " + s.signaal + " | " + std::to_string(a.n) + " | " + std::to_string(a.treffers) + " | " + procent(a.waarde) +
              " (" + procent(a.laag) + " – " + procent(a.hoog) + ") | " + (s.lift ? getal(*s.lift, 2) : "–") + " |\n";
        auto& list = a.treffers > 0 ? found : empty;
        list += (list.empty() ? "" : ", ") + s.signaal;
    }
    if (!found.empty()) md += "\nSignalen die iets vonden: " + found + ".\n";
    if (!empty.empty()) md += "\nSignalen die alleen bezoeken kostten (geen bevinding): " + empty + ".\n";
    md += "\n## Lees dit zo\n\n"
          "Een adres kan door meer signalen tegelijk op de lijst staan; dan telt het bij elk van die signalen. "
          "Kleine aantallen geven brede intervallen: een verschil binnen de intervallen kan toeval zijn. "
          "Dit overzicht beveelt niets aan en verandert geen gewichten: dat beslissen mensen.\n";
    return md;
}

}  // namespace onregel
