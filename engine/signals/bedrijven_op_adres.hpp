#pragma once
#include "engine/signal.hpp"

namespace onregel {

// Too many active firms on one verblijfsobject for its floor area, or on a home.
class BedrijvenOpAdres final : public Signal {
public:
    using Signal::Signal;
    const SignalInfo& info() const override;
    void configure(Params& params) override;
    std::vector<Hit> evaluate(const Context& context) const override;

private:
    int min_vestigingen_;
    double max_m2_per_vestiging_;
    int min_vestigingen_woonfunctie_;
};

}  // namespace onregel
