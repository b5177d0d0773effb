#include "registry.hpp"

#include "engine/config.hpp"

#include "adres_onbekend.hpp"
#include "autobranche_zonder_erkenning.hpp"
#include "bedrijven_op_adres.hpp"
#include "boxencomplex.hpp"
#include "gebruiksdoel_mismatch.hpp"
#include "holdings_op_adres.hpp"
#include "kelderbox.hpp"
#include "meldingen.hpp"
#include "meldingen_hotspot.hpp"
#include "oppervlakte_onrealistisch.hpp"
#include "risicobranche_cluster.hpp"
#include "verloop.hpp"
#include "vergunning_opknippen.hpp"
#include "woonadres_bedrijvigheid.hpp"

namespace onregel {

namespace {

template <class T>
void add(std::vector<std::unique_ptr<Signal>>& signals) {
    signals.push_back(std::make_unique<T>(make_configured<T>()));
}

}  // namespace

// An explicit table, not static self-registration: a static library's linker may drop the latter.
// The order of SIGNALS.md: results are merged and documented in this order.
std::vector<std::unique_ptr<Signal>> make_signals() {
    std::vector<std::unique_ptr<Signal>> signals;
    add<BedrijvenOpAdres>(signals);
    add<HoldingsOpAdres>(signals);
    add<Kelderbox>(signals);
    add<Boxencomplex>(signals);
    add<WoonadresBedrijvigheid>(signals);
    add<GebruiksdoelMismatch>(signals);
    add<OppervlakteOnrealistisch>(signals);
    add<AdresOnbekend>(signals);
    add<Verloop>(signals);
    add<RisicobrancheCluster>(signals);
    add<Meldingen>(signals);
    add<MeldingenHotspot>(signals);
    add<VergunningOpknippen>(signals);
    add<AutobrancheZonderErkenning>(signals);
    return signals;
}

}  // namespace onregel
