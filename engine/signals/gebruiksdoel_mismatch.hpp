#pragma once
#include "engine/signal.hpp"

namespace onregel {

// An active vestiging whose activity fits none of the object's gebruiksdoelen (policy table).
class GebruiksdoelMismatch final : public Signal {
public:
    const SignalInfo& info() const override;
    void configure(const ParamValues& values) override;
    std::vector<Hit> evaluate(const Context& context) const override;

private:
    int min_vestigingen_ = 1;
};

}  // namespace onregel
