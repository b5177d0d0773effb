#pragma once
#include "engine/signal.hpp"

namespace onregel {

// The activity needs more floor area than the object has, or too many people work there per m².
class OppervlakteOnrealistisch final : public Signal {
public:
    using Signal::Signal;
    const SignalInfo& info() const override;
    void configure(Params& params) override;
    std::vector<Hit> evaluate(const Context& context) const override;

private:
    double min_m2_per_persoon_;
};

}  // namespace onregel
