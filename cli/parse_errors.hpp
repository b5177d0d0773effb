#pragma once
// CLI11's parse errors in Dutch. CLI11 builds its messages in English and keeps only the text, so the
// offending option or word is taken from the parsed application itself where it can be (the command
// given, the required options it lacks, the arguments it did not expect) and from the message's fixed
// shape otherwise. An unknown command or option gets the known one it is closest to.
#include <string>

#include <CLI/CLI.hpp>

namespace onregel::cli {

// What to print for `error` after app.parse() threw it: one or two lines ending in a newline, naming
// the command ("onregel run: ...") and where its help is.
std::string parse_error_text(const CLI::App& app, const CLI::ParseError& error);

}  // namespace onregel::cli
