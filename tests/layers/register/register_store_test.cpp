// The register in a GeoPackage and in a real PostgreSQL/PostGIS server: the same rows back from both,
// a second write of the same rows changes nothing, two writers at once on PostgreSQL lose nothing, and
// deleting removes those rows and no others.
#include <gtest/gtest.h>

#include <filesystem>
#include <sys/stat.h>
#include <thread>

#include "engine/errors.hpp"
#include "layers/layers_test_util.hpp"
#include "layers/postgis_server.hpp"
#include "layers/register/register_store.hpp"
#include "register_rows.hpp"
#include "layers/source/gdal_source.hpp"

namespace onregel {
namespace {

Date d(const char* text) { return *parse_date(text); }

Register sample_register() {
    Register r;
    r.runs = {{"a1b2c3d4e5f60718", d("2025-09-30"), "c0ffee", 212}, {"b1b2c3d4e5f60718", d("2026-09-30"), "", 198}};
    r.run_signalen = {{"a1b2c3d4e5f60718", "BU03530101", "kelderbox", 7}, {"a1b2c3d4e5f60718", "", "meldingen_hotspot", 40}};
    RegisterControle c;
    c.bag_id = "0353010000000001";
    c.datum = d("2026-03-12");
    c.controledag = 2;
    c.selectie = Selectie::steekproef;
    c.partners = {"politie", "omgevingsdienst"};
    c.constateringen = {"kvk_onjuist", "strijdig_gebruik"};
    c.signalen = {"kelderbox"};
    c.signalen_bekend = true;
    RegisterControle tip;
    tip.bag_id = "0353010000000002";
    tip.datum = d("2026-04-01");
    tip.selectie = Selectie::tip;
    tip.constateringen = {"geen_bevinding"};
    r.controles = {c, tip};
    r.interventies = {{"0353010000000001", "last_onder_dwangsom", d("2026-03-20"), d("2026-05-02"), "opgevolgd"},
                      {"0353010000000001", "hercontrole", d("2026-09-01"), std::nullopt, ""},
                      {"0353010000000003", "waarschuwing", d("2026-04-01"), std::nullopt, "it's \"quoted\"; o'neill"}};
    r.meldingen = {{2025, 4, "BU03530101", "drugs", 3}, {2026, 1, "", "overlast", 12}};
    return r;
}

// Equal when every row of b is in a as it is (the model's own comparison) and no table has more rows.
void expect_same_register(const Register& a, const Register& b) {
    EXPECT_EQ(a.runs.size(), b.runs.size());
    EXPECT_EQ(a.run_signalen.size(), b.run_signalen.size());
    EXPECT_EQ(a.controles.size(), b.controles.size());
    EXPECT_EQ(a.interventies.size(), b.interventies.size());
    EXPECT_EQ(a.meldingen.size(), b.meldingen.size());
    Wijzigingen w;
    te_schrijven(a, b, w);
    for (const auto& [tabel, t] : w.per_tabel) EXPECT_EQ(t.nieuw + t.gewijzigd, 0) << tabel;
}

Register sorted(Register r) {
    Register out;
    test::neem_op(out, r);
    return out;
}

TEST(RegisterStore, GeoPackageRoundTripAndASecondWriteChangesNothing) {
    const auto dir = test::scratch_dir("register_gpkg");
    const auto path = (dir / "register.gpkg").string();
    EXPECT_TRUE(read_register(path).controles.empty());  // absent: empty, and nothing created
    EXPECT_FALSE(std::filesystem::exists(path));

    const auto first = write_register(path, sample_register());
    EXPECT_EQ(first.per_tabel.at("controles").nieuw, 2);
    EXPECT_EQ(first.per_tabel.at("interventies").nieuw, 3);
    struct stat st {};
    ASSERT_EQ(::stat(path.c_str(), &st), 0);
    EXPECT_EQ(st.st_mode & 0777, 0600u);
    expect_same_register(read_register(path), sorted(sample_register()));

    const auto second = write_register(path, sample_register());
    EXPECT_TRUE(second.leeg());
    EXPECT_EQ(second.per_tabel.at("controles").ongewijzigd, 2);

    // A GeoPackage other tools read: every table is a layer of it.
    const auto dataset = open_vector(path);
    for (const auto& table : register_tables()) EXPECT_NE(dataset->GetLayerByName(table.c_str()), nullptr) << table;
}

TEST(RegisterStore, AChangedRowIsUpdatedInPlace) {
    const auto path = (test::scratch_dir("register_update") / "register.gpkg").string();
    write_register(path, sample_register());
    Register change;
    change.interventies = {{"0353010000000001", "hercontrole", d("2026-09-01"), d("2026-09-03"), "uitgevoerd"}};
    const auto w = write_register(path, change);
    EXPECT_EQ(w.per_tabel.at("interventies"), (Mutaties{0, 1, 0}));
    const auto back = read_register(path);
    ASSERT_EQ(back.interventies.size(), 3u);
    auto expected = sample_register();
    test::neem_op(expected, change);
    expect_same_register(back, expected);
}

TEST(RegisterStore, DeleteRemovesThoseRowsAndNoOthers) {
    const auto path = (test::scratch_dir("register_delete") / "register.gpkg").string();
    write_register(path, sample_register());
    Register weg;
    weg.controles = {sample_register().controles[1]};
    weg.runs = {sample_register().runs[0]};
    EXPECT_EQ(delete_from_register(path, weg), 2);
    const auto back = read_register(path);
    ASSERT_EQ(back.controles.size(), 1u);
    EXPECT_EQ(back.controles[0].bag_id, "0353010000000001");
    ASSERT_EQ(back.runs.size(), 1u);
    EXPECT_EQ(back.runs[0].id, "b1b2c3d4e5f60718");
    EXPECT_EQ(back.interventies.size(), 3u);
}

TEST(RegisterStore, NotARegisterIsNamed) {
    const auto dir = test::scratch_dir("register_foreign");
    const auto path = (dir / "other.gpkg").string();
    test::ogr2ogr("-f GPKG -nln controles " + test::quoted(path) + " " + test::quoted(test::bag_light()) + " verblijfsobject");
    try {
        read_register(path);
        FAIL() << "no error";
    } catch (const input_error& e) {
        EXPECT_NE(std::string(e.what()).find("is dit een register van onregel?"), std::string::npos) << e.what();
    }
}

TEST(RegisterStore, PostgisHoldsTheSameAndTwoWritersAtOnceLoseNothing) {
    const test::PostgisServer server;
    ASSERT_TRUE(server.running()) << "could not start PostgreSQL + PostGIS (scripts/install-deps --tests installs it)";
    const auto pg = server.connection();
    const auto gpkg = (test::scratch_dir("register_pg") / "register.gpkg").string();
    write_register(gpkg, sample_register());
    write_register(pg, sample_register());
    expect_same_register(read_register(pg), read_register(gpkg));
    EXPECT_TRUE(write_register(pg, sample_register()).leeg());

    // Two writers, each with 200 controles of its own and the same 50: all 450 are there afterwards.
    const auto batch = [](int first, int count) {
        Register r;
        for (int i = first; i < first + count; ++i) {
            RegisterControle c;
            c.bag_id = "0353019" + std::string(9 - std::to_string(i).size(), '0') + std::to_string(i);
            c.datum = d("2026-05-01");
            c.constateringen = {"geen_bevinding"};
            r.controles.push_back(c);
        }
        return r;
    };
    Register a = batch(1000, 200), b = batch(2000, 200);
    const auto shared = batch(3000, 50);
    a.controles.insert(a.controles.end(), shared.controles.begin(), shared.controles.end());
    b.controles.insert(b.controles.end(), shared.controles.begin(), shared.controles.end());
    std::string error_a, error_b;
    std::thread ta([&] {
        try {
            write_register(pg, a);
        } catch (const std::exception& e) {
            error_a = e.what();
        }
    });
    std::thread tb([&] {
        try {
            write_register(pg, b);
        } catch (const std::exception& e) {
            error_b = e.what();
        }
    });
    ta.join();
    tb.join();
    EXPECT_EQ(error_a, "");
    EXPECT_EQ(error_b, "");
    EXPECT_EQ(read_register(pg).controles.size(), 2u + 450u);
}

}  // namespace
}  // namespace onregel
