#pragma once
#include "engine/signal.hpp"

namespace onregel {

// The activity needs more floor area than the object has, or too many people work there per m².
class OppervlakteOnrealistisch final : public Signal {
public:
    const SignalInfo& info() const override;
    void configure(const ParamValues& values) override;
    std::vector<Hit> evaluate(const Context& context) const override;

private:
    double min_m2_per_persoon_ = 4;
};

}  // namespace onregel
