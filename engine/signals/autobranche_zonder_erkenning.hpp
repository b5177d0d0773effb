#pragma once
#include "engine/signal.hpp"

namespace onregel {

// A car repair vestiging with no RDW erkenning on its address.
class AutobrancheZonderErkenning final : public Signal {
public:
    const SignalInfo& info() const override;
    void configure(const ParamValues& values) override;
    std::vector<Hit> evaluate(const Context& context) const override;

private:
    double straal_ = 25;
    double nabij_ = 250;
};

}  // namespace onregel
