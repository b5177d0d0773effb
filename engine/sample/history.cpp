#include "history.hpp"

#include <algorithm>
#include <cmath>
#include <map>
#include <optional>
#include <span>
#include <string_view>
#include <unordered_map>

#include "engine/grid_index.hpp"
#include "engine/register/meldingen_per_kwartaal.hpp"
#include "engine/register/register_config.hpp"
#include "random.hpp"

namespace onregel::sample {

namespace {

// The history's own stream of the seed ("history"): the town's draws do not move when it changes.
constexpr std::uint64_t history_stream = 0x686973746f7279;

struct Weighted {
    std::string_view value;
    int weight;
};

// What a visit finds at an address flagged by `signaal`; `algemeen` where no signal says more.
std::span<const Weighted> constateringen_bij(std::string_view signaal) {
    static constexpr Weighted kvk[] = {{"kvk_onjuist", 8}, {"strijdig_gebruik", 1}, {"arbeidsuitbuiting", 1}};
    static constexpr Weighted box[] = {{"strijdig_gebruik", 5}, {"opiumwet", 3}, {"milieu", 2}, {"bouw_brandveiligheid", 2}};
    static constexpr Weighted woonadres[] = {{"strijdig_gebruik", 6}, {"milieu", 3}, {"kvk_onjuist", 1}};
    static constexpr Weighted gebruiksdoel[] = {{"strijdig_gebruik", 6}, {"bouw_brandveiligheid", 3}};
    static constexpr Weighted oppervlakte[] = {
        {"arbeidsuitbuiting", 4}, {"onrechtmatige_bewoning", 3}, {"bouw_brandveiligheid", 3}};
    static constexpr Weighted risicobranche[] = {{"opiumwet", 3}, {"arbeidsuitbuiting", 3}, {"kvk_onjuist", 3}, {"milieu", 1}};
    static constexpr Weighted meldingen[] = {{"onrechtmatige_bewoning", 4}, {"opiumwet", 3}, {"strijdig_gebruik", 2}};
    static constexpr Weighted opknippen[] = {{"bouw_brandveiligheid", 5}, {"strijdig_gebruik", 4}};
    static constexpr Weighted garage[] = {{"milieu", 5}, {"kvk_onjuist", 2}, {"strijdig_gebruik", 2}};
    static constexpr Weighted algemeen[] = {
        {"kvk_onjuist", 25}, {"strijdig_gebruik", 20}, {"bouw_brandveiligheid", 15}, {"onrechtmatige_bewoning", 15},
        {"milieu", 10},      {"opiumwet", 8},          {"arbeidsuitbuiting", 7}};
    if (signaal == "bedrijven_op_adres" || signaal == "holdings_op_adres" || signaal == "adres_onbekend" || signaal == "verloop")
        return kvk;
    if (signaal == "kelderbox" || signaal == "boxencomplex") return box;
    if (signaal == "woonadres_bedrijvigheid") return woonadres;
    if (signaal == "gebruiksdoel_mismatch") return gebruiksdoel;
    if (signaal == "oppervlakte_onrealistisch") return oppervlakte;
    if (signaal == "risicobranche_cluster") return risicobranche;
    if (signaal == "meldingen" || signaal == "meldingen_hotspot") return meldingen;
    if (signaal == "vergunning_opknippen") return opknippen;
    if (signaal == "autobranche_zonder_erkenning") return garage;
    return algemeen;
}

// Flagged addresses per 1,000 verblijfsobjecten beyond the planted ones, as a run on the sample town
// finds them: the meldingen of the background make most (the hot area's surroundings above all), and
// the risk branches of the clusters a few mismatches.
struct Achtergrond {
    std::string_view signaal;
    double per_duizend;
};
constexpr Achtergrond achtergrond[] = {{"meldingen_hotspot", 13.0},
                                       {"meldingen", 4.0},
                                       {"gebruiksdoel_mismatch", 0.5},
                                       {"autobranche_zonder_erkenning", 0.06},
                                       {"vergunning_opknippen", 0.06}};
// About one flagged address in five has more than one signal.
constexpr double adressen_per_signaal = 0.82;

// The chance that a visit finds something, by how the address was chosen.
constexpr double kans_planted = 0.75;  // a planted case the ranking put on top
constexpr double kans_hot_area = 0.3;  // an address near the hot spot, flagged for it only
constexpr double kans_steekproef = 0.06;
constexpr double kans_tip = 0.4;
constexpr double kans_partner = 0.5;
constexpr double kans_hercontrole = 0.2;  // still not in order at the hercontrole

constexpr int rust_dagen = 365;  // an address visited this recently is not chosen again (the register rests it)

std::string hex(std::uint64_t value, int digits) {
    static constexpr char digit[] = "0123456789abcdef";
    std::string out(static_cast<std::size_t>(digits), '0');
    for (int i = digits - 1; i >= 0; --i, value >>= 4) out[static_cast<std::size_t>(i)] = digit[value & 15];
    return out;
}

int weekday(Date d) { return (d % 7 + 10) % 7; }  // 0 = Monday; 1970-01-01 was a Thursday
// Integrale controles are held Tuesday to Thursday.
bool controle_weekday(Date d) { return weekday(d) >= 1 && weekday(d) <= 3; }
Date next_controle_weekday(Date d) {
    while (!controle_weekday(d)) ++d;
    return d;
}
Date previous_controle_weekday(Date d) {
    while (!controle_weekday(d)) --d;
    return d;
}

Date years_before(Date d, int years) { return maanden_terug(d, 12 * years); }

Date quarter_end(int quarter_index) { return kwartaal_einde(quarter_index / 4, quarter_index % 4 + 1); }  // year * 4 + quarter - 1

int quarter_index(Date d) { return year_of(d) * 4 + kwartaal_van(d) - 1; }

bool in_use(const Verblijfsobject& v) {
    return v.status == VboStatus::in_gebruik || v.status == VboStatus::in_gebruik_niet_ingemeten;
}

// The addresses a controledag chooses from.
struct Adressen {
    std::vector<std::string> bag_id;                 // per verblijfsobject
    std::vector<std::uint32_t> planted;              // by BAG id
    std::vector<std::vector<std::string>> signalen;  // per verblijfsobject: its planted signals
    std::vector<std::uint32_t> hot_area;             // near a planted hot spot, neither planted nor look-alike
    std::vector<std::uint32_t> steekproef;           // in use, unflagged as far as the plan goes
    std::vector<std::uint32_t> tips;                 // nearest to a melding placed by x/y
    std::vector<std::uint32_t> partners;             // with an active KvK vestiging
    // Tips and partners' requests go to neither planted nor look-alike addresses: the ground truth
    // stays the ranking's (and look-alikes stay unvisited, as nothing points at them).
};

void distinct(std::vector<std::uint32_t>& v) {
    std::sort(v.begin(), v.end());
    v.erase(std::unique(v.begin(), v.end()), v.end());
}

Adressen adressen(const Chunk& town) {
    const auto& vbos = town.verblijfsobjecten;
    Adressen a;
    std::unordered_map<std::string, std::uint32_t> index;
    for (std::uint32_t i = 0; i < vbos.size(); ++i) {
        a.bag_id.push_back(bag_id_text(vbos[i].id));
        index.emplace(a.bag_id.back(), i);
    }
    a.signalen.assign(vbos.size(), {});
    std::vector<std::uint8_t> in_truth(vbos.size(), 0);
    std::vector<std::uint32_t> hot_spots;
    for (const auto& row : town.ground_truth) {  // sorted: by BAG id, then kind and signal
        const auto it = index.find(row.bag_id);
        if (it == index.end()) continue;
        in_truth[it->second] = 1;
        if (row.kind != "planted") continue;
        auto& s = a.signalen[it->second];
        if (s.empty()) a.planted.push_back(it->second);
        s.push_back(row.expected_signal);
        if (row.expected_signal == "meldingen_hotspot") hot_spots.push_back(it->second);
    }
    const GridIndex grid(points_of(vbos), 50);
    std::vector<std::uint32_t> near;
    for (const auto h : hot_spots) {
        grid.within(vbos[h].punt, 120, near);
        for (const auto v : near)
            if (!in_truth[v] && in_use(vbos[v])) a.hot_area.push_back(v);
    }
    distinct(a.hot_area);
    std::vector<std::uint8_t> hot(vbos.size(), 0);
    for (const auto v : a.hot_area) hot[v] = 1;
    for (std::uint32_t v = 0; v < vbos.size(); ++v)
        if (!in_truth[v] && !hot[v] && in_use(vbos[v])) a.steekproef.push_back(v);
    for (const auto& m : town.meldingen) {
        if (m.by_address) continue;
        grid.within(m.punt, 30, near);
        std::optional<std::uint32_t> best;
        double best_d2 = 0;
        for (const auto v : near) {
            const double dx = vbos[v].punt.x - m.punt.x, dy = vbos[v].punt.y - m.punt.y, d2 = dx * dx + dy * dy;
            if (!in_truth[v] && in_use(vbos[v]) && (!best || d2 < best_d2)) {
                best = v;
                best_d2 = d2;
            }
        }
        if (best) a.tips.push_back(*best);
    }
    distinct(a.tips);
    for (const auto& k : town.vestigingen)
        if (!k.bag_id.empty() && !k.einde)
            if (const auto it = index.find(k.bag_id); it != index.end() && !in_truth[it->second] && in_use(vbos[it->second]))
                a.partners.push_back(it->second);
    distinct(a.partners);
    return a;
}

// A hercontrole asked for and not yet done.
struct Open {
    std::uint32_t vbo = 0;
    Date found = 0;  // the controle that asked for it
    Date due = 0;
    std::size_t hercontrole = 0;    // in Register::interventies
    std::vector<std::size_t> ends;  // the waarschuwing or last it checks on
    std::vector<std::string> constateringen, signalen;
    bool signalen_bekend = false;
};

class Simulation {
public:
    Simulation(const Chunk& town, Random& rng) : rng_(rng), a_(adressen(town)), p_(peildatum()) {
        last_visit_.assign(town.verblijfsobjecten.size(), std::nullopt);
        open_at_.assign(town.verblijfsobjecten.size(), 0);
        ranking_order_ = a_.planted;
        rng_.shuffle(ranking_order_);
        for (const auto& k : beleid_.constateringen) order_.push_back(k.sleutel);
    }

