#include "vergunning_opknippen.hpp"

#include <algorithm>
#include <map>
#include <tuple>

#include "support.hpp"

namespace onregel {

namespace {

// Aanvragen that were judged together: the same object or the same aanvrager, within the window.
struct Window {
    std::vector<std::uint32_t> ids;  // by date
    std::int64_t sum = 0;
    bool per_aanvrager = false;
};

// Ranks the windows that could explain a hit on one object: most aanvragen, then largest sum, then earliest.
bool better(const Window& a, const Window& b, const std::vector<Vergunning>& all) {
    const auto key = [&](const Window& w) {
        return std::make_tuple(w.ids.size(), w.sum, -all[w.ids.front()].datum_aanvraag, !w.per_aanvrager);
    };
    return key(a) > key(b);
}

}  // namespace

const SignalInfo& VergunningOpknippen::info() const {
    static const SignalInfo info{
        "vergunning_opknippen",
        "Meerdere aanvragen omgevingsvergunning voor één object of van één aanvrager binnen korte tijd, elk onder "
        "de Bibob-drempel en samen erboven (alleen met --vergunningen). Niveau = aantal aanvragen min 1 (hoogstens 3)",
        "rekenkamerrapport: een omgevingsvergunning opknippen om onder de Bibob-drempel te blijven",
        Familie::vergunningen,
        3,
        {
            {"drempel_euro", ParamType::integer, 500000, 1, 1000000000,
             "each aanvraag below this bouwkosten (euro), together at or above it"},
            {"venster_maanden", ParamType::integer, 12, 1, 120, "aanvragen count together when less than this many months apart"},
            {"min_aanvragen", ParamType::integer, 2, 2, 100, "aanvragen in one window needed to fire"},
        }};
    return info;
}

void VergunningOpknippen::configure(Params& params) {
    drempel_ = params.integer("drempel_euro");
    venster_maanden_ = params.integer("venster_maanden");
    min_aanvragen_ = params.integer("min_aanvragen");
}

std::vector<Hit> VergunningOpknippen::evaluate(const Context& context) const {
    const Town& town = context.town;
    if (!town.has_vergunningen) return {};
    const auto& all = town.vergunningen;
    // Groups of candidate aanvragen (below the threshold, up to the peildatum) by object and by aanvrager.
    std::map<std::int32_t, std::vector<std::uint32_t>> per_object;
    std::map<std::string, std::vector<std::uint32_t>> per_aanvrager;
    for (std::uint32_t k = 0; k < all.size(); ++k) {
        if (all[k].datum_aanvraag > town.peildatum || all[k].bouwkosten >= drempel_) continue;
        if (all[k].vbo >= 0) per_object[all[k].vbo].push_back(k);
        if (!all[k].aanvrager.empty()) per_aanvrager[all[k].aanvrager].push_back(k);
    }
    std::map<std::uint32_t, Window> best;  // per verblijfsobject
    const auto scan = [&](std::vector<std::uint32_t> group, bool per_aanvrager) {
        std::sort(group.begin(), group.end(), [&](std::uint32_t a, std::uint32_t b) {
            return std::tie(all[a].datum_aanvraag, all[a].zaaknummer, a) < std::tie(all[b].datum_aanvraag, all[b].zaaknummer, b);
        });
        for (std::size_t i = 0, j = 0; i < group.size(); ++i) {
            const Date until = add_months(all[group[i]].datum_aanvraag, venster_maanden_);
            j = std::max(j, i);
            while (j < group.size() && all[group[j]].datum_aanvraag < until) ++j;
            Window window{{group.begin() + static_cast<std::ptrdiff_t>(i), group.begin() + static_cast<std::ptrdiff_t>(j)}, 0,
                          per_aanvrager};
            for (auto k : window.ids) window.sum += all[k].bouwkosten;
            if (static_cast<int>(window.ids.size()) < min_aanvragen_ || window.sum < drempel_) continue;
            for (auto k : window.ids) {
                if (all[k].vbo < 0) continue;
                auto [it, fresh] = best.try_emplace(static_cast<std::uint32_t>(all[k].vbo), window);
                if (!fresh && better(window, it->second, all)) it->second = window;
            }
        }
    };
    for (auto& [vbo, group] : per_object) scan(std::move(group), false);
    for (auto& [aanvrager, group] : per_aanvrager) scan(std::move(group), true);

    std::vector<Hit> hits;
    for (const auto& [vbo, window] : best) {
        std::string bewijs = std::to_string(window.ids.size()) + " aanvragen " +
                             (window.per_aanvrager ? "van dezelfde aanvrager" : "voor dit object") + " binnen " +
                             count_text(venster_maanden_, "maand", "maanden") + ", elk onder " + format_euro(drempel_) +
                             ", samen " + format_euro(window.sum) + ":";
        for (std::size_t n = 0; n < window.ids.size(); ++n) {
            const auto& v = all[window.ids[n]];
            bewijs += (n ? ", " : " ") + v.zaaknummer + " (" + format_date(v.datum_aanvraag) + ", " + format_euro(v.bouwkosten) + ")";
        }
        hits.push_back({vbo, static_cast<std::uint8_t>(std::min<std::size_t>(window.ids.size() - 1, 3)), std::move(bewijs)});
    }
    return hits;
}

}  // namespace onregel
