#include "layers/table/xlsx_writer.hpp"

#include "layers/table/ogr_table.hpp"

namespace onregel {

namespace {

// The rows of `layer` through GDAL, a block at a time, text neutralised against spreadsheet formulas:
// the spreadsheet (XLSX) route, without geometry.
void write_table_rows(OGRLayer& out, const FeatureLayer& layer) {
    std::vector<bool> int32(layer.columns.size());
    for (std::size_t c = 0; c < layer.columns.size(); ++c) int32[c] = field_type(layer, c) == OFTInteger;
    check_ogr(out.StartTransaction(), "cannot start a transaction on " + layer.name);
    layer.for_each_block([&](std::size_t, std::span<const FeatureRow> rows) {
        for (const auto& row : rows) {
            OGRFeature feature(out.GetLayerDefn());
            for (std::size_t c = 0; c < layer.columns.size(); ++c) {
                const auto& cell = row.cells[c];
                const int i = static_cast<int>(c);
                if (std::holds_alternative<std::monostate>(cell)) feature.SetFieldNull(i);
                else if (const auto* n = std::get_if<std::int64_t>(&cell))
                    int32[c] ? feature.SetField(i, int32_value(layer, c, *n))
                                                       : feature.SetField(i, static_cast<GIntBig>(*n));
                else if (const auto* d = std::get_if<double>(&cell)) feature.SetField(i, *d);
                else feature.SetField(i, spreadsheet_safe(cell_text(layer.columns[c], cell)).c_str());
            }
            check_ogr(out.CreateFeature(&feature), "cannot write to layer " + layer.name);
        }
    });
    check_ogr(out.CommitTransaction(), "cannot commit layer " + layer.name);
}

}  // namespace

void write_xlsx(const std::filesystem::path& path, const FeatureLayer& layer) {
    write_xlsx(path, std::span<const FeatureLayer>(&layer, 1));
}

void write_xlsx(const std::filesystem::path& path, std::span<const FeatureLayer> layers) {
    {
        auto dataset = create_dataset("XLSX", path);
        for (const auto& layer : layers) write_table_rows(create_layer(*dataset, layer, nullptr), layer);
    }
    set_private(path);
}

}  // namespace onregel
