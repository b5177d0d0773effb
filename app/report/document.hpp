#pragma once
// A report as a list of blocks — headings, paragraphs and tables — written once and rendered as
// Markdown and as a self-contained HTML page (no scripts, nothing fetched: the CSP says so).
#include <string>
#include <vector>

namespace onregel {

// Headings, paragraphs and tables, written once and rendered as Markdown and as HTML.
struct Blok {
    enum Soort { kop1, kop2, kop3, alinea, tabel } soort;
    std::string tekst;
    std::vector<std::string> kolommen;
    std::vector<std::vector<std::string>> rijen;
};

std::string markdown(const std::vector<Blok>& blokken);
// `title` is the page's <title>.
std::string html(const std::vector<Blok>& blokken, const std::string& title);

}  // namespace onregel
