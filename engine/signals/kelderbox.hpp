#pragma once
#include "engine/signal.hpp"

namespace onregel {

// A small storage unit (berging, kelder- of garagebox) with business registrations or meldingen.
class Kelderbox final : public Signal {
public:
    const SignalInfo& info() const override;
    void configure(const ParamValues& values) override;
    std::vector<Hit> evaluate(const Context& context) const override;

private:
    int max_oppervlakte_ = 25;
    int min_vestigingen_ = 1;
    int min_meldingen_ = 1;
};

}  // namespace onregel
