// Registrations, meldingen, vergunningen and erkenningen: the helpers planted cases use, and the random
// background. The background is kept clear of every signal's default pattern where a rule is easy to
// reach by chance (several firms on one home, quick turnover, garages without erkenning, activity in
// boxes), so a flag in the sample points at a planted case.
#include <algorithm>
#include <array>
#include <cmath>

#include "builder.hpp"
#include "names.hpp"

namespace onregel::sample {

namespace {

struct Sbi {
    std::string_view code;
    int weight;
};
using Pool = std::span<const Sbi>;

// SBI 2008 codes. At home: office-type work and trades that keep their tools elsewhere.
constexpr std::array<Sbi, 22> thuis = {{
    {"4332", 6}, {"43341", 5}, {"4321", 3}, {"4322", 3}, {"43999", 3}, {"6201", 6}, {"6202", 3},
    {"70221", 10}, {"7410", 4}, {"7420", 2}, {"7490", 3}, {"7311", 3}, {"6920", 2}, {"7112", 3},
    {"8559", 5}, {"8690", 5}, {"8810", 3}, {"9003", 4}, {"9001", 2}, {"4791", 7}, {"6420", 3}, {"8130", 3},
}};
constexpr std::array<Sbi, 16> winkel = {{
    {"4771", 10}, {"4724", 3}, {"4776", 3}, {"4741", 2}, {"4742", 1}, {"4777", 1}, {"4775", 3}, {"4759", 4},
    {"4761", 1}, {"4764", 2}, {"4719", 1}, {"96021", 3}, {"96022", 1}, {"6831", 2}, {"7911", 1}, {"47793", 1},
}};
constexpr std::array<Sbi, 4> horeca = {{{"56101", 10}, {"56102", 2}, {"5630", 2}, {"5621", 1}}};
constexpr std::array<Sbi, 14> kantoor = {{
    {"6201", 8}, {"6202", 5}, {"70221", 8}, {"6920", 5}, {"6910", 3}, {"6622", 3}, {"7112", 4},
    {"7311", 3}, {"7820", 1}, {"8810", 3}, {"6831", 1}, {"6420", 2}, {"7490", 2}, {"8559", 2},
}};
// Firms in a bedrijfsverzamelgebouw: no risk branches, so the look-alike stays a look-alike.
constexpr std::array<Sbi, 10> verzamel = {{
    {"6201", 8}, {"6202", 5}, {"70221", 8}, {"6920", 4}, {"6622", 2}, {"7112", 3}, {"7311", 3},
    {"7410", 3}, {"8559", 2}, {"7490", 2},
}};
constexpr std::array<Sbi, 20> bedrijf = {{
    {"2511", 4}, {"2562", 3}, {"3109", 2}, {"3312", 3}, {"1071", 2}, {"4120", 4}, {"4321", 3},
    {"4322", 3}, {"4332", 3}, {"4669", 4}, {"4690", 4}, {"4639", 3}, {"4941", 6}, {"4520", 4},
    {"4511", 2}, {"4532", 1}, {"7711", 1}, {"8130", 2}, {"8121", 2}, {"4778", 2},
}};
constexpr std::array<Sbi, 4> showroom = {{{"4511", 4}, {"4532", 2}, {"4759", 3}, {"4752", 2}}};

constexpr std::array<std::string_view, 5> ketens = {"Buurtsuper Kompas", "Versmarkt Linde", "Supermarkt Horizon",
                                                    "Dagmarkt Kroon", "Voordeelmarkt Ster"};

struct Weighted {
    std::string_view value;
    int weight;
};
constexpr std::array<Weighted, 6> categorieen = {{{"overlast", 34}, {"verdachte_situatie", 22}, {"drugs", 18},
                                                  {"illegale_bewoning", 12}, {"witwassen", 7}, {"mensenhandel", 7}}};
constexpr std::array<Weighted, 5> bronnen = {
    {{"inwoner", 35}, {"politie", 20}, {"MMA", 18}, {"handhaving", 17}, {"intern", 10}}};

std::string digits(std::int64_t n, std::size_t width) {
    std::string s = std::to_string(n);
    return std::string(width - std::min(width, s.size()), '0') + s;
}

std::string lower(std::string s) {
    for (auto& c : s)
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    return s;
}

std::string upper(std::string s) {
    for (auto& c : s)
        if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
    return s;
}

bool autobranche_met_erkenning(std::string_view sbi) {
    return sbi.substr(0, 3) == "452" || sbi.substr(0, 4) == "4511";
}

// Puts the melding on v: on its address (the postcode written "3401 AB" when `spaced`), or on its point
// moved by `jitter`.
void locate(MeldingRow& m, const Verblijfsobject& v, bool spaced, Point jitter) {
    if (m.by_address) {
        const auto postcode = v.adres.postcode.str();
        m.postcode = spaced ? postcode.substr(0, 4) + " " + postcode.substr(4) : postcode;
        m.huisnummer = std::to_string(v.adres.huisnummer);
        m.huisletter = v.adres.huisletter;
        m.toevoeging = v.adres.toevoeging;
    } else {
        m.punt = {std::round((v.punt.x + jitter.x) * 100) / 100, std::round((v.punt.y + jitter.y) * 100) / 100};
    }
}

}  // namespace

Date peildatum() { return date_from_ymd(2026, 9, 30); }

Date Builder::recent_date(int days) { return peildatum() - rng_.below(days + 1); }

std::vector<Builder::Tenure> Builder::history(int active, int ended, int gap_days) {
    const int events = active + 2 * ended;
    std::vector<Date> when(static_cast<std::size_t>(events));
    Date t = peildatum() - rng_.below(365 * 10);
    for (int k = events - 1; k >= 0; --k) {
        when[static_cast<std::size_t>(k)] = t;
        t -= 305 + rng_.below(gap_days);
    }
    // Walk the events in time: each starts a registration or ends an open one, leaving `active` open.
    std::vector<Tenure> out;
    std::vector<std::size_t> open;
    int starts = active + ended, ends = ended;
    for (Date d : when) {
        const bool start = open.empty() || ends == 0 ||
                           (starts > 0 && rng_.below(starts + ends) < starts);
        if (start) {
            open.push_back(out.size());
            out.push_back({d, std::nullopt});
            --starts;
        } else {
            const auto k = rng_.below(open.size());
            out[open[k]].einde = d;
            open.erase(open.begin() + static_cast<std::ptrdiff_t>(k));
            --ends;
        }
    }
    return out;
}

std::string Builder::rechtsvorm_for(std::string_view sbi) {
    if (sbi.substr(0, 4) == "6420" || sbi == "70102") return "BV";
    if (sbi.substr(0, 2) == "94") return rng_.chance(0.6) ? "Stichting" : "Vereniging";
    const int r = rng_.below(100);
    return r < 58 ? "Eenmanszaak" : r < 86 ? "BV" : r < 96 ? "VOF" : r < 98 ? "Commanditaire Vennootschap" : "Stichting";
}

KvkRow& Builder::add_vestiging(std::uint32_t vbo, std::string_view sbi, const Tenure& t, int personen,
                               std::string_view rechtsvorm) {
    const auto& v = out_.verblijfsobjecten[vbo];
    KvkRow row;
    row.vestigingsnummer = digits(20'000'000 + 13 * counters_.vestiging++, 12);
    row.kvk_nummer = digits(10'000'000 + 17 * counters_.kvk++, 8);
    row.rechtsvorm = rechtsvorm.empty() ? rechtsvorm_for(sbi) : std::string(rechtsvorm);
    row.handelsnaam = handelsnaam(rng_, sbi, row.rechtsvorm);
    row.hoofdvestiging = !rng_.chance(0.06);
    row.aanvang = t.aanvang;
    row.einde = t.einde;
    row.sbi_hoofd = sbi;
    row.werkzame_personen = personen;
    row.straat = v.adres.straat;
    row.huisnummer = std::to_string(v.adres.huisnummer);
    row.huisletter = v.adres.huisletter;
    row.toevoeging = v.adres.toevoeging;
    row.postcode = v.adres.postcode;
    row.plaats = v.adres.woonplaats;
    if (rng_.chance(0.7)) {
        row.bag_id = bag_id_text(v.id);
    } else {
        // Without the BAG id the address must do, written the ways people write it.
        switch (rng_.below(6)) {
            case 0: row.postcode = lower(row.postcode.substr(0, 4) + " " + row.postcode.substr(4)); break;
            case 1: row.postcode = lower(row.postcode); break;
            case 2:
                if (!row.huisletter.empty() && row.toevoeging.empty()) std::swap(row.huisletter, row.toevoeging);
                else row.postcode = row.postcode.substr(0, 4) + " " + row.postcode.substr(4);
                break;
            case 3:
                if (!row.toevoeging.empty()) row.toevoeging = "-" + row.toevoeging;
                else row.plaats = upper(row.plaats);
                break;
            default: break;
        }
    }
    out_.vestigingen.push_back(std::move(row));
    vestiging_vbo_.push_back(vbo);
    return out_.vestigingen.back();
}

MeldingRow& Builder::add_melding(std::uint32_t vbo, Date datum, bool by_address, std::string_view categorie,
                                 Point jitter) {
    const auto& v = out_.verblijfsobjecten[vbo];
    MeldingRow m;
    const auto row = ++counters_.melding;
    m.id = "M" + digits(row, 8);
    m.datum = datum;
    m.categorie = categorie.empty() ? rng_.weighted(std::span<const Weighted>(categorieen)).value : categorie;
    m.bron = rng_.weighted(std::span<const Weighted>(bronnen)).value;
    m.by_address = by_address;
    locate(m, v, by_address && rng_.chance(0.3), jitter);
    m.omschrijving = omschrijving(rng_, m.categorie, row);
    m.melder = melder(rng_, row);
    out_.meldingen.push_back(std::move(m));
    return out_.meldingen.back();
}

std::string Builder::aanvrager_id() { return "AVR-" + spec_.gemeentecode + "-" + digits(++aanvragers_, 6); }

void Builder::add_vergunning(std::uint32_t vbo, Date datum, std::string aanvrager, std::int64_t bouwkosten) {
    static constexpr std::array<std::string_view, 4> klein = {"verbouwen", "bouwen", "gebruik", "slopen"};
    int year = 0;
    unsigned month = 0, day = 0;
    ymd_from_date(datum, year, month, day);
    VergunningRow row;
    row.zaaknummer = "Z-" + std::to_string(year) + "-" + spec_.gemeentecode + "-" + digits(++counters_.vergunning, 7);
    row.datum_aanvraag = datum;
    row.aanvrager = std::move(aanvrager);
    row.bag_id = bag_id_text(out_.verblijfsobjecten[vbo].id);
    row.bouwkosten = bouwkosten;
    row.soort = bouwkosten >= 500'000 ? "bouwen" : klein[rng_.below(klein.size())];
    out_.vergunningen.push_back(std::move(row));
}

void Builder::add_erkenning(std::uint32_t vbo, std::string_view naam, std::string_view soort) {
    const auto& v = out_.verblijfsobjecten[vbo];
    out_.erkenningen.push_back({std::string(naam), std::string(soort), v.adres.postcode.str(), v.adres.huisnummer,
                                v.adres.huisletter.str(), v.adres.toevoeging.str(), v.punt});
}

bool Builder::quiet(Point p, double spread, double lookalike_radius, bool boxes) {
    if (boxes) {
        // A melding near a garagebox complex makes it active (boxencomplex looks 50 m around); near a
        // kelderbox it may be matched to the box itself.
        box_index_.within(p, 55 + spread, scratch_);
        for (auto b : scratch_) {
            const auto& q = box_points_[b];
            const double reach = (rol_[box_vbo_[b]] == Rol::garagebox ? 55 : 15) + spread;
            if ((p.x - q.x) * (p.x - q.x) + (p.y - q.y) * (p.y - q.y) <= reach * reach) return false;
        }
    }
    lookalike_index_.within(p, lookalike_radius + spread, scratch_);
    return scratch_.empty();
}

bool Builder::near_planted_garage(Point p) const {
    return std::any_of(garages_zonder_erkenning_.begin(), garages_zonder_erkenning_.end(), [&](Point g) {
        return (g.x - p.x) * (g.x - p.x) + (g.y - p.y) * (g.y - p.y) <= 40.0 * 40.0;
    });
}

// Background garages have their RDW erkenning; the ones without are planted.
void Builder::add_erkenningen(std::uint32_t vbo, const KvkRow& row) {
    if (row.einde || !autobranche_met_erkenning(row.sbi_hoofd)) return;
    add_erkenning(vbo, row.handelsnaam, row.sbi_hoofd.substr(0, 3) == "452" ? "APK" : "Bedrijfsvoorraad");
    if (rng_.chance(0.3)) add_erkenning(vbo, row.handelsnaam, "Tenaamstellen");
}

void Builder::background_vestigingen() {
    for (std::uint32_t i = 0; i < out_.verblijfsobjecten.size(); ++i) {
        if (!usable(i)) continue;
        const int area = out_.verblijfsobjecten[i].oppervlakte;
        int active = 0, ended = 0, gap = 365 * 6, personen_max = 1;
        Pool pool;
        switch (rol_[i]) {
            case Rol::woning:
            case Rol::bovenwoning:
            case Rol::flatwoning:
                if (!rng_.chance(0.145)) continue;
                active = rng_.chance(0.12) ? 2 : 1;  // never three: that is the home rule of bedrijven_op_adres
                ended = rng_.chance(0.25);
                pool = thuis;
                personen_max = 2;
                break;
            case Rol::winkel:
                active = rng_.chance(0.88);
                ended = rng_.chance(0.4);
                pool = winkel;
                personen_max = std::clamp(area / 10, 1, 8);
                break;
            case Rol::horeca:
                active = rng_.chance(0.9);
                ended = rng_.chance(0.45);
                pool = horeca;
                personen_max = std::clamp(area / 8, 2, 12);
                break;
            case Rol::supermarkt: {
                const auto keten = rng_.below(static_cast<int>(ketens.size()));
                auto& row = add_vestiging(i, "4711", {peildatum() - rng_.between(400, 9000), std::nullopt},
                                          std::clamp(area / 15, 20, rng_.between(40, 90)));
                row.handelsnaam = ketens[static_cast<std::size_t>(keten)];
                row.kvk_nummer = digits(30'140'010 + 7 * keten, 8);
                row.rechtsvorm = "BV";
                row.hoofdvestiging = false;
                continue;
            }
            case Rol::kantoor: {
                const int r = rng_.below(100);
                active = r < 15 ? 0 : r < 75 ? 1 : 2;
                ended = rng_.chance(0.4);
                pool = kantoor;
                personen_max = std::clamp(area / 12, 1, 15);
                break;
            }
            case Rol::verzamelkantoor:
                active = std::min(rng_.between(12, 26), area / 45);
                ended = rng_.between(0, 4);
                gap = 200;
                pool = verzamel;
                personen_max = 3;
                break;
            case Rol::bedrijfsunit:
                active = rng_.chance(0.88);
                ended = rng_.chance(0.35);
                pool = out_.verblijfsobjecten[i].gebruiksdoelen == winkelfunctie ? Pool(showroom) : Pool(bedrijf);
                personen_max = std::clamp(area / 25, 2, 30);
                break;
            case Rol::kelderbox:
            case Rol::garagebox:
                continue;  // boxes stay empty: activity there is what kelderbox and boxencomplex look for
        }
        for (const auto& t : history(active, ended, gap)) {
            auto sbi = rng_.weighted(pool).code;
            // Next to a planted garage without erkenning, no background erkenning may cover it.
            while (autobranche_met_erkenning(sbi) && near_planted_garage(out_.verblijfsobjecten[i].punt))
                sbi = rng_.weighted(pool).code;
            auto& row = add_vestiging(i, sbi, t, rng_.between(1, personen_max));
            if (rng_.chance(0.3)) {
                const auto neven = rng_.weighted(pool).code;
                if (neven != sbi) row.sbi_neven.push_back(std::string(neven));
            }
            add_erkenningen(i, row);
        }
    }
}

void Builder::background_meldingen() {
    const auto n = static_cast<std::int64_t>(std::round(spec_.meldingen_per_vbo * static_cast<double>(out_.verblijfsobjecten.size())));
    const auto size = out_.verblijfsobjecten.size();
    for (std::int64_t k = 0; k < n; ++k) {
        for (int attempt = 0; attempt < 50; ++attempt) {
            const auto i = static_cast<std::uint32_t>(rng_.below(size));
            if (rol_[i] == Rol::garagebox || rol_[i] == Rol::kelderbox) continue;
            const Point jitter{rng_.real(-8, 8), rng_.real(-8, 8)};
            const auto& p = out_.verblijfsobjecten[i].punt;
            if (!quiet({p.x + jitter.x, p.y + jitter.y}, 0, 100)) continue;
            // The town's first melding is from the day of the extract, which makes it the peildatum.
            add_melding(i, k == 0 ? peildatum() : recent_date(3 * 365), rng_.chance(0.2), {}, jitter);
            break;
        }
    }
}

void Builder::background_vergunningen() {
    const auto n = static_cast<std::int64_t>(std::round(0.0095 * static_cast<double>(out_.verblijfsobjecten.size())));
    std::vector<std::uint8_t> has(out_.verblijfsobjecten.size());
    for (std::int64_t k = 0; k < n; ++k) {
        for (int attempt = 0; attempt < 50; ++attempt) {
            const auto i = static_cast<std::uint32_t>(rng_.below(out_.verblijfsobjecten.size()));
            if (!usable(i) || has[i] || rol_[i] == Rol::garagebox || rol_[i] == Rol::kelderbox) continue;
            has[i] = 1;
            // One aanvraag per object and per aanvrager: the opknippen pattern is only planted.
            const int r = rng_.below(100);
            const std::int64_t kosten = r < 85 ? 100 * rng_.between(30, 1800)
                                        : r < 95 ? 100 * rng_.between(1800, 2400)
                                                 : 1000 * rng_.between(600, 4000);
            add_vergunning(i, recent_date(3 * 365), aanvrager_id(), kosten);
            break;
        }
    }
}

void Builder::spread_meldingen() {
    const auto size = out_.verblijfsobjecten.size();
    for (auto& m : out_.meldingen) locate(m, out_.verblijfsobjecten[rng_.below(size)], m.postcode.size() == 7, {});
}

void Builder::shuffle_branches() {
    // What a vestiging's firm is, apart from where it is: dates and werkzame personen stay with the
    // address, so the addresses' histories and floor areas keep fitting.
    struct Firm {
        std::string kvk_nummer, handelsnaam, rechtsvorm;
        bool hoofdvestiging;
        std::string sbi_hoofd;
        std::vector<std::string> sbi_neven;
    };
    std::vector<Firm> firms;
    firms.reserve(out_.vestigingen.size());
    for (auto& r : out_.vestigingen)
        firms.push_back({std::move(r.kvk_nummer), std::move(r.handelsnaam), std::move(r.rechtsvorm), r.hoofdvestiging,
                         std::move(r.sbi_hoofd), std::move(r.sbi_neven)});
    rng_.shuffle(firms);
    out_.erkenningen.clear();
    for (std::size_t k = 0; k < firms.size(); ++k) {
        auto& r = out_.vestigingen[k];
        auto& f = firms[k];
        r.kvk_nummer = std::move(f.kvk_nummer);
        r.handelsnaam = std::move(f.handelsnaam);
        r.rechtsvorm = std::move(f.rechtsvorm);
        r.hoofdvestiging = f.hoofdvestiging;
        r.sbi_hoofd = std::move(f.sbi_hoofd);
        r.sbi_neven = std::move(f.sbi_neven);
        // Every active garage gets its RDW erkenning anew, at its new address.
        add_erkenningen(vestiging_vbo_[k], r);
    }
}

}  // namespace onregel::sample
