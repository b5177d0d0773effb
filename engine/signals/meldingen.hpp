#pragma once
#include "engine/signal.hpp"

namespace onregel {

// Meldingen at or near the object, weighted by recency and category.
class Meldingen final : public Signal {
public:
    const SignalInfo& info() const override;
    void configure(const ParamValues& values) override;
    std::vector<Hit> evaluate(const Context& context) const override;

private:
    double straal_ = 25;
    double halfwaardetijd_ = 365;
    double niveau1_ = 1;
    double niveau2_ = 3;
    double niveau3_ = 6;
};

}  // namespace onregel
