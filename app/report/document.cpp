#include "app/report/document.hpp"

#include "engine/text.hpp"

namespace onregel {

namespace {

// Figures are right-aligned: a column whose cells all start with a digit or a dash (no value), unless
// the table says per column.
bool getal_kolom(const Blok& tabel, std::size_t kolom) {
    if (!tabel.rechts.empty()) return kolom < tabel.rechts.size() && tabel.rechts[kolom];
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

}  // namespace

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
            case Blok::figuur: break;
        }
    }
    return out;
}

std::string html(const std::vector<Blok>& blokken, const std::string& title, const std::string& extra_style) {
    // A report, not an application: no scripts and nothing fetched, which the CSP enforces.
    std::string out =
        "<!doctype html>\n<html lang=\"nl\">\n<head>\n<meta charset=\"utf-8\">\n"
        "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">\n"
        "<meta name=\"referrer\" content=\"no-referrer\">\n<title>" +
        markup_escaped(title) +
        "</title>\n<style>\n"
        "body{font-family:system-ui,sans-serif;max-width:72rem;margin:2rem auto;padding:0 1rem;color:#222;line-height:1.4}\n"
        "table{border-collapse:collapse;margin:0 0 1.5rem;width:100%}\n"
        "th,td{border:1px solid #ccc;padding:.3rem .5rem;text-align:left;vertical-align:top}\n"
        "td.getal{text-align:right;white-space:nowrap}th{background:#f0f0ec}\n"
        "h2{margin-top:2.5rem;border-bottom:2px solid #222}\n" +
        extra_style + "</style>\n</head>\n<body>\n";
    for (const auto& b : blokken) {
        switch (b.soort) {
            case Blok::kop1: out += "<h1>" + markup_escaped(b.tekst) + "</h1>\n"; break;
            case Blok::kop2: out += "<h2>" + markup_escaped(b.tekst) + "</h2>\n"; break;
            case Blok::kop3: out += "<h3>" + markup_escaped(b.tekst) + "</h3>\n"; break;
            case Blok::alinea: out += "<p>" + markup_escaped(b.tekst) + "</p>\n"; break;
            case Blok::tabel:
                out += "<table>\n<thead><tr>";
                for (const auto& k : b.kolommen) out += "<th>" + markup_escaped(k) + "</th>";
                out += "</tr></thead>\n<tbody>\n";
                for (const auto& rij : b.rijen) {
                    out += "<tr>";
                    for (std::size_t i = 0; i < rij.size(); ++i)
                        out += (getal_kolom(b, i) ? "<td class=\"getal\">" : "<td>") + markup_escaped(rij[i]) + "</td>";
                    out += "</tr>\n";
                }
                out += "</tbody>\n</table>\n";
                break;
            case Blok::figuur: out += "<figure>\n" + b.svg + "\n<figcaption>" + markup_escaped(b.tekst) + "</figcaption>\n</figure>\n"; break;
        }
    }
    return out + "</body>\n</html>\n";
}

}  // namespace onregel
