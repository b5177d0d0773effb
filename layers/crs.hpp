#pragma once
// RD New (EPSG:28992) to WGS84 longitude/latitude for RFC 7946 outputs, through PROJ.
#include <memory>

#include "engine/model.hpp"

namespace onregel {

struct LonLat {
    double lon = 0;
    double lat = 0;
};

class RdToWgs84 {
public:
    RdToWgs84();
    ~RdToWgs84();
    RdToWgs84(const RdToWgs84&) = delete;
    RdToWgs84& operator=(const RdToWgs84&) = delete;
    LonLat operator()(Point p) const;  // throws crs_error when PROJ cannot transform the point

private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

}  // namespace onregel
