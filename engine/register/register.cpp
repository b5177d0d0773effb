#include "register.hpp"

#include <algorithm>
#include <set>
#include <tuple>
#include <unordered_map>

#include "register_config.hpp"

namespace onregel {

namespace {

constexpr std::string_view selectie_names[] = {"ranking", "steekproef", "tip", "partnerverzoek", "hercontrole"};

// The fields of a row as one tuple, so two rows compare whole.
auto velden(const RegisterRun& r) { return std::tie(r.id, r.peildatum, r.config_sha256, r.gemarkeerd); }
auto velden(const RunSignaal& r) { return std::tie(r.run, r.buurt, r.signaal, r.aantal); }
auto velden(const RegisterControle& c) {
    return std::tie(c.bag_id, c.datum, c.controledag, c.selectie, c.partners, c.constateringen, c.signalen,
                    c.signalen_bekend);
}
auto velden(const Interventie& i) { return std::tie(i.bag_id, i.soort, i.start, i.einde, i.afloop); }
auto velden(const MeldingenKwartaal& m) { return std::tie(m.jaar, m.kwartaal, m.buurt, m.categorie, m.aantal); }

// The rows of `nieuw` to write into a table holding `bestaand`, the last of equal keys winning.
template <class Row>
std::vector<Row> diff(const std::vector<Row>& bestaand, const std::vector<Row>& nieuw, Mutaties& mutaties) {
    std::unordered_map<std::string, const Row*> old, latest;
    for (const auto& row : bestaand) old[sleutel(row)] = &row;
    std::vector<std::string> order;
    for (const auto& row : nieuw) {
        auto [it, inserted] = latest.try_emplace(sleutel(row), &row);
        if (inserted) order.push_back(it->first);
        else it->second = &row;
    }
    std::sort(order.begin(), order.end());
    std::vector<Row> out;
    for (const auto& key : order) {
        const Row& row = *latest.at(key);
        const auto it = old.find(key);
        if (it == old.end()) ++mutaties.nieuw;
        else if (velden(*it->second) != velden(row)) ++mutaties.gewijzigd;
        else {
            ++mutaties.ongewijzigd;
            continue;
        }
        out.push_back(row);
    }
    return out;
}

}  // namespace

std::string_view selectie_name(Selectie selectie) { return selectie_names[static_cast<int>(selectie)]; }

std::optional<Selectie> parse_selectie(std::string_view text) {
    for (auto s : alle_selecties)
        if (selectie_name(s) == text) return s;
    return std::nullopt;
}

std::string sleutel(const RegisterRun& run) { return run.id; }
std::string sleutel(const RunSignaal& row) { return row.run + "|" + row.buurt + "|" + row.signaal; }
std::string sleutel(const RegisterControle& controle) { return controle.bag_id + "|" + format_date(controle.datum); }
std::string sleutel(const Interventie& interventie) {
    return interventie.bag_id + "|" + interventie.soort + "|" + format_date(interventie.start);
}
std::string sleutel(const MeldingenKwartaal& row) {
    return std::to_string(row.jaar) + "-K" + std::to_string(row.kwartaal) + "|" + row.buurt + "|" + row.categorie;
}

bool Wijzigingen::leeg() const {
    return std::all_of(per_tabel.begin(), per_tabel.end(), [](const auto& t) {
        return t.second.nieuw == 0 && t.second.gewijzigd == 0 && t.second.vervallen == 0;
    });
}

std::map<std::string, std::size_t> rijen_per_tabel(const Register& r) {
    return {{tabel_runs, r.runs.size()},
            {tabel_run_signalen, r.run_signalen.size()},
            {tabel_controles, r.controles.size()},
            {tabel_interventies, r.interventies.size()},
            {tabel_meldingen, r.meldingen.size()}};
}

Register te_schrijven(const Register& bestaand, const Register& nieuw, Wijzigingen& wijzigingen) {
    auto interventies = nieuw.interventies;
    std::unordered_map<std::string, const Interventie*> recorded;
    for (const auto& i : bestaand.interventies) recorded.emplace(sleutel(i), &i);
    for (auto& i : interventies)
        if (!i.einde && i.afloop.empty())
            if (const auto it = recorded.find(sleutel(i)); it != recorded.end()) {
                i.einde = it->second->einde;
                i.afloop = it->second->afloop;
            }
    Register out;
    out.runs = diff(bestaand.runs, nieuw.runs, wijzigingen.per_tabel[tabel_runs]);
    out.run_signalen = diff(bestaand.run_signalen, nieuw.run_signalen, wijzigingen.per_tabel[tabel_run_signalen]);
    out.controles = diff(bestaand.controles, nieuw.controles, wijzigingen.per_tabel[tabel_controles]);
    out.interventies = diff(bestaand.interventies, interventies, wijzigingen.per_tabel[tabel_interventies]);
    out.meldingen = diff(bestaand.meldingen, nieuw.meldingen, wijzigingen.per_tabel[tabel_meldingen]);
    return out;
}

Register te_verwijderen(const Register& bestaand, const Register& nieuw, Wijzigingen& wijzigingen) {
    std::set<std::pair<int, int>> kwartalen;
    std::set<std::string> keys;
    for (const auto& m : nieuw.meldingen) {
        kwartalen.emplace(m.jaar, m.kwartaal);
        keys.insert(sleutel(m));
    }
    Register out;
    for (const auto& m : bestaand.meldingen)
        if (kwartalen.contains({m.jaar, m.kwartaal}) && !keys.contains(sleutel(m))) out.meldingen.push_back(m);
    wijzigingen.per_tabel[tabel_meldingen].vervallen += static_cast<int>(out.meldingen.size());
    return out;
}

Date maanden_terug(Date datum, int maanden) {
    int year = 0;
    unsigned month = 0, day = 0;
    ymd_from_date(datum, year, month, day);
    const int index = year * 12 + static_cast<int>(month) - 1 - maanden;
    const int y = index / 12;
    const auto m = static_cast<unsigned>(index % 12 + 1);
    const Date first_of_next = m == 12 ? date_from_ymd(y + 1, 1, 1) : date_from_ymd(y, m + 1, 1);
    const auto last_day = static_cast<unsigned>(first_of_next - date_from_ymd(y, m, 1));
    return date_from_ymd(y, m, std::min(day, last_day));
}

Register verlopen(const Register& register_, Date peildatum, int bewaartermijn_maanden) {
    const Date grens = maanden_terug(peildatum, bewaartermijn_maanden);
    Register out;
    std::map<std::string, bool> run_verlopen;
    for (const auto& run : register_.runs) {
        run_verlopen[run.id] = run.peildatum < grens;
        if (run.peildatum < grens) out.runs.push_back(run);
    }
    for (const auto& row : register_.run_signalen)
        if (const auto it = run_verlopen.find(row.run); it == run_verlopen.end() || it->second) out.run_signalen.push_back(row);
    for (const auto& c : register_.controles)
        if (c.datum < grens) out.controles.push_back(c);
    for (const auto& i : register_.interventies)
        if (!i.afloop.empty() && i.einde.value_or(i.start) < grens) out.interventies.push_back(i);  // a running one stays
    for (const auto& m : register_.meldingen)
        if (kwartaal_einde(m.jaar, m.kwartaal) < grens) out.meldingen.push_back(m);
    return out;
}

bool hercontrole_verschuldigd(const Interventie& interventie, Date peildatum) {
    return interventie.soort == hercontrole && interventie.afloop.empty() && interventie.start <= peildatum;
}

}  // namespace onregel
