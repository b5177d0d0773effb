#pragma once
#include "engine/signal.hpp"

namespace onregel {

// Too many active firms on one verblijfsobject for its floor area, or on a home.
class BedrijvenOpAdres final : public Signal {
public:
    const SignalInfo& info() const override;
    void configure(const ParamValues& values) override;
    std::vector<Hit> evaluate(const Context& context) const override;

private:
    int min_vestigingen_ = 5;
    double max_m2_per_vestiging_ = 20;
    int min_vestigingen_woonfunctie_ = 3;
};

}  // namespace onregel
