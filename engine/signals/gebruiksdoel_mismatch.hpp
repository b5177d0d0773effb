#pragma once
#include "engine/signal.hpp"

namespace onregel {

// An active vestiging whose activity fits none of the object's gebruiksdoelen (policy table).
class GebruiksdoelMismatch final : public Signal {
public:
    using Signal::Signal;
    const SignalInfo& info() const override;
    void configure(Params& params) override;
    std::vector<Hit> evaluate(const Context& context) const override;

private:
    int min_vestigingen_;
};

}  // namespace onregel
