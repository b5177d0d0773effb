#pragma once
#include "engine/signal.hpp"

namespace onregel {

// The object lies in a significant hot spot of meldingen (Gi* with FDR).
class MeldingenHotspot final : public Signal {
public:
    const SignalInfo& info() const override;
    void configure(const ParamValues& values) override;
    std::vector<Hit> evaluate(const Context& context) const override;

private:
    double cel_ = 100;
    double band_ = 300;
};

}  // namespace onregel
