#pragma once
#include "engine/signal.hpp"

namespace onregel {

// A home (woonfunctie only) registered for a branch that needs business premises.
class WoonadresBedrijvigheid final : public Signal {
public:
    const SignalInfo& info() const override;
    void configure(const ParamValues& values) override;
    std::vector<Hit> evaluate(const Context& context) const override;

private:
    int min_vestigingen_ = 1;
};

}  // namespace onregel
