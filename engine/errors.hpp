#pragma once
// The error hierarchy: low-level code throws, callers add context on the way up,
// only cli/main.cpp prints and chooses the exit code (input_error -> 1, config_error -> 2).
#include <stdexcept>
#include <string>

namespace onregel {

// Bad or unreadable input data: exit code 1.
struct input_error : std::runtime_error {
    using std::runtime_error::runtime_error;
};

// A coordinate reference system that cannot be used: a kind of input error.
struct crs_error : input_error {
    using input_error::input_error;
};

// Bad configuration or command-line usage: exit code 2.
struct config_error : std::runtime_error {
    using std::runtime_error::runtime_error;
};

}  // namespace onregel
