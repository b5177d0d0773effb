#pragma once
#include "engine/signal.hpp"

namespace onregel {

// Several holdings or stichtingen on one home or small object.
class HoldingsOpAdres final : public Signal {
public:
    using Signal::Signal;
    const SignalInfo& info() const override;
    void configure(Params& params) override;
    std::vector<Hit> evaluate(const Context& context) const override;

private:
    int min_holdings_;
    double max_oppervlakte_;
};

}  // namespace onregel