    void controles(Register& out) {
        out_ = &out;
        std::vector<Date> days;
        for (int year = 0; year < 3; ++year) {
            const Date s = years_before(p_, 3 - year) + 1, e = year == 2 ? p_ : years_before(p_, 2 - year);
            const int n = rng_.between(5, 7);
            const int segment = (e - s + 1) / n;
            for (int i = 0; i < n; ++i)
                days.push_back(next_controle_weekday(s + i * segment + rng_.between(segment / 4, 3 * segment / 4)));
        }
        days.back() = std::min(days.back(), previous_controle_weekday(p_ - 14));  // not in the peildatum's last two weeks
        for (std::size_t i = 0; i < days.size(); ++i)
            controledag(i + 1 == days.size() ? last_day(days[i - 1], days[i]) : days[i]);
    }

private:
    // The last controledag, planned for `planned`, after `previous`. The demo's `run --register` shows
    // a hercontrole due, so one should fall due between the last day and the peildatum. When none does,
    // the earliest open one that can (8-16 weeks after its controle) is set to; when none can, the last
    // day moves forward to before the latest one due by the peildatum, if it stays a week after `previous`.
    Date last_day(Date previous, Date planned) {
        const auto due_after = [&](Date last) {
            return std::any_of(open_.begin(), open_.end(), [&](const Open& o) { return o.due > last && o.due <= p_; });
        };
        if (due_after(planned)) return planned;
        for (auto& o : open_) {
            const Date from = std::max(planned + 1, o.found + 56), to = std::min(p_, o.found + 112);
            if (from > to) continue;
            o.due = rng_.between(from, to);
            out_->interventies[o.hercontrole].start = o.due;
            return planned;
        }
        Date latest_due = 0;
        for (const auto& o : open_)
            if (o.due <= p_) latest_due = std::max(latest_due, o.due);
        const Date earlier = previous_controle_weekday(latest_due - 1);
        return earlier >= previous + 7 ? earlier : planned;
    }

