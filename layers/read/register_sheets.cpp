// The sheets a gemeente fills in for the register: the controles sheet of `run` (controles.xlsx or
// .csv) as it comes back from the door, the uitkomsten CSV of `evaluate` (bag_id, datum, uitkomst,
// categorie), and an interventies sheet. Each is read like every input: row by row, a row that cannot
// be used is a reject with its reason, and a row not visited is counted as skipped.
#include "engine/errors.hpp"
#include "engine/text.hpp"
#include "layers/read/readers.hpp"

namespace onregel {

namespace {

// Items of a list cell, split at `separators`, trimmed, empty ones left out. The handhavers' lists
// (constateringen, vervolg, partners) split at ';' only, as a name may hold a comma ("Doorzetting naar
// RIEC, politie of Belastingdienst"); signalen, as `run` writes them, at ','.
std::vector<std::string> items(const std::string& cell, std::string_view separators = ";") {
    std::vector<std::string> out;
    std::string item;
    const auto flush = [&] {
        while (!item.empty() && item.back() == ' ') item.pop_back();
        if (!item.empty()) out.push_back(item);
        item.clear();
    };
    for (char c : cell) {
        if (separators.find(c) != std::string_view::npos) flush();
        else if (c != ' ' || !item.empty()) item += c;
    }
    flush();
    return out;
}

template <class Row>
std::optional<Date> sheet_date(Row& f, int column, const char* field) {
    if (column < 0) return std::nullopt;
    if constexpr (std::is_same_v<std::remove_const_t<Row>, OGRFeature>) {
        const auto type = f.GetFieldDefnRef(column)->GetType();
        if (type == OFTDate || type == OFTDateTime) return field_date(f, column);  // an Excel date cell
    }
    const auto text = field_text(f, column);
    try {
        return parse_date_nl(text);
    } catch (const input_error&) {
        throw RowError{Reden::datum_ongeldig, text, field};
    }
}

std::string key_of(const std::vector<Keuze>& lijst, const std::string& text, Reden reden) {
    if (const auto* k = RegisterBeleid::zoek(lijst, text)) return k->sleutel;
    throw RowError{reden, text};
}

// The register keeps a visit by its BAG id: a sheet row without a usable one is rejected with what a
// spreadsheet did to it (3.53E+15, leading zeros gone).
void check_bag_id(const std::string& id) {
    if (const auto problem = bag_id_problem(id)) throw RowError{*problem, id};
}

}  // namespace

void read_controles_sheet(const std::string& source, const RegisterBeleid& beleid, Register& out, Rejects& rejects,
                          LayerStats& stats) {
    auto dataset = open_vector(source);
    auto& layer = pick_layer(*dataset, "controles", source);
    const Columns columns(layer, source);
    const int c_bag = columns.required("bag_id");
    int c_datum = columns.first_of({"datum_bezoek", "datum"});
    if (c_datum < 0) c_datum = columns.required("datum_bezoek");
    const int c_bevinding = columns.first_of({"bevinding", "uitkomst"});
    const int c_constateringen = columns.first_of({"constateringen", "categorie"});
    const int c_vervolg = columns.optional("vervolg");
    const int c_selectie = columns.optional("selectie");
    const int c_steekproef = columns.optional("steekproef");
    const int c_controledag = columns.optional("controledag");
    const int c_partners = columns.optional("partners");
    const int c_signalen = columns.optional("signalen");
    if (c_selectie < 0 && c_steekproef < 0)
        stats.waarschuwingen.push_back(source + ": geen kolom selectie of steekproef: elke controle telt als gekozen uit de ranking");
    const ReadOptions options;
    read_rows(*dataset, layer, "controles", source, options, rejects, stats, [&](auto& f, std::string& row_id) {
        const auto bevinding_text = field_text(f, c_bevinding);
        const auto datum = sheet_date(f, c_datum, "datum_bezoek");
        if (!datum && bevinding_text.empty()) throw RowSkipped{niet_bezocht};
        RegisterControle c;
        c.bag_id = row_id = field_text(f, c_bag);
        check_bag_id(c.bag_id);
        if (!datum) throw RowError{Reden::veld_ontbreekt, "", "datum_bezoek"};
        c.datum = *datum;
        for (const auto& item : items(field_text(f, c_constateringen)))
            c.constateringen.push_back(key_of(beleid.constateringen, item, Reden::constatering_onbekend));
        c.constateringen = distinct(std::move(c.constateringen));
        const bool gevonden = std::any_of(c.constateringen.begin(), c.constateringen.end(), [](const auto& k) { return k != geen_bevinding; });
        if (!bevinding_text.empty()) {
            const bool ja = EQUAL(bevinding_text.c_str(), "ja") || bevinding_text == "bevinding";
            if (!ja && !EQUAL(bevinding_text.c_str(), "nee") && bevinding_text != "geen_bevinding")
                throw RowError{Reden::uitkomst_onbekend, bevinding_text};
            if (ja && !gevonden) throw RowError{Reden::bevinding_zonder_constatering, bevinding_text};
            if (!ja && gevonden) throw RowError{Reden::bevinding_strijdig, field_text(f, c_constateringen)};
        }
        if (!gevonden) c.constateringen = {std::string(geen_bevinding)};
        if (c_selectie >= 0 && !field_text(f, c_selectie).empty()) {
            const auto text = field_text(f, c_selectie);
            const auto selectie = parse_selectie(text);
            if (!selectie) throw RowError{Reden::selectie_onbekend, text};
            c.selectie = *selectie;
        } else {
            c.selectie = EQUAL(field_text(f, c_steekproef).c_str(), "ja") ? Selectie::steekproef : Selectie::ranking;
        }
        if (const auto dag = field_text(f, c_controledag); !dag.empty()) {
            const auto n = parse_number(dag);
            if (!n || *n < 0 || *n > 10000 || *n != static_cast<int>(*n)) throw RowError{Reden::geen_geheel_getal, dag, "controledag"};
            c.controledag = static_cast<int>(*n);
        }
        c.partners = distinct(items(field_text(f, c_partners)));
        c.signalen = distinct(items(field_text(f, c_signalen), ",;"));
        c.signalen_bekend = c_signalen >= 0;
        // vervolg: interventies, each its kind and, for one that is not now (a hercontrole), a date.
        for (const auto& item : items(field_text(f, c_vervolg))) {
            Interventie i{c.bag_id, "", c.datum, std::nullopt, ""};
            std::string soort = item;
            if (const auto space = item.rfind(' '); space != std::string::npos) {
                try {
                    if (const auto d = parse_date_nl(item.substr(space + 1))) {
                        i.start = *d;
                        soort = item.substr(0, space);
                    }
                } catch (const input_error&) {  // the last word is part of the name
                }
            }
            i.soort = key_of(beleid.interventies, soort, Reden::interventie_onbekend);
            out.interventies.push_back(std::move(i));
        }
        ++stats.used;
        stats.saw_date(c.datum);
        out.controles.push_back(std::move(c));
    });
}

void read_interventies_sheet(const std::string& source, const RegisterBeleid& beleid, Register& out, Rejects& rejects,
                             LayerStats& stats) {
    auto dataset = open_vector(source);
    auto& layer = pick_layer(*dataset, "interventies", source);
    const Columns columns(layer, source);
    const int c_bag = columns.required("bag_id");
    const int c_soort = columns.required("soort");
    const int c_start = columns.required("start");
    const int c_einde = columns.optional("einde");
    const int c_afloop = columns.optional("afloop");
    const ReadOptions options;
    read_rows(*dataset, layer, "interventies", source, options, rejects, stats, [&](auto& f, std::string& row_id) {
        Interventie i;
        i.bag_id = row_id = field_text(f, c_bag);
        check_bag_id(i.bag_id);
        i.soort = key_of(beleid.interventies, field_text(f, c_soort), Reden::interventie_onbekend);
        const auto start = sheet_date(f, c_start, "start");
        if (!start) throw RowError{Reden::veld_ontbreekt, "", "start"};
        i.start = *start;
        i.einde = sheet_date(f, c_einde, "einde");
        if (i.einde && *i.einde < i.start) throw RowError{Reden::datum_ongeldig, format_date(*i.einde), "einde"};
        if (const auto afloop = field_text(f, c_afloop); !afloop.empty()) i.afloop = key_of(beleid.afloop, afloop, Reden::afloop_onbekend);
        ++stats.used;
        stats.saw_date(i.start);
        out.interventies.push_back(std::move(i));
    });
}

}  // namespace onregel
