#include "registry.hpp"

#include "bedrijven_op_adres.hpp"
#include "kelderbox.hpp"

namespace onregel {

// An explicit table, not static self-registration: a static library's linker may drop the latter.
std::vector<std::unique_ptr<Signal>> make_signals() {
    std::vector<std::unique_ptr<Signal>> signals;
    signals.push_back(std::make_unique<BedrijvenOpAdres>());
    signals.push_back(std::make_unique<Kelderbox>());
    return signals;
}

}  // namespace onregel
