#pragma once
#include "engine/signal.hpp"

namespace onregel {

// Several holdings or stichtingen on one home or small object.
class HoldingsOpAdres final : public Signal {
public:
    const SignalInfo& info() const override;
    void configure(const ParamValues& values) override;
    std::vector<Hit> evaluate(const Context& context) const override;

private:
    int min_holdings_ = 3;
    double max_oppervlakte_ = 50;
};

}  // namespace onregel
