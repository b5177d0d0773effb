#pragma once
// Small charts as inline SVG for the monitor report: no script, no font or file fetched, the same
// bytes for the same numbers. Each chart draws numbers that a table beside it lists.
#include <optional>
#include <string>
#include <vector>

namespace onregel {

struct Reeks {
    std::string naam;
    std::vector<double> waarden;  // one per label
};

// Bars per label, the series side by side, with a legend when there are several. `titel` is the
// accessible name.
std::string staafdiagram(const std::string& titel, const std::vector<std::string>& labels, const std::vector<Reeks>& reeksen);

// A share in percent per label, with its interval as a whisker on a 0–100 % axis; a label without a
// value (nothing to share) shows "–".
struct Interval {
    double waarde = 0, laag = 0, hoog = 0;
};
std::string intervaldiagram(const std::string& titel, const std::vector<std::string>& labels,
                            const std::vector<std::optional<Interval>>& waarden);

// Lines over the labels (years), one per series, with a legend.
std::string lijndiagram(const std::string& titel, const std::vector<std::string>& labels, const std::vector<Reeks>& reeksen);

}  // namespace onregel
