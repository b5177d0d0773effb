#pragma once
#include "engine/signal.hpp"

namespace onregel {

// Objects with a risk-branch vestiging that cluster in space (DBSCAN).
class RisicobrancheCluster final : public Signal {
public:
    const SignalInfo& info() const override;
    void configure(const ParamValues& values) override;
    std::vector<Hit> evaluate(const Context& context) const override;

private:
    double eps_ = 75;
    int min_punten_ = 4;
};

}  // namespace onregel
