#pragma once
// The per-layer readers behind read_inputs(). Each reads one source, row by row; a row it cannot
// use becomes a reject with a reason from a fixed set and the offending value.
#include <string>

#include "address_index.hpp"
#include "gdal_source.hpp"
#include "inputs.hpp"

namespace onregel {

// Thrown while parsing one row: `reden` is the fixed-set reason, `waarde` the value that caused it.
struct RowError {
    std::string reden;
    std::string waarde;
};

// Reads a whole layer: calls parse(feature, row_id) per feature, where parse sets row_id to the
// row's own id as soon as it knows it; a RowError becomes a reject with the row label and that id.
template <class Parse>
void read_rows(GDALDataset& dataset, OGRLayer& layer, const std::string& laag, const std::string& bron,
               Rejects& rejects, LayerStats& stats, Parse&& parse) {
    stats.bron = bron;
    if (auto* driver = dataset.GetDriver()) stats.driver = driver->GetDescription();
    layer.ResetReading();
    for (FeaturePtr feature{layer.GetNextFeature()}; feature; feature.reset(layer.GetNextFeature())) {
        ++stats.rows;
        std::string row_id;
        try {
            parse(*feature, row_id);
        } catch (RowError& e) {
            rejects.add({laag, bron, row_label(dataset, *feature), std::move(row_id), std::move(e.reden), std::move(e.waarde)});
        }
    }
}

void read_bag(const std::string& source, Town& town, Rejects& rejects, LayerStats& stats);
void read_kvk(const std::string& source, const AddressIndex& index, const ReadOptions& options, Town& town,
              Rejects& rejects, LayerStats& stats);
void read_meldingen(const std::string& source, const AddressIndex& index, const ReadOptions& options, Town& town,
                    Rejects& rejects, LayerStats& stats);
void read_vergunningen(const std::string& source, const AddressIndex& index, Town& town, Rejects& rejects,
                       LayerStats& stats);
void read_erkenningen(const std::string& source, const AddressIndex& index, const ReadOptions& options, Town& town,
                      Rejects& rejects, LayerStats& stats);

// A location given as x/y (RD), lon/lat (WGS84) or the layer's point geometry; nullopt when the
// row has none of them. Throws RowError for coordinates that are broken or outside the Netherlands.
struct PointColumns {
    int x = -1, y = -1, lon = -1, lat = -1;
};
class PointReader {
public:
    PointReader(OGRLayer& layer, const Columns& columns, const std::string& source);
    std::optional<Point> read(OGRFeature& feature) const;

private:
    PointColumns columns_;
    bool has_geometry_;
    std::unique_ptr<ToRd> from_geometry_, from_xy_, from_lonlat_;
};

// An address from postcode + huisnummer (+ huisletter + toevoeging) columns, matched to BAG.
struct AddressColumns {
    int postcode = -1, huisnummer = -1, huisletter = -1, toevoeging = -1;
    bool present() const { return postcode >= 0 && huisnummer >= 0; }
};
// nullopt when the row has no address written; RowError when it is written but cannot be parsed.
std::optional<std::pair<std::string, Huisnummer>> read_address(OGRFeature& feature, const AddressColumns& columns);

}  // namespace onregel
