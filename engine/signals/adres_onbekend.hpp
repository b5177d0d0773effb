#pragma once
#include "engine/signal.hpp"

namespace onregel {

// An active vestiging on an object that BAG says does not exist (any more).
class AdresOnbekend final : public Signal {
public:
    using Signal::Signal;
    const SignalInfo& info() const override;
    void configure(Params& params) override;
    std::vector<Hit> evaluate(const Context& context) const override;
};

}  // namespace onregel
