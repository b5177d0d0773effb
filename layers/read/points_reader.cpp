#include "engine/errors.hpp"
#include "engine/text.hpp"
#include "layers/read/readers.hpp"
#include "layers/read/sources.hpp"

namespace onregel {

PuntenLaag read_points(const std::string& source, const std::string& layer_name, const std::string& value_column) {
    auto dataset = open_vector(source);
    auto& layer = pick_layer(*dataset, layer_name, source);
    const Columns columns(layer, source);
    const int c_value = value_column.empty() ? -1 : columns.required(value_column);
    const PointReader reader(layer, columns, source, ReadOptions{});
    PuntenLaag out;
    layer.ResetReading();
    for (FeaturePtr f{layer.GetNextFeature()}; f; f.reset(layer.GetNextFeature())) {
        const auto where = [&] { return source + ", " + row_label(*dataset, *f) + ": "; };
        try {
            const auto p = reader.read(*f);
            if (!p) throw input_error(where() + "geen punt (geometrie, x/y of lon/lat)");
            out.points.push_back(*p);
        } catch (const RowError& e) {
            throw input_error(where() + e.tekst() + (e.waarde.empty() ? "" : " (" + e.waarde + ")"));
        }
        if (c_value >= 0) {
            const auto text = field_text(*f, c_value);
            const auto v = parse_number(text);
            if (!v) throw input_error(where() + value_column + " = '" + text + "' is geen getal");
            out.values.push_back(*v);
        }
    }
    if (out.points.empty()) throw input_error(source + ": geen enkel punt");
    return out;
}

std::vector<SteekproefAdres> read_steekproef_controles(const std::string& controles_csv) {
    auto dataset = open_vector(controles_csv);
    auto& layer = pick_layer(*dataset, "controles", controles_csv);
    const Columns columns(layer, controles_csv);
    // `selectie` since the register came; `steekproef` ja/nee in the runs before it.
    const int c_selectie = columns.optional("selectie"), c_steekproef = columns.optional("steekproef");
    if (c_selectie < 0 && c_steekproef < 0) columns.required("selectie");  // names what was found
    const int c_bag = columns.required("bag_id"), c_postcode = columns.required("postcode"), c_nummer = columns.required("huisnummer"),
              c_letter = columns.required("huisletter"), c_toevoeging = columns.required("toevoeging");
    std::vector<SteekproefAdres> out;
    for (FeaturePtr f{layer.GetNextFeature()}; f; f.reset(layer.GetNextFeature())) {
        if (c_selectie >= 0 ? field_text(*f, c_selectie) != "steekproef" : field_text(*f, c_steekproef) != "ja") continue;
        const auto nummer = parse_number(field_text(*f, c_nummer));
        out.push_back({field_text(*f, c_bag), field_text(*f, c_postcode), nummer ? static_cast<std::int32_t>(*nummer) : 0,
                       field_text(*f, c_letter), field_text(*f, c_toevoeging)});
    }
    return out;
}

}  // namespace onregel
