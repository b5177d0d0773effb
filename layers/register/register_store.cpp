#include "register_store.hpp"

#include <cpl_error.h>
#include <filesystem>
#include <functional>
#include <sys/stat.h>
#include <variant>

#include "engine/errors.hpp"
#include "layers/errors.hpp"
#include "layers/source/gdal_source.hpp"

namespace onregel {

namespace {

// A cell as written: text, a whole number, a date, or nothing.
using Waarde = std::variant<std::monostate, std::string, std::int64_t, Date>;

struct Kolom {
    const char* naam;
    OGRFieldType type;
};

// One table of the register: its columns (after `sleutel`), how a row becomes cells and how a stored
// feature becomes a row again. Declared once here; reading, writing and deleting all follow it.
template <class Row>
struct Tabel {
    const char* naam;
    std::vector<Kolom> kolommen;
    std::function<std::vector<Waarde>(const Row&)> cellen;
    std::function<Row(OGRFeature&, const std::vector<int>&)> rij;
};

std::string joined(const std::vector<std::string>& values) {
    std::string out;
    for (const auto& v : values) out += (out.empty() ? "" : ";") + v;
    return out;
}

std::vector<std::string> split(const std::string& text) {
    std::vector<std::string> out;
    std::size_t start = 0;
    while (start < text.size()) {
        const auto end = text.find(';', start);
        out.push_back(text.substr(start, end == std::string::npos ? std::string::npos : end - start));
        if (end == std::string::npos) break;
        start = end + 1;
    }
    return out;
}

std::string tekst(OGRFeature& f, int i) { return f.IsFieldSetAndNotNull(i) ? std::string(f.GetFieldAsString(i)) : std::string(); }
std::int64_t getal(OGRFeature& f, int i) { return f.IsFieldSetAndNotNull(i) ? f.GetFieldAsInteger64(i) : 0; }
std::optional<Date> datum(OGRFeature& f, int i) {
    int y = 0, m = 0, d = 0, h = 0, min = 0, tz = 0;
    float s = 0;
    if (!f.IsFieldSetAndNotNull(i) || !f.GetFieldAsDateTime(i, &y, &m, &d, &h, &min, &s, &tz)) return std::nullopt;
    return date_from_ymd(y, static_cast<unsigned>(m), static_cast<unsigned>(d));
}
Date datum_verplicht(OGRFeature& f, int i) {
    if (auto d = datum(f, i)) return *d;
    throw input_error("register: een datum ontbreekt in rij " + std::to_string(f.GetFID()));
}

const Tabel<RegisterRun>& runs_tabel() {
    static const Tabel<RegisterRun> t{
        tabel_runs,
        {{"peildatum", OFTDate}, {"config_sha256", OFTString}, {"gemarkeerd", OFTInteger}},
        [](const RegisterRun& r) { return std::vector<Waarde>{r.peildatum, r.config_sha256, std::int64_t{r.gemarkeerd}}; },
        [](OGRFeature& f, const std::vector<int>& c) {
            return RegisterRun{tekst(f, c[0]), datum_verplicht(f, c[1]), tekst(f, c[2]), static_cast<int>(getal(f, c[3]))};
        }};
    return t;
}

const Tabel<RunSignaal>& run_signalen_tabel() {
    static const Tabel<RunSignaal> t{
        tabel_run_signalen,
        {{"run", OFTString}, {"buurt", OFTString}, {"signaal", OFTString}, {"aantal", OFTInteger}},
        [](const RunSignaal& r) { return std::vector<Waarde>{r.run, r.buurt, r.signaal, std::int64_t{r.aantal}}; },
        [](OGRFeature& f, const std::vector<int>& c) {
            return RunSignaal{tekst(f, c[1]), tekst(f, c[2]), tekst(f, c[3]), static_cast<int>(getal(f, c[4]))};
        }};
    return t;
}

const Tabel<RegisterControle>& controles_tabel() {
    static const Tabel<RegisterControle> t{
        tabel_controles,
        {{"bag_id", OFTString}, {"datum", OFTDate}, {"controledag", OFTInteger}, {"selectie", OFTString},
         {"partners", OFTString}, {"constateringen", OFTString}, {"signalen", OFTString}, {"signalen_bekend", OFTInteger}},
        [](const RegisterControle& c) {
            return std::vector<Waarde>{c.bag_id, c.datum, std::int64_t{c.controledag}, std::string(selectie_name(c.selectie)),
                                       joined(c.partners), joined(c.constateringen), joined(c.signalen),
                                       std::int64_t{c.signalen_bekend ? 1 : 0}};
        },
        [](OGRFeature& f, const std::vector<int>& c) {
            RegisterControle r;
            r.bag_id = tekst(f, c[1]);
            r.datum = datum_verplicht(f, c[2]);
            r.controledag = static_cast<int>(getal(f, c[3]));
            const auto selectie = parse_selectie(tekst(f, c[4]));
            if (!selectie) throw input_error("register: controle " + tekst(f, c[0]) + ": onbekende selectie '" + tekst(f, c[4]) + "'");
            r.selectie = *selectie;
            r.partners = split(tekst(f, c[5]));
            r.constateringen = split(tekst(f, c[6]));
            r.signalen = split(tekst(f, c[7]));
            r.signalen_bekend = getal(f, c[8]) != 0;
            return r;
        }};
    return t;
}

const Tabel<Interventie>& interventies_tabel() {
    static const Tabel<Interventie> t{
        tabel_interventies,
        {{"bag_id", OFTString}, {"soort", OFTString}, {"start", OFTDate}, {"einde", OFTDate}, {"afloop", OFTString}},
        [](const Interventie& i) {
            return std::vector<Waarde>{i.bag_id, i.soort, i.start, i.einde ? Waarde(*i.einde) : Waarde(), i.afloop};
        },
        [](OGRFeature& f, const std::vector<int>& c) {
            return Interventie{tekst(f, c[1]), tekst(f, c[2]), datum_verplicht(f, c[3]), datum(f, c[4]), tekst(f, c[5])};
        }};
    return t;
}

const Tabel<MeldingenKwartaal>& meldingen_tabel() {
    static const Tabel<MeldingenKwartaal> t{
        tabel_meldingen,
        {{"jaar", OFTInteger}, {"kwartaal", OFTInteger}, {"buurt", OFTString}, {"categorie", OFTString}, {"aantal", OFTInteger}},
        [](const MeldingenKwartaal& m) {
            return std::vector<Waarde>{std::int64_t{m.jaar}, std::int64_t{m.kwartaal}, m.buurt, m.categorie, std::int64_t{m.aantal}};
        },
        [](OGRFeature& f, const std::vector<int>& c) {
            return MeldingenKwartaal{static_cast<int>(getal(f, c[1])), static_cast<int>(getal(f, c[2])), tekst(f, c[3]), tekst(f, c[4]),
                                     static_cast<int>(getal(f, c[5]))};
        }};
    return t;
}

// An SQL literal: SQLite and PostgreSQL (standard_conforming_strings, the default since 9.1) both
// read '' as one quote and nothing else as special inside '…'.
std::string literal(const Waarde& w) {
    if (std::holds_alternative<std::monostate>(w)) return "NULL";
    if (const auto* n = std::get_if<std::int64_t>(&w)) return std::to_string(*n);
    if (const auto* d = std::get_if<Date>(&w)) return "'" + format_date(*d) + "'";
    std::string out = "'";
    for (char c : std::get<std::string>(w)) {
        if (c == '\0') throw input_error("register: een tekst bevat een nulteken");
        out += c;
        if (c == '\'') out += '\'';
    }
    return out + "'";
}

class Store {
public:
    Store(const std::string& target, bool write) : naam_(register_naam(target)) {
        register_gdal_once();
        const bool pg = is_postgis_register(target);
        if (!pg && !std::filesystem::exists(target)) {
            if (!write) return;
            auto* driver = GetGDALDriverManager()->GetDriverByName("GPKG");
            dataset_.reset(driver->Create(target.c_str(), 0, 0, 0, GDT_Unknown, nullptr));
            if (!dataset_) throw environment_error(naam_ + ": het register kan niet worden aangemaakt (" + CPLGetLastErrorMsg() + ")");
            ::chmod(target.c_str(), 0600);  // private like every output
        } else {
            dataset_.reset(static_cast<GDALDataset*>(GDALOpenEx(target.c_str(), GDAL_OF_VECTOR | (write ? GDAL_OF_UPDATE : 0),
                                                                pg ? nullptr : allowed_gpkg, nullptr, nullptr)));
            // A server that does not answer is the environment; a file that is no GeoPackage the input.
            if (!dataset_ && pg) throw environment_error("PostgreSQL: het register is niet bereikbaar; klopt de verbinding (host, poort, database, gebruiker)?");
            if (!dataset_) throw input_error(naam_ + ": het register kan niet worden geopend (" + CPLGetLastErrorMsg() + ")");
        }
    }

