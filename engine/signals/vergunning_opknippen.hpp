#pragma once
#include "engine/signal.hpp"

namespace onregel {

// Aanvragen that each stay below the Bibob threshold but together pass it.
class VergunningOpknippen final : public Signal {
public:
    const SignalInfo& info() const override;
    void configure(const ParamValues& values) override;
    std::vector<Hit> evaluate(const Context& context) const override;

private:
    std::int64_t drempel_ = 500000;
    int venster_maanden_ = 12;
    int min_aanvragen_ = 2;
};

}  // namespace onregel
