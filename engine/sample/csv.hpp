#pragma once
// The sample's CSV files, formatted without locale (std::to_chars), one row at a time so a writer can
// stream them. Separator `;` except ground_truth.csv, which uses `,`.
#include <string>
#include <string_view>

#include "sample.hpp"

namespace onregel::sample {

std::string_view kvk_header();
std::string_view meldingen_header();
std::string_view vergunningen_header();
std::string_view erkenningen_header();
std::string_view ground_truth_header();

void append_row(std::string& out, const KvkRow& row);
void append_row(std::string& out, const MeldingRow& row);
void append_row(std::string& out, const VergunningRow& row);
void append_row(std::string& out, const ErkenningRow& row);
void append_row(std::string& out, const GroundTruthRow& row);

}  // namespace onregel::sample
