#include "gebruiksdoel_mismatch.hpp"

#include "engine/text.hpp"
#include "support.hpp"

namespace onregel {

const SignalInfo& GebruiksdoelMismatch::info() const {
    static const SignalInfo info{
        "gebruiksdoel_mismatch",
        "Actieve vestiging waarvan de hoofdactiviteit bij geen enkel gebruiksdoel van het object past (tabel "
        "[gebruiksdoelen]; niet genoemde activiteiten worden niet beoordeeld; een woning met een branche uit "
        "[bedrijfsruimte] laat dit signaal aan woonadres_bedrijvigheid). Niveau 1 vanaf de drempel, 2 vanaf "
        "tweemaal, 3 vanaf viermaal",
        "DOOK-handleiding: vergelijk de inschrijving met het gebouw",
        Familie::registratie,
        2,
        {
            {"min_vestigingen", ParamType::integer, 1, 1, 100, "active vestigingen that do not fit the object needed to fire"},
        }};
    return info;
}

void GebruiksdoelMismatch::configure(Params& params) {
    min_vestigingen_ = params.integer("min_vestigingen");
}

std::vector<Hit> GebruiksdoelMismatch::evaluate(const Context& context) const {
    const Town& town = context.town;
    const Policy& policy = context.policy;
    return in_chunks(town.verblijfsobjecten.size(), [&](std::size_t begin, std::size_t end, std::vector<Hit>& hits) {
        std::vector<std::string> misfits;
        for (auto i = static_cast<std::uint32_t>(begin); i < end; ++i) {
            const auto& vbo = town.verblijfsobjecten[i];
            if (vbo.gebruiksdoelen == 0) continue;  // unknown: nothing to compare with
            misfits.clear();
            for (auto v : town.vestigingen_per_vbo.of(i)) {
                const auto& vestiging = town.vestigingen[v];
                if (!vestiging.actief_op(town.peildatum)) continue;
                const auto* rule = match_sbi(policy.gebruiksdoelen, vestiging);
                if (!rule || (rule->gebruiksdoelen & vbo.gebruiksdoelen) != 0) continue;
                // One fact scores once: premises-needing branches on a home are woonadres_bedrijvigheid's.
                if (vbo.gebruiksdoelen == woonfunctie && match_sbi(policy.bedrijfsruimte, vestiging)) continue;
                misfits.push_back(rule->naam + " (SBI " + vestiging.sbi_hoofd + ")");
            }
            const auto count = static_cast<int>(misfits.size());
            if (count < min_vestigingen_) continue;
            std::vector<std::string> doelen;
            for (unsigned bit = 1; bit <= overige_gebruiksfunctie; bit <<= 1)
                if (vbo.gebruiksdoelen & bit) doelen.push_back(format_gebruiksdoelen(static_cast<GebruiksdoelSet>(bit)));
            misfits = distinct(std::move(misfits));
            const bool one = misfits.size() == 1;
            hits.push_back({i, level_by_multiple(count, min_vestigingen_),
                            (one ? "Activiteit " : "Activiteiten ") + list_text(misfits) + (one ? " past " : " passen ") +
                                (doelen.size() == 1 ? "niet bij het gebruiksdoel " : "bij geen van de gebruiksdoelen ") +
                                list_text(doelen)});
        }
    });
}

}  // namespace onregel
