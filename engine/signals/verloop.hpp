#pragma once
#include "engine/signal.hpp"

namespace onregel {

// Many vestigingen coming and going on one object.
class Verloop final : public Signal {
public:
    using Signal::Signal;
    const SignalInfo& info() const override;
    void configure(Params& params) override;
    std::vector<Hit> evaluate(const Context& context) const override;

private:
    int venster_maanden_;
    int min_wisselingen_;
    int kort_maanden_;
    int min_kort_;
    int kort_venster_maanden_;
};

}  // namespace onregel
