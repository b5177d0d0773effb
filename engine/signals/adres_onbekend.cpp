#include "adres_onbekend.hpp"

#include <algorithm>
#include <array>

#include "engine/text.hpp"
#include "support.hpp"

namespace onregel {

namespace {

bool vervallen(VboStatus status) {
    return status == VboStatus::ingetrokken || status == VboStatus::niet_gerealiseerd ||
           status == VboStatus::ten_onrechte_opgevoerd || status == VboStatus::buiten_gebruik;
}

// BAG's pand statuses for a building that is not there, compared ignoring ASCII case; "gesloopt" is the
// short form some extracts use.
bool pand_vervallen(std::string_view status) {
    constexpr std::array<std::string_view, 4> gone = {"gesloopt", "pand gesloopt", "niet gerealiseerd pand",
                                                      "pand ten onrechte opgevoerd"};
    std::string lower(status);
    std::transform(lower.begin(), lower.end(), lower.begin(),
                   [](char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; });
    return std::find(gone.begin(), gone.end(), lower) != gone.end();
}

}  // namespace

const SignalInfo& AdresOnbekend::info() const {
    static const SignalInfo info{
        "adres_onbekend",
        "Actieve vestiging op een object dat volgens de BAG niet (meer) bestaat: status ingetrokken, niet "
        "gerealiseerd, ten onrechte opgevoerd of buiten gebruik, of een gesloopt of niet gerealiseerd pand. "
        "Niveau = aantal zulke vestigingen (hoogstens 3). Adressen zonder BAG-object staan in rejects.csv",
        "controle De Beemd: de meeste bevindingen waren onjuiste KvK-inschrijvingen",
        Familie::registratie,
        3,
        {}};
    return info;
}

void AdresOnbekend::configure(Params&) {}

std::vector<Hit> AdresOnbekend::evaluate(const Context& context) const {
    const Town& town = context.town;
    return in_chunks(town.verblijfsobjecten.size(), [&](std::size_t begin, std::size_t end, std::vector<Hit>& hits) {
        std::vector<std::string> adressen;
        for (auto i = static_cast<std::uint32_t>(begin); i < end; ++i) {
            const auto& vbo = town.verblijfsobjecten[i];
            const Pand* pand = vbo.pand >= 0 ? &town.panden[static_cast<std::size_t>(vbo.pand)] : nullptr;
            const bool object_gone = vervallen(vbo.status), pand_gone = pand && pand_vervallen(pand->status);
            if (!object_gone && !pand_gone) continue;
            adressen.clear();
            for (auto v : town.vestigingen_per_vbo.of(i))
                if (town.vestigingen[v].actief_op(town.peildatum)) adressen.push_back(format_adres(town.vestigingen[v].adres));
            if (adressen.empty()) continue;
            const auto count = static_cast<int>(adressen.size());
            std::string bewijs = count_text(count, "actieve vestiging", "actieve vestigingen");
            bewijs += object_gone ? " op een object met BAG-status '" + std::string(vbo_status_name(vbo.status)) + "'"
                                  : " in een pand met BAG-status '" + pand->status + "'";
            bewijs += ", ingeschreven op " + list_text(distinct(adressen));
            hits.push_back({i, static_cast<std::uint8_t>(std::min(count, 3)), std::move(bewijs)});
        }
    });
}

}  // namespace onregel
