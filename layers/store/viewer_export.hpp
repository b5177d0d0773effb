#pragma once
// The offline map: copies the static viewer page and Leaflet into an output directory and embeds
// the layers as a script file, so the page opens from file:// without any network request.
#include <filesystem>
#include <string>
#include <utility>
#include <vector>

namespace onregel {

// Copies the viewer (index.html, app.js, style.css and Leaflet's dist files from
// viewer/node_modules/leaflet/dist, or viewer/leaflet where installed) into out_dir/viewer/ and writes out_dir/viewer/data.js as
// `window.ONREGEL_DATA = {"locaties": <GeoJSON>, "panden": <GeoJSON>, ...};` from the given
// (name, GeoJSON text) pairs, in the given order. Files 0600, directories 0700.
// The viewer source is $ONREGEL_VIEWER_DIR, else ../../viewer or ../share/onregel/viewer from the
// running binary; throws environment_error when none of them has Leaflet installed.
void export_viewer(const std::filesystem::path& out_dir,
                   const std::vector<std::pair<std::string, std::string>>& layers);

}  // namespace onregel
