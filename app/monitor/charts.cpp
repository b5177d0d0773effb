#include "app/monitor/charts.hpp"

#include <algorithm>
#include <cmath>

#include "engine/text.hpp"

namespace onregel {

namespace {

constexpr double breedte = 680, hoogte = 250, links = 52, rechts = 12, boven = 14, onder = 40;
constexpr const char* kleuren[] = {"#1f5f8b", "#e07b39", "#3b8b5a", "#8b3b6e", "#6b6b6b", "#b8a034", "#4aa3c9", "#c94a4a"};

std::string n(double x) { return format_decimal(x, 1); }

std::string kleur(std::size_t i) { return kleuren[i % std::size(kleuren)]; }

// A round top for the axis and its step: 1, 2 or 5 times a power of ten, about five steps.
std::pair<double, double> as_schaal(double max) {
    if (max <= 0) return {1, 1};
    const double ruw = max / 5, macht = std::pow(10.0, std::floor(std::log10(ruw)));
    double stap = macht;
    for (double f : {1.0, 2.0, 5.0, 10.0})
        if (f * macht >= ruw) {
            stap = f * macht;
            break;
        }
    if (stap < 1 && max >= 1) stap = 1;
    return {std::ceil(max / stap) * stap, stap};
}

std::string begin(const std::string& titel, double h = hoogte) {
    return "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 " + n(breedte) + " " + n(h) + "\" width=\"" + n(breedte) +
           "\" height=\"" + n(h) + "\" role=\"img\" aria-label=\"" + markup_escaped(titel) +
           "\" font-family=\"sans-serif\" font-size=\"11\">\n<title>" + markup_escaped(titel) + "</title>\n";
}

std::string tekst(double x, double y, const std::string& inhoud, const char* anker = "middle") {
    return "<text x=\"" + n(x) + "\" y=\"" + n(y) + "\" text-anchor=\"" + anker + "\">" + markup_escaped(inhoud) + "</text>\n";
}

std::string lijn(double x1, double y1, double x2, double y2, const std::string& stroke, double dikte = 1) {
    return "<line x1=\"" + n(x1) + "\" y1=\"" + n(y1) + "\" x2=\"" + n(x2) + "\" y2=\"" + n(y2) + "\" stroke=\"" + stroke +
           "\" stroke-width=\"" + n(dikte) + "\"/>\n";
}

// The y axis with its grid lines; returns the y of a value.
struct Assen {
    double top, stap;
    double y(double v) const { return boven + (hoogte - boven - onder) * (1 - v / top); }
};

std::string y_as(const Assen& a, const char* eenheid) {
    std::string out;
    for (double v = 0; v <= a.top + a.stap / 2; v += a.stap) {
        out += lijn(links, a.y(v), breedte - rechts, a.y(v), v == 0 ? "#444" : "#ddd");
        out += tekst(links - 4, a.y(v) + 4, format_decimal_nl(v, a.stap < 1 ? 1 : 0) + eenheid, "end");
    }
    return out;
}

std::string legenda(const std::vector<Reeks>& reeksen) {
    if (reeksen.size() < 2) return "";
    std::string out;
    double x = links;
    for (std::size_t i = 0; i < reeksen.size(); ++i) {
        out += "<rect x=\"" + n(x) + "\" y=\"" + n(hoogte + 4) + "\" width=\"10\" height=\"10\" fill=\"" + kleur(i) + "\"/>\n";
        out += tekst(x + 14, hoogte + 13, reeksen[i].naam, "start");
        x += 24 + 6.5 * static_cast<double>(reeksen[i].naam.size());
    }
    return out;
}

double hoogte_met_legenda(const std::vector<Reeks>& reeksen) { return reeksen.size() < 2 ? hoogte : hoogte + 20; }

double x_label(std::size_t i, std::size_t n_labels) {
    const double vak = (breedte - links - rechts) / static_cast<double>(std::max<std::size_t>(n_labels, 1));
    return links + vak * (static_cast<double>(i) + 0.5);
}

std::string x_labels(const std::vector<std::string>& labels) {
    std::string out;
    for (std::size_t i = 0; i < labels.size(); ++i) out += tekst(x_label(i, labels.size()), hoogte - onder + 16, labels[i]);
    return out;
}

// Axes from 0 to a round number above every value of the series.
Assen assen_voor(const std::vector<Reeks>& reeksen) {
    double max = 0;
    for (const auto& r : reeksen)
        for (double v : r.waarden) max = std::max(max, v);
    const auto [top, stap] = as_schaal(max);
    return {top, stap};
}

}  // namespace

std::string staafdiagram(const std::string& titel, const std::vector<std::string>& labels, const std::vector<Reeks>& reeksen) {
    const Assen a = assen_voor(reeksen);
    std::string out = begin(titel, hoogte_met_legenda(reeksen)) + y_as(a, "");
    const double vak = (breedte - links - rechts) / static_cast<double>(std::max<std::size_t>(labels.size(), 1));
    const double staaf = std::min(48.0, vak * 0.8 / static_cast<double>(std::max<std::size_t>(reeksen.size(), 1)));
    for (std::size_t i = 0; i < labels.size(); ++i)
        for (std::size_t s = 0; s < reeksen.size(); ++s) {
            const double v = reeksen[s].waarden.at(i);
            const double x =
                x_label(i, labels.size()) - staaf * static_cast<double>(reeksen.size()) / 2 + staaf * static_cast<double>(s);
            out += "<rect x=\"" + n(x) + "\" y=\"" + n(a.y(v)) + "\" width=\"" + n(staaf - 1) + "\" height=\"" +
                   n(a.y(0) - a.y(v)) + "\" fill=\"" + kleur(s) + "\"><title>" +
                   markup_escaped(labels[i] + ", " + reeksen[s].naam + ": " + format_decimal_nl(v, 0)) + "</title></rect>\n";
        }
    return out + x_labels(labels) + legenda(reeksen) + "</svg>";
}

std::string intervaldiagram(const std::string& titel, const std::vector<std::string>& labels,
                            const std::vector<std::optional<Interval>>& waarden) {
    const Assen a{100, 20};
    std::string out = begin(titel) + y_as(a, " %");
    for (std::size_t i = 0; i < labels.size(); ++i) {
        const double x = x_label(i, labels.size());
        if (!waarden[i]) {
            out += tekst(x, a.y(0) - 6, "–");
            continue;
        }
        const auto& w = *waarden[i];
        out += lijn(x, a.y(w.laag), x, a.y(w.hoog), kleur(0), 2);
        out += lijn(x - 8, a.y(w.laag), x + 8, a.y(w.laag), kleur(0), 2);
        out += lijn(x - 8, a.y(w.hoog), x + 8, a.y(w.hoog), kleur(0), 2);
        out += "<circle cx=\"" + n(x) + "\" cy=\"" + n(a.y(w.waarde)) + "\" r=\"5\" fill=\"" + kleur(1) + "\"><title>" +
               markup_escaped(labels[i] + ": " + format_decimal_nl(w.waarde, 1) + " % (" + format_decimal_nl(w.laag, 1) + "–" +
                              format_decimal_nl(w.hoog, 1) + " %)") +
               "</title></circle>\n";
    }
    return out + x_labels(labels) + "</svg>";
}

std::string lijndiagram(const std::string& titel, const std::vector<std::string>& labels, const std::vector<Reeks>& reeksen) {
    const Assen a = assen_voor(reeksen);
    std::string out = begin(titel, hoogte_met_legenda(reeksen)) + y_as(a, "");
    for (std::size_t s = 0; s < reeksen.size(); ++s) {
        std::string punten;
        for (std::size_t i = 0; i < labels.size(); ++i)
            punten += (i ? " " : "") + n(x_label(i, labels.size())) + "," + n(a.y(reeksen[s].waarden.at(i)));
        out += "<polyline fill=\"none\" stroke=\"" + kleur(s) + "\" stroke-width=\"2\" points=\"" + punten + "\"/>\n";
        for (std::size_t i = 0; i < labels.size(); ++i)
            out += "<circle cx=\"" + n(x_label(i, labels.size())) + "\" cy=\"" + n(a.y(reeksen[s].waarden[i])) +
                   "\" r=\"3\" fill=\"" + kleur(s) + "\"><title>" +
                   markup_escaped(reeksen[s].naam + ", " + labels[i] + ": " + format_decimal_nl(reeksen[s].waarden[i], 0)) +
                   "</title></circle>\n";
    }
    return out + x_labels(labels) + legenda(reeksen) + "</svg>";
}

}  // namespace onregel
