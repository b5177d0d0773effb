#include "layers/store/viewer_export.hpp"

#include <cstdlib>
#include <filesystem>
#include <string>
#include <sys/stat.h>

#include <gtest/gtest.h>

#include "layers/store/files.hpp"

namespace fs = std::filesystem;

namespace onregel {
namespace {

unsigned mode_of(const fs::path& path) {
    struct stat st {};
    EXPECT_EQ(::stat(path.c_str(), &st), 0) << path;
    return st.st_mode & 0777;
}

class ViewerExport : public ::testing::Test {
protected:
    void SetUp() override {
        ::setenv("ONREGEL_VIEWER_DIR", ONREGEL_SOURCE_DIR "/viewer", 1);
        if (!fs::exists(fs::path(ONREGEL_SOURCE_DIR) / "viewer/node_modules/leaflet/dist/leaflet.js"))
            GTEST_FAIL() << "Leaflet not installed: run scripts/install-viewer (npm ci --prefix viewer)";
        out_ = fs::temp_directory_path() / ("onregel-viewer-export-" + std::to_string(::getpid()));
        fs::remove_all(out_);
        fs::create_directory(out_);
    }
    void TearDown() override { fs::remove_all(out_); }
    fs::path out_;
};

TEST_F(ViewerExport, WritesPageLeafletAndDataPrivately) {
    export_viewer(out_, {{"meta", R"({"profiel":"loo"})"}, {"locaties", R"({"type":"FeatureCollection","features":[]})"}});
    const auto viewer = out_ / "viewer";
    for (const char* file : {"index.html", "app.js", "style.css", "data.js", "leaflet/leaflet.js", "leaflet/leaflet.css",
                             "leaflet/images/layers.png"}) {
        ASSERT_TRUE(fs::is_regular_file(viewer / file)) << file;
        EXPECT_EQ(mode_of(viewer / file), 0600u) << file;
    }
    for (const auto& dir : {viewer, viewer / "leaflet", viewer / "leaflet/images"}) EXPECT_EQ(mode_of(dir), 0700u) << dir;
    EXPECT_EQ(read_text_file(viewer / "data.js"),
              "window.ONREGEL_DATA = {\"meta\": {\"profiel\":\"loo\"},\n"
              "\"locaties\": {\"type\":\"FeatureCollection\",\"features\":[]}};\n");
    EXPECT_EQ(read_text_file(viewer / "index.html"), read_text_file(ONREGEL_SOURCE_DIR "/viewer/index.html"));
}

TEST_F(ViewerExport, NoMarkupSurvivesInDataJs) {
    export_viewer(out_, {{"locaties", R"({"adres":"Kerkstraat 1 </script><!--"})"}});
    EXPECT_EQ(read_text_file(out_ / "viewer/data.js"),
              "window.ONREGEL_DATA = {\"locaties\": {\"adres\":\"Kerkstraat 1 \\u003c/script>\\u003c!--\"}};\n");
    export_viewer(out_, {{"a", R"(["<<a<"])"}, {"b", R"("<")"}});  // at the start, in a row, at the end
    EXPECT_EQ(read_text_file(out_ / "viewer/data.js"),
              "window.ONREGEL_DATA = {\"a\": [\"\\u003c\\u003ca\\u003c\"],\n\"b\": \"\\u003c\"};\n");
}

}  // namespace
}  // namespace onregel
