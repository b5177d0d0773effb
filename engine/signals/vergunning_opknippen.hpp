#pragma once
#include "engine/signal.hpp"

namespace onregel {

// Aanvragen that each stay below the Bibob threshold but together pass it.
class VergunningOpknippen final : public Signal {
public:
    using Signal::Signal;
    const SignalInfo& info() const override;
    void configure(Params& params) override;
    std::vector<Hit> evaluate(const Context& context) const override;

private:
    std::int64_t drempel_;
    int venster_maanden_;
    int min_aanvragen_;
};

}  // namespace onregel
