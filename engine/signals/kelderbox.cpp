#include "kelderbox.hpp"

#include "support.hpp"

namespace onregel {

const SignalInfo& Kelderbox::info() const {
    static const SignalInfo info{
        "kelderbox",
        "Kleine berging of box (alleen overige gebruiksfunctie) met een actieve inschrijving of meldingen. "
        "Niveau 1: één van beide; 2: inschrijving en melding; 3: beide en samen minstens 4",
        "garagebox/kelderboxcontroles (Heusden, Almelo, Breda); kelderboxcontrole IJsselstein (rekenkamerrapport)",
        Familie::gebouw,
        3,
        {
            {"max_oppervlakte", ParamType::integer, 25, 1, 1000, "largest floor area (m²) that counts as a box"},
            {"min_vestigingen", ParamType::integer, 1, 1, 100, "active vestigingen on the box that fire the signal"},
            {"min_meldingen", ParamType::integer, 1, 1, 100, "meldingen on the box (up to the peildatum) that fire the signal"},
        }};
    return info;
}

void Kelderbox::configure(Params& params) {
    max_oppervlakte_ = params.integer("max_oppervlakte");
    min_vestigingen_ = params.integer("min_vestigingen");
    min_meldingen_ = params.integer("min_meldingen");
}

std::vector<Hit> Kelderbox::evaluate(const Context& context) const {
    const Town& town = context.town;
    return in_chunks(town.verblijfsobjecten.size(), [&](std::size_t begin, std::size_t end, std::vector<Hit>& hits) {
        for (auto i = static_cast<std::uint32_t>(begin); i < end; ++i) {
            const auto& vbo = town.verblijfsobjecten[i];
            if (vbo.gebruiksdoelen != overige_gebruiksfunctie || vbo.oppervlakte <= 0 || vbo.oppervlakte > max_oppervlakte_)
                continue;
            int active = 0, meldingen = 0;
            Date first = town.peildatum;
            for (auto v : town.vestigingen_per_vbo.of(i)) active += town.vestigingen[v].actief_op(town.peildatum);
            for (auto m : town.meldingen_per_vbo.of(i)) {
                if (town.meldingen[m].datum > town.peildatum) continue;
                ++meldingen;
                first = std::min(first, town.meldingen[m].datum);
            }
            const bool registered = active >= min_vestigingen_, reported = meldingen >= min_meldingen_;
            if (!registered && !reported) continue;
            const int level = 1 + (registered && reported) + (registered && reported && active + meldingen >= 4);
            std::vector<std::string> facts;
            if (active > 0) facts.push_back(count_text(active, "actieve vestiging", "actieve vestigingen"));
            if (meldingen > 0) facts.push_back(meldingen_sinds(meldingen, first));
            hits.push_back({i, static_cast<std::uint8_t>(level),
                            "Box van " + std::to_string(vbo.oppervlakte) + " m² met " + facts.front() +
                                (facts.size() > 1 ? " en " + facts.back() : ""),
                            static_cast<std::uint8_t>((registered ? familie_bit(Familie::registratie) : 0) |
                                                      (reported ? familie_bit(Familie::meldingen) : 0))});
        }
    });
}

}  // namespace onregel
