#include "app/evaluate/evaluation_output.hpp"

#include <cmath>
#include <nlohmann/json.hpp>

#include "layers/read/address_index.hpp"
#include "engine/errors.hpp"
#include "engine/text.hpp"
#include "layers/store/files.hpp"
#include "layers/read/sources.hpp"

namespace fs = std::filesystem;

namespace onregel {

namespace {

nlohmann::ordered_json read_json(const fs::path& path) {
    try {
        return nlohmann::ordered_json::parse(read_text_file(path));
    } catch (const nlohmann::json::exception& e) {
        throw input_error(path.string() + ": geen geldige JSON (" + e.what() + ")");
    }
}

std::string text_of(const nlohmann::ordered_json& value) {
    return value.is_string() ? value.get<std::string>() : value.is_null() ? "" : value.dump();
}

Verblijfsobject known_object(const fs::path& file, const std::string& id, const std::string& postcode, std::int32_t huisnummer,
                             const std::string& huisletter, const std::string& toevoeging) {
    Verblijfsobject v;
    const auto number = bag_id_number(id);
    if (!number) throw input_error(file.string() + ": bag_id '" + id + "' is geen BAG-id van 16 cijfers");
    v.id = *number;
    v.adres.postcode = postcode;
    v.adres.huisnummer = huisnummer;
    v.adres.huisletter = huisletter;
    v.adres.toevoeging = toevoeging;
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

// "<naam>": the ratio and "<naam>_interval_95": its bounds, both null when there is none.
void verhouding_json(nlohmann::ordered_json& j, const std::string& naam, const std::optional<Verhouding>& v) {
    j[naam] = v ? nlohmann::ordered_json(rounded(v->waarde)) : nlohmann::ordered_json(nullptr);
    j[naam + "_interval_95"] = v ? nlohmann::ordered_json{rounded(v->laag), rounded(v->hoog)} : nlohmann::ordered_json(nullptr);
}

void lift_json(nlohmann::ordered_json& j, const Lift& lift) {
    verhouding_json(j, "lift", lift.verhouding);
    j["vergelijking"] = vergelijking_name(lift.vergelijking);
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

std::string interval_tekst(const Verhouding& v) { return "95%-interval " + getal(v.laag, 2) + " tot " + getal(v.hoog, 2); }

// Why the ranking is not set against the steekproef, as one Dutch sentence.
std::string geen_vergelijking(Vergelijking vergelijking, const Aandeel& gerangschikt, const Aandeel& steekproef) {
    const auto minimum = ": minstens " + std::to_string(min_bezoeken) + " nodig.";
    switch (vergelijking) {
        case Vergelijking::steekproef_te_klein:
            return "Te weinig steekproefbezoeken (n = " + std::to_string(steekproef.n) +
                   ") om de ranglijst met toeval te vergelijken" + minimum;
        case Vergelijking::groep_te_klein:
            return "Te weinig bezoeken aan adressen uit de ranglijst (n = " + std::to_string(gerangschikt.n) +
                   ") om de ranglijst met toeval te vergelijken" + minimum;
        case Vergelijking::steekproef_zonder_bevinding:
            return "De steekproef vond niets (0 van " + std::to_string(steekproef.n) +
                   "): hoeveel keer zo vaak de ranglijst iets vindt, is dan niet te schatten.";
        case Vergelijking::groep_zonder_bevinding:
            return "De ranglijst vond niets (0 van " + std::to_string(gerangschikt.n) +
                   "): een verhouding met de steekproef is dan niet te schatten.";
        case Vergelijking::mogelijk: break;
    }
    return "";
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
        for (const auto& c : read_steekproef_controles(csv.string())) {
            objects.push_back(known_object(csv, c.bag_id, c.postcode, c.huisnummer, c.huisletter, c.toevoeging));
            bekend.push_back({c.bag_id, Groep::steekproef, 0, {}});
            ++rapport.steekproef_voorgesteld;
        }
    }

    const AddressIndex index(objects, {});
    std::vector<Uitkomst> rows;
    Rejects rejects;
    LayerStats stats;
    read_uitkomsten(uitkomsten, index, ReadOptions{}, rows, rejects, stats);
    for (const auto& [reden, n] : stats.overgeslagen) rapport.niet_bezocht += n;
    rapport.rijen = stats.rows - rapport.niet_bezocht;
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
                       {"niet_bezocht", r.niet_bezocht},
                       {"gebruikt", r.gebruikt},
                       {"afgewezen", r.afgewezen},
                       {"van", r.van ? format_date(*r.van) : ""},
                       {"tot", r.tot ? format_date(*r.tot) : ""}};
    j["gerangschikt"] = aandeel_json(e.gerangschikt);
    j["steekproef"] = aandeel_json(e.steekproef);
    j["steekproef"]["voorgesteld"] = r.steekproef_voorgesteld;
    lift_json(j, e.lift);
    j["min_bezoeken"] = min_bezoeken;
    j["precisie_at_k"] = nlohmann::ordered_json::array();
    for (const auto& [k, a] : e.precisie) {
        auto entry = aandeel_json(a);
        entry["k"] = k;
        j["precisie_at_k"].push_back(entry);
    }
    verhouding_json(j, "pai", e.pai);
    j["pai_invoer"] = {{"verblijfsobjecten", r.objecten}, {"gemarkeerd", r.gemarkeerd}};
    j["per_signaal"] = nlohmann::ordered_json::array();
    for (const auto& s : e.per_signaal) {
        nlohmann::ordered_json entry{{"signaal", s.signaal}};
        entry.update(aandeel_json(s.aandeel));
        lift_json(entry, s.lift);
        j["per_signaal"].push_back(entry);
    }
    j["definities"] = {
        {"aandeel", "bevindingen / gecontroleerde adressen; meerdere uitkomsten op één adres tellen één keer, als bevinding zodra één van ze dat is"},
        {"interval_95", "Wilson-scoreinterval, 95%"},
        {"lift", "aandeel bij gerangschikte adressen / aandeel in de steekproef; null tenzij beide groepen minstens min_bezoeken bezoeken en een bevinding hebben (zie vergelijking)"},
        {"lift_interval_95", "Katz-loginterval, 95%: ln(lift) ± 1,96 · √(1/x₁ − 1/n₁ + 1/x₂ − 1/n₂)"},
        {"precisie_at_k", "aandeel met bevinding onder de k hoogst gerangschikte gecontroleerde adressen"},
        {"pai", "(n/N) / (a/A): het deel van alle bevindingen dat bij gemarkeerde adressen ligt, gedeeld door het deel van de adressen dat gemarkeerd is; n en N geschat uit de twee aandelen: n = r_g a, N = r_g a + r_s (A - a); alleen naast een lift"},
        {"pai_interval_95", "het interval van de lift omgerekend: PAI = 1 / (f + (1 - f) / lift) met f = a/A"}};
    return j.dump(1) + "\n";
}

std::string evaluatie_md(const EvaluatieRapport& r) {
    const auto& e = r.evaluatie;
    std::string md = "# Evaluatie van de controles\n\n";
    md += "Ranglijst met peildatum " + r.peildatum + ". ";
    md += "Uitkomsten" + (r.van ? " van " + format_date(*r.van) + " tot " + format_date(*r.tot) : std::string()) + ": " +
          std::to_string(r.rijen) + (r.rijen == 1 ? " regel, waarvan " : " regels, waarvan ") + std::to_string(r.gebruikt) + " bij een adres uit de ranglijst of de steekproef.";
    std::size_t afgewezen = 0;
    for (const auto& [reden, n] : r.afgewezen) afgewezen += n;
    if (afgewezen)
        md += " " + std::to_string(afgewezen) + (afgewezen == 1 ? " regel kon" : " regels konden") +
              " niet worden gebruikt (zie evaluatie.json).";
    if (r.niet_bezocht)
        md += " " + std::to_string(r.niet_bezocht) + (r.niet_bezocht == 1 ? " regel zonder datum en uitkomst is" : " regels zonder datum en uitkomst zijn") +
              " overgeslagen (niet bezocht).";
    md += "\n\n## Vinden de signalen meer dan het toeval?\n\n";
    md += "- Adressen uit de ranglijst: " + aandeel_zin(e.gerangschikt) + ".\n";
    md += "- Steekproef (willekeurige adressen zonder signaal, ter vergelijking): " + aandeel_zin(e.steekproef) + ".\n";
    if (const auto& rr = e.lift.verhouding) {
        md += "- De ranglijst vond " + getal(rr->waarde, 2) + " keer zo vaak iets als de steekproef (" + interval_tekst(*rr) + "). ";
        md += rr->laag > 1 ? "Het hele interval ligt boven 1: dit verschil is waarschijnlijk geen toeval.\n"
              : rr->hoog < 1 ? "Het hele interval ligt onder 1: de ranglijst vond minder dan de steekproef, en dat is waarschijnlijk geen toeval.\n"
                             : "Het interval bevat 1: het verschil kan toeval zijn.\n";
    } else {
        md += "- " + geen_vergelijking(e.lift.vergelijking, e.gerangschikt, e.steekproef) + "\n";
    }
    if (!e.precisie.empty()) {
        md += "\n## Bovenaan de lijst (precisie@k)\n\n| hoogste k gecontroleerd | met bevinding | aandeel (95%-interval) |\n|---|---|---|\n";
        for (const auto& [k, a] : e.precisie)
            md += "| " + std::to_string(k) + " | " + std::to_string(a.treffers) + " | " + procent(a.waarde) + " (" +
                  procent(a.laag) + " – " + procent(a.hoog) + ") |\n";
    }
    md += "\n## PAI\n\n";
    if (e.pai) {
        const double f = static_cast<double>(r.gemarkeerd) / static_cast<double>(r.objecten);
        md += "PAI = " + getal(e.pai->waarde, 2) + " (" + interval_tekst(*e.pai) + "): " + procent(f) +
              " van de adressen staat op de ranglijst, en daar ligt naar schatting " +
              procent(e.pai->waarde * f) + " van alle bevindingen. 1 betekent: niet beter dan willekeurig.\n";
    } else if (e.lift.verhouding) {
        md += "Niet te berekenen: het manifest van de run geeft geen bruikbaar aantal (gemarkeerde) adressen.\n";
    } else {
        md += "Niet te berekenen: de PAI steunt op dezelfde vergelijking met de steekproef, en die is hierboven niet mogelijk.\n";
    }
    md += "\n## Per signaal\n\n| signaal | gecontroleerd | met bevinding | aandeel (95%-interval) | keer zo vaak als de steekproef (95%-interval) |\n|---|---|---|---|---|\n";
    std::string found, empty;
    bool zonder_lift = false;
    for (const auto& s : e.per_signaal) {
        const auto& a = s.aandeel;
        const auto& rr = s.lift.verhouding;
        zonder_lift = zonder_lift || !rr;
        md += "| " + s.signaal + " | " + std::to_string(a.n) + " | " + std::to_string(a.treffers) + " | " + procent(a.waarde) +
              " (" + procent(a.laag) + " – " + procent(a.hoog) + ") | " +
              (rr ? getal(rr->waarde, 2) + " (" + getal(rr->laag, 2) + " – " + getal(rr->hoog, 2) + ")" : "–") + " |\n";
        auto& list = a.treffers > 0 ? found : empty;
        list += (list.empty() ? "" : ", ") + s.signaal;
    }
    if (zonder_lift)
        md += "\n– : geen vergelijking met de steekproef; daarvoor zijn in het signaal en in de steekproef elk minstens " +
              std::to_string(min_bezoeken) + " bezoeken nodig, met in beide minstens één bevinding.\n";
    if (!found.empty()) md += "\nSignalen die iets vonden: " + found + ".\n";
    if (!empty.empty()) md += "\nSignalen die alleen bezoeken kostten (geen bevinding): " + empty + ".\n";
    md += "\n## Lees dit zo\n\n"
          "Een adres kan door meer signalen tegelijk op de lijst staan; dan telt het bij elk van die signalen. "
          "Kleine aantallen geven brede intervallen: een verschil binnen de intervallen kan toeval zijn. "
          "Dit overzicht beveelt niets aan en verandert geen gewichten: dat beslissen mensen.\n";
    return md;
}

}  // namespace onregel
