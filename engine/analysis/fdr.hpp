#pragma once
// Multiple-testing control for hot spot maps: Benjamini–Hochberg (1995) false discovery rate, and the
// ArcGIS Hot Spot Analysis classes built on it.
#include <cstdint>
#include <span>
#include <vector>

namespace onregel {

// 1 for each p that is significant at false discovery rate alpha: with p sorted ascending, the largest
// k with p_(k) <= k alpha / m; every p <= p_(k) is significant. NaN never is.
std::vector<std::uint8_t> benjamini_hochberg(std::span<const double> p, double alpha);

// Hot/cold classes -3..3 as ArcGIS Hot Spot Analysis: ±3 at 99% (p <= 0.01), ±2 at 95% (p <= 0.05),
// ±1 at 90% (p <= 0.10), 0 otherwise; the sign is the sign of z. With fdr=true each confidence level is
// FDR-corrected over all features (BH at 0.01 / 0.05 / 0.10), as ArcGIS's "Apply False Discovery Rate".
std::vector<std::int8_t> hotspot_classes(std::span<const double> z, std::span<const double> p, bool fdr);

}  // namespace onregel
