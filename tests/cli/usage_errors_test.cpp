// Every usage or configuration error the CLI can reach (exit 2) speaks Dutch: CLI11's own messages are
// reworded, the checks of option values and the configuration say what was expected, and a typo in a
// command, option or configuration key gets the name it probably meant.
#include <cctype>
#include <filesystem>
#include <fstream>
#include <set>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "cli_runner.hpp"

namespace onregel::test {
namespace {

namespace fs = std::filesystem;

// Words of English sentences that are no Dutch words; options (--value) are names, not sentences.
const std::set<std::string> english = {"the",       "not",      "expected",   "unknown",     "required", "requires",  "must",
                                       "should",    "error",    "value",      "values",      "allowed",  "following", "arguments",
                                       "with",      "range",    "found",      "cannot",      "invalid",  "missing",   "only",
                                       "for",       "and",      "are",        "was",         "were",     "exists",    "empty",
                                       "directory", "expected", "subcommand", "information", "convert"};

std::vector<std::string> english_words(const std::string& text) {
    std::vector<std::string> found;
    std::string word;
    bool option = false;  // the word follows a dash: --value, --per-dag
    char previous = ' ';
    for (const char c : text + " ") {
        if (std::isalpha(static_cast<unsigned char>(c))) {
            if (word.empty()) option = previous == '-';
            word += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        } else {
            if (!option && english.count(word)) found.push_back(word);
            word.clear();
        }
        previous = c;
    }
    return found;
}

struct UsageCase {
    std::string about;
    std::vector<std::string> args;
    std::string says;  // the whole Dutch sentence, or its telling part
};

TEST(UsageErrors, EveryExitTwoPathSpeaksDutch) {
    const auto dir = scratch("usage_errors");
    const auto config = [&](const std::string& name, const std::string& text) {
        std::ofstream(dir / name) << text;
        return (dir / name).string();
    };
    fs::create_directories(dir / "vol");
    std::ofstream(dir / "vol" / "iets.txt") << "iets\n";
    const auto out = (dir / "out").string();
    const std::vector<std::string> run = {"run", "--bag", tiny("bag.csv"), "--kvk", tiny("kvk.csv"), "--out", out, "--quiet"};
    const auto with = [](std::vector<std::string> args, const std::vector<std::string>& more) {
        args.insert(args.end(), more.begin(), more.end());
        return args;
    };

    const std::vector<UsageCase> cases = {
        {"no command",
         {},
         "onregel: geef een commando: run, explain, validate, hotspots, evaluate, register, monitor, gebied, serve, signals, "
         "outputs, config, sample of version\nZie onregel --help.\n"},
        {"register without what to do", {"register"}, "onregel register: geef een commando: import of purge"},
        {"register import without sheets",
         {"register", "import", "--register", (dir / "r.gpkg").string()},
         "register import: geef --controles of --interventies (of beide)"},
        {"a purge date the other way round",
         {"register", "purge", "--register", (dir / "r.gpkg").string(), "--peildatum", "31-12-2024"},
         "--peildatum: '31-12-2024' is geen datum (verwacht JJJJMMDD of JJJJ-MM-DD)"},
        {"a register goal without its weeks",
         {"register", "import", "--register", (dir / "r.gpkg").string(), "--controles", "x.csv", "--config",
          config("doel.toml", "[[doelen]]\nnaam = \"Snel\"\nmaat = \"opgevolgd_binnen_weken\"\nminimaal = 0.8\n")},
         "weken hoort alleen, en dan verplicht, bij maat opgevolgd_binnen_weken"},
        {"monitor without its register", {"monitor", "--out", out}, "onregel monitor: --register ontbreekt\n"},
        {"monitor with a year and a period",
         {"monitor", "--register", "r.gpkg", "--out", out, "--jaar", "2026", "--van", "2026-01-01", "--tot", "2026-06-30"},
         "--jaar en --van gaan niet samen"},
        {"monitor from a day without its end", {"monitor", "--register", "r.gpkg", "--out", out, "--van", "2026-01-01"},
         "--van kan alleen samen met --tot"},
        {"a monitor period the wrong way round",
         {"monitor", "--register", "r.gpkg", "--out", out, "--van", "2026-06-30", "--tot", "2026-01-01"},
         "--van 2026-06-30 ligt na --tot 2026-01-01"},
        {"a monitor day in the wrong form",
         {"monitor", "--register", "r.gpkg", "--out", out, "--van", "31-12-2025", "--tot", "2026-06-30"}, "--van: "},
        {"a monitor year out of range", {"monitor", "--register", "r.gpkg", "--out", out, "--jaar", "26"}, "--jaar: "},
        {"a misspelt command", {"rn", "--bag", "x"}, "onregel: 'rn' is geen commando; bedoelde u run?\n"},
        {"another misspelt command", {"gebeid"}, "onregel: 'gebeid' is geen commando; bedoelde u gebied?\n"},
        {"an unknown command", {"opruimen"}, "onregel: 'opruimen' is geen commando\n"},
        {"a misspelt option", with(run, {"--capacitiet", "6"}),
         "onregel run: onbekende optie --capacitiet; bedoelde u --capaciteit?\nZie onregel run --help.\n"},
        {"an unknown option", with(run, {"--snel"}), "onregel run: onbekende optie --snel\n"},
        {"a word too many", with(run, {"extra"}), "onregel run: onverwacht argument extra\n"},
        {"required options missing", {"run", "--bag", "x"}, "onregel run: --kvk en --out ontbreken\n"},
        {"one required option missing", {"hotspots", "--out", "x.csv"}, "onregel hotspots: --input ontbreekt\n"},
        {"the address missing", {"explain", "--out", out}, "onregel explain: adres ontbreekt\n"},
        {"a number out of range", with(run, {"--threads", "0"}),
         "onregel run: --threads: verwacht een geheel getal van 1 tot en met 1024, niet 0\n"},
        {"text for a number", with(run, {"--threads", "veel"}),
         "--threads: verwacht een geheel getal van 1 tot en met 1024, niet veel"},
        {"a decimal comma", with(run, {"--capaciteit", "1", "--steekproef", "0,2"}),
         "--steekproef: schrijf een decimaal getal met een punt: 0.2 in plaats van 0,2"},
        {"a share above 1", with(run, {"--capaciteit", "1", "--steekproef", "1.5"}),
         "--steekproef: verwacht een getal van 0 tot en met 1, niet 1.5"},
        {"a negative distance", with(run, {"--capaciteit", "1", "--dag-straal", "-5"}),
         "--dag-straal: verwacht een getal groter dan 0, niet -5"},
        {"an option that needs another", with(run, {"--per-dag", "3"}),
         "onregel run: --per-dag kan alleen samen met --capaciteit\n"},
        {"an option without its value", with(run, {"--capaciteit"}), "onregel run: --capaciteit: de waarde ontbreekt\n"},
        {"a word not in the list", with(run, {"--profiel", "iedereen"}), "--profiel: verwacht loo of handhaving, niet iedereen"},
        {"a port out of range",
         {"serve", "--out", out, "--port", "70000"},
         "--port: verwacht een geheel getal van 0 tot en met 65535, niet 70000"},
        {"an unknown SBI version", {"sample", "--out", out, "--sbi", "2010"}, "--sbi: verwacht 2008 of 2025, niet 2010"},
        {"a negative cell",
         {"hotspots", "--input", "a", "--out", "b.csv", "--cell", "-1"},
         "--cell: verwacht 0 of een getal groter dan 0, niet -1"},
        {"a misspelt configuration key",
         with(run, {"--config", config("sleutel.toml", "[signalen.kelderbox]\nmax_oppervlak = 30\n")}),
         "[signalen.kelderbox] max_oppervlak: onbekende sleutel; bedoelde u max_oppervlakte? (bekend: actief, punten, "},
        {"an unknown signal", with(run, {"--config", config("signaal.toml", "[signalen.kelderboxx]\n")}),
         "[signalen.kelderboxx]: onbekend signaal; bedoelde u kelderbox?"},
        {"an unknown section", with(run, {"--config", config("sectie.toml", "drempels = 1\n")}),
         "drempels: onbekende sleutel (bekend: "},
        {"a value out of range", with(run, {"--config", config("bereik.toml", "[signalen.kelderbox]\nmax_oppervlakte = 5000\n")}),
         "max_oppervlakte = 5000 ligt buiten het bereik (toegestaan: 1 tot en met 1000)"},
        {"text for a number in the configuration",
         with(run, {"--config", config("tekst.toml", "[signalen.kelderbox]\nmax_oppervlakte = \"groot\"\n")}),
         "max_oppervlakte = \"groot\": verwacht een geheel getal"},
        {"a date the other way round", with(run, {"--config", config("datum.toml", "peildatum = \"31-12-2024\"\n")}),
         "peildatum: '31-12-2024' is geen datum (verwacht JJJJMMDD of JJJJ-MM-DD)"},
        {"config without what to do",
         {"config"},
         "onregel: fout in de instellingen: config: geef --default of --check BESTAND\n"},
        {"a bad bbox", with(run, {"--bbox", "1,2,3"}), "--bbox 1,2,3: verwacht minx,miny,maxx,maxy in RD New-meters"},
        {"a bbox outside the Netherlands", with(run, {"--bbox", "1,2,3,4"}), "--bbox 1,2,3,4: niet in RD New-meters"},
        {"a bad gemeente", with(run, {"--gemeente", "221"}), "--gemeente 221: verwacht de CBS-gemeentecode van 4 cijfers"},
        {"a full output directory",
         {"run", "--bag", tiny("bag.csv"), "--kvk", tiny("kvk.csv"), "--out", (dir / "vol").string()},
         "is niet leeg; voeg --overwrite toe om de map te vervangen"},
        {"evaluate on no run",
         {"evaluate", "--out", (dir / "nergens").string(), "--uitkomsten", "x.csv"},
         "geen map met de uitvoer van een eerdere onregel run"},
        {"hotspots into an unknown format",
         {"hotspots", "--input", "a", "--methode", "gi", "--out", "b.txt"},
         "verwacht een bestandsnaam op .geojson, .csv of .gpkg"},
        {"Gi* on points without values",
         {"hotspots", "--input", "a", "--methode", "gi", "--cell", "0", "--out", "b.csv"},
         "--cell 0 (Gi* op de punten zelf) hoort bij --methode gi en vraagt --value"},
    };
    for (const auto& c : cases) {
        const auto result = run_cli(c.args);
        EXPECT_EQ(result.exit_code, 2) << c.about << ": " << result.err;
        EXPECT_NE(result.err.find(c.says), std::string::npos) << c.about << ":\n" << result.err;
        EXPECT_EQ(english_words(result.err), std::vector<std::string>{}) << c.about << ":\n" << result.err;
        EXPECT_EQ(result.out, "") << c.about;
    }
}

TEST(UsageErrors, TheEnglishWordCheckCanFail) {
    EXPECT_EQ(english_words("The following arguments were not expected: 6 --capacitiet"),
              (std::vector<std::string>{"the", "following", "arguments", "were", "not", "expected"}));
    EXPECT_EQ(english_words("--kvk is required\nRun with --help for more information."),
              (std::vector<std::string>{"required", "with", "for", "information"}));
    EXPECT_EQ(english_words("onregel run: --kvk en --out ontbreken"), std::vector<std::string>{});
    EXPECT_EQ(english_words("--cell 0 vraagt --value"), std::vector<std::string>{}) << "options are names";
}

}  // namespace
}  // namespace onregel::test