    bool open() const { return dataset_ != nullptr; }

    template <class Row>
    std::vector<Row> read(const Tabel<Row>& tabel) {
        std::vector<Row> rows;
        OGRLayer* layer = dataset_ ? dataset_->GetLayerByName(tabel.naam) : nullptr;
        if (!layer) return rows;
        const auto columns = indices(*layer, tabel);
        layer->ResetReading();
        for (FeaturePtr f(layer->GetNextFeature()); f; f.reset(layer->GetNextFeature())) rows.push_back(tabel.rij(*f, columns));
        std::sort(rows.begin(), rows.end(), [](const Row& a, const Row& b) { return sleutel(a) < sleutel(b); });
        return rows;
    }

    template <class Row>
    void ensure(const Tabel<Row>& tabel) {
        if (dataset_->GetLayerByName(tabel.naam)) return;
        const char* options[] = {"FID=fid", nullptr};
        OGRLayer* layer = dataset_->CreateLayer(tabel.naam, nullptr, wkbNone, const_cast<char**>(options));
        if (!layer) throw environment_error(naam_ + ": tabel " + tabel.naam + " kan niet worden aangemaakt (" + CPLGetLastErrorMsg() + ")");
        OGRFieldDefn key("sleutel", OFTString);
        key.SetNullable(FALSE);
        layer->CreateField(&key);
        for (const auto& k : tabel.kolommen) {
            OGRFieldDefn field(k.naam, k.type);
            layer->CreateField(&field);
        }
        execute(std::string("CREATE UNIQUE INDEX IF NOT EXISTS ") + tabel.naam + "_sleutel ON " + tabel.naam + " (sleutel)");
    }

