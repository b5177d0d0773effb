// Planted onregelmatigheden (at least three of every signal, clearly past the default thresholds) and
// benign look-alikes, each written to the ground truth. Hosts are reserved, so the background adds
// nothing to them, and meldingen keep away from look-alikes.
#include <algorithm>
#include <array>
#include <cmath>

#include "builder.hpp"

namespace onregel::sample {

namespace {

// Several firms on one address: office-type branches, none a holding or risk branch.
constexpr std::array<std::string_view, 7> brievenbus = {"70221", "6201", "7490", "4791", "7311", "8299", "6619"};
// Firms in a look-alike office: plain office work.
constexpr std::array<std::string_view, 7> kantoorwerk = {"6201", "6202", "70221", "6920", "7112", "7311", "7410"};

}  // namespace

bool Builder::usable(std::uint32_t vbo) const {
    const auto status = out_.verblijfsobjecten[vbo].status;
    return !reserved_[vbo] && (status == VboStatus::in_gebruik || status == VboStatus::in_gebruik_niet_ingemeten);
}

int Builder::plant_count() {
    if (spec_.plant_count > 0) return spec_.plant_count;
    const double expected = spec_.plant_rate * static_cast<double>(out_.verblijfsobjecten.size());
    return static_cast<int>(expected + rng_.real());
}

std::int64_t Builder::take_host(Rol rol, int min_m2, bool needs_quiet, bool lookalike) {
    const auto& hosts = by_rol_[static_cast<std::size_t>(rol)];
    if (hosts.empty()) return -1;
    for (int attempt = 0; attempt < 400; ++attempt) {
        const auto i = hosts[rng_.below(hosts.size())];
        const auto& v = out_.verblijfsobjecten[i];
        // A box host gets its meldingen by address, so only look-alikes need to be kept at a distance.
        const bool box = rol == Rol::kelderbox || rol == Rol::garagebox;
        if (!usable(i) || v.oppervlakte < min_m2 || (needs_quiet && !quiet(v.punt, 0, 150, !box)) ||
            (lookalike && !far_from_hotspots(v.punt)))
            continue;
        reserved_[i] = 1;
        return i;
    }
    return -1;
}

// A box complex none of whose boxes is taken. An active one must also lie away from other boxes and
// look-alikes, so its meldingen do not make another complex active; a look-alike away from hot areas.
std::int64_t Builder::take_complex(bool active) {
    if (complexes_.empty()) return -1;
    for (int attempt = 0; attempt < 200; ++attempt) {
        const auto c = rng_.below(complexes_.size());
        const auto& bc = complexes_[c];
        bool ok = true;
        for (auto i = bc.first; ok && i < bc.first + bc.count; ++i) {
            ok = !reserved_[i];
            if (ok && !active) ok = far_from_hotspots(out_.verblijfsobjecten[i].punt);
            if (!ok || !active) continue;
            const auto& p = out_.verblijfsobjecten[i].punt;
            box_index_.within(p, 80, scratch_);
            for (auto b : scratch_) ok = ok && box_vbo_[b] >= bc.first && box_vbo_[b] < bc.first + bc.count;
            lookalike_index_.within(p, 150, scratch_);
            ok = ok && scratch_.empty();
        }
        if (!ok) continue;
        for (auto i = bc.first; i < bc.first + bc.count; ++i) reserved_[i] = 1;
        return static_cast<std::int64_t>(c);
    }
    return -1;
}

void Builder::truth(std::uint32_t vbo, std::string_view kind, std::string_view signal) {
    out_.ground_truth.push_back({bag_id_text(out_.verblijfsobjecten[vbo].id), std::string(kind), std::string(signal)});
}

void Builder::plant() {
    reserved_.assign(out_.verblijfsobjecten.size(), 0);
    by_rol_.assign(static_cast<std::size_t>(Rol::garagebox) + 1, {});
    for (std::uint32_t i = 0; i < rol_.size(); ++i) {
        by_rol_[static_cast<std::size_t>(rol_[i])].push_back(i);
        if (rol_[i] == Rol::garagebox || rol_[i] == Rol::kelderbox) {
            box_points_.push_back(out_.verblijfsobjecten[i].punt);
            box_vbo_.push_back(i);
        }
    }
    vbo_index_ = GridIndex(points_of(out_.verblijfsobjecten), 50);
    box_index_ = GridIndex(box_points_, 100);

    choose_hotspots();
    plant_lookalikes(plant_count());
    lookalike_index_ = GridIndex(lookalike_points_, 100);
    plant_registrations();
    plant_gebouw();
    plant_meldingen();
    plant_vergunningen();
}

void Builder::plant_lookalikes(int n) {
    for (int k = 0; k < n; ++k) {
        // A bedrijfsverzamelgebouw: many firms, each with ample floor area.
        if (const auto h = take_host(Rol::verzamelkantoor, 0, false, true); h >= 0) {
            const auto i = static_cast<std::uint32_t>(h);
            const int firms = rng_.between(16, 26);
            out_.verblijfsobjecten[i].oppervlakte = firms * rng_.between(55, 80);
            for (const auto& t : history(firms, 0, 200))
                add_vestiging(i, kantoorwerk[rng_.below(kantoorwerk.size())], t, rng_.between(1, 3));
            truth(i, "lookalike", "bedrijven_op_adres");
            lookalike_points_.push_back(out_.verblijfsobjecten[i].punt);
        }
        // A garagebox complex with no registrations and no meldingen.
        if (const auto c = take_complex(false); c >= 0) {
            const auto& bc = complexes_[static_cast<std::size_t>(c)];
            for (auto i = bc.first; i < bc.first + bc.count; ++i) {
                truth(i, "lookalike", "boxencomplex");
                truth(i, "lookalike", "kelderbox");
                lookalike_points_.push_back(out_.verblijfsobjecten[i].punt);
            }
        }
        // A consultant registered at home.
        if (const auto h = take_host(Rol::woning, 0, false, true); h >= 0) {
            static constexpr std::array<std::string_view, 4> advies = {"70221", "6201", "7410", "6202"};
            const auto i = static_cast<std::uint32_t>(h);
            add_vestiging(i, advies[static_cast<std::size_t>(k) % advies.size()], history(1, 0, 365)[0], 1, "Eenmanszaak");
            truth(i, "lookalike", "woonadres_bedrijvigheid");
            truth(i, "lookalike", "gebruiksdoel_mismatch");
            lookalike_points_.push_back(out_.verblijfsobjecten[i].punt);
        }
        // A large store with many employees in a large object.
        if (const auto h = take_host(Rol::supermarkt, 1000, false, true); h >= 0) {
            const auto i = static_cast<std::uint32_t>(h);
            add_vestiging(i, "4711", {peildatum() - rng_.between(800, 9000), std::nullopt}, rng_.between(60, 110), "BV");
            truth(i, "lookalike", "oppervlakte_onrealistisch");
            lookalike_points_.push_back(out_.verblijfsobjecten[i].punt);
        }
    }
}

void Builder::plant_registrations() {
    // bedrijven_op_adres: 10-14 firms on a small office unit (< 10 m² each), or 5-6 on a home.
    for (int k = 0, n = plant_count(); k < n; ++k) {
        const bool home = k % 2 == 1;
        const auto h = home ? take_host(Rol::woning) : take_host(Rol::kantoor);
        if (h < 0) continue;
        const auto i = static_cast<std::uint32_t>(h);
        if (!home) out_.verblijfsobjecten[i].oppervlakte = rng_.between(60, 90);
        const int firms = home ? rng_.between(5, 6) : rng_.between(10, 14);
        for (const auto& t : history(firms, 0, 300)) add_vestiging(i, brievenbus[rng_.below(brievenbus.size())], t, 1);
        truth(i, "planted", "bedrijven_op_adres");
    }
    // holdings_op_adres: four holdings or stichtingen in an office unit under 50 m².
    for (int k = 0, n = plant_count(); k < n; ++k) {
        const auto h = take_host(Rol::kantoor);
        if (h < 0) continue;
        const auto i = static_cast<std::uint32_t>(h);
        out_.verblijfsobjecten[i].oppervlakte = rng_.between(35, 45);
        const auto tenures = history(4, 0, 300);
        add_vestiging(i, "6420", tenures[0], 1, "BV");
        add_vestiging(i, k % 2 == 0 ? "6420" : "70102", tenures[1], 1, "BV");
        add_vestiging(i, "6420", tenures[2], 1, "BV");
        add_vestiging(i, k % 2 == 0 ? "6420" : "70102", tenures[3], 1, k % 2 == 0 ? "Stichting" : "BV");
        truth(i, "planted", "holdings_op_adres");
    }
    // woonadres_bedrijvigheid: a branch that needs premises, registered on a home.
    static constexpr std::array<std::string_view, 4> bedrijfsmatig = {"4941", "4690", "2511", "5621"};
    for (int k = 0, n = plant_count(); k < n; ++k) {
        const auto h = take_host(Rol::woning);
        if (h < 0) continue;
        const auto i = static_cast<std::uint32_t>(h);
        add_vestiging(i, bedrijfsmatig[static_cast<std::size_t>(k) % bedrijfsmatig.size()], history(1, 0, 900)[0],
                      rng_.between(1, 2));
        truth(i, "planted", "woonadres_bedrijvigheid");
    }
    // gebruiksdoel_mismatch: horeca or a hotel in an industriefunctie-only unit.
    // The fourth is a metalworking shop registered in an office unit (not a shop: since SBI 2025 codes a
    // web shop as a shop, retail in an office is what every web shop with an office looks like).
    static constexpr std::array<std::string_view, 4> verkeerd = {"56101", "5510", "5630", "2562"};
    for (int k = 0, n = plant_count(); k < n; ++k) {
        const bool kantoor = k % 4 == 3;
        const auto h = kantoor ? take_host(Rol::kantoor) : take_host(Rol::bedrijfsunit, 150);
        if (h < 0) continue;
        const auto i = static_cast<std::uint32_t>(h);
        out_.verblijfsobjecten[i].gebruiksdoelen = kantoor ? kantoorfunctie : industriefunctie;
        add_vestiging(i, verkeerd[static_cast<std::size_t>(k) % verkeerd.size()], history(1, 0, 900)[0],
                      rng_.between(3, 8));
        truth(i, "planted", "gebruiksdoel_mismatch");
    }
    // adres_onbekend: an active firm on an object BAG says is withdrawn or was never built; and
    // firms on house numbers that do not exist (no BAG object to list, so not in the ground truth).
    for (int k = 0, n = plant_count(); k < n; ++k) {
        const auto h = take_host(Rol::woning);
        if (h < 0) continue;
        const auto i = static_cast<std::uint32_t>(h);
        auto& v = out_.verblijfsobjecten[i];
        v.status = k % 2 == 0 ? VboStatus::ingetrokken : VboStatus::niet_gerealiseerd;
        if (v.status == VboStatus::niet_gerealiseerd) out_.panden[static_cast<std::size_t>(v.pand)].status = "Niet gerealiseerd pand";
        add_vestiging(i, brievenbus[rng_.below(3)], {peildatum() - rng_.between(800, 4000), std::nullopt}, 1);
        truth(i, "planted", "adres_onbekend");
        auto& ghost = add_vestiging(i, "4332", {peildatum() - rng_.between(400, 3000), std::nullopt}, 1);
        ghost.huisnummer = std::to_string(900 + k);
        ghost.huisletter.clear();
        ghost.toevoeging.clear();
        ghost.bag_id.clear();
    }
    // verloop: six short-lived registrations after one another in 2.5 years, the last still active.
    for (int k = 0, n = plant_count(); k < n; ++k) {
        const auto h = take_host(k % 2 == 0 ? Rol::winkel : Rol::kantoor);
        if (h < 0) continue;
        const auto i = static_cast<std::uint32_t>(h);
        static constexpr std::array<std::string_view, 6> kort = {"4771", "96022", "4742", "47793", "4791", "70221"};
        Date t = peildatum() - 20 - rng_.below(40);
        add_vestiging(i, kort[0], {t, std::nullopt}, 1);
        for (std::size_t s = 1; s < kort.size(); ++s) {
            const Date einde = t - rng_.below(20);
            t = einde - 120 - rng_.below(120);
            add_vestiging(i, kort[s], {t, einde}, 1);
        }
        truth(i, "planted", "verloop");
    }
    // risicobranche_cluster: the small bedrijventerrein, four car firms and two shisha lounges on
    // a unit and its five nearest units within 60 m, with the other business units within 160 m left
    // vacant (60 m plus the signal's 100 m), so the six stand out. Risk-branch shops close together in
    // the centre are what a centre is, so none are planted there.
    static constexpr std::array<std::string_view, 6> terrein = {"4511", "4520", "5630", "4532", "7711", "5630"};
    for (int k = 0, n = plant_count(); k < n; ++k) {
        const auto seed = take_host(Rol::bedrijfsunit, 120);
        if (seed < 0) continue;
        const auto s = static_cast<std::uint32_t>(seed);
        const Point c = out_.verblijfsobjecten[s].punt;
        vbo_index_.within(c, 60, scratch_);
        std::vector<std::pair<double, std::uint32_t>> near;
        for (auto i : scratch_)
            if (rol_[i] == Rol::bedrijfsunit && out_.verblijfsobjecten[i].oppervlakte >= 120 && usable(i))
                near.push_back({distance2(c, out_.verblijfsobjecten[i].punt), i});
        std::sort(near.begin(), near.end());
        if (near.size() < terrein.size() - 1) continue;
        std::vector<std::uint32_t> members = {s};
        for (std::size_t m = 0; m + 1 < terrein.size(); ++m) members.push_back(near[m].second);
        for (std::size_t m = 0; m < members.size(); ++m) {
            const auto i = members[m];
            reserved_[i] = 1;
            const auto naam = add_vestiging(i, terrein[m], history(1, 0, 900)[0], rng_.between(1, 4)).handelsnaam;
            if (terrein[m] == "4520") add_erkenning(i, naam, "APK");
            truth(i, "planted", "risicobranche_cluster");
        }
        vbo_index_.within(c, 160, scratch_);
        for (auto i : scratch_)
            if (out_.verblijfsobjecten[i].gebruiksdoelen != woonfunctie) reserved_[i] = 1;
    }
    // autobranche_zonder_erkenning: a repair garage with no RDW erkenning on its address.
    // The hall has no other unit and no erkenning lies within 40 m; the background keeps it so.
    for (int k = 0, n = plant_count(); k < n; ++k) {
        for (int attempt = 0; attempt < 50; ++attempt) {
            const auto h = take_host(Rol::bedrijfsunit, 100);
            if (h < 0) break;
            const auto i = static_cast<std::uint32_t>(h);
            const auto& v = out_.verblijfsobjecten[i];
            const bool alone = (i == 0 || out_.verblijfsobjecten[i - 1].pand != v.pand) &&
                               (i + 1 == out_.verblijfsobjecten.size() || out_.verblijfsobjecten[i + 1].pand != v.pand);
            const bool clear = std::none_of(out_.erkenningen.begin(), out_.erkenningen.end(),
                                            [&](const ErkenningRow& e) { return distance2(e.punt, v.punt) <= 40.0 * 40.0; });
            if (!alone || !clear) continue;  // stays reserved: one empty hall more
            out_.verblijfsobjecten[i].gebruiksdoelen = industriefunctie;
            add_vestiging(i, k % 2 == 0 ? "4520" : "45201", history(1, 0, 900)[0], rng_.between(2, 6));
            garages_zonder_erkenning_.push_back(v.punt);
            truth(i, "planted", "autobranche_zonder_erkenning");
            break;
        }
    }
}

void Builder::plant_gebouw() {
    // kelderbox: a storage box in a flat with a firm registered on it (and sometimes a melding).
    static constexpr std::array<std::string_view, 4> opslag = {"4791", "4332", "4941", "4399"};
    for (int k = 0, n = plant_count(); k < n; ++k) {
        const auto h = take_host(Rol::kelderbox, 0, true);
        if (h < 0) continue;
        const auto i = static_cast<std::uint32_t>(h);
        add_vestiging(i, opslag[static_cast<std::size_t>(k) % opslag.size()], history(1, 0, 900)[0], 1);
        if (k % 2 == 0) add_melding(i, recent_date(700), true, "verdachte_situatie");
        truth(i, "planted", "kelderbox");
    }
    // boxencomplex: a complex with firms in 4-6 boxes and meldingen at one of them. That box has two
    // firms and the meldingen, so it is the busiest and carries the complex's hit.
    for (int k = 0, n = plant_count(); k < n; ++k) {
        const auto c = take_complex(true);
        if (c < 0) continue;
        const auto bc = complexes_[static_cast<std::size_t>(c)];
        std::vector<std::uint32_t> boxes;
        for (auto i = bc.first; i < bc.first + bc.count; ++i) boxes.push_back(i);
        rng_.shuffle(boxes);
        const auto busy = static_cast<std::size_t>(rng_.between(4, 6));
        for (std::size_t b = 0; b < busy; ++b) {
            for (const auto& t : history(b == 0 ? 2 : 1, 0, 900)) add_vestiging(boxes[b], opslag[b % opslag.size()], t, 1);
            truth(boxes[b], "planted", "kelderbox");
        }
        for (int m = 0; m < 3; ++m)
            add_melding(boxes[0], recent_date(700), true, m == 0 ? "drugs" : "verdachte_situatie");
        truth(boxes[0], "planted", "boxencomplex");
    }
    // oppervlakte_onrealistisch: activity that cannot fit the floor area, or far too many people.
    for (int k = 0, n = plant_count(); k < n; ++k) {
        const int pattern = k % 4;
        const Rol rol = pattern == 0 ? Rol::winkel : pattern == 1 ? Rol::horeca : pattern == 2 ? Rol::kantoor : Rol::bedrijfsunit;
        const auto h = take_host(rol);
        if (h < 0) continue;
        const auto i = static_cast<std::uint32_t>(h);
        auto& v = out_.verblijfsobjecten[i];
        const auto t = history(1, 0, 900)[0];
        switch (pattern) {
            case 0: v.oppervlakte = rng_.between(25, 35); add_vestiging(i, "4511", t, 2); break;   // autohandel < 50 m²
            case 1: v.oppervlakte = rng_.between(12, 20); add_vestiging(i, "56102", t, 2); break;  // horeca < 30 m²
            case 2: v.oppervlakte = rng_.between(40, 60); add_vestiging(i, "70221", t, rng_.between(28, 40)); break;
            default: v.oppervlakte = rng_.between(55, 75); add_vestiging(i, "45205", t, 3); break;  // carwash < 100 m²
        }
        truth(i, "planted", "oppervlakte_onrealistisch");
    }
}

void Builder::plant_meldingen() {
    // meldingen: eight recent reports on one home.
    for (int k = 0, n = plant_count(); k < n; ++k) {
        const auto h = take_host(Rol::woning, 0, true);
        if (h < 0) continue;
        const auto i = static_cast<std::uint32_t>(h);
        for (int m = 0; m < 8; ++m)
            add_melding(i, recent_date(330), m % 2 == 0, m % 3 == 0 ? "drugs" : "overlast");
        truth(i, "planted", "meldingen");
    }
    for (const auto& c : hotspots_) {
        vbo_index_.within(c, 45, scratch_);
        std::vector<std::pair<double, std::uint32_t>> near;
        for (auto i : scratch_) near.push_back({distance2(c, out_.verblijfsobjecten[i].punt), i});
        std::sort(near.begin(), near.end());
        const auto at = near[0].second;
        const auto& q = out_.verblijfsobjecten[at].punt;
        for (int m = 0, tries = 0; m < 80 && tries < 2000; ++tries) {
            const Point d{rng_.real(-150, 150), rng_.real(-150, 150)};
            if (d.x * d.x + d.y * d.y > 150.0 * 150.0 || !quiet({c.x + d.x, c.y + d.y}, 0, 100)) continue;
            add_melding(at, recent_date(730), false, {}, {c.x + d.x - q.x, c.y + d.y - q.y});
            ++m;
        }
        for (std::size_t m = 0; m < 5; ++m) truth(near[m].second, "planted", "meldingen_hotspot");
    }
}

void Builder::choose_hotspots() {
    // meldingen_hotspot: 80 reports within 150 m of the middle of a 100 m cell, so the cells around it
    // are hot too (Gi* compares a cell's neighbourhood with the spread of all cells: one crowded cell
    // alone hardly stands out). The five objects nearest the middle lie in its cell. A town gets one
    // such area; several close together mostly light up the cells between them. Chosen before the
    // look-alikes, which keep their distance from the hot area.
    const auto& woningen = by_rol_[static_cast<std::size_t>(Rol::woning)];
    for (int k = 0, n = spec_.plant_count > 0 ? 1 : plant_count(); k < n; ++k) {
        for (int attempt = 0; attempt < 100 && !woningen.empty(); ++attempt) {
            const auto& p = out_.verblijfsobjecten[woningen[rng_.below(woningen.size())]].punt;
            const Point c{std::floor(p.x / 100) * 100 + 50, std::floor(p.y / 100) * 100 + 50};
            vbo_index_.within(c, 45, scratch_);
            if (scratch_.size() < 5) continue;
            hotspots_.push_back(c);
            if (enough_lookalike_hosts()) break;
            hotspots_.pop_back();
        }
    }
}

// Whether the rarer look-alike hosts (supermarkets, bedrijfsverzamelgebouwen, box complexes) still
// number plant_count away from the hot areas.
bool Builder::enough_lookalike_hosts() const {
    const auto far = [&](Rol rol) {
        const auto& hosts = by_rol_[static_cast<std::size_t>(rol)];
        return std::count_if(hosts.begin(), hosts.end(),
                             [&](std::uint32_t i) { return far_from_hotspots(out_.verblijfsobjecten[i].punt); });
    };
    const auto complexes = std::count_if(complexes_.begin(), complexes_.end(), [&](const BoxComplex& c) {
        return far_from_hotspots(out_.verblijfsobjecten[c.first].punt);
    });
    const auto need = spec_.plant_count;
    return far(Rol::supermarkt) >= need && far(Rol::verzamelkantoor) >= need && complexes >= 2 * need;
}

bool Builder::far_from_hotspots(Point p) const {
    return std::none_of(hotspots_.begin(), hotspots_.end(), [&](Point c) { return distance2(c, p) < 700.0 * 700.0; });
}

void Builder::plant_vergunningen() {
    // vergunning_opknippen: aanvragen each under €500,000 that together pass it within a year.
    static constexpr std::array<Rol, 3> rollen = {Rol::woning, Rol::winkel, Rol::kantoor};
    for (int k = 0, n = plant_count(); k < n; ++k) {
        const auto h = take_host(rollen[static_cast<std::size_t>(k) % rollen.size()]);
        if (h < 0) continue;
        const auto i = static_cast<std::uint32_t>(h);
        const Date start = peildatum() - rng_.between(200, 900);
        const auto aanvrager = aanvrager_id();
        switch (k % 3) {
            case 0:  // two parts on one object
                add_vergunning(i, start, aanvrager, 1000 * rng_.between(320, 360));
                add_vergunning(i, start + rng_.between(60, 120), aanvrager, 1000 * rng_.between(290, 330));
                break;
            case 1:  // three parts on one object, by different aanvragers
                for (int p = 0; p < 3; ++p)
                    add_vergunning(i, start + 70 * p, aanvrager_id(), 1000 * rng_.between(230, 280));
                break;
            default: {  // one aanvrager, two objects
                const auto other = take_host(Rol::woning);
                if (other < 0) continue;
                add_vergunning(i, start, aanvrager, 1000 * rng_.between(410, 440));
                add_vergunning(static_cast<std::uint32_t>(other), start + 90, aanvrager, 1000 * rng_.between(370, 400));
                truth(static_cast<std::uint32_t>(other), "planted", "vergunning_opknippen");
            }
        }
        truth(i, "planted", "vergunning_opknippen");
    }
}

}  // namespace onregel::sample
