// BAG from PostGIS: a throwaway PostgreSQL + PostGIS server (tests/layers/read/postgis/start-cluster), the
// bag-light fixture loaded with ogr2ogr, read back through a PG: connection string and compared with
// reading the GeoPackage directly. No server means a failed test, never a skipped one.
#include <gtest/gtest.h>

#include "layers/layers_test_util.hpp"
#include "layers/postgis_server.hpp"

namespace onregel {
namespace {

void expect_same_town(const Inputs& a, const Inputs& b) {
    ASSERT_EQ(a.town.verblijfsobjecten.size(), b.town.verblijfsobjecten.size());
    for (std::size_t i = 0; i < a.town.verblijfsobjecten.size(); ++i) {
        const auto &x = a.town.verblijfsobjecten[i], &y = b.town.verblijfsobjecten[i];
        EXPECT_EQ(x.id, y.id);
        EXPECT_EQ(format_adres(x.adres), format_adres(y.adres)) << x.id;
        EXPECT_DOUBLE_EQ(x.punt.x, y.punt.x) << x.id;
        EXPECT_DOUBLE_EQ(x.punt.y, y.punt.y) << x.id;
        EXPECT_EQ(x.gebruiksdoelen, y.gebruiksdoelen) << x.id;
        EXPECT_EQ(x.oppervlakte, y.oppervlakte) << x.id;
        EXPECT_EQ(x.status, y.status) << x.id;
        EXPECT_EQ(x.bouwjaar, y.bouwjaar) << x.id;
        EXPECT_EQ(a.town.pand_id(x), b.town.pand_id(y)) << x.id;
    }
    ASSERT_EQ(a.town.panden.size(), b.town.panden.size());
    for (std::size_t i = 0; i < a.town.panden.size(); ++i) {
        EXPECT_EQ(a.town.panden[i].status, b.town.panden[i].status);
        EXPECT_EQ(a.town.panden[i].omtrek.size(), b.town.panden[i].omtrek.size()) << a.town.panden[i].id;
    }
    ASSERT_EQ(a.town.vestigingen.size(), b.town.vestigingen.size());
    for (std::size_t i = 0; i < a.town.vestigingen.size(); ++i) EXPECT_EQ(a.town.vestigingen[i].vbo, b.town.vestigingen[i].vbo);
}

TEST(PostgisReader, RoundTripThroughARealServer) {
    const test::PostgisServer server;
    ASSERT_TRUE(server.running()) << "could not start PostgreSQL + PostGIS (scripts/install-deps --tests installs it)";
    test::ogr2ogr("-f PostgreSQL " + test::quoted(server.connection()) + " " + test::quoted(test::bag_light()));

    const auto dir = test::scratch_dir("postgis");
    const auto kvk = test::write_file(dir / "kvk.csv", "vestigingsnummer;sbiHoofdactiviteit;postcode;huisnummer;datumAanvang\n"
                                                       "000000000001;4711;6981CH;6a;20200101\n"
                                                       "000000000002;6201;6982CZ;2;20200101\n");
    const auto from_gpkg = read_inputs(test::inputs_of(test::bag_light(), kvk), {});
    const auto from_pg = read_inputs(test::inputs_of(server.connection(), kvk), {});
    EXPECT_EQ(from_pg.layers.at("bag").driver, "PostgreSQL");
    EXPECT_EQ(from_pg.town.verblijfsobjecten.size(), 6u);
    EXPECT_EQ(from_pg.town.vestigingen.size(), 2u);
    expect_same_town(from_gpkg, from_pg);

    ReadOptions options;  // the selection works as an SQL filter in the database too
    options.gemeente = "0221";
    options.bbox = parse_bbox("206000,447000,207000,448000");
    expect_same_town(read_inputs(test::inputs_of(test::bag_light(), kvk), options),
                     read_inputs(test::inputs_of(server.connection(), kvk), options));
}

}  // namespace
}  // namespace onregel
