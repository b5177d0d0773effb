#include "app/validate/validate.hpp"

#include <algorithm>
#include <charconv>

#include "engine/text.hpp"

namespace onregel {

namespace {

std::string percent(std::size_t part, std::size_t whole) {
    if (whole == 0) return "-";
    return format_decimal_nl(100.0 * static_cast<double>(part) / static_cast<double>(whole), 1) + " %";
}

}  // namespace

std::string validation_report(const Inputs& inputs, std::size_t examples_per_reason) {
    std::string out;
    // The layers in reading order, then any other.
    std::vector<std::string> order = {"bag", "kvk", "meldingen", "vergunningen", "erkenningen", "buurten", "uitkomsten"};
    for (const auto& [name, stats] : inputs.layers)
        if (std::find(order.begin(), order.end(), name) == order.end()) order.push_back(name);

    std::size_t total_rejects = 0;
    for (const auto& name : order) {
        const auto it = inputs.layers.find(name);
        if (it == inputs.layers.end()) continue;
        const auto& s = it->second;
        out += "== " + name + ": " + s.bron + "\n";
        out += "   driver:        " + s.driver + "\n";
        if (!s.crs.empty()) out += "   coordinaten:   " + s.crs + " -> RD New (EPSG:28992)\n";
        if (!s.selectie.empty()) out += "   selectie:      " + s.selectie + "\n";
        std::size_t rejected = 0;
        for (const auto& r : inputs.rejects.rows()) rejected += r.laag == name;
        std::size_t skipped = 0;
        for (const auto& [reden, n] : s.overgeslagen) skipped += n;
        out += "   rijen:         " + std::to_string(s.rows) + " gelezen, " + std::to_string(s.used) + " gebruikt, " +
               std::to_string(rejected) + " afgewezen";
        if (skipped) out += ", " + std::to_string(skipped) + " overgeslagen";
        out += "\n";
        for (const auto& [reden, n] : s.overgeslagen) out += "     overgeslagen: " + std::to_string(n) + "x " + reden + "\n";
        if (!s.objecttypen.empty()) out += "   per objecttype (elke rij van elk bestand):\n";
        for (const auto& [type, t] : s.objecttypen) {
            out += "     " + type + ": " + std::to_string(t.rijen) + " gelezen, " + std::to_string(t.gebruikt) + " gebruikt, " +
                   std::to_string(t.afgewezen) + " afgewezen";
            for (const auto& [reden, n] : t.overgeslagen) out += ", " + std::to_string(n) + " " + reden;
            out += "\n";
        }
        if (s.stand) out += "   stand:         " + format_date(*s.stand) + "\n";
        if (s.eerste_datum) out += "   datums:        " + format_date(*s.eerste_datum) + " t/m " + format_date(*s.laatste_datum) + "\n";
        if (!s.sbi_versie.empty()) out += "   SBI-versie:    " + s.sbi_versie + "\n";
        if (!s.match_methods.empty()) {
            const std::size_t considered = s.rows - skipped;
            out += "   gekoppeld:     " + std::to_string(s.used) + " van " + std::to_string(considered) + " (" +
                   percent(s.used, considered) + ")\n";
            for (const auto& [route, n] : s.match_methods)
                out += "     " + route + ": " + std::to_string(n) + " (" + percent(n, considered) + ")\n";
        }
        if (rejected) {
            out += "   afgewezen per reden:\n";
            std::map<std::string, std::vector<const Reject*>> by_reason;  // by text: "ongeldige {}" names several fields
            for (const auto& r : inputs.rejects.rows())
                if (r.laag == name) by_reason[r.tekst()].push_back(&r);
            for (const auto& [tekst, rows] : by_reason) {
                out += "     " + std::to_string(rows.size()) + "x " + tekst + " -- " + std::string(info(rows.front()->reden).advies) + "\n";
                for (std::size_t k = 0; k < rows.size() && k < examples_per_reason; ++k) {
                    const auto& r = *rows[k];
                    out += "       " + r.rij + (r.id.empty() ? "" : " (" + r.id + ")") +
                           (r.waarde.empty() ? "" : ": '" + r.waarde + "'") + "\n";
                }
            }
            total_rejects += rejected;
        }
        for (const auto& w : s.waarschuwingen) out += "   LET OP: " + w + "\n";
        out += "\n";
    }
    out += total_rejects ? std::to_string(total_rejects) + " rijen afgewezen; `onregel run` schrijft ze allemaal naar rejects.csv.\n"
                         : "Geen rijen afgewezen.\n";
    return out;
}

}  // namespace onregel
