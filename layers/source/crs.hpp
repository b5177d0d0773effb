#pragma once
// RD New (EPSG:28992) to WGS84 longitude/latitude for RFC 7946 outputs, through PROJ.
#include <memory>
#include <span>

#include "engine/model.hpp"

namespace onregel {

struct LonLat {
    double lon = 0;
    double lat = 0;
};

// Safe to use from several threads at once: a PROJ object is not, so each thread that transforms gets
// its own PROJ context and transformation, all set up alike, so every thread gives the same bytes.
class RdToWgs84 {
public:
    RdToWgs84();  // throws crs_error when PROJ cannot set up the transformation
    ~RdToWgs84();
    RdToWgs84(const RdToWgs84&) = delete;
    RdToWgs84& operator=(const RdToWgs84&) = delete;

    LonLat operator()(Point p) const;  // throws crs_error when PROJ cannot transform the point
    // out[i] = (*this)(in[i]), in one PROJ call on the calling thread; out.size() must equal in.size().
    void transform(std::span<const Point> in, std::span<LonLat> out) const;

private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

}  // namespace onregel
