#pragma once
// The monitor's figures as a report: blocks for Markdown and the printable HTML page (charts as inline
// SVG beside the tables that hold their numbers), and the same tables as sheets of one workbook.
#include <string>
#include <vector>

#include "app/monitor/monitor_figures.hpp"
#include "app/report/document.hpp"
#include "layers/table/feature_table.hpp"

namespace onregel {

// `bron`: how the register is named in the report (a file name, or "PostgreSQL": a PG: string may
// hold a password).
std::vector<Blok> monitor_blokken(const Monitor& monitor, const std::string& bron);

// The report's title, e.g. "Monitor controles en interventies 2026".
std::string monitor_titel(const Periode& periode);

// The style sheet added to the page: A4 pages when printed, figures that fit and do not break.
std::string monitor_print_style();

// A sheet "inhoud" naming every other sheet and the period, then every table of the report.
std::vector<FeatureTable> monitor_sheets(const Monitor& monitor, const std::string& bron);

// A cell as the report writes it: "12", "33,3", "< 5", "–".
std::string cel_tekst(const Kolom& kolom, const Waarde& waarde);

}  // namespace onregel
