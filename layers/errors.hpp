#pragma once
// The layers' own error beside engine/errors.hpp: the machine, not the data or the configuration.
#include <stdexcept>

namespace onregel {

// The environment does not let the job finish: a file or directory cannot be created or written
// (permission, disk full, a path through a regular file), a library lacks a driver, the viewer's
// assets are missing. Exit code 3.
struct environment_error : std::runtime_error {
    using std::runtime_error::runtime_error;
};

}  // namespace onregel
