#pragma once
#include "engine/signal.hpp"

namespace onregel {

// Meldingen at or near the object, weighted by recency and category.
class Meldingen final : public Signal {
public:
    using Signal::Signal;
    const SignalInfo& info() const override;
    void configure(Params& params) override;
    std::vector<Hit> evaluate(const Context& context) const override;

private:
    double straal_;
    double halfwaardetijd_;
    double niveau1_;
    double niveau2_;
    double niveau3_;
};

}  // namespace onregel
