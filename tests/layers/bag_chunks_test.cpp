// A GeoPackage BAG is read in FID ranges in parallel: whatever the range size and the thread count,
// the town and the rejects come out exactly as from one sequential read, duplicates across ranges
// included.
#include <gtest/gtest.h>
#include <tbb/global_control.h>

#include "layers/inputs.hpp"
#include "layers_test_util.hpp"

namespace onregel {
namespace {

// 40 objects in 4 panden; rows 7 and 31 repeat the ids of rows 3 and 12 (across ranges for the
// small range sizes), rows 9 and 26 are broken, rows 14 and 15 lie outside the bbox used below.
const std::string& bag_gpkg() {
    static const std::string gpkg = [] {
        const auto dir = test::scratch_dir("bag_chunks");
        std::string csv =
            "identificatie,gebruiksdoel,oppervlakte,openbare_ruimte_naam,huisnummer,postcode,woonplaats_naam,"
            "pand_identificatie,pandstatus,x,y\n";
        auto id = [](int i) {
            const auto n = std::to_string(i);
            return "02210100000" + std::string(5 - n.size(), '0') + n;
        };
        for (int i = 1; i <= 40; ++i) {
            const int as = i == 7 ? 3 : i == 31 ? 12 : i;
            const std::string oppervlakte = i == 9 ? "0" : "80";
            const std::string postcode = i == 26 ? "12345" : "6981CH";
            const double x = 206000 + (i == 14 || i == 15 ? 5000 : 10 * i);
            csv += id(as) + ",woonfunctie," + oppervlakte + ",Kerkstraat," + std::to_string(i) + "," + postcode +
                   ",Doesburg,02211000000000" + std::to_string(10 + i % 4) + ",Pand in gebruik," +
                   std::to_string(x) + ",447500\n";
        }
        const auto csv_path = test::write_file(dir / "vbo.csv", csv);
        // Integer columns as BAG has them (the reader's typed path); ids stay text.
        test::write_file(dir / "vbo.csvt", "String,String,Integer,String,Integer,String,String,String,String,Real,Real\n");
        const auto path = (dir / "bag.gpkg").string();
        std::filesystem::remove(path);
        test::ogr2ogr("-f GPKG -nln verblijfsobject -a_srs EPSG:28992 -oo X_POSSIBLE_NAMES=x -oo Y_POSSIBLE_NAMES=y " +
                      test::quoted(path) + " " + test::quoted(csv_path));
        return path;
    }();
    return gpkg;
}

struct Read {
    std::vector<std::string> ids;
    std::vector<std::int32_t> panden;
    std::vector<std::string> pand_ids;
    std::string rejects;
    std::size_t rows = 0, used = 0, skipped = 0;
};

Read read(std::int64_t chunk_rows, int threads, bool bbox) {
    const tbb::global_control limit(tbb::global_control::max_allowed_parallelism, static_cast<std::size_t>(threads));
    const auto dir = test::scratch_dir("bag_chunks_kvk");
    const auto kvk = test::write_file(dir / "kvk.csv", "vestigingsnummer;sbiHoofdactiviteit;huisnummer;postcode\n"
                                                       "000000000001;4711;4;6981CH\n");
    ReadOptions options;
    options.gpkg_chunk_rows = chunk_rows;
    if (bbox) options.bbox = parse_bbox("205000,447000,207000,448000");
    const auto in = read_inputs(test::inputs_of(bag_gpkg(), kvk), options);
    Read r;
    for (const auto& v : in.town.verblijfsobjecten) {
        r.ids.push_back(v.id);
        r.panden.push_back(v.pand);
    }
    for (const auto& p : in.town.panden) r.pand_ids.push_back(p.id);
    r.rejects = in.rejects.csv();
    const auto& stats = in.layers.at("bag");
    r.rows = stats.rows;
    r.used = stats.used;
    for (const auto& [reden, n] : stats.overgeslagen) r.skipped += n;
    return r;
}

TEST(BagChunks, SameAsOneSequentialRead) {
    for (const bool bbox : {false, true}) {
        const auto whole = read(1'000'000, 1, bbox);
        EXPECT_EQ(whole.rows, bbox ? 38u : 40u) << "the bbox is a spatial filter on the GeoPackage";
        EXPECT_EQ(whole.used + 4 + whole.skipped, whole.rows) << "2 duplicates and 2 broken rows are rejected";
        EXPECT_EQ(whole.pand_ids.size(), 4u);
        EXPECT_NE(whole.rejects.find("feature 7,0221010000000003,dubbel BAG-id"), std::string::npos) << whole.rejects;
        EXPECT_NE(whole.rejects.find("feature 31,0221010000000012,dubbel BAG-id"), std::string::npos) << whole.rejects;
        for (const std::int64_t chunk : {1, 3, 7, 16})
            for (const int threads : {1, 2, 4}) {
                const auto r = read(chunk, threads, bbox);
                const std::string where = "chunk " + std::to_string(chunk) + ", threads " + std::to_string(threads);
                EXPECT_EQ(r.ids, whole.ids) << where;
                EXPECT_EQ(r.panden, whole.panden) << where;
                EXPECT_EQ(r.pand_ids, whole.pand_ids) << where;
                EXPECT_EQ(r.rejects, whole.rejects) << where;
                EXPECT_EQ(r.rows, whole.rows) << where;
                EXPECT_EQ(r.used, whole.used) << where;
                EXPECT_EQ(r.skipped, whole.skipped) << where;
            }
    }
}

}  // namespace
}  // namespace onregel
