// A GeoPackage BAG is read in FID ranges in parallel: whatever the range size and the thread count,
// the town and the rejects come out exactly as from one sequential read, duplicates across ranges
// included.
#include <gtest/gtest.h>
#include <sstream>
#include <tbb/global_control.h>

#include "layers/read/inputs.hpp"
#include "layers/layers_test_util.hpp"

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

// The same objects with the location only in the geometry (the x and y columns dropped), and a pand
// layer with their outlines: what GeoPackage BAG is read straight through SQLite.
const std::string& bag_gpkg_with_panden() {
    static const std::string gpkg = [] {
        const auto dir = test::scratch_dir("bag_chunks_panden");
        const auto path = (dir / "bag.gpkg").string();
        std::filesystem::copy_file(bag_gpkg(), path, std::filesystem::copy_options::overwrite_existing);
        for (const char* column : {"x", "y"})
            test::command_output("ogrinfo -q " + test::quoted(path) + " -sql \"ALTER TABLE verblijfsobject DROP COLUMN " +
                                 column + "\" 2>&1");
        std::string csv = "identificatie,status,bouwjaar,wkt\n";
        for (int i = 0; i < 4; ++i) {
            const auto x = std::to_string(206000 + 100 * i);
            const auto x2 = std::to_string(206000 + 100 * i + 30);
            const std::string ring = x + " 447480," + x2 + " 447480," + x2 + " 447520," + x + " 447520," + x + " 447480";
            csv += "02211000000000" + std::to_string(10 + i) + ",Pand in gebruik," + std::to_string(1930 + i) + ",\"" +
                   (i == 3 ? "MULTIPOLYGON (((" + ring + ")))" : "POLYGON ((" + ring + "))") + "\"\n";
        }
        const auto csv_path = test::write_file(dir / "pand.csv", csv);
        test::ogr2ogr("-update -f GPKG -nln pand -nlt MULTIPOLYGON -a_srs EPSG:28992 -oo GEOM_POSSIBLE_NAMES=wkt "
                      "-oo KEEP_GEOM_COLUMNS=NO " + test::quoted(path) + " " + test::quoted(csv_path));
        return path;
    }();
    return gpkg;
}

struct Read {
    std::vector<std::string> ids;
    std::vector<std::int32_t> panden;
    std::vector<std::string> pand_ids;
    std::string objects;  // every field of every verblijfsobject and pand, outlines included
    std::string rejects;
    std::size_t rows = 0, used = 0, skipped = 0;
};

Read read(std::int64_t chunk_rows, int threads, bool bbox, const std::string& bag = bag_gpkg(), bool direct = true) {
    const tbb::global_control limit(tbb::global_control::max_allowed_parallelism, static_cast<std::size_t>(threads));
    const auto dir = test::scratch_dir("bag_chunks_kvk");
    const auto kvk = test::write_file(dir / "kvk.csv", "vestigingsnummer;sbiHoofdactiviteit;huisnummer;postcode\n"
                                                       "000000000001;4711;4;6981CH\n");
    ReadOptions options;
    options.gpkg_chunk_rows = chunk_rows;
    options.direct = direct;
    if (bbox) options.bbox = parse_bbox("205000,447000,207000,448000");
    const auto in = read_inputs(test::inputs_of(bag, kvk), options);
    Read r;
    std::ostringstream objects;
    objects.precision(17);
    for (const auto& v : in.town.verblijfsobjecten) {
        r.ids.push_back(bag_id_text(v.id));
        r.panden.push_back(v.pand);
        objects << r.ids.back() << ' ' << in.town.pand_id(v) << ' ' << v.punt.x << ' ' << v.punt.y << ' ' << v.gebruiksdoelen << ' '
                << v.oppervlakte << ' ' << v.bouwjaar << ' ' << static_cast<int>(v.status) << ' ' << format_adres(v.adres)
                << ' ' << v.pand << '\n';
    }
    for (const auto& p : in.town.panden) {
        r.pand_ids.push_back(bag_id_text(p.id));
        objects << r.pand_ids.back() << ' ' << p.status << ' ' << p.bouwjaar;
        for (const auto& q : p.omtrek) objects << ' ' << q.x << ',' << q.y;
        objects << '\n';
    }
    r.objects = objects.str();
    r.rejects = in.rejects.csv();
    const auto& stats = in.layers.at("bag");
    r.rows = stats.rows;
    r.used = stats.used;
    for (const auto& [reden, n] : stats.overgeslagen) r.skipped += n;
    return r;
}

void expect_same(const Read& r, const Read& whole, const std::string& where) {
    EXPECT_EQ(r.ids, whole.ids) << where;
    EXPECT_EQ(r.panden, whole.panden) << where;
    EXPECT_EQ(r.pand_ids, whole.pand_ids) << where;
    EXPECT_EQ(r.objects, whole.objects) << where;
    EXPECT_EQ(r.rejects, whole.rejects) << where;
    EXPECT_EQ(r.rows, whole.rows) << where;
    EXPECT_EQ(r.used, whole.used) << where;
    EXPECT_EQ(r.skipped, whole.skipped) << where;
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
                expect_same(r, whole, "chunk " + std::to_string(chunk) + ", threads " + std::to_string(threads));
            }
    }
}

// Straight through SQLite or through OGR, the same town, rejects and counts, in every range size.
TEST(BagChunks, DirectSqliteReadSameAsOgr) {
    for (const auto* bag : {&bag_gpkg_with_panden(), &test::bag_light()}) {
        const auto ogr = read(1'000'000, 1, false, *bag, false);
        ASSERT_FALSE(ogr.ids.empty()) << *bag;
        if (bag == &bag_gpkg_with_panden()) {
            EXPECT_EQ(ogr.rows, 40u);
            EXPECT_NE(ogr.objects.find("0221100000000013 Pand in gebruik 1933 206300,447480"), std::string::npos)
                << "the multipolygon's outline\n" << ogr.objects;
        }
        for (const std::int64_t chunk : {1, 7, 1'000'000})
            for (const int threads : {1, 2})
                expect_same(read(chunk, threads, false, *bag, true), ogr,
                            *bag + ", chunk " + std::to_string(chunk) + ", threads " + std::to_string(threads));
    }
}

// A geometry blob SQLite hands over damaged is a reject of its own row on the direct route (OGR, which
// reports the damage and reads the row without a location, would reject it as "geen locatie").
TEST(BagChunks, DamagedGeometryIsARejectOfItsRow) {
    const auto path = (test::scratch_dir("bag_chunks_damaged") / "bag.gpkg").string();
    std::filesystem::copy_file(bag_gpkg_with_panden(), path, std::filesystem::copy_options::overwrite_existing);
    test::command_output("ogrinfo -q " + test::quoted(path) +
                         " -sql \"UPDATE verblijfsobject SET geom = substr(geom, 1, 20) WHERE fid = 5\" 2>&1");
    const auto whole = read(1'000'000, 1, false, bag_gpkg_with_panden());
    for (const std::int64_t chunk : {3, 1'000'000}) {
        const auto r = read(chunk, 2, false, path);
        EXPECT_NE(r.rejects.find("feature 5,0221010000000005,geometrie onbruikbaar"), std::string::npos) << r.rejects;
        EXPECT_EQ(r.rows, whole.rows);
        EXPECT_EQ(r.used + 1, whole.used);
    }
}

}  // namespace
}  // namespace onregel
