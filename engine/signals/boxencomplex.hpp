#pragma once
#include "engine/signal.hpp"

namespace onregel {

// A pand full of small boxes (overige gebruiksfunctie) with activity among them.
class Boxencomplex final : public Signal {
public:
    const SignalInfo& info() const override;
    void configure(const ParamValues& values) override;
    std::vector<Hit> evaluate(const Context& context) const override;

private:
    int min_boxen_ = 10;
    int max_oppervlakte_ = 25;
    double straal_ = 50;
    int niveau2_ = 3;
    int niveau3_ = 6;
};

}  // namespace onregel
