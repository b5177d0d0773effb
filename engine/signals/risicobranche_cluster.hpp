#pragma once
#include "engine/signal.hpp"

namespace onregel {

// An object with a risk-branch vestiging where risk branches are over-represented among the addresses
// with a vestiging nearby, against the gemeente's own share (binomial test, Benjamini-Hochberg FDR).
class RisicobrancheCluster final : public Signal {
public:
    using Signal::Signal;
    const SignalInfo& info() const override;
    void configure(Params& params) override;
    std::vector<Hit> evaluate(const Context& context) const override;

private:
    double straal_;
    double fdr_q_;
    int min_risico_;
    double min_lq_;
};

}  // namespace onregel
