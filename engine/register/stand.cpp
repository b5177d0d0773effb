#include "stand.hpp"

#include <algorithm>
#include <charconv>
#include <set>
#include <tuple>
#include <unordered_map>

#include "engine/analysis/scoring.hpp"

namespace onregel {

namespace {

std::string dag_text(Date datum) {
    int y = 0;
    unsigned m = 0, d = 0;
    ymd_from_date(datum, y, m, d);
    const auto two = [](unsigned n) { return std::string(n < 10 ? "0" : "") + std::to_string(n); };
    return two(d) + "-" + two(m) + "-" + std::to_string(y);
}

// A name mid-sentence: "Last onder dwangsom" → "last onder dwangsom"; a first word with more capitals
// ("KvK-inschrijving", "RIEC") stays as written.
std::string midden(std::string naam) {
    const auto word_end = std::min(naam.find_first_of(" -"), naam.size());
    const auto capital = [](char c) { return c >= 'A' && c <= 'Z'; };
    if (word_end < 2 || !capital(naam[0]) || std::any_of(naam.begin() + 1, naam.begin() + static_cast<std::ptrdiff_t>(word_end), capital)) return naam;
    naam[0] = static_cast<char>(naam[0] - 'A' + 'a');
    return naam;
}

std::string naam_van(const std::vector<Keuze>& lijst, const std::string& sleutel) {
    const auto* k = RegisterBeleid::zoek(lijst, sleutel);
    return k ? k->naam : sleutel;  // a key a later config no longer lists: shown as stored
}

// A visit on or after `start`: a hercontrole done, whether or not its afloop was filled in.
bool bezocht_sinds(const std::vector<const RegisterControle*>& controles, Date start) {
    return std::any_of(controles.begin(), controles.end(), [&](const auto* c) { return c->datum >= start; });
}

std::string interventie_tekst(const Interventie& i, const RegisterBeleid& beleid, bool bezocht) {
    std::string text = midden(naam_van(beleid.interventies, i.soort));
    if (i.soort == hercontrole) text += " op " + dag_text(i.start);
    if (!i.afloop.empty()) return text + ", " + midden(naam_van(beleid.afloop, i.afloop));
    return text + (i.soort == hercontrole && bezocht ? ", gedaan" : ", loopt");
}

}  // namespace

std::string historie_tekst(const std::vector<const RegisterControle*>& controles, const std::vector<const Interventie*>& interventies,
                           const RegisterBeleid& beleid) {
    // Each interventie belongs to the newest controle on or before its start; by start, a hercontrole
    // after what else started that day (it checks on it).
    auto by_start = interventies;
    std::sort(by_start.begin(), by_start.end(), [](const auto* a, const auto* b) {
        return std::tuple(a->start, a->soort == hercontrole, a->soort) < std::tuple(b->start, b->soort == hercontrole, b->soort);
    });
    std::vector<std::vector<const Interventie*>> per_controle(controles.size());
    std::vector<const Interventie*> zonder;
    for (const auto* i : by_start) {
        std::size_t best = controles.size();
        for (std::size_t c = 0; c < controles.size(); ++c)
            if (controles[c]->datum <= i->start && (best == controles.size() || controles[c]->datum > controles[best]->datum)) best = c;
        (best == controles.size() ? zonder : per_controle[best]).push_back(i);
    }
    std::vector<std::size_t> order(controles.size());
    for (std::size_t c = 0; c < order.size(); ++c) order[c] = c;
    std::sort(order.begin(), order.end(), [&](auto a, auto b) { return controles[a]->datum > controles[b]->datum; });
    std::string out;
    const auto sentence = [&](const std::string& text) { out += (out.empty() ? "" : " ") + text + "."; };
    for (const auto c : order) {
        std::string text = "Gecontroleerd " + dag_text(controles[c]->datum) + ":";
        std::string found;
        for (const auto& k : controles[c]->constateringen) found += (found.empty() ? " " : ", ") + midden(naam_van(beleid.constateringen, k));
        text += found;
        for (const auto* i : per_controle[c]) text += "; " + interventie_tekst(*i, beleid, bezocht_sinds(controles, i->start));
        sentence(text);
    }
    if (!zonder.empty()) {
        std::string text = "Interventie zonder controle in het register:";
        for (std::size_t n = 0; n < zonder.size(); ++n)
            text += (n ? "; " : " ") + interventie_tekst(*zonder[n], beleid, bezocht_sinds(controles, zonder[n]->start));
        sentence(text);
    }
    return out;
}

RegisterStand register_stand(const Town& town, const std::vector<Beoordeling>& ranked, const Register& reg,
                             const RegisterBeleid& beleid) {
    const auto& vbos = town.verblijfsobjecten;
    std::unordered_map<BagId, std::uint32_t> index;
    for (std::uint32_t i = 0; i < vbos.size(); ++i) index.emplace(vbos[i].id, i);
    RegisterStand stand;
    const auto find = [&](const std::string& bag_id) -> std::optional<std::uint32_t> {
        BagId id = 0;
        const auto [end, ec] = std::from_chars(bag_id.data(), bag_id.data() + bag_id.size(), id);
        if (ec == std::errc() && end == bag_id.data() + bag_id.size())
            if (const auto it = index.find(id); it != index.end()) return it->second;
        ++stand.buiten_bag;
        return std::nullopt;
    };
    std::vector<std::vector<const RegisterControle*>> controles(vbos.size());
    std::vector<std::vector<const Interventie*>> interventies(vbos.size());
    for (const auto& c : reg.controles)
        if (c.datum <= town.peildatum)
            if (const auto i = find(c.bag_id)) controles[*i].push_back(&c);
    std::vector<std::pair<Date, std::uint32_t>> due;
    for (const auto& h : reg.interventies)  // a hercontrole still to come is history too: it is planned
        if (const auto i = find(h.bag_id)) {
            interventies[*i].push_back(&h);
            if (hercontrole_verschuldigd(h, town.peildatum) && !bezocht_sinds(controles[*i], h.start)) due.emplace_back(h.start, *i);
        }
    std::sort(due.begin(), due.end(), [&](const auto& a, const auto& b) {
        return a.first != b.first ? a.first < b.first : vbos[a.second].id < vbos[b.second].id;
    });
    std::vector<std::uint8_t> is_due(vbos.size(), 0);
    for (const auto& [datum, vbo] : due)
        if (!is_due[vbo]) {
            is_due[vbo] = 1;
            stand.hercontroles.push_back(vbo);
        }

    std::vector<std::set<std::string>> signalen(vbos.size());
    for (const auto& b : ranked)
        for (const auto& c : b.bijdragen)
            if (c.signaal != integrale_bonus_id) signalen[b.vbo].insert(c.signaal);

    const Date sinds = maanden_terug(town.peildatum, beleid.rust_maanden);
    stand.rust.assign(vbos.size(), 0);
    stand.historie.assign(vbos.size(), std::string());
    for (std::size_t v = 0; v < vbos.size(); ++v) {
        if (controles[v].empty() && interventies[v].empty()) continue;
        stand.historie[v] = historie_tekst(controles[v], interventies[v], beleid);
        if (controles[v].empty() || is_due[v]) continue;
        const auto* last = *std::max_element(controles[v].begin(), controles[v].end(),
                                             [](const auto* a, const auto* b) { return a->datum < b->datum; });
        const bool niets = std::all_of(last->constateringen.begin(), last->constateringen.end(), [](const auto& k) { return k == geen_bevinding; });
        const bool nieuw_signaal = last->signalen_bekend && std::any_of(signalen[v].begin(), signalen[v].end(), [&](const auto& s) {
                                       return std::find(last->signalen.begin(), last->signalen.end(), s) == last->signalen.end();
                                   });
        stand.rust[v] = last->datum > sinds && niets && !nieuw_signaal;
    }
    return stand;
}

}  // namespace onregel
