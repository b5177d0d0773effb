#pragma once
#include "engine/signal.hpp"

namespace onregel {

// Many vestigingen coming and going on one object.
class Verloop final : public Signal {
public:
    const SignalInfo& info() const override;
    void configure(const ParamValues& values) override;
    std::vector<Hit> evaluate(const Context& context) const override;

private:
    int venster_maanden_ = 24;
    int min_wisselingen_ = 4;
    int kort_maanden_ = 12;
    int min_kort_ = 3;
    int kort_venster_maanden_ = 36;
};

}  // namespace onregel
