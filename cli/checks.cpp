#include "checks.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <vector>

#include "engine/errors.hpp"
#include "engine/text.hpp"

namespace onregel::cli {

namespace {

// 2, 0,5, 1000000: how a number reads in a Dutch sentence.
std::string number_text(double v) {
    if (v == std::floor(v) && std::abs(v) < 1e15) return std::to_string(static_cast<long long>(v));
    auto text = format_decimal_nl(v, 6);
    while (text.back() == '0') text.pop_back();
    return text;
}

// The number in `text`, or the complaint about it.
std::string parse_number(const std::string& text, double& value) {
    const auto end = text.data() + text.size();
    const auto r = std::from_chars(text.data(), end, value);
    if (r.ec == std::errc{} && r.ptr == end && std::isfinite(value)) return {};
    if (text.find(',') != std::string::npos) {
        auto pointed = text;
        std::replace(pointed.begin(), pointed.end(), ',', '.');
        return "schrijf een decimaal getal met een punt: " + pointed + " in plaats van " + text;
    }
    return "'" + text + "' is geen getal";
}

std::string unless(bool ok, const std::string& expected, const std::string& text) {
    return ok ? std::string() : "verwacht " + expected + ", niet " + text;
}

}  // namespace

CLI::Validator whole_number(long long min, long long max) {
    const auto expected = "een geheel getal van " + std::to_string(min) + " tot en met " + std::to_string(max);
    return {[=](std::string& text) {
                long long value = 0;
                const auto end = text.data() + text.size();
                const auto r = std::from_chars(text.data(), end, value);
                return unless(r.ec == std::errc{} && r.ptr == end && value >= min && value <= max, expected, text);
            },
            "in [" + std::to_string(min) + " - " + std::to_string(max) + "]"};
}

CLI::Validator number_between(double min, double max) {
    const auto expected = "een getal van " + number_text(min) + " tot en met " + number_text(max);
    return {[=](std::string& text) {
                double value = 0;
                if (auto problem = parse_number(text, value); !problem.empty()) return problem;
                return unless(value >= min && value <= max, expected, text);
            },
            "in [" + number_text(min) + " - " + number_text(max) + "]"};
}

CLI::Validator positive_number() {
    return {[](std::string& text) {
                double value = 0;
                if (auto problem = parse_number(text, value); !problem.empty()) return problem;
                return unless(value > 0, "een getal groter dan 0", text);
            },
            "> 0"};
}

CLI::Validator non_negative_number() {
    return {[](std::string& text) {
                double value = 0;
                if (auto problem = parse_number(text, value); !problem.empty()) return problem;
                return unless(value >= 0, "0 of een getal groter dan 0", text);
            },
            ">= 0"};
}

CLI::Validator one_of(std::initializer_list<std::string> words) {
    const std::vector<std::string> allowed(words);
    std::string expected, listed;
    for (std::size_t i = 0; i < allowed.size(); ++i) {
        expected += (i == 0 ? "" : i + 1 == allowed.size() ? " of " : ", ") + allowed[i];
        listed += (i == 0 ? "" : ",") + allowed[i];
    }
    return {[=](std::string& text) {
                return unless(std::find(allowed.begin(), allowed.end(), text) != allowed.end(), expected, text);
            },
            "{" + listed + "}"};
}

Date date_option(const std::string& text, const char* option) {
    try {
        if (const auto d = parse_date(text)) return *d;
    } catch (const input_error& e) {
        throw config_error(std::string(option) + ": " + e.what());
    }
    throw config_error(std::string(option) + ": verwacht een datum als JJJJ-MM-DD");
}

}  // namespace onregel::cli
