#pragma once
// Signalen (github.com/Amsterdam/signals, the meldingen system many gemeenten run) in the export
// forms GDAL cannot read as they are, turned into one GeoJSON FeatureCollection in GDAL's /vsimem/
// that the meldingen reader then reads like any other (meldingen_reader.cpp): one row pipeline.
//
// - the private API list (/signals/v1/private/signals/): {"count", "_links", "results": [...]}, one
//   page or several (a JSON array of pages, or pages one after another as `curl >>` leaves them);
// - the datawarehouse CSV dump: signals.csv with its siblings locations.csv and categories.csv, linked
//   by location_id and category_assignment_id; given as the folder, the zip, or signals.csv itself;
// - the public geography (/signals/v1/public/signals/geography): a FeatureCollection without ids.
//
// The in-memory GeoJSON holds only what onregel reads, every value as text: id, datum, categorie
// (the main category), bron, lon, lat, postcode, huisnummer, huisletter, toevoeging. Free text
// (`text`, `text_extra`, notes), the reporter and every other field are never copied into it.
#include <cstddef>
#include <memory>
#include <string>
#include <vector>

namespace onregel {

class SignalenExport {
public:
    SignalenExport(std::string path, std::string vorm);
    ~SignalenExport();  // removes the in-memory file
    SignalenExport(const SignalenExport&) = delete;
    SignalenExport& operator=(const SignalenExport&) = delete;

    const std::string& path() const { return path_; }  // /vsimem/...geojson, for open_vector
    const std::string& vorm() const { return vorm_; }   // the form, in Dutch, for the manifest's driver
    // Dutch, for the layer's warnings: what was linked, derived or swapped, and how often.
    std::vector<std::string> waarschuwingen;
    std::size_t rijen = 0;  // meldingen in the export; with none, GDAL finds no columns to read
    std::vector<std::string> ook_gelezen;  // the files read beside the one given (the dump's siblings)

private:
    std::string path_, vorm_;
};

// The export at `source` converted, or nullptr when `source` is none of these forms (a plain CSV or
// GeoJSON, also Signalen's own GeoJSON with ids, goes to GDAL as it is). Throws input_error for a
// Signalen export that cannot be read: a missing locations.csv, JSON that breaks off.
std::unique_ptr<SignalenExport> signalen_export(const std::string& source);

}  // namespace onregel
