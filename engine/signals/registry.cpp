#include "registry.hpp"

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

// An explicit table, not static self-registration: a static library's linker may drop the latter.
// The order of SIGNALS.md: results are merged and documented in this order.
std::vector<std::unique_ptr<Signal>> make_signals() {
    std::vector<std::unique_ptr<Signal>> signals;
    signals.push_back(std::make_unique<BedrijvenOpAdres>());
    signals.push_back(std::make_unique<HoldingsOpAdres>());
    signals.push_back(std::make_unique<Kelderbox>());
    signals.push_back(std::make_unique<Boxencomplex>());
    signals.push_back(std::make_unique<WoonadresBedrijvigheid>());
    signals.push_back(std::make_unique<GebruiksdoelMismatch>());
    signals.push_back(std::make_unique<OppervlakteOnrealistisch>());
    signals.push_back(std::make_unique<AdresOnbekend>());
    signals.push_back(std::make_unique<Verloop>());
    signals.push_back(std::make_unique<RisicobrancheCluster>());
    signals.push_back(std::make_unique<Meldingen>());
    signals.push_back(std::make_unique<MeldingenHotspot>());
    signals.push_back(std::make_unique<VergunningOpknippen>());
    signals.push_back(std::make_unique<AutobrancheZonderErkenning>());
    return signals;
}

}  // namespace onregel
