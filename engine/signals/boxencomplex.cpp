#include "boxencomplex.hpp"

#include <algorithm>

#include "engine/text.hpp"
#include "support.hpp"

namespace onregel {

const SignalInfo& Boxencomplex::info() const {
    static const SignalInfo info{
        "boxencomplex",
        "Pand met veel kleine boxen (alleen overige gebruiksfunctie) en activiteit: boxen met een actieve "
        "vestiging plus meldingen op of bij de boxen. Telt op de drukste box; niveau naar die activiteit",
        "thema 'garageboxen' van de signaleringstool (Taskforce-RIEC/Avans); boxcontroledagen van 20-150 boxen",
        Familie::gebouw,
        2,
        {
            {"min_boxen", ParamType::integer, 10, 2, 10000, "boxes in one pand that make a complex"},
            {"max_oppervlakte", ParamType::integer, 25, 1, 1000, "largest floor area (m²) that counts as a box"},
            {"straal_m", ParamType::real, 50, 0, 1000, "meldingen within this distance (m) of a box count as activity"},
            {"niveau2", ParamType::integer, 3, 1, 10000,
             "activity (boxes with an active vestiging + meldingen) from which the level is 2; any activity gives 1"},
            {"niveau3", ParamType::integer, 6, 1, 10000, "activity from which the level is 3"},
        }};
    return info;
}

void Boxencomplex::configure(Params& params) {
    min_boxen_ = params.integer("min_boxen");
    max_oppervlakte_ = params.integer("max_oppervlakte");
    straal_ = params.real("straal_m");
    niveau2_ = params.integer("niveau2");
    niveau3_ = params.integer("niveau3");
    params.require_ascending({"niveau2", "niveau3"}, "de niveaus mogen niet dalen");
}

std::vector<Hit> Boxencomplex::evaluate(const Context& context) const {
    const Town& town = context.town;
    auto hits = in_chunks(town.panden.size(), [&](std::size_t begin, std::size_t end, std::vector<Hit>& out) {
        std::vector<std::uint32_t> boxes, meldingen, near;
        for (auto p = begin; p < end; ++p) {
            boxes.clear();
            for (auto v : town.vbos_per_pand.of(p)) {
                const auto& vbo = town.verblijfsobjecten[v];
                if (vbo.gebruiksdoelen == overige_gebruiksfunctie && vbo.oppervlakte > 0 && vbo.oppervlakte <= max_oppervlakte_)
                    boxes.push_back(v);
            }
            if (static_cast<int>(boxes.size()) < min_boxen_) continue;
            int active_boxes = 0, best_activity = -1;
            std::uint32_t best = boxes.front();
            meldingen.clear();
            for (auto b : boxes) {
                int activity = 0;
                for (auto v : town.vestigingen_per_vbo.of(b)) activity += town.vestigingen[v].actief_op(town.peildatum);
                active_boxes += activity > 0;
                for (auto m : town.meldingen_per_vbo.of(b)) {
                    meldingen.push_back(m);
                    activity += town.meldingen[m].datum <= town.peildatum;
                }
                context.melding_index.within(town.verblijfsobjecten[b].punt, straal_, near);
                meldingen.insert(meldingen.end(), near.begin(), near.end());
                // The busiest box carries the hit: the one to open first. Ties: the lowest BAG id.
                const auto id = town.verblijfsobjecten[b].id;
                if (activity > best_activity || (activity == best_activity && id < town.verblijfsobjecten[best].id)) {
                    best = b;
                    best_activity = activity;
                }
            }
            std::sort(meldingen.begin(), meldingen.end());
            meldingen.erase(std::unique(meldingen.begin(), meldingen.end()), meldingen.end());
            std::erase_if(meldingen, [&](std::uint32_t m) { return town.meldingen[m].datum > town.peildatum; });
            const int activity = active_boxes + static_cast<int>(meldingen.size());
            if (activity == 0) continue;
            std::vector<std::string> facts;
            if (active_boxes > 0) facts.push_back(count_text(active_boxes, "box", "boxen") + " met een actieve vestiging");
            if (!meldingen.empty()) {
                Date first = town.peildatum;
                for (auto m : meldingen) first = std::min(first, town.meldingen[m].datum);
                facts.push_back(count_text(static_cast<std::int64_t>(meldingen.size()), "melding", "meldingen") + " binnen " +
                                format_decimal(straal_, 0) + " m van de boxen sinds " + std::to_string(year_of(first)));
            }
            out.push_back({best, level_by_cutoffs(activity, niveau2_, niveau3_),
                           "Complex van " + count_text(static_cast<std::int64_t>(boxes.size()), "box", "boxen") + " in pand " +
                               bag_id_text(town.panden[p].id) + " met " + facts.front() + (facts.size() > 1 ? " en " + facts.back() : ""),
                           static_cast<std::uint8_t>((active_boxes > 0 ? familie_bit(Familie::registratie) : 0) |
                                                     (meldingen.empty() ? 0 : familie_bit(Familie::meldingen)))});
        }
    });
    std::sort(hits.begin(), hits.end(), [](const Hit& a, const Hit& b) { return a.vbo < b.vbo; });
    return hits;
}

}  // namespace onregel