    template <class Row>
    void upsert(const Tabel<Row>& tabel, const std::vector<Row>& rows) {
        if (rows.empty()) return;
        std::string names = "sleutel", updates;
        for (const auto& k : tabel.kolommen) {
            names += std::string(", ") + k.naam;
            updates += std::string(updates.empty() ? "" : ", ") + k.naam + " = excluded." + k.naam;
        }
        for (const auto& row : rows) {
            std::string values = literal(sleutel(row));
            for (const auto& cell : tabel.cellen(row)) values += ", " + literal(cell);
            execute(std::string("INSERT INTO ") + tabel.naam + " (" + names + ") VALUES (" + values + ") ON CONFLICT (sleutel) DO UPDATE SET " +
                    updates);
        }
    }

    template <class Row>
    int erase(const Tabel<Row>& tabel, const std::vector<Row>& rows) {
        if (rows.empty() || !dataset_->GetLayerByName(tabel.naam)) return 0;
        for (const auto& row : rows) execute(std::string("DELETE FROM ") + tabel.naam + " WHERE sleutel = " + literal(sleutel(row)));
        return static_cast<int>(rows.size());
    }

    void begin() {
        if (dataset_->StartTransaction() != OGRERR_NONE) throw environment_error(naam_ + ": geen transactie mogelijk (" + CPLGetLastErrorMsg() + ")");
    }
    void commit() {
        if (dataset_->CommitTransaction() != OGRERR_NONE) throw environment_error(naam_ + ": schrijven mislukt (" + CPLGetLastErrorMsg() + ")");
    }
    void rollback() { dataset_->RollbackTransaction(); }

private:
    static constexpr const char* allowed_gpkg[] = {"GPKG", nullptr};

