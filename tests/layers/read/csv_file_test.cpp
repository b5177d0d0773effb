// CsvFile reads a plain CSV file without OGR, and only a file OGR's CSV driver reads the same way:
// for every file it takes, every record, number and field must be what OGR gives; the readers must
// come out the same through either route; and the files it must leave to OGR are left.
#include <gtest/gtest.h>
#include <set>
#include <sstream>
#include <tbb/global_control.h>

#include "engine/sample/sample.hpp"
#include "layers/read/csv_file.hpp"
#include "layers/read/readers.hpp"
#include "sample/sample_writer.hpp"
#include "layers/layers_test_util.hpp"

namespace onregel {
namespace {

// The sample town (`onregel sample`, seed 1), written once per test process: its CSV files are what
// onregel's own generator writes.
const std::filesystem::path& sample_town() {
    static const auto dir = [] {
        const auto d = test::scratch_dir("csv_sample_town");
        SampleWriter writer(d, true);
        sample::generate({1, 0}, [&](sample::Chunk& c) { writer.write(c); });
        writer.finish();
        return d;
    }();
    return dir;
}

std::vector<std::string> split(std::string_view line, char separator, bool* plain = nullptr) {
    std::vector<std::string_view> fields;
    std::string unquoted;
    const bool ok = split_csv_line(line, separator, fields, unquoted);
    if (plain) *plain = ok;
    return {fields.begin(), fields.end()};
}

TEST(SplitCsvLine, Rfc4180) {
    using V = std::vector<std::string>;
    EXPECT_EQ(split("a,b,c", ','), (V{"a", "b", "c"}));
    EXPECT_EQ(split("a,,c,", ','), (V{"a", "", "c", ""}));
    EXPECT_EQ(split("", ','), (V{""}));
    EXPECT_EQ(split("\"x,y\",\"q\"\"r\",\"\"", ','), (V{"x,y", "q\"r", ""}));
    EXPECT_EQ(split("\"\"\"\"", ','), (V{"\""}));
    EXPECT_EQ(split("a;b,c", ';'), (V{"a", "b,c"}));
    EXPECT_EQ(split(" s , t ", ','), (V{" s ", " t "})) << "spaces are kept, as OGR keeps them";
    for (const std::string_view broken : {"ab\"c,d", "\"ab\"c,d", "\"open,d", "a, \"b\"", "\"a\" ,b"}) {
        bool plain = true;
        split(broken, ',', &plain);
        EXPECT_FALSE(plain) << broken;
    }
}

struct OgrRecord {
    std::int64_t fid;
    std::vector<std::optional<std::string>> fields;  // nullopt: unset
};

std::vector<OgrRecord> read_with_ogr(const std::string& path, std::vector<std::string>& names) {
    auto dataset = open_vector(path);
    auto& layer = *dataset->GetLayer(0);
    auto* defn = layer.GetLayerDefn();
    names.clear();
    for (int i = 0; i < defn->GetFieldCount(); ++i) names.emplace_back(defn->GetFieldDefn(i)->GetNameRef());
    std::vector<OgrRecord> out;
    for (FeaturePtr f{layer.GetNextFeature()}; f; f.reset(layer.GetNextFeature())) {
        OgrRecord r{f->GetFID(), {}};
        for (int i = 0; i < defn->GetFieldCount(); ++i)
            r.fields.push_back(f->IsFieldSetAndNotNull(i) ? std::optional<std::string>(f->GetFieldAsString(i)) : std::nullopt);
        out.push_back(std::move(r));
    }
    return out;
}

// Whether CsvFile takes `path`; when it does, it must give exactly OGR's records. A file OGR cannot
// open (an empty one, say) never reaches CsvFile: `ogr_may_refuse` says whether that is expected.
bool taken_and_same_as_ogr(const std::string& path, bool ogr_may_refuse = false) {
    std::vector<std::string> names;
    std::vector<OgrRecord> expected;
    try {
        expected = read_with_ogr(path, names);
    } catch (const input_error&) {
        EXPECT_TRUE(ogr_may_refuse) << path;
        return false;
    }
    const auto file = CsvFile::open(path, names);
    if (!file) return false;
    std::vector<OgrRecord> got;
    file->for_each_row([&](const CsvRow& row) {
        OgrRecord r{row.number, {}};
        for (std::size_t c = 0; c < names.size(); ++c)
            r.fields.push_back(c < row.fields.size() ? std::optional<std::string>(row.fields[c]) : std::nullopt);
        got.push_back(std::move(r));
    });
    EXPECT_EQ(got.size(), expected.size()) << path;
    for (std::size_t i = 0; i < std::min(got.size(), expected.size()); ++i) {
        EXPECT_EQ(got[i].fid, expected[i].fid) << path << " record " << i;
        EXPECT_EQ(got[i].fields, expected[i].fields) << path << " record " << i;
    }
    return true;
}

// The corpus files that OGR reads wrongly (a quote swallows lines, a NUL byte ends a line): read
// against the physical lines instead, see ChecksRecordsAgainstPhysicalLines.
bool checked_against_lines(const std::filesystem::path& path) {
    static const std::set<std::string> files = {"meldingen_stray_quote.csv", "meldingen_quote_in_omschrijving.csv",
                                                "meldingen_separator_in_omschrijving.csv",
                                                "kvk_nul_handelsnaam.csv"};
    return files.contains(path.filename().string());
}

TEST(CsvFile, TakesPlainFilesAndReadsThemAsOgr) {
    const auto dir = test::scratch_dir("csv_file");
    const std::pair<const char*, std::string> plain[] = {
        {"empty_and_short_lines.csv", "a,b,c\n1,2,3\n\n4,5\n6,7,8,9\n\"x,y\",\"q\"\"r\",z\n  s , t ,u\n   \n,\n\r\n7,8,9"},
        {"bom_crlf_semicolon.csv", "\xEF\xBB\xBF" "a;b\r\n1;2\r\n3;\"4\"\r\n"},
        {"empty_fields.csv", "a,b\n1,\n,\n\"\",2\n"},
        {"tab.csv", "a\tb\n1\t2\n\"3\t4\"\t5\n"},
        {"space.csv", "a b\n1 2\n"},
        {"cp1252.csv", "naam,plaats\nCaf\xE9 De Zon,'s-Hertogenbosch\n"},
        {"header_only.csv", "a,b\n"},
        {"mixed_separators.csv", "a,b;c\n1,2;3\n"},
    };
    for (const auto& [name, content] : plain)
        EXPECT_TRUE(taken_and_same_as_ogr(test::write_file(dir / name, content))) << name << " is plain: CsvFile must take it";

    // A header OGR reads otherwise (bare carriage returns end its lines) is OGR's to read.
    EXPECT_FALSE(taken_and_same_as_ogr(test::write_file(dir / "bare_cr.csv", "a,b\r1,2\r3,4\r"))) << "must be left to OGR";

    // Every CSV of the corpus, the tiny fixture and the sample town: taken or not, never read differently.
    int taken = 0;
    for (const auto& where : {std::string(ONREGEL_SOURCE_DIR) + "/tests/malformed", std::string(ONREGEL_SOURCE_DIR) + "/tests/data/tiny",
                              sample_town().string()})
        for (const auto& entry : std::filesystem::directory_iterator(where))
            if (entry.path().extension() == ".csv" && !checked_against_lines(entry.path()))
                taken += taken_and_same_as_ogr(entry.path().string(), true);
    EXPECT_GE(taken, 20);
}

// Where OGR lets a quote swallow the rest of the file, records are checked against physical lines: a
// broken one is reported by its line and covers only that line; the records after it are read.
TEST(CsvFile, ChecksRecordsAgainstPhysicalLines) {
    const auto dir = test::scratch_dir("csv_lines");
    struct Got {
        std::int64_t line;
        std::string first;
        std::string broken;
        bool operator==(const Got&) const = default;
    };
    const auto read = [&](const char* name, const std::string& content) {
        const auto file = CsvFile::open(test::write_file(dir / name, content), {"a", "b"});
        EXPECT_TRUE(file) << name;
        std::vector<Got> got;
        if (file)
            file->for_each_row([&](const CsvRow& row) {
                got.push_back({row.line, row.fields.empty() ? "" : std::string(row.fields[0]), row.broken ? reden_tekst(*row.broken) : ""});
            });
        if (file) {
            EXPECT_EQ(file->records(), static_cast<std::int64_t>(got.size())) << name << ": every record counted in advance";
        }
        return got;
    };
    using V = std::vector<Got>;
    EXPECT_EQ(read("newline_in_quotes.csv", "a,b\n\"1\n2\",3\n4,5\n"), (V{{2, "1\n2", ""}, {4, "4", ""}}));
    EXPECT_EQ(read("quote_in_field.csv", "a,b\nab\"c,d\n"), (V{{2, "ab\"c", ""}})) << "a quote inside a field is text";
    EXPECT_EQ(read("after_closing_quote.csv", "a,b\n\"ab\"c,d\n1,2\n"),
              (V{{2, "ab", "tekst na een sluitend aanhalingsteken"}, {3, "1", ""}}));
    EXPECT_EQ(read("nul.csv", std::string("a,b\n1,2\0x\n3,4\n", 14)),
              (V{{2, "1", "NUL-teken in de regel (geen tekstbestand?)"}, {3, "3", ""}}));
    EXPECT_EQ(read("extra_field.csv", "a,b\n1,2,3\n"), (V{{2, "1", "meer velden dan de kopregel (scheidingsteken in een tekstveld?)"}}));
    std::string runaway = "a,b\n\"open,1\n";
    for (int i = 0; i < 200; ++i) runaway += std::to_string(i) + ",x\n";
    const auto got = read("runaway.csv", runaway + "\"\n");
    ASSERT_EQ(got.size(), 202u) << "the stray quote takes its own line, not the file";
    EXPECT_EQ(got[0], (Got{2, "", "aanhalingsteken niet gesloten"}));
    EXPECT_EQ(got[1], (Got{3, "0", ""}));
    EXPECT_EQ(got[201].broken, "aanhalingsteken niet gesloten");
    // The same across pieces: cut at the starts of records, not inside one.
    const auto file = CsvFile::open((dir / "newline_in_quotes.csv").string(), {"a", "b"}, 1);
    ASSERT_TRUE(file);
    std::vector<std::int64_t> lines;
    file->for_each_row([&](const CsvRow& row) { lines.push_back(row.line); });
    EXPECT_EQ(lines, (std::vector<std::int64_t>{2, 4}));
    EXPECT_EQ(file->records(), 2);
    // A plain file, split into pieces of one line each: the records of all pieces, empty lines not.
    const auto plain = CsvFile::open(test::write_file(dir / "plain.csv", "a,b\n1,2\n\n3,4\n5,6\n"), {"a", "b"}, 1);
    ASSERT_TRUE(plain);
    EXPECT_GT(plain->pieces(), 1U);
    EXPECT_EQ(plain->records(), 3);
}

TEST(CsvFile, ReadersTakeItOnlyForUntypedCsvWithoutGeometry) {
    const auto dir = test::scratch_dir("plain_csv");
    const auto taken = [](const std::string& path) {
        auto dataset = open_vector(path);
        return plain_csv(*dataset, *dataset->GetLayer(0), path, ReadOptions{}).has_value();
    };
    EXPECT_TRUE(taken((sample_town() / "kvk_vestigingen.csv").string()));
    EXPECT_TRUE(taken((sample_town() / "meldingen.csv").string()));
    const auto typed = test::write_file(dir / "typed.csv", "id,n\na,007\n");
    test::write_file(dir / "typed.csvt", "String,Integer\n");
    EXPECT_FALSE(taken(typed)) << "a .csvt makes OGR format the values";
    EXPECT_FALSE(taken(test::write_file(dir / "wkt.csv", "id,WKT\na,POINT (1 2)\n"))) << "a WKT column is geometry";
    const auto gpkg = (dir / "kvk.gpkg").string();
    test::ogr2ogr("-f GPKG " + test::quoted(gpkg) + " " + test::quoted(std::string(ONREGEL_SOURCE_DIR) + "/tests/data/tiny/kvk.csv"));
    EXPECT_FALSE(taken(gpkg));
}

// The layers read with and without CsvFile: the same rows, matches, rejects and counts.
std::string read_layers(const InputSources& sources, bool direct, int threads = 2, std::size_t piece_bytes = 4 << 20) {
    const tbb::global_control limit(tbb::global_control::max_allowed_parallelism, static_cast<std::size_t>(threads));
    ReadOptions options;
    options.direct = direct;
    options.csv_piece_bytes = piece_bytes;
    const auto in = read_inputs(sources, options);
    std::ostringstream out;
    out.precision(17);
    for (const auto& v : in.town.vestigingen) {
        out << v.vestigingsnummer << '|' << v.kvk_nummer << '|' << v.handelsnaam << '|' << v.rechtsvorm << '|' << v.hoofdvestiging
            << '|' << v.aanvang.value_or(-1) << '|' << v.einde.value_or(-1) << '|' << v.sbi_hoofd << '|' << v.werkzame_personen
            << '|' << format_adres(v.adres) << '|' << v.vbo << '|' << static_cast<int>(v.match);
        for (const auto& code : v.sbi_neven) out << ' ' << code;
        out << '\n';
    }
    for (const auto& m : in.town.meldingen)
        out << m.id << '|' << m.datum << '|' << m.categorie << '|' << m.bron << '|' << m.punt.x << ',' << m.punt.y << '|' << m.vbo
            << '|' << static_cast<int>(m.match) << '\n';
    for (const auto& v : in.town.vergunningen)
        out << v.zaaknummer << '|' << v.datum_aanvraag << '|' << v.aanvrager << '|' << v.bouwkosten << '|' << v.soort << '|' << v.vbo << '\n';
    for (const auto& e : in.town.erkenningen)
        out << e.naam << '|' << e.soort << '|' << e.punt.x << ',' << e.punt.y << '|' << e.vbo << '\n';
    for (const auto& u : in.uitkomsten)
        out << u.id << '|' << u.vbo << '|' << u.datum << '|' << u.bevinding << '|' << u.categorie << '\n';
    out << in.rejects.csv();
    for (const auto& [layer, s] : in.layers) {
        out << layer << ": " << s.bron << ' ' << s.driver << ' ' << s.crs << ' ' << s.rows << ' ' << s.used << ' ' << s.sbi_versie
            << ' ' << s.eerste_datum.value_or(-1) << ' ' << s.laatste_datum.value_or(-1);
        for (const auto& [k, n] : s.overgeslagen) out << ' ' << k << '=' << n;
        for (const auto& [k, n] : s.match_methods) out << ' ' << k << '=' << n;
        for (const auto& w : s.waarschuwingen) out << ' ' << w;
        out << '\n';
    }
    return out.str();
}

void expect_same_both_routes(const InputSources& sources, const std::string& what) {
    std::string direct, ogr;
    try {
        direct = read_layers(sources, true);
    } catch (const std::exception& e) {
        direct = std::string("error: ") + e.what();
    }
    try {
        ogr = read_layers(sources, false);
    } catch (const std::exception& e) {
        ogr = std::string("error: ") + e.what();
    }
    EXPECT_EQ(direct, ogr) << what;
}

TEST(CsvFile, ReadersSameThroughEitherRoute) {
    const std::string source = ONREGEL_SOURCE_DIR;
    const auto town = [](const char* file) { return (sample_town() / file).string(); };
    auto sample = test::inputs_of(town("bag.gpkg"), town("kvk_vestigingen.csv"), town("meldingen.csv"));
    sample.vergunningen = town("vergunningen.csv");
    sample.erkenningen = town("erkenningen.csv");
    expect_same_both_routes(sample, "the sample town");
    EXPECT_NE(read_layers(sample, true).find("kvk: " + sample.kvk + " CSV"), std::string::npos);

    const auto tiny = [&](const std::string& file) { return source + "/tests/data/tiny/" + file; };
    for (const auto& entry : std::filesystem::directory_iterator(source + "/tests/malformed")) {
        const auto name = entry.path().filename().string();
        if (entry.path().extension() != ".csv" || checked_against_lines(entry.path())) continue;
        if (name.starts_with("kvk_"))
            expect_same_both_routes(test::inputs_of(tiny("bag.csv"), entry.path().string(), tiny("meldingen.csv")), name);
        else if (name.starts_with("meldingen_"))
            expect_same_both_routes(test::inputs_of(tiny("bag.csv"), tiny("kvk.csv"), entry.path().string()), name);
    }
}

// Files of many pieces, read on several threads: rows are prepared side by side and finished in order,
// so duplicates far apart, rejects and counts come out as from OGR's one-by-one read.
TEST(CsvFile, ReadersSameAcrossPiecesAndThreads) {
    const auto dir = test::scratch_dir("csv_pieces");
    std::string kvk = "vestigingsnummer;sbiHoofdactiviteit;huisnummer;huisletter;huisnummerToevoeging;postcode;"
                      "addresseerbaarObjectId;rijksdriehoekX;rijksdriehoekY;datumAanvang;eersteHandelsnaam\n";
    std::string meldingen = "id,datum,categorie,bron,x,y,postcode,huisnummer,omschrijving\n";
    const std::string filler(120, 'x');  // makes the files several of the usual pieces long
    for (int i = 1; i <= 80'000; ++i) {
        const auto n = std::to_string(i % 70'000 + (i % 997 == 0 ? 0 : 1));  // ids repeated across pieces
        const std::string nummer = std::string(12 - n.size(), '0') + n;
        const bool by_id = i % 3 == 0, by_xy = i % 3 == 1;
        kvk += (i % 1'001 == 0 ? "12a" : nummer) + ";" + (i % 1'003 == 0 ? "x1" : "6420") + ";" + (by_xy ? "" : "1") + ";;;" +
               (by_xy ? "" : i % 1'009 == 0 ? "12345" : "3401AA") + ";" + (by_id ? "0353010000000001" : "") + ";" +
               (by_xy ? "131901.0;447301.0" : ";") + ";" + (i % 1'013 == 0 ? "2020-13-01" : "20200101") + ";" + filler + "\n";
        if (i % 7 == 0) kvk += "\n";  // empty lines are not numbered
        meldingen += (i % 1'019 == 0 ? "" : "M" + n) + "," + (i % 1'021 == 0 ? "2999-01-01" : "2024-05-01") + ",drugs,MMA," +
                     (i % 2 ? "132101.0,447451.0,," : ",,3401AB,2") + "," + filler + "\n";
    }
    const auto sources = test::inputs_of(std::string(ONREGEL_SOURCE_DIR) + "/tests/data/tiny/bag.csv",
                                         test::write_file(dir / "kvk.csv", kvk), test::write_file(dir / "meldingen.csv", meldingen));
    ASSERT_GT(kvk.size(), std::size_t{2} * (4 << 20)) << "three pieces or more";
    const auto ogr = read_layers(sources, false, 1);
    EXPECT_NE(ogr.find("dubbel vestigingsnummer"), std::string::npos);
    EXPECT_NE(ogr.find("dubbel id"), std::string::npos);
    for (const int threads : {1, 2, 4})
        for (const std::size_t piece : {std::size_t{4} << 20, std::size_t{1} << 10})
            EXPECT_EQ(read_layers(sources, true, threads, piece), ogr) << threads << " threads, pieces of " << piece;
}

}  // namespace
}  // namespace onregel