    bool available(std::uint32_t v, Date d) const {
        return !open_at_[v] && (!last_visit_[v] || *last_visit_[v] + rust_dagen < d);
    }

    std::optional<std::uint32_t> draw(const std::vector<std::uint32_t>& pool, Date d) {
        if (pool.empty()) return std::nullopt;
        for (int attempt = 0; attempt < 200; ++attempt)
            if (const auto v = pool[rng_.below(pool.size())]; available(v, d)) return v;
        return std::nullopt;
    }

    // The ranking's next address: a planted one not visited before, else one not visited lately.
    std::optional<std::uint32_t> ranking(Date d) {
        for (const bool fresh : {true, false})
            for (const auto v : ranking_order_)
                if (available(v, d) && (!fresh || !last_visit_[v])) return v;
        return std::nullopt;
    }

    std::vector<std::string> constateringen(std::span<const Weighted> tabel) {
        std::vector<std::string> out{std::string(rng_.weighted(tabel).value)};
        if (rng_.chance(0.3)) out.emplace_back(rng_.weighted(tabel).value);
        std::vector<std::string> ordered;
        for (const auto& key : order_)
            if (std::find(out.begin(), out.end(), key) != out.end()) ordered.push_back(key);
        return ordered;
    }

    // Started by the peildatum at the latest; ended only when `einde` is not after it (else still running).
    std::size_t interventie(std::uint32_t v, std::string_view soort, Date start, std::optional<Date> einde,
                            std::string_view afloop) {
        Interventie i{a_.bag_id[v], std::string(soort), std::min(start, p_), std::nullopt, ""};
        if (einde && *einde <= p_) {
            i.einde = std::max(*einde, i.start);
            i.afloop = afloop;
        }
        out_->interventies.push_back(std::move(i));
        return out_->interventies.size() - 1;
    }