    template <class Row>
    std::vector<int> indices(OGRLayer& layer, const Tabel<Row>& tabel) const {
        std::vector<int> out;
        auto* defn = layer.GetLayerDefn();
        out.push_back(defn->GetFieldIndex("sleutel"));
        for (const auto& k : tabel.kolommen) out.push_back(defn->GetFieldIndex(k.naam));
        for (std::size_t i = 0; i < out.size(); ++i)
            if (out[i] < 0)
                throw input_error(naam_ + ": tabel " + tabel.naam + " mist kolom " + (i == 0 ? "sleutel" : tabel.kolommen[i - 1].naam) +
                                  ": is dit een register van onregel?");
        return out;
    }

    // The database's own message up to the statement it may quote: the statement holds the row's values.
    void execute(const std::string& sql) {
        CPLErrorReset();
        if (OGRLayer* result = dataset_->ExecuteSQL(sql.c_str(), nullptr, nullptr)) dataset_->ReleaseResultSet(result);
        if (CPLGetLastErrorType() < CE_Failure) return;
        std::string message = CPLGetLastErrorMsg();
        for (const char* statement : {"INSERT", "DELETE", "CREATE", "insert", "delete", "create"})
            if (const auto at = message.find(statement); at != std::string::npos) message.erase(at);
        throw environment_error(naam_ + ": schrijven in het register mislukt (" + message + ")");
    }

    std::string naam_;  // in messages: never a PG: string
    DatasetPtr dataset_;
};

// Runs `work` on every table with its rows in `r`, in register_tables() order.
template <class Work>
void for_each_table(Work&& work) {
    work(runs_tabel(), &Register::runs);
    work(run_signalen_tabel(), &Register::run_signalen);
    work(controles_tabel(), &Register::controles);
    work(interventies_tabel(), &Register::interventies);
    work(meldingen_tabel(), &Register::meldingen);
}

}  // namespace

bool is_postgis_register(const std::string& target) { return target.rfind("PG:", 0) == 0; }

std::string register_naam(const std::string& target) { return is_postgis_register(target) ? "PostgreSQL" : target; }

const std::vector<std::string>& register_tables() {
    static const std::vector<std::string> names = [] {
        std::vector<std::string> n;
        for_each_table([&](const auto& tabel, auto) { n.emplace_back(tabel.naam); });
        return n;
    }();
    return names;
}

Register read_register(const std::string& target) {
    Store store(target, false);
    Register r;
    if (!store.open()) return r;
    for_each_table([&](const auto& tabel, auto member) { r.*member = store.read(tabel); });
    return r;
}

Wijzigingen write_register(const std::string& target, const Register& nieuw) {
    Store store(target, true);
    Register bestaand;
    for_each_table([&](const auto& tabel, auto member) { bestaand.*member = store.read(tabel); });
    Wijzigingen wijzigingen;
    const Register rows = te_schrijven(bestaand, nieuw, wijzigingen);
    const Register stale = te_verwijderen(bestaand, nieuw, wijzigingen);
    for_each_table([&](const auto& tabel, auto) { store.ensure(tabel); });
    store.begin();
    try {
        for_each_table([&](const auto& tabel, auto member) {
            store.erase(tabel, stale.*member);
            store.upsert(tabel, rows.*member);
        });
        store.commit();
    } catch (...) {
        store.rollback();
        throw;
    }
    return wijzigingen;
}

int delete_from_register(const std::string& target, const Register& rows) {
    Store store(target, true);
    int deleted = 0;
    store.begin();
    try {
        for_each_table([&](const auto& tabel, auto member) { deleted += store.erase(tabel, rows.*member); });
        store.commit();
    } catch (...) {
        store.rollback();
        throw;
    }
    return deleted;
}

}  // namespace onregel
