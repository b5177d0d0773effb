#include "engine/analysis/straatlabels.hpp"

#include <algorithm>
#include <cmath>
#include <map>
#include <numbers>
#include <string_view>
#include <utility>

namespace onregel {

namespace {

struct Adrespunt {
    std::int32_t pand = 0;
    Point punt;
};

Point mean(std::span<const Point> points) {
    Point m;
    for (const auto& p : points) {
        m.x += p.x;
        m.y += p.y;
    }
    m.x /= static_cast<double>(points.size());
    m.y /= static_cast<double>(points.size());
    return m;
}

// `punten`: one per pand, in pand order.
Straatlabel place(std::vector<Point> punten) {
    Straatlabel label;
    // The address nearest to the middle of all of them lies on the street even where the street bends
    // around its middle; the label sits among the addresses around it.
    const auto centre = mean(punten);
    const auto anchor = *std::min_element(punten.begin(), punten.end(),
                                          [&](Point a, Point b) { return distance2(a, centre) < distance2(b, centre); });
    std::erase_if(punten, [&](Point p) { return distance2(p, anchor) > straatlabel_radius * straatlabel_radius; });
    label.punt = mean(punten);
    // Principal axis of the addresses: houses on both sides of a street spread along it.
    double sxx = 0, syy = 0, sxy = 0;
    for (const auto& p : punten) {
        const double dx = p.x - label.punt.x, dy = p.y - label.punt.y;
        sxx += dx * dx;
        syy += dy * dy;
        sxy += dx * dy;
    }
    if (sxx + syy == 0) return label;  // one place: no direction
    const double theta = 0.5 * std::atan2(2 * sxy, sxx - syy);  // (-pi/2, pi/2]
    // To a tenth of a degree, so a vertical street reads 90 whichever way rounding error leans.
    label.hoek = std::round(theta * 1800 / std::numbers::pi) / 10;
    if (label.hoek <= -90) label.hoek = 90;
    double lo = 0, hi = 0;
    for (const auto& p : punten) {
        const double along = (p.x - label.punt.x) * std::cos(theta) + (p.y - label.punt.y) * std::sin(theta);
        lo = std::min(lo, along);
        hi = std::max(hi, along);
    }
    label.lengte = hi - lo;
    return label;
}

}  // namespace

std::vector<Straatlabel> straatlabels(std::span<const Verblijfsobject> verblijfsobjecten,
                                      std::span<const std::uint32_t> panden) {
    if (panden.empty()) return {};
    std::vector<bool> shown(*std::max_element(panden.begin(), panden.end()) + std::size_t{1}, false);
    for (auto p : panden) shown[p] = true;

    // (woonplaats, naam) -> its objects in the shown panden; the views point into verblijfsobjecten.
    std::map<std::pair<std::string_view, std::string_view>, std::vector<Adrespunt>> straten;
    for (const auto& vbo : verblijfsobjecten) {
        const auto pand = static_cast<std::size_t>(vbo.pand);
        if (vbo.pand < 0 || pand >= shown.size() || !shown[pand] || vbo.adres.straat.empty()) continue;
        straten[{vbo.adres.woonplaats, vbo.adres.straat}].push_back({vbo.pand, vbo.punt});
    }

    std::vector<Straatlabel> labels;
    labels.reserve(straten.size());
    for (auto& [key, adressen] : straten) {
        std::stable_sort(adressen.begin(), adressen.end(), [](const Adrespunt& a, const Adrespunt& b) { return a.pand < b.pand; });
        std::vector<Point> per_pand;  // the mean of the street's objects in each pand
        for (std::size_t i = 0; i < adressen.size();) {
            std::size_t j = i;
            std::vector<Point> in_pand;
            for (; j < adressen.size() && adressen[j].pand == adressen[i].pand; ++j) in_pand.push_back(adressen[j].punt);
            per_pand.push_back(mean(in_pand));
            i = j;
        }
        auto label = place(std::move(per_pand));
        label.woonplaats = std::string(key.first);
        label.naam = std::string(key.second);
        label.adressen = static_cast<std::uint32_t>(adressen.size());
        labels.push_back(std::move(label));
    }
    return labels;
}

}  // namespace onregel
