#pragma once
#include "engine/signal.hpp"

namespace onregel {

// A pand full of small boxes (overige gebruiksfunctie) with activity among them.
class Boxencomplex final : public Signal {
public:
    using Signal::Signal;
    const SignalInfo& info() const override;
    void configure(Params& params) override;
    std::vector<Hit> evaluate(const Context& context) const override;

private:
    int min_boxen_;
    int max_oppervlakte_;
    double straal_;
    int niveau2_;
    int niveau3_;
};

}  // namespace onregel
