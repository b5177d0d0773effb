#pragma once
#include "engine/signal.hpp"

namespace onregel {

// A small storage unit (berging, kelder- of garagebox) with business registrations or meldingen.
class Kelderbox final : public Signal {
public:
    using Signal::Signal;
    const SignalInfo& info() const override;
    void configure(Params& params) override;
    std::vector<Hit> evaluate(const Context& context) const override;

private:
    int max_oppervlakte_;
    int min_vestigingen_;
    int min_meldingen_;
};

}  // namespace onregel
