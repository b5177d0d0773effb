// libFuzzer: the TOML config parser and validator. A config_error is a correct answer to bad
// input; a valid config must print back to TOML that parses to the same result.
#include <cstdlib>
#include <string_view>

#include "engine/config.hpp"
#include "engine/errors.hpp"
#include "engine/signals/registry.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace onregel;
    static const auto signals = make_signals();
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    try {
        const auto config = parse_config(text, "fuzz.toml", signals);
        const auto printed = config_toml(config, signals);
        if (config_toml(parse_config(printed, "printed.toml", signals), signals) != printed) std::abort();
    } catch (const config_error&) {
    }
    return 0;
}
