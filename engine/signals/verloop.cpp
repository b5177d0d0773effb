#include "verloop.hpp"

#include <algorithm>
#include <tuple>

#include "support.hpp"

namespace onregel {

namespace {

constexpr std::size_t max_shown = 6;  // evidence stays short enough to read aloud

std::string periode(const Vestiging& v) {
    return "van " + (v.aanvang ? format_date(*v.aanvang) : std::string("onbekend")) + " tot " + (v.einde ? format_date(*v.einde) : std::string("nu"));
}

}  // namespace

const SignalInfo& Verloop::info() const {
    static const SignalInfo info{
        "verloop",
        "Veel vestigingen die op één object begonnen of stopten, of die er elk maar kort zaten. Niveau naar de "
        "regel die het sterkst afgaat: 1 vanaf de drempel, 2 vanaf tweemaal, 3 vanaf viermaal",
        "WODC 2018 'verloop'; Saxion 2021 'vertrekkende bedrijven'",
        Familie::registratie,
        2,
        {
            {"venster_maanden", ParamType::integer, 24, 1, 240,
             "vestigingen that started or ended less than this many months before the peildatum count as wisselingen"},
            {"min_wisselingen", ParamType::integer, 4, 2, 1000, "wisselingen on one object that fire the signal"},
            {"kort_maanden", ParamType::integer, 12, 1, 120, "a vestiging that lived less than this many months is short-lived"},
            {"min_kort", ParamType::integer, 3, 2, 1000, "short-lived vestigingen on one object that fire the signal"},
            {"kort_venster_maanden", ParamType::integer, 36, 1, 240,
             "short-lived vestigingen count when they ended less than this many months before the peildatum"},
        }};
    return info;
}

void Verloop::configure(Params& params) {
    venster_maanden_ = params.integer("venster_maanden");
    min_wisselingen_ = params.integer("min_wisselingen");
    kort_maanden_ = params.integer("kort_maanden");
    min_kort_ = params.integer("min_kort");
    kort_venster_maanden_ = params.integer("kort_venster_maanden");
}

std::vector<Hit> Verloop::evaluate(const Context& context) const {
    const Town& town = context.town;
    const Date peil = town.peildatum;
    const Date venster = add_months(peil, -venster_maanden_), kort_venster = add_months(peil, -kort_venster_maanden_);
    // Ended vestigingen are the point here: only dates after the peildatum are ignored.
    const auto in_window = [&](const std::optional<Date>& d, Date start) { return d && *d > start && *d <= peil; };
    return in_chunks(town.verblijfsobjecten.size(), [&](std::size_t begin, std::size_t end, std::vector<Hit>& hits) {
        std::vector<const Vestiging*> counted;
        for (auto i = static_cast<std::uint32_t>(begin); i < end; ++i) {
            int wisselingen = 0, kort = 0;
            counted.clear();
            for (auto v : town.vestigingen_per_vbo.of(i)) {
                const auto& vestiging = town.vestigingen[v];
                const bool wissel = in_window(vestiging.aanvang, venster) || in_window(vestiging.einde, venster);
                const bool kortlevend = vestiging.aanvang && in_window(vestiging.einde, kort_venster) &&
                                        *vestiging.einde < add_months(*vestiging.aanvang, kort_maanden_);
                wisselingen += wissel;
                kort += kortlevend;
                if (wissel || kortlevend) counted.push_back(&vestiging);
            }
            const bool churn = wisselingen >= min_wisselingen_, short_lived = kort >= min_kort_;
            if (!churn && !short_lived) continue;
            const auto level = std::max(churn ? level_by_multiple(wisselingen, min_wisselingen_) : std::uint8_t{1},
                                        short_lived ? level_by_multiple(kort, min_kort_) : std::uint8_t{1});
            std::sort(counted.begin(), counted.end(), [](const Vestiging* a, const Vestiging* b) {
                return std::tie(a->aanvang, a->einde, a->vestigingsnummer) < std::tie(b->aanvang, b->einde, b->vestigingsnummer);
            });
            std::vector<std::string> facts;
            if (wisselingen > 0)
                facts.push_back(count_text(wisselingen, "vestiging begon of stopte", "vestigingen begonnen of stopten") +
                                " in de laatste " + count_text(venster_maanden_, "maand", "maanden"));
            if (kort > 0)
                facts.push_back((wisselingen > 0 ? count_text(kort, "bleef", "bleven")
                                                 : count_text(kort, "vestiging bleef", "vestigingen bleven")) +
                                " korter dan " + count_text(kort_maanden_, "maand", "maanden"));
            std::string bewijs = facts.front() + (facts.size() > 1 ? ", " + facts.back() : "") + ":";
            for (std::size_t k = 0; k < counted.size() && k < max_shown; ++k)
                bewijs += (k ? ", SBI " : " SBI ") + counted[k]->sbi_hoofd + " " + periode(*counted[k]);
            if (counted.size() > max_shown) bewijs += " en " + std::to_string(counted.size() - max_shown) + " meer";
            hits.push_back({i, level, std::move(bewijs)});
        }
    });
}

}  // namespace onregel
