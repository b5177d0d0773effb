#include "layers/versions.hpp"

#include <gdal.h>
#include <geos_c.h>
#include <proj.h>
#include <oneapi/tbb/version.h>

namespace onregel {

std::vector<std::pair<std::string, std::string>> library_versions() {
    return {
        {"GDAL", GDALVersionInfo("RELEASE_NAME")},
        {"GEOS", GEOSversion()},
        {"PROJ", proj_info().version},
        {"oneTBB", TBB_runtime_version()},
    };
}

}  // namespace onregel
