#pragma once
// The areas of `onregel gebied`: any polygon source read into RD New, and which verblijfsobjecten and
// meldingen lie in each (GEOS prepared geometries: a pand that straddles the boundary contributes only
// its objects inside).
#include <cstdint>
#include <string>
#include <vector>

#include "engine/model.hpp"

namespace onregel {

// One area of --gebied: its name, the file name its basisdataset gets (without extension) and its
// polygons in RD New, each a list of closed rings with the outer ring first.
struct Gebied {
    std::string naam;
    std::string bestand;
    std::vector<std::vector<std::vector<Point>>> vlakken;
};

// Reads every feature of the first layer (or the layer "gebieden") as an area. Names come from
// `naam_kolom`, else from the column naam, name or buurtnaam, else "gebied <n>" (n: the feature's
// position, from 1). Throws input_error for a feature without a polygon or outside the Netherlands.
std::vector<Gebied> read_gebieden(const std::string& source, const std::string& naam_kolom);

// The members of each area, ascending: objects whose point lies inside or on the boundary, and
// meldingen on such an object or, without object, with their location inside.
struct GebiedLeden {
    std::vector<std::uint32_t> vbos;
    std::vector<std::uint32_t> meldingen;
};
std::vector<GebiedLeden> gebied_leden(const std::vector<Gebied>& gebieden, const Town& town);

}  // namespace onregel