    // The interventies a finding at `d` calls for; a waarschuwing or last asks for a hercontrole.
    void interventies(std::uint32_t v, Date d, const RegisterControle& c, bool escalated) {
        std::vector<std::string_view> soorten;
        const auto add = [&](std::string_view soort) {
            if (escalated && soort == "waarschuwing") soort = "last_onder_dwangsom";  // warned once already
            if (std::find(soorten.begin(), soorten.end(), soort) == soorten.end()) soorten.push_back(soort);
        };
        for (const auto& k : c.constateringen) {
            if (k == "opiumwet") {
                add(rng_.chance(0.6) ? "sluiting" : "last_onder_dwangsom");
                if (rng_.chance(0.5)) add("doorzetting");
                if (rng_.chance(0.25)) add("bibob_toets");
            } else if (k == "arbeidsuitbuiting") {
                add("doorzetting");
                if (rng_.chance(0.4)) add("bestuurlijke_boete");
            } else if (k == "kvk_onjuist") {
                add(rng_.chance(0.7) ? "waarschuwing" : "bestuurlijke_boete");
                if (rng_.chance(0.15)) add("doorzetting");
            } else if (k == "strijdig_gebruik" || k == "onrechtmatige_bewoning") {
                add(rng_.chance(0.55) ? "last_onder_dwangsom" : "waarschuwing");
            } else if (k == "bouw_brandveiligheid") {
                add(rng_.chance(0.5) ? "last_onder_dwangsom" : "waarschuwing");
            } else if (k == "milieu") {
                add(rng_.chance(0.6) ? "waarschuwing" : "last_onder_dwangsom");
            }
        }
        // A KvK registration put right is seen in the register: no visit needed.
        const bool administratief =
            std::all_of(c.constateringen.begin(), c.constateringen.end(), [](const auto& k) { return k == "kvk_onjuist"; });
        Open o;
        for (const auto soort : soorten) {
            if (soort == "waarschuwing" && administratief) {
                const Date start = d + rng_.between(0, 7);
                interventie(v, soort, start, start + rng_.between(14, 42), rng_.chance(0.85) ? "opgevolgd" : "zonder_gevolg");
            } else if (soort == "waarschuwing") {
                o.ends.push_back(interventie(v, soort, d + rng_.between(0, 7), std::nullopt, ""));
            } else if (soort == "last_onder_dwangsom") {
                o.ends.push_back(interventie(v, soort, d + rng_.between(7, 21), std::nullopt, ""));
            } else if (soort == "bestuurlijke_boete") {
                const Date start = d + rng_.between(14, 42);
                interventie(v, soort, start, start + rng_.between(42, 84), rng_.chance(0.85) ? "uitgevoerd" : "ingetrokken");
            } else if (soort == "sluiting") {
                const Date start = d + rng_.between(7, 28);
                interventie(v, soort, start, start + rng_.between(90, 180), "uitgevoerd");
            } else if (soort == "bibob_toets") {
                const Date start = d + rng_.between(7, 28);
                interventie(v, soort, start, start + rng_.between(56, 140), rng_.chance(0.6) ? "zonder_gevolg" : "uitgevoerd");
            } else {  // doorzetting
                const Date start = d + rng_.between(0, 7);
                interventie(v, soort, start, start + rng_.between(0, 14), "uitgevoerd");
            }
        }
        if (o.ends.empty()) return;
        o.vbo = v;
        o.found = d;
        o.due = d + rng_.between(56, 112);
        out_->interventies.push_back(
            {a_.bag_id[v], std::string(hercontrole), o.due, std::nullopt, ""});  // may lie after the peildatum: planned
        o.hercontrole = out_->interventies.size() - 1;
        o.constateringen = c.constateringen;
        o.signalen = c.signalen;
        o.signalen_bekend = c.signalen_bekend;
        open_at_[v] = 1;
        open_.push_back(std::move(o));
    }

