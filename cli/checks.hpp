#pragma once
// The value checks of the options, with their complaints in Dutch: CLI11's own (CLI::Range,
// CLI::IsMember, ...) answer in English. CLI11 puts the option's name in front ("--threads: ...").
#include <initializer_list>
#include <string>

#include <CLI/CLI.hpp>

#include "engine/date.hpp"

namespace onregel::cli {

// A whole number from `min` to `max`, both included.
CLI::Validator whole_number(long long min, long long max);
// A number from `min` to `max`, both included (a decimal point; a decimal comma is pointed out).
CLI::Validator number_between(double min, double max);
// A number above zero; a number of zero or more.
CLI::Validator positive_number();
CLI::Validator non_negative_number();
// One of the words given.
CLI::Validator one_of(std::initializer_list<std::string> words);

// The date an option gives (`--peildatum`, `--van`): config_error naming the option when it is none.
Date date_option(const std::string& text, const char* option);

}  // namespace onregel::cli
