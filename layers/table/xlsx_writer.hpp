#pragma once
// A feature table as an XLSX workbook through GDAL's XLSX driver, for people who open it in a
// spreadsheet: text cells stay text (ids keep every digit), numbers are numbers.
#include <filesystem>
#include <span>

#include "layers/table/feature_table.hpp"

namespace onregel {

// One sheet named after the layer, without geometry; text neutralised against formulas. Mode 0600.
void write_xlsx(const std::filesystem::path& path, const FeatureLayer& layer);
// One workbook with a sheet per layer, in the order given (sheet names: the layers' names, distinct,
// at most 31 characters as spreadsheets allow).
void write_xlsx(const std::filesystem::path& path, std::span<const FeatureLayer> layers);

}  // namespace onregel
