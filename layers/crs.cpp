#include "crs.hpp"

#include <cmath>
#include <proj.h>

#include "engine/errors.hpp"

namespace onregel {

struct RdToWgs84::Impl {
    PJ_CONTEXT* context = nullptr;
    PJ* transform = nullptr;
};

RdToWgs84::RdToWgs84() : impl_(std::make_unique<Impl>()) {
    impl_->context = proj_context_create();
    PJ* raw = proj_create_crs_to_crs(impl_->context, "EPSG:28992", "EPSG:4326", nullptr);
    // EPSG:4326 is latitude-first by definition; GeoJSON wants longitude first.
    impl_->transform = raw ? proj_normalize_for_visualization(impl_->context, raw) : nullptr;
    proj_destroy(raw);
    if (!impl_->transform) {
        proj_context_destroy(impl_->context);
        throw crs_error("PROJ cannot set up EPSG:28992 -> EPSG:4326 (is proj-data installed?)");
    }
}

RdToWgs84::~RdToWgs84() {
    proj_destroy(impl_->transform);
    proj_context_destroy(impl_->context);
}

LonLat RdToWgs84::operator()(Point p) const {
    const PJ_COORD out = proj_trans(impl_->transform, PJ_FWD, proj_coord(p.x, p.y, 0, 0));
    if (!std::isfinite(out.xy.x) || !std::isfinite(out.xy.y))
        throw crs_error("cannot transform RD point to WGS84");
    return {out.xy.x, out.xy.y};
}

}  // namespace onregel
