#pragma once
#include "engine/signal.hpp"

namespace onregel {

// An object with a risk-branch vestiging where risk branches are over-represented among the addresses
// with a vestiging nearby, against the gemeente's own share (binomial test, Benjamini-Hochberg FDR).
class RisicobrancheCluster final : public Signal {
public:
    const SignalInfo& info() const override;
    void configure(const ParamValues& values) override;
    std::vector<Hit> evaluate(const Context& context) const override;

private:
    double straal_ = 100;
    double fdr_q_ = 0.10;
    int min_risico_ = 4;
    double min_lq_ = 2;
};

}  // namespace onregel