    RegisterControle& visit(std::uint32_t v, Date d, Selectie selectie, int dag, std::vector<std::string> signalen, bool bekend) {
        RegisterControle c;
        c.bag_id = a_.bag_id[v];
        c.datum = d;
        c.controledag = dag;
        c.selectie = selectie;
        c.partners = partners_;
        c.signalen = std::move(signalen);
        c.signalen_bekend = bekend;
        last_visit_[v] = d;
        out_->controles.push_back(std::move(c));
        return out_->controles.back();
    }

    void finding(std::uint32_t v, Date d, RegisterControle& c, double kans, std::span<const Weighted> tabel) {
        if (!rng_.chance(kans)) {
            c.constateringen = {std::string(geen_bevinding)};
            return;
        }
        c.constateringen = constateringen(tabel);
        interventies(v, d, c, false);
    }

    void controledag(Date d) {
        const int q = quarter_index(d);
        const int dag = q == quarter_ ? ++dag_ : (dag_ = 1);
        quarter_ = q;
        partners_.clear();
        if (rng_.chance(0.85)) partners_.emplace_back("politie");
        if (rng_.chance(0.7)) partners_.emplace_back("omgevingsdienst");
        if (rng_.chance(0.4)) partners_.emplace_back("belastingdienst");
        if (partners_.empty()) partners_.emplace_back("politie");

        // Every hercontrole due by today first, by due date.
        std::vector<Open> due;
        for (auto it = open_.begin(); it != open_.end();)
            if (it->due <= d) {
                due.push_back(std::move(*it));
                it = open_.erase(it);
            } else {
                ++it;
            }
        std::stable_sort(due.begin(), due.end(), [](const Open& x, const Open& y) { return x.due < y.due; });
        for (auto& o : due) {
            open_at_[o.vbo] = 0;
            auto& c = visit(o.vbo, d, Selectie::hercontrole, dag, o.signalen, o.signalen_bekend);
            const bool still = rng_.chance(kans_hercontrole);
            auto& h = out_->interventies[o.hercontrole];
            h.einde = d;
            h.afloop = "uitgevoerd";
            for (const auto e : o.ends) {
                auto& i = out_->interventies[e];
                i.einde = std::max(d, i.start);
                i.afloop = !still ? "opgevolgd" : i.soort == "last_onder_dwangsom" ? "verbeurd" : "zonder_gevolg";
            }
            if (!still) {
                c.constateringen = {std::string(geen_bevinding)};
                continue;
            }
            c.constateringen = o.constateringen;
            interventies(o.vbo, d, c, true);
        }

        // Besides the hercontroles, 5-8 addresses: about a fifth of all as steekproef, a tip and a
        // partner's request now and then, the rest from the ranking.
        const int slots = rng_.between(5, 8);
        const int steekproef = static_cast<int>(slots * 0.25 + rng_.real());
        const int tips = rng_.chance(0.4) ? 1 : 0, verzoeken = rng_.chance(0.3) ? 1 : 0;
        const int ranking = std::max(1, slots - steekproef - tips - verzoeken);
        for (int n = 0; n < ranking; ++n) {
            const bool hot = rng_.chance(0.25);
            const auto v = hot ? draw(a_.hot_area, d) : this->ranking(d);
            if (!v) continue;
            std::vector<std::string> signalen = hot ? std::vector<std::string>{"meldingen_hotspot"} : a_.signalen[*v];
            auto& c = visit(*v, d, Selectie::ranking, dag, signalen, true);
            const auto& flagged_for = signalen[rng_.below(static_cast<int>(signalen.size()))];
            finding(*v, d, c, hot ? kans_hot_area : kans_planted, constateringen_bij(flagged_for));
        }
        for (int n = 0; n < steekproef; ++n)
            if (const auto v = draw(a_.steekproef, d))
                finding(*v, d, visit(*v, d, Selectie::steekproef, dag, {}, true), kans_steekproef, constateringen_bij(""));
        for (int n = 0; n < tips; ++n)
            if (const auto v = draw(a_.tips, d))
                finding(*v, d, visit(*v, d, Selectie::tip, 0, {}, false), kans_tip, constateringen_bij(""));
        for (int n = 0; n < verzoeken; ++n)
            if (const auto v = draw(a_.partners, d))
                finding(*v, d, visit(*v, d, Selectie::partnerverzoek, 0, {}, false), kans_partner, constateringen_bij(""));
    }

