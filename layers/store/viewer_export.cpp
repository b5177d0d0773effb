#include "layers/store/viewer_export.hpp"

#include <cstdlib>
#include <stdexcept>
#include <system_error>

#include <nlohmann/json.hpp>

#include "layers/store/files.hpp"
#include "layers/errors.hpp"

namespace fs = std::filesystem;

namespace onregel {

namespace {

// Leaflet's dist files: in the source tree under node_modules (npm ci), installed beside the page.
fs::path leaflet_dir(const fs::path& viewer) {
    std::error_code ec;
    return fs::is_regular_file(viewer / "leaflet/leaflet.js", ec) ? viewer / "leaflet" : viewer / "node_modules/leaflet/dist";
}

fs::path find_viewer_dir() {
    std::vector<fs::path> candidates;
    if (const char* env = std::getenv("ONREGEL_VIEWER_DIR"); env && *env) {
        candidates.emplace_back(env);
    } else {
        std::error_code ec;
        const auto exe_dir = fs::read_symlink("/proc/self/exe", ec).parent_path();
        if (!ec) {
            candidates.push_back(exe_dir / "../../viewer");            // build-*/cli/onregel
            candidates.push_back(exe_dir / "../share/onregel/viewer");  // installed
        }
    }
    for (const auto& dir : candidates) {
        std::error_code ec;
        if (fs::is_regular_file(dir / "index.html", ec) && fs::is_regular_file(leaflet_dir(dir) / "leaflet.js", ec))
            return fs::weakly_canonical(dir);
    }
    std::string tried;
    for (const auto& dir : candidates) tried += (tried.empty() ? "" : ", ") + dir.lexically_normal().string();
    throw environment_error("de kaart (viewer met Leaflet) is niet gevonden (gezocht in " + (tried.empty() ? "niets" : tried) +
                            "). Een geïnstalleerde onregel hoort share/onregel/viewer/ naast bin/ te hebben: installeer "
                            "opnieuw (het .deb-pakket of `cmake --install`). In de broncode: voer `npm ci --prefix viewer` "
                            "uit. Of wijs de map aan met ONREGEL_VIEWER_DIR.");
}

const fs::path& viewer_dir() {
    static const fs::path dir = find_viewer_dir();
    return dir;
}

void make_private_dir(const fs::path& dir) {
    fs::create_directory(dir);
    fs::permissions(dir, fs::perms::owner_all, fs::perm_options::replace);
}

void copy_private(const fs::path& from, const fs::path& to) { write_private_file(to, read_text_file(from)); }

// data.js is a script: `<` becomes \u003c so no `</script>` or `<!--` from an address can end up in
// markup should the file ever be inlined. Outside JSON strings `<` cannot occur, so this is exact.
void append_script_safe(std::string& out, std::string_view json) {
    for (std::size_t at = 0;;) {
        const auto lt = json.find('<', at);
        out.append(json.substr(at, lt == std::string_view::npos ? std::string_view::npos : lt - at));
        if (lt == std::string_view::npos) return;
        out += "\\u003c";
        at = lt + 1;
    }
}

}  // namespace

void export_viewer(const fs::path& out_dir, const std::vector<std::pair<std::string, std::string>>& layers) {
    const auto& source = viewer_dir();
    const auto target = out_dir / "viewer";
    for (const auto& dir : {target, target / "leaflet", target / "leaflet/images"}) make_private_dir(dir);

    for (const char* name : {"index.html", "app.js", "style.css"}) copy_private(source / name, target / name);
    const auto leaflet = leaflet_dir(source);
    for (const char* name : {"leaflet.js", "leaflet.css"}) copy_private(leaflet / name, target / "leaflet" / name);
    for (const auto& entry : fs::directory_iterator(leaflet / "images"))
        if (entry.is_regular_file()) copy_private(entry.path(), target / "leaflet/images" / entry.path().filename());

    std::string script = "window.ONREGEL_DATA = {";
    std::size_t size = 64;
    for (const auto& layer : layers) size += layer.first.size() + layer.second.size() + 8;
    script.reserve(size);
    for (std::size_t i = 0; i < layers.size(); ++i) {
        if (i > 0) script += ",\n";
        script += nlohmann::json(layers[i].first).dump() + ": ";
        append_script_safe(script, layers[i].second);
    }
    script += "};\n";
    write_private_file(target / "data.js", script);
}

}  // namespace onregel
