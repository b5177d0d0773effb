#include "engine/signals/adres_onbekend.hpp"

#include <gtest/gtest.h>

#include "town_builder.hpp"

namespace onregel::test {
namespace {

TEST(AdresOnbekend, FiresOnAVestigingOnAWithdrawnObject) {
    TownBuilder b;
    const auto v = b.vbo(kantoorfunctie, 80);
    b.object(v).status = VboStatus::ingetrokken;
    b.vestiging(v, "4711");
    const auto hits = b.run(make_configured<AdresOnbekend>());
    ASSERT_EQ(hits.size(), 1u);
    EXPECT_EQ(hits[0].niveau, 1);
    EXPECT_EQ(hits[0].bewijs,
              "1 actieve vestiging op een object met BAG-status 'Verblijfsobject ingetrokken', ingeschreven op Teststraat 1, "
              "1234AB Teststad");
}

TEST(AdresOnbekend, EveryVanishedStatusFires) {
    for (auto status : {VboStatus::ingetrokken, VboStatus::niet_gerealiseerd, VboStatus::ten_onrechte_opgevoerd,
                        VboStatus::buiten_gebruik}) {
        TownBuilder b;
        const auto v = b.vbo(kantoorfunctie, 80);
        b.object(v).status = status;
        b.vestiging(v, "4711");
        EXPECT_EQ(b.run(make_configured<AdresOnbekend>()).size(), 1u) << vbo_status_name(status);
    }
}

TEST(AdresOnbekend, ExistingObjectsAreLeftAlone) {
    for (auto status : {VboStatus::gevormd, VboStatus::in_gebruik, VboStatus::in_gebruik_niet_ingemeten, VboStatus::verbouwing}) {
        TownBuilder b;
        const auto v = b.vbo(kantoorfunctie, 80, b.pand("Sloopvergunning verleend"));
        b.object(v).status = status;
        b.vestiging(v, "4711");
        EXPECT_TRUE(b.run(make_configured<AdresOnbekend>()).empty()) << vbo_status_name(status);
    }
}

TEST(AdresOnbekend, DemolishedPandFires) {
    for (const char* status : {"Pand gesloopt", "gesloopt", "Niet gerealiseerd pand", "Pand ten onrechte opgevoerd"}) {
        TownBuilder b;
        b.vestiging(b.vbo(kantoorfunctie, 80, b.pand(status)), "4711");
        const auto hits = b.run(make_configured<AdresOnbekend>());
        ASSERT_EQ(hits.size(), 1u) << status;
        EXPECT_NE(hits[0].bewijs.find(std::string("in een pand met BAG-status '") + status + "'"), std::string::npos);
    }
}

// Level = the number of active vestigingen on the vanished object, at most 3.
TEST(AdresOnbekend, LevelCountsTheVestigingen) {
    for (auto [n, level] : {std::pair{1, 1}, {2, 2}, {3, 3}, {5, 3}}) {
        TownBuilder b;
        b.vestigingen(b.vbo(kantoorfunctie, 80, b.pand("Pand gesloopt")), n, "4711");
        const auto hits = b.run(make_configured<AdresOnbekend>());
        ASSERT_EQ(hits.size(), 1u);
        EXPECT_EQ(hits[0].niveau, level) << n;
    }
}

TEST(AdresOnbekend, EndedVestigingenDoNotCount) {
    TownBuilder b;
    b.vestiging(b.vbo(kantoorfunctie, 80, b.pand("Pand gesloopt")), "4711", day(2000, 1, 1), day(2019, 1, 1));
    EXPECT_TRUE(b.run(make_configured<AdresOnbekend>()).empty());
}

TEST(AdresOnbekend, HasNoParameters) {
    const auto signal = make_configured<AdresOnbekend>();
    EXPECT_TRUE(signal.info().params.empty());
    EXPECT_THROW(make_configured<AdresOnbekend>({{"straal_m", 10}}), config_error);
    TownBuilder b;
    b.vestiging(b.vbo(kantoorfunctie, 80, b.pand("Pand gesloopt")), "4711");
    EXPECT_EQ(b.run(signal).size(), 1u);
}

}  // namespace
}  // namespace onregel::test