    Random& rng_;
    Adressen a_;
    Date p_;
    RegisterBeleid beleid_ = default_register_beleid();
    std::vector<std::string> order_;  // the constateringen in the config's order
    std::vector<std::uint32_t> ranking_order_;
    std::vector<std::optional<Date>> last_visit_;
    std::vector<std::uint8_t> open_at_;
    std::vector<Open> open_;
    std::vector<std::string> partners_;
    int quarter_ = -1, dag_ = 0;
    Register* out_ = nullptr;
};

void runs(const Chunk& town, Random& rng, Register& out) {
    std::map<std::string, double, std::less<>> base;
    for (const auto& row : town.ground_truth)
        if (row.kind == "planted") base[row.expected_signal] += 1;  // distinct rows: one per address and signal
    for (const auto& b : achtergrond)
        base[std::string(b.signaal)] += b.per_duizend * static_cast<double>(town.verblijfsobjecten.size()) / 1000.0;

    const std::string first_config = hex(rng.next(), 16) + hex(rng.next(), 16) + hex(rng.next(), 16) + hex(rng.next(), 16);
    const std::string second_config = hex(rng.next(), 16) + hex(rng.next(), 16) + hex(rng.next(), 16) + hex(rng.next(), 16);
    const int change = rng.between(4, 7);  // the run from which the tuned config was used
    // How busy each quarter was, walked back from the newest run, which flags about what a run on the
    // town flags today.
    std::vector<double> levels(12);
    levels.back() = rng.real(0.97, 1.03);
    for (auto k = levels.size() - 1; k > 0; --k) levels[k - 1] = levels[k] / rng.real(0.97, 1.04);
    const int last = quarter_index(peildatum());
    for (int k = 12; k >= 1; --k) {
        const double level = levels[static_cast<std::size_t>(12 - k)];
        RegisterRun run;
        run.id = hex(rng.next(), 16);
        run.peildatum = quarter_end(last - k);
        run.config_sha256 = 12 - k < change ? first_config : second_config;
        int total = 0;
        for (const auto& [signaal, b] : base) {
            const auto aantal = static_cast<int>(std::lround(b * level * rng.real(0.92, 1.08)));
            if (aantal == 0) continue;
            out.run_signalen.push_back({run.id, "", signaal, aantal});
            total += aantal;
        }
        run.gemarkeerd = static_cast<int>(std::lround(total * adressen_per_signaal));
        out.runs.push_back(std::move(run));
    }
}

}  // namespace

Register history(const Chunk& town, std::uint64_t seed) {
    Random rng = Random::stream(seed, history_stream);
    Register out;
    runs(town, rng, out);
    Simulation(town, rng).controles(out);
    std::vector<Melding> meldingen;
    meldingen.reserve(town.meldingen.size());
    for (const auto& m : town.meldingen)
        meldingen.push_back({m.id, m.datum, m.categorie, m.bron, m.punt, -1, MatchMethod::coordinaat});
    out.meldingen = meldingen_per_kwartaal(meldingen, {});
    return out;
}

}  // namespace onregel::sample
