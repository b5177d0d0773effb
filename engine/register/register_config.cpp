#include "register_config.hpp"

#include <cctype>

#include "engine/errors.hpp"
#include "engine/policy_toml.hpp"
#include "engine/signal.hpp"
#include "engine/text.hpp"
#include "register_toml.hpp"

namespace onregel {

namespace {

constexpr std::string_view maat_names[] = {"controles", "aandeel_met_bevinding", "aandeel_uit_ranking",
                                           "opgevolgd_binnen_weken", "meldingen_trend", "controledagen"};

// Lower case without spaces, underscores and hyphens: "Last onder dwangsom" finds last_onder_dwangsom.
std::string folded(std::string_view text) {
    std::string out;
    for (char c : ascii_lower(text))
        if (c != ' ' && c != '_' && c != '-') out += c;
    return out;
}

bool is_key(std::string_view text) {
    if (text.empty() || text.size() > 40) return false;
    for (char c : text)
        if (!(c >= 'a' && c <= 'z') && !(c >= '0' && c <= '9') && c != '_') return false;
    return true;
}

// A list in its order (the report shows it so): [{ sleutel = "opiumwet", naam = "Opiumwet" }, ...].
std::vector<Keuze> read_keuzes(const toml::node& node, const std::string& at) {
    const std::string verwacht =
        ": verwacht een lijst als [{ sleutel = \"opiumwet\", naam = \"Opiumwet\" }, { sleutel = \"milieu\", naam = \"Milieu\" }]";
    auto array = node.as_array();
    if (!array || array->empty()) throw config_error(at + " = " + toml_value_text(node) + verwacht);
    std::vector<Keuze> out;
    for (const auto& item : *array) {
        auto table = item.as_table();
        auto sleutel = table ? (*table)["sleutel"].value<std::string>() : std::nullopt;
        auto naam = table ? (*table)["naam"].value<std::string>() : std::nullopt;
        if (!sleutel || !naam || naam->empty() || table->size() != 2) throw config_error(at + ": " + toml_value_text(item) + verwacht);
        if (!is_key(*sleutel))
            throw config_error(at + ": sleutel \"" + *sleutel + "\": een sleutel bestaat uit kleine letters, cijfers en _ (hoogstens 40 tekens)");
        if (RegisterBeleid::zoek(out, *sleutel) || RegisterBeleid::zoek(out, *naam))
            throw config_error(at + ": \"" + *sleutel + "\" of \"" + *naam + "\" staat er twee keer in");
        out.push_back({*sleutel, *naam});
    }
    return out;
}

int read_maanden(const toml::node& node, const std::string& at) {
    auto value = node.as_integer();
    if (!value || value->get() < 1 || value->get() > 1200)
        throw config_error(at + " = " + toml_value_text(node) + ": verwacht een aantal maanden als geheel getal van 1 tot en met 1200");
    return static_cast<int>(value->get());
}

std::optional<double> read_grens(const toml::node& node, const std::string& at) {
    auto value = node.value<double>();
    if (!value || !(*value >= 0) || *value > 1e6)
        throw config_error(at + " = " + toml_value_text(node) + ": verwacht een getal van 0 of meer (een aandeel als 0,25 schrijven: 0.25)");
    return value;
}

Doel read_doel(const toml::table& table, const std::string& at) {
    Doel doel;
    bool has_maat = false;
    for (const auto& [k, v] : table) {
        const std::string key(k.str());
        const std::string where = at + " " + key;
        auto text = v.as_string();
        if (key == "naam") {
            if (!text || text->get().empty()) throw config_error(where + " = " + toml_value_text(v) + ": verwacht een tekst");
            doel.naam = text->get();
        } else if (key == "maat") {
            bool found = false;
            for (int i = 0; i < static_cast<int>(std::size(maat_names)); ++i)
                if (text && text->get() == maat_names[i]) {
                    doel.maat = static_cast<Maat>(i);
                    found = true;
                }
            if (!found)
                throw config_error(where + " = " + toml_value_text(v) + ": onbekende maat (bekend: controles, controledagen, "
                                   "aandeel_met_bevinding, aandeel_uit_ranking, opgevolgd_binnen_weken, meldingen_trend)");
            has_maat = true;
        } else if (key == "minimaal") {
            doel.minimaal = read_grens(v, where);
        } else if (key == "maximaal") {
            doel.maximaal = read_grens(v, where);
        } else if (key == "weken") {
            auto weken = v.as_integer();
            if (!weken || weken->get() < 1 || weken->get() > 520)
                throw config_error(where + " = " + toml_value_text(v) + ": verwacht een aantal weken van 1 tot en met 520");
            doel.weken = static_cast<int>(weken->get());
        } else if (key == "categorie") {
            if (!text || text->get().empty()) throw config_error(where + " = " + toml_value_text(v) + ": verwacht een meldingcategorie als tekst");
            doel.categorie = text->get();
        } else if (key == "richting") {
            if (!text || (text->get() != "dalend" && text->get() != "niet_stijgend"))
                throw config_error(where + " = " + toml_value_text(v) + ": verwacht \"dalend\" of \"niet_stijgend\"");
            doel.richting = text->get();
        } else {
            throw config_error(where + ": onbekende sleutel (bekend: naam, maat, minimaal, maximaal, weken, categorie, richting)");
        }
    }
    if (doel.naam.empty() || !has_maat) throw config_error(at + ": een doel heeft een naam en een maat");
    const bool trend = doel.maat == Maat::meldingen_trend;
    if (trend && (doel.categorie.empty() || doel.richting.empty()))
        throw config_error(at + " (" + doel.naam + "): maat meldingen_trend vraagt om categorie en richting");
    if (!trend && doel.minimaal.has_value() == doel.maximaal.has_value())
        throw config_error(at + " (" + doel.naam + "): geef precies een van minimaal en maximaal");
    if (!trend && !telt(doel.maat) && (doel.minimaal.value_or(0) > 1 || doel.maximaal.value_or(0) > 1))
        throw config_error(at + " (" + doel.naam + "): een aandeel ligt tussen 0 en 1");
    if ((doel.maat == Maat::opgevolgd_binnen_weken) != (doel.weken > 0))
        throw config_error(at + " (" + doel.naam + "): weken hoort alleen, en dan verplicht, bij maat opgevolgd_binnen_weken");
    return doel;
}

void write_keuzes(const char* name, const char* why, const std::vector<Keuze>& keuzes, std::ostream& out) {
    out << "# " << why << "\n" << name << " = [\n";
    for (const auto& k : keuzes)
        out << "  { sleutel = " << toml::value<std::string>(k.sleutel) << ", naam = " << toml::value<std::string>(k.naam) << " },\n";
    out << "]\n";
}

}  // namespace

const Keuze* RegisterBeleid::zoek(const std::vector<Keuze>& lijst, std::string_view text) {
    const auto wanted = folded(text);
    for (const auto& k : lijst)
        if (folded(k.sleutel) == wanted || folded(k.naam) == wanted) return &k;
    return nullptr;
}

std::string_view maat_name(Maat maat) { return maat_names[static_cast<int>(maat)]; }

RegisterBeleid default_register_beleid() {
    RegisterBeleid b;
    b.bewaartermijn_maanden = 60;
    b.rust_maanden = 12;
    b.constateringen = {{"kvk_onjuist", "KvK-inschrijving onjuist"},
                        {"strijdig_gebruik", "Strijdig gebruik (omgevingsplan)"},
                        {"bouw_brandveiligheid", "Bouwregels of brandveiligheid"},
                        {"milieu", "Milieu"},
                        {"opiumwet", "Opiumwet"},
                        {"arbeidsuitbuiting", "Arbeidsuitbuiting"},
                        {"onrechtmatige_bewoning", "Onrechtmatige bewoning"},
                        {std::string(geen_bevinding), "Geen bevinding"}};
    b.interventies = {{"waarschuwing", "Waarschuwing"},
                      {"last_onder_dwangsom", "Last onder dwangsom"},
                      {"last_onder_bestuursdwang", "Last onder bestuursdwang"},
                      {"bestuurlijke_boete", "Bestuurlijke boete"},
                      {"sluiting", "Sluiting (Opiumwet art. 13b of APV)"},
                      {"bibob_toets", "Bibob-toets"},
                      {"intrekking_vergunning", "Intrekking vergunning"},
                      {"doorzetting", "Doorzetting naar RIEC, politie of Belastingdienst"},
                      {std::string(hercontrole), "Hercontrole"}};
    b.afloop = {{"opgevolgd", "Opgevolgd"},
                {"verbeurd", "Dwangsom verbeurd"},
                {"uitgevoerd", "Uitgevoerd"},
                {"ingetrokken", "Ingetrokken"},
                {"zonder_gevolg", "Zonder gevolg"}};
    return b;
}

std::vector<Doel> default_doelen() {
    std::vector<Doel> d(5);
    d[0] = {"Minstens zes integrale controles (controledagen) per jaar", Maat::controledagen, 6.0, std::nullopt, 0, "", ""};
    d[1] = {"Minstens een op de drie controles met een bevinding", Maat::aandeel_met_bevinding, 0.33, std::nullopt, 0, "", ""};
    d[2] = {"Minstens de helft van de controles uit de ranking", Maat::aandeel_uit_ranking, 0.5, std::nullopt, 0, "", ""};
    d[3] = {"Vier van de vijf interventies binnen twaalf weken opgevolgd", Maat::opgevolgd_binnen_weken, 0.8, std::nullopt, 12, "", ""};
    d[4] = {"Meldingen over drugs niet stijgend", Maat::meldingen_trend, std::nullopt, std::nullopt, 0, "drugs", "niet_stijgend"};
    return d;
}

bool read_register_section(const std::string& name, const toml::node& node, const std::string& source,
                           RegisterBeleid& beleid, std::vector<Doel>& doelen) {
    if (name == "doelen") {
        auto array = node.as_array();
        if (!array || !array->is_array_of_tables())
            throw config_error(source + ": doelen: verwacht een lijst van tabellen, [[doelen]] met naam, maat en minimaal of maximaal");
        doelen.clear();
        for (std::size_t i = 0; i < array->size(); ++i)
            doelen.push_back(read_doel(*array->get(i)->as_table(), source + ": [[doelen]] nummer " + std::to_string(i + 1)));
        return true;
    }
    if (name != "register") return false;
    const std::string at = source + ": [register]";
    auto table = node.as_table();
    if (!table) throw config_error(at + " moet een tabel zijn");
    for (const auto& [k, v] : *table) {
        const std::string key(k.str());
        if (key == "bewaartermijn_maanden") beleid.bewaartermijn_maanden = read_maanden(v, at + " " + key);
        else if (key == "rust_maanden") beleid.rust_maanden = read_maanden(v, at + " " + key);
        else if (key == "constateringen") beleid.constateringen = read_keuzes(v, at + " constateringen");
        else if (key == "interventies") beleid.interventies = read_keuzes(v, at + " interventies");
        else if (key == "afloop") beleid.afloop = read_keuzes(v, at + " afloop");
        else
            throw config_error(at + " " + key + ": onbekende sleutel (bekend: bewaartermijn_maanden, rust_maanden, constateringen, "
                               "interventies, afloop)");
    }
    if (!RegisterBeleid::zoek(beleid.constateringen, geen_bevinding))
        throw config_error(at + " constateringen mist geen_bevinding: die sleutel zegt dat een controle niets vond");
    if (!RegisterBeleid::zoek(beleid.interventies, hercontrole))
        throw config_error(at + " interventies mist hercontrole: die sleutel plant een nieuw bezoek");
    return true;
}

void write_register_toml(const RegisterBeleid& beleid, const std::vector<Doel>& doelen, std::ostream& out) {
    out << "\n# The controle register (run --register, onregel register, onregel monitor).\n[register]\n"
           "# Rows older than this are removed by `onregel register purge` (AVG: no longer than needed).\n"
        << "bewaartermijn_maanden = " << beleid.bewaartermijn_maanden << "\n"
        << "# A controle without constatering keeps the address out of the proposal this long, unless a new signal appears.\n"
        << "rust_maanden = " << beleid.rust_maanden << "\n";
    write_keuzes("constateringen", "What a controle can find: sleutel as sheets and the register write it, naam as reports show it. geen_bevinding is required.", beleid.constateringen, out);
    write_keuzes("interventies", "The instruments that can follow (bestuurlijke instrumenten). hercontrole (a new visit, due on its start date) is required.",
                 beleid.interventies, out);
    write_keuzes("afloop", "How an interventie can end.", beleid.afloop, out);
    out << "\n# Goals the monitor report sets the register against, per calendar year. maat: controles (visits),\n"
           "# controledagen (days with controles: the integrale controles), aandeel_met_bevinding,\n"
           "# aandeel_uit_ranking, opgevolgd_binnen_weken (with weken), meldingen_trend (with categorie and richting:\n"
           "# dalend or niet_stijgend); minimaal or maximaal for the others (shares from 0 to 1).\n";
    for (const auto& d : doelen) {
        const auto type = telt(d.maat) ? ParamType::integer : ParamType::real;
        out << "[[doelen]]\nnaam = " << toml::value<std::string>(d.naam) << "\nmaat = \"" << maat_name(d.maat) << "\"\n";
        if (d.minimaal) out << "minimaal = " << param_text(*d.minimaal, type) << "\n";
        if (d.maximaal) out << "maximaal = " << param_text(*d.maximaal, type) << "\n";
        if (d.weken) out << "weken = " << d.weken << "\n";
        if (!d.categorie.empty()) out << "categorie = " << toml::value<std::string>(d.categorie) << "\nrichting = \"" << d.richting << "\"\n";
    }
}

}  // namespace onregel
