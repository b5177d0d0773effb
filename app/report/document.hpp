#pragma once
// A report as a list of blocks — headings, paragraphs, tables and figures — written once and rendered as
// Markdown and as a self-contained HTML page (no scripts, nothing fetched: the CSP says so).
#include <string>
#include <vector>

namespace onregel {

// Headings, paragraphs and tables, written once and rendered as Markdown and as HTML. A figure is an
// inline SVG (`svg`, trusted markup made by the program) with `tekst` as its caption: HTML only, the
// Markdown leaves it out (the table beside it holds its numbers).
struct Blok {
    enum Soort { kop1, kop2, kop3, alinea, tabel, figuur } soort;
    std::string tekst;
    std::vector<std::string> kolommen;
    std::vector<std::vector<std::string>> rijen;
    std::vector<bool> rechts = {};  // per column, right-aligned; empty: columns of figures only (see getal_kolom)
    std::string svg = {};           // figuur only
};

std::string markdown(const std::vector<Blok>& blokken);
// `title` is the page's <title>; `extra_style` is appended to the page's style sheet (e.g. @page rules
// for print), empty for none.
std::string html(const std::vector<Blok>& blokken, const std::string& title, const std::string& extra_style = "");

}  // namespace onregel
