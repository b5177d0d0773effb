#pragma once
#include "engine/signal.hpp"

namespace onregel {

// A car repair vestiging with no RDW erkenning on its address.
class AutobrancheZonderErkenning final : public Signal {
public:
    using Signal::Signal;
    const SignalInfo& info() const override;
    void configure(Params& params) override;
    std::vector<Hit> evaluate(const Context& context) const override;

private:
    double straal_;
    double nabij_;
};

}  // namespace onregel
