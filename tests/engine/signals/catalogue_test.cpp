// The catalogue as a whole: docs match the registry, every signal is tested, metadata is sane, and the
// configuration rejects what it should with messages a person can act on.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>

#include "engine/config.hpp"
#include "engine/errors.hpp"
#include "engine/policy_toml.hpp"
#include "engine/signals/catalogue.hpp"
#include "engine/signals/registry.hpp"

namespace onregel::test {
namespace {

const std::filesystem::path source_dir = ONREGEL_SOURCE_DIR;

std::string read_file(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream out;
    out << in.rdbuf();
    return out.str();
}

std::string config_error_of(const std::string& toml) {
    try {
        parse_config(toml, "test.toml", make_signals());
    } catch (const config_error& e) {
        return e.what();
    }
    return "(accepted)";
}

TEST(Catalogue, DocsMatchTheRegistryByteForByte) {
    // Regenerate with: onregel signals --markdown > docs/signals.md
    EXPECT_EQ(read_file(source_dir / "docs" / "signals.md"), signals_markdown(make_signals()));
}

TEST(Catalogue, EverySignalHasATestFile) {
    for (const auto& signal : make_signals()) {
        const auto path = source_dir / "tests" / "engine" / "signals" / (signal->info().id + "_test.cpp");
        EXPECT_TRUE(std::filesystem::exists(path)) << path;
    }
}

TEST(Catalogue, TheFourteenSignalsOfSignalsMdInItsOrder) {
    std::vector<std::string> ids;
    for (const auto& signal : make_signals()) ids.push_back(signal->info().id);
    const std::vector<std::string> expected = {
        "bedrijven_op_adres", "holdings_op_adres", "kelderbox", "boxencomplex", "woonadres_bedrijvigheid",
        "gebruiksdoel_mismatch", "oppervlakte_onrealistisch", "adres_onbekend", "verloop", "risicobranche_cluster",
        "meldingen", "meldingen_hotspot", "vergunning_opknippen", "autobranche_zonder_erkenning"};
    EXPECT_EQ(ids, expected);
    EXPECT_EQ(std::set<std::string>(ids.begin(), ids.end()).size(), ids.size()) << "ids must be unique";
}

TEST(Catalogue, MetadataIsComplete) {
    for (const auto& signal : make_signals()) {
        const auto& info = signal->info();
        EXPECT_FALSE(info.beschrijving.empty()) << info.id;
        EXPECT_FALSE(info.bron.empty()) << info.id;
        EXPECT_EQ(info.beschrijving.find('\n'), std::string::npos) << info.id << ": one line";
        EXPECT_EQ(info.beschrijving.find('|'), std::string::npos) << info.id << ": breaks the Markdown table";
        EXPECT_GE(info.default_punten, 1) << info.id;
        for (const auto& p : info.params) {
            if (p.type == ParamType::integer) {
                EXPECT_LE(p.max, 2147483647.0) << info.id << "." << p.name << ": Params::integer is an int";
            }
        }
        std::set<std::string> names;
        for (const auto& p : info.params) {
            EXPECT_TRUE(names.insert(p.name).second) << info.id << "." << p.name << " declared twice";
            EXPECT_NE(p.name, "punten");
            EXPECT_NE(p.name, "actief");
            EXPECT_LE(p.min, p.default_value) << info.id << "." << p.name;
            EXPECT_LE(p.default_value, p.max) << info.id << "." << p.name;
            EXPECT_FALSE(p.help.empty()) << info.id << "." << p.name;
            if (p.type == ParamType::integer) {
                EXPECT_EQ(p.default_value, static_cast<double>(static_cast<long long>(p.default_value))) << p.name;
            }
        }
    }
}

TEST(Catalogue, DefaultsConfigureEverySignal) {
    const auto signals = make_signals();
    EXPECT_NO_THROW(configure_signals(default_config(signals), signals));
}

TEST(Catalogue, UnknownKeyIsRejectedByName) {
    const auto message = config_error_of("[signalen.kelderbox]\nmax_opervlakte = 30\n");
    EXPECT_NE(message.find("test.toml"), std::string::npos) << message;
    EXPECT_NE(message.find("max_opervlakte"), std::string::npos) << message;
    EXPECT_NE(message.find("onbekende sleutel"), std::string::npos) << message;
    EXPECT_NE(message.find("max_oppervlakte"), std::string::npos) << message << ": names the known keys";
}

TEST(Catalogue, OutOfRangeValueIsRejectedWithTheRange) {
    const auto message = config_error_of("[signalen.meldingen]\nstraal_m = 900\n");
    EXPECT_NE(message.find("straal_m"), std::string::npos) << message;
    EXPECT_NE(message.find("900"), std::string::npos) << message;
    EXPECT_NE(message.find("0.00 tot en met 500.00"), std::string::npos) << message;
}

TEST(Catalogue, DefaultConfigReadsBackToTheSamePolicy) {
    const auto signals = make_signals();
    const auto parsed = parse_config(config_toml(default_config(signals), signals), "default.toml", signals);
    std::ostringstream a, b;
    write_policy_toml(parsed.policy, a);
    write_policy_toml(default_policy(), b);
    EXPECT_EQ(a.str(), b.str());
    EXPECT_EQ(parsed.policy.gebruiksdoelen.size(), default_policy().gebruiksdoelen.size());
}

TEST(Catalogue, PolicyTablesAreReadAndChecked) {
    const auto signals = make_signals();
    const auto config = parse_config(
        "[gebruiksdoelen]\nkapper = { sbi2008 = [\"9602\"], sbi2025 = [\"9621\"], gebruiksdoelen = [\"winkelfunctie\", \"woonfunctie\"] }\n"
        "[minimum_oppervlakte]\nbakkerij = { sbi2008 = [\"1071\"], sbi2025 = [], m2 = 40 }\n"
        "[meldingen_gewicht]\n\"woon overlast\" = 2.5\n"
        "[holdings]\nsbi2025 = [\"64210\"]\n",
        "test.toml", signals);
    ASSERT_EQ(config.policy.gebruiksdoelen.size(), 1u);
    EXPECT_EQ(config.policy.gebruiksdoelen[0].gebruiksdoelen, winkelfunctie | woonfunctie);
    ASSERT_EQ(config.policy.minimum_oppervlakte.size(), 1u);
    EXPECT_EQ(config.policy.minimum_oppervlakte[0].minimum, 40);
    EXPECT_EQ(config.policy.melding_gewicht("woon overlast"), 2.5);
    EXPECT_EQ(config.policy.melding_gewicht("afval"), 1.0);
    EXPECT_EQ(config.policy.gebruiksdoelen[0].sbi.sbi2025, std::vector<std::string>{"9621"});
    EXPECT_TRUE(config.policy.minimum_oppervlakte[0].sbi.sbi2025.empty());
    EXPECT_EQ(config.policy.holding_sbi.sbi2025, std::vector<std::string>{"64210"});
    EXPECT_EQ(config.policy.holding_sbi.sbi2008, default_policy().holding_sbi.sbi2008);
    EXPECT_EQ(config.policy.holding_rechtsvormen, default_policy().holding_rechtsvormen);

    auto message = config_error_of("[gebruiksdoelen]\nx = { sbi2008 = [\"45\"], sbi2025 = [], gebruiksdoelen = [\"garage\"] }\n");
    EXPECT_NE(message.find("[gebruiksdoelen] x.gebruiksdoelen"), std::string::npos) << message;
    EXPECT_NE(message.find("\"garage\""), std::string::npos) << message;
    EXPECT_NE(message.find("allowed: woonfunctie"), std::string::npos) << message;
    message = config_error_of("[risicobranches]\nauto = { sbi2008 = [\"4a\"], sbi2025 = [] }\n");
    EXPECT_NE(message.find("[risicobranches] auto.sbi2008 = [\"4a\"]: \"4a\" is not allowed"), std::string::npos) << message;
    EXPECT_NE(message.find("1 to 5 digits"), std::string::npos) << message;
    message = config_error_of("[minimum_oppervlakte]\nx = { sbi2008 = [\"45\"], sbi2025 = [\"953\"], m2 = 0 }\n");
    EXPECT_NE(message.find("x.m2 = 0"), std::string::npos) << message;
    EXPECT_NE(message.find("from 1 to 100000"), std::string::npos) << message;
    message = config_error_of("[minimum_oppervlakte]\nx = { sbi2008 = [\"45\"], sbi2025 = [\"953\"] }\n");
    EXPECT_NE(message.find("missing key m2"), std::string::npos) << message;
    // A table of one version only would silently miss the other: both lists are required.
    message = config_error_of("[risicobranches]\nauto = { sbi2008 = [\"45\"] }\n");
    EXPECT_NE(message.find("[risicobranches] auto: missing key sbi2025"), std::string::npos) << message;
    message = config_error_of("[risicobranches]\nauto = [\"45\"]\n");
    EXPECT_NE(message.find("expected a table, e.g. { sbi2008"), std::string::npos) << message;
    message = config_error_of("[bedrijfsruimte]\nauto = { sbi2008 = [], sbi2025 = [] }\n");
    EXPECT_NE(message.find("both empty"), std::string::npos) << message;
    message = config_error_of("[meldingen_gewicht]\noverlast = -1\n");
    EXPECT_NE(message.find("overlast = -1"), std::string::npos) << message;
    message = config_error_of("[holdings]\nsbi2008 = [\"6420\"]\nvormen = []\n");
    EXPECT_NE(message.find("vormen: onbekende sleutel"), std::string::npos) << message;
}

// A signal that reads what it is told to, to show the check on reading fails both ways.
class Reader final : public Signal {
public:
    Reader(Key key, std::vector<std::string> reads) : Signal(key), reads_(std::move(reads)) {}
    const SignalInfo& info() const override {
        static const SignalInfo info{"reader", "Test.", "test", Familie::gebouw, 1,
                                     {{"a", ParamType::integer, 1, 0, 9, "a"}, {"b", ParamType::real, 2, 0, 9, "b"}}};
        return info;
    }
    void configure(Params& params) override {
        for (const auto& name : reads_) name == "b" ? static_cast<void>(params.real(name)) : static_cast<void>(params.integer(name));
    }
    std::vector<Hit> evaluate(const Context&) const override { return {}; }

private:
    std::vector<std::string> reads_;
};

TEST(Catalogue, EveryDeclaredParameterIsReadAndNothingElse) {
    // Every signal's configure() reads exactly its declared parameters (configure_signal checks it).
    for (const auto& signal : make_signals()) EXPECT_NO_THROW(configure_signal(*signal, {})) << signal->info().id;
    EXPECT_NO_THROW(make_configured<Reader>({}, std::vector<std::string>{"a", "b"}));
    EXPECT_THROW(make_configured<Reader>({}, std::vector<std::string>{"a"}), std::logic_error) << "b declared, not read";
    EXPECT_THROW(make_configured<Reader>({}, std::vector<std::string>{"a", "b", "c"}), std::logic_error) << "c read, not declared";
    EXPECT_THROW(make_configured<Reader>({}, std::vector<std::string>{"a", "b", "a2"}), std::logic_error);
}

TEST(Catalogue, MakeConfiguredChecksLikeAConfigFile) {
    try {
        make_configured<Reader>({{"a", 12}}, std::vector<std::string>{"a", "b"});
        FAIL() << "accepted a = 12";
    } catch (const config_error& e) {
        EXPECT_STREQ(e.what(), "[signalen.reader] a = 12.00 ligt buiten het bereik (toegestaan: 0 tot en met 9)");
    }
    EXPECT_THROW(make_configured<Reader>({{"a", 1.5}}, std::vector<std::string>{"a", "b"}), config_error) << "not an integer";
    EXPECT_THROW(make_configured<Reader>({{"c", 1}}, std::vector<std::string>{"a", "b"}), config_error) << "unknown key";
    const auto message = config_error_of("[signalen.kelderbox]\nmax_oppervlakte = 2000\n");
    EXPECT_NE(message.find("[signalen.kelderbox] max_oppervlakte = 2000 ligt buiten het bereik (toegestaan: 1 tot en met 1000)"), std::string::npos)
        << message;
}

TEST(Catalogue, ParameterValuesAreWrittenAsTheyAre) {
    EXPECT_EQ(param_text(8, ParamType::integer), "8");
    EXPECT_EQ(param_text(8, ParamType::real), "8.00");
    EXPECT_EQ(param_text(0.1, ParamType::real), "0.10");
    EXPECT_EQ(param_text(0.001, ParamType::real), "0.001") << "two decimals would write the minimum of fdr_q as 0.00";
}

TEST(Catalogue, CrossParameterRulesNameTheRealParametersIntegersAsIntegers) {
    const auto signals = make_signals();
    try {
        configure_signals(parse_config("[signalen.boxencomplex]\nniveau2 = 8\n", "test.toml", signals), signals);
        FAIL() << "accepted niveau2 > niveau3";
    } catch (const config_error& e) {
        EXPECT_STREQ(e.what(), "test.toml: [signalen.boxencomplex] niveau2 = 8, niveau3 = 6: de niveaus mogen niet dalen "
                               "(niveau2 <= niveau3)");
    }
    try {
        configure_signals(parse_config("[signalen.autobranche_zonder_erkenning]\nstraal_m = 300\nnabij_m = 200\n", "test.toml", signals),
                          signals);
        FAIL() << "accepted nabij_m < straal_m";
    } catch (const config_error& e) {
        EXPECT_STREQ(e.what(), "test.toml: [signalen.autobranche_zonder_erkenning] straal_m = 300.00, nabij_m = 200.00: nabij_m "
                               "mag niet kleiner zijn dan straal_m (straal_m <= nabij_m)");
    }
}

TEST(Catalogue, CrossParameterRulesAreChecked) {
    const auto signals = make_signals();
    const auto config = parse_config("[signalen.meldingen]\nniveau2 = 8\n", "test.toml", signals);
    try {
        configure_signals(config, signals);
        FAIL() << "accepted niveau2 > niveau3";
    } catch (const config_error& e) {
        EXPECT_NE(std::string(e.what()).find("niveau2 = 8.00"), std::string::npos) << e.what();
    }
}

}  // namespace
}  // namespace onregel::test
