#pragma once
#include "engine/analysis/hotspot_grid.hpp"
#include "engine/signal.hpp"

namespace onregel {

// The object lies in a grid cell with more meldingen than its verblijfsobjecten lead one to expect.
class MeldingenHotspot final : public Signal {
public:
    using Signal::Signal;
    const SignalInfo& info() const override;
    void configure(Params& params) override;
    std::vector<Hit> evaluate(const Context& context) const override;
    // The test as configured: the hot spot map of `run` uses exactly this, so map and signal agree.
    const ExcessOptions& options() const { return options_; }

private:
    ExcessOptions options_{};
};

// The test with the signal's default parameters, for `onregel hotspots` and tests.
ExcessOptions meldingen_hotspot_defaults();

// The grid of the meldingen_hotspot test over a town: meldingen up to the peildatum with a positive
// weight for their categorie, against the verblijfsobjecten of each gemeente.
HotspotGrid meldingen_excess(const Town& town, const Policy& policy, const ExcessOptions& options);

// "9 plekken met meldingen (13 meldingen) in dit vak van 100 bij 100 m met 240 adressen, waar je er
// ongeveer 2,1 zou verwachten": the cell's facts in one sentence.
std::string excess_text(const HotspotCell& cell, double cel_m);

}  // namespace onregel
