#pragma once
// Street names for the offline map: the BAG has no street lines, so each openbare ruimte is labelled
// where its addresses lie, turned along the direction in which they run.
#include <cstdint>
#include <span>
#include <string>
#include <vector>

#include "engine/model.hpp"

namespace onregel {

struct Straatlabel {
    std::string naam;        // the openbare ruimte, as in the addresses
    std::string woonplaats;
    Point punt;              // RD New: the middle of the addresses around the street's central address
    double hoek = 0;         // degrees anticlockwise from east, in (-90, 90], to 0.1°: text never stands on its head
    double lengte = 0;       // metres those addresses span along hoek: how long a text the street can carry
    std::uint32_t adressen = 0;  // the street's verblijfsobjecten in the given panden
};

// Around the central address, this far: a long or bending street is labelled along its own middle part.
inline constexpr double straatlabel_radius = 120;  // metres

// One label per openbare ruimte (straat + woonplaats) with a verblijfsobject in one of `panden`
// (indices into Town::panden, as the viewer's basemap), placed from those objects only. A pand counts
// once per street, so a block of flats does not outweigh the houses along the street. Sorted by
// woonplaats, then naam.
std::vector<Straatlabel> straatlabels(std::span<const Verblijfsobject> verblijfsobjecten,
                                      std::span<const std::uint32_t> panden);

}  // namespace onregel
