#pragma once
#include "engine/signal.hpp"

namespace onregel {

// A home (woonfunctie only) registered for a branch that needs business premises.
class WoonadresBedrijvigheid final : public Signal {
public:
    using Signal::Signal;
    const SignalInfo& info() const override;
    void configure(Params& params) override;
    std::vector<Hit> evaluate(const Context& context) const override;

private:
    int min_vestigingen_;
};

}  // namespace onregel
