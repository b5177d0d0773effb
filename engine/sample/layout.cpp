// The town plan: 250 m cells in order of distance from the centre — the first few a shopping centre,
// a wedge on one side the bedrijventerrein, the rest residential streets of row houses with flats,
// box complexes and the odd supermarket in between.
#include <algorithm>
#include <array>
#include <cmath>
#include <stdexcept>

#include "builder.hpp"
#include "names.hpp"

namespace onregel::sample {

namespace {

constexpr double cell = 250;
constexpr int numbers_per_postcode = 15;  // house numbers on one street side per postcode
constexpr std::array<std::array<int, 2>, 8> directions = {
    {{1, 0}, {1, 1}, {0, 1}, {-1, 1}, {-1, 0}, {-1, -1}, {0, -1}, {1, -1}}};

double mm(double v) { return std::round(v * 1000) / 1000; }

std::string ten_digits(std::int64_t n) {
    std::string s = std::to_string(n);
    return std::string(10 - std::min<std::size_t>(10, s.size()), '0') + s;
}

// A point inside a rectangle: `along` runs over its long side, `across` over the short one.
Point inside(const Rect& r, double along, double across) {
    if (r.x1 - r.x0 >= r.y1 - r.y0) return {mm(r.x0 + along * (r.x1 - r.x0)), mm(r.y0 + across * (r.y1 - r.y0))};
    return {mm(r.x0 + across * (r.x1 - r.x0)), mm(r.y0 + along * (r.y1 - r.y0))};
}

std::string letter(int k) { return std::string(1, static_cast<char>('A' + k)); }

}  // namespace

Builder::Builder(TownSpec spec, std::uint64_t seed, Counters& counters)
    : spec_(std::move(spec)), rng_(seed), counters_(counters) {
    street_names_ = street_names(rng_, false);
    bedrijf_street_names_ = street_names(rng_, true);
    next_object_ = 10000 + rng_.below(90000);
}

bool Builder::full() const {
    return static_cast<std::int64_t>(out_.verblijfsobjecten.size()) >= spec_.verblijfsobjecten;
}

void Builder::layout() {
    const double estimated_cells = static_cast<double>(spec_.verblijfsobjecten) / 330.0 + 2;
    const int radius = static_cast<int>(std::sqrt(estimated_cells)) + 3;
    struct Cell {
        int d2, j, i;
        auto operator<=>(const Cell&) const = default;
    };
    std::vector<Cell> cells;
    for (int j = -radius; j <= radius; ++j)
        for (int i = -radius; i <= radius; ++i) cells.push_back({i * i + j * j, j, i});
    std::sort(cells.begin(), cells.end());

    const int centrum_cells = std::max(1, static_cast<int>(estimated_cells / 15));
    const auto [dx, dy] = directions[static_cast<std::size_t>(spec_.bedrijf_direction) % directions.size()];
    int rank = 0, bedrijf = 0;
    for (const auto& c : cells) {
        if (full()) break;
        const int dot = c.i * dx + c.j * dy;
        // Inside a 70-degree wedge: cos(35 deg)^2 = 0.67, compared in integers.
        const bool wedge = dot > 0 && 100 * dot * dot >= 67 * c.d2 * (dx * dx + dy * dy);
        // Older near the centre, newer outwards.
        const int era = 1955 + static_cast<int>(65.0 * rank / estimated_cells);
        if (rank < centrum_cells)
            build_centrum(c.i, c.j, rank);
        else if (wedge && rank >= 3 * centrum_cells)
            build_bedrijventerrein(c.i, c.j, std::min(era + 10, 2022), bedrijf++);
        else
            build_woonwijk(c.i, c.j, std::min(era, 2026));
        ++rank;
    }
}

std::uint32_t Builder::new_street(bool bedrijf) {
    const auto& names = bedrijf ? bedrijf_street_names_ : street_names_;
    Street s;
    s.name = names[named_[bedrijf]++ % names.size()];
    streets_.push_back(std::move(s));
    return static_cast<std::uint32_t>(streets_.size() - 1);
}

Builder::Address Builder::take_number(std::uint32_t street, int side) {
    auto& s = streets_[street];
    if (s.count[side] % numbers_per_postcode == 0) s.block[side] = blocks_++;
    ++s.count[side];
    const int n = s.next[side];
    s.next[side] += 2;
    return {street, n, s.block[side]};
}

std::int32_t Builder::add_pand(const Rect& r, int bouwjaar) {
    Pand p;
    p.id = *bag_id_number(spec_.gemeentecode + "10" + ten_digits(next_object_++));
    p.bouwjaar = bouwjaar;
    p.status = bouwjaar >= 2026 ? "Bouw gestart" : "Pand in gebruik";
    p.omtrek = {{mm(r.x0), mm(r.y0)}, {mm(r.x1), mm(r.y0)}, {mm(r.x1), mm(r.y1)}, {mm(r.x0), mm(r.y1)}, {mm(r.x0), mm(r.y0)}};
    out_.panden.push_back(std::move(p));
    return static_cast<std::int32_t>(out_.panden.size() - 1);
}

std::uint32_t Builder::add_vbo(std::int32_t pand, Point p, GebruiksdoelSet doel, int oppervlakte, const Address& a,
                               std::string_view huisletter, std::string_view toevoeging, Rol rol) {
    Verblijfsobject v;
    v.id = *bag_id_number(spec_.gemeentecode + "01" + ten_digits(next_object_++));
    const auto& pd = out_.panden[static_cast<std::size_t>(pand)];
    v.pand = pand;
    v.punt = {mm(p.x), mm(p.y)};
    v.gebruiksdoelen = doel;
    v.oppervlakte = oppervlakte;
    v.bouwjaar = pd.bouwjaar;
    v.status = pd.status == "Bouw gestart" ? VboStatus::gevormd
               : pd.status == "Pand in gebruik (niet ingemeten)" ? VboStatus::in_gebruik_niet_ingemeten
                                                                  : VboStatus::in_gebruik;
    v.adres.straat = streets_[a.street].name;
    v.adres.huisnummer = a.huisnummer;
    v.adres.huisletter = huisletter;
    v.adres.toevoeging = toevoeging;
    v.adres.woonplaats = spec_.woonplaats;
    out_.verblijfsobjecten.push_back(v);
    rol_.push_back(rol);
    block_of_.push_back(a.block);
    return static_cast<std::uint32_t>(out_.verblijfsobjecten.size() - 1);
}

void Builder::add_units(const Rect& r, int bouwjaar, int n, GebruiksdoelSet doel, int oppervlakte, const Address& a,
                        Rol rol, bool letters) {
    n = static_cast<int>(std::min<std::int64_t>(
        n, spec_.verblijfsobjecten - static_cast<std::int64_t>(out_.verblijfsobjecten.size())));
    if (n <= 0) return;
    const auto pand = add_pand(r, bouwjaar);
    for (int k = 0; k < n; ++k) {
        const Point p = inside(r, (k + 0.5) / n, 0.5);
        const std::string suffix = n == 1 ? "" : letters ? letter(k) : std::to_string(k + 1);
        add_vbo(pand, p, doel, oppervlakte, a, letters ? suffix : "", letters ? "" : suffix, rol);
    }
}

void Builder::add_flat(const Rect& r, int bouwjaar, std::uint32_t street, int side) {
    const int per_floor = std::max(2, static_cast<int>(std::max(r.x1 - r.x0, r.y1 - r.y0) / 8.5));
    const int floors = rng_.between(3, 6);
    const int boxes = rng_.chance(0.35) ? rng_.between(4, 8) : 0;
    const auto room = spec_.verblijfsobjecten - static_cast<std::int64_t>(out_.verblijfsobjecten.size());
    const int n = static_cast<int>(std::min<std::int64_t>(per_floor * floors + boxes, room));
    if (n <= 0) return;
    const auto pand = add_pand(r, bouwjaar);
    const int area = rng_.between(55, 95);
    for (int k = 0; k < n; ++k) {
        const auto a = take_number(street, side);
        if (k < n - boxes) {
            const Point p = inside(r, (k % per_floor + 0.5) / per_floor, 0.5);
            add_vbo(pand, p, woonfunctie, area + rng_.between(-5, 5), a, "", "", Rol::flatwoning);
        } else {
            const Point p = inside(r, (k - (n - boxes) + 0.5) / boxes, 0.15);
            add_vbo(pand, p, overige_gebruiksfunctie, rng_.between(5, 14), a, "", "", Rol::kelderbox);
        }
    }
}

void Builder::add_boxes(const Rect& r, int bouwjaar, std::uint32_t street, int side, int n) {
    n = static_cast<int>(std::min<std::int64_t>(
        n, spec_.verblijfsobjecten - static_cast<std::int64_t>(out_.verblijfsobjecten.size())));
    if (n <= 0) return;
    const auto pand = add_pand(r, bouwjaar);
    const auto a = take_number(street, side);
    const int base = rng_.between(12, 20);
    const int row = (n + 1) / 2;
    complexes_.push_back({static_cast<std::uint32_t>(out_.verblijfsobjecten.size()), static_cast<std::uint32_t>(n)});
    for (int k = 0; k < n; ++k) {
        const Point p = inside(r, (k % row + 0.5) / row, k < row ? 0.25 : 0.75);
        add_vbo(pand, p, overige_gebruiksfunctie, std::clamp(base + rng_.between(-2, 4), 10, 25), a, "",
                std::to_string(k + 1), Rol::garagebox);
    }
}

// Local frame of a cell: u runs along its streets, v across; odd cells turn the streets north-south.
namespace {
struct Frame {
    double ox, oy;
    bool vertical;
    Rect rect(double u0, double v0, double u1, double v1) const {
        return vertical ? Rect{ox + v0, oy + u0, ox + v1, oy + u1} : Rect{ox + u0, oy + v0, ox + u1, oy + v1};
    }
};
// The band a building occupies beside a street at v: below it on side 0, above on side 1.
std::pair<double, double> band(double v, int side, double setback, double depth) {
    return side == 0 ? std::pair{v - setback - depth, v - setback} : std::pair{v + setback, v + setback + depth};
}
}  // namespace

void Builder::build_woonwijk(int ci, int cj, int bouwjaar) {
    const Frame f{spec_.centre.x + ci * cell - cell / 2, spec_.centre.y + cj * cell - cell / 2, ((ci + cj) & 1) != 0};
    for (int s = 0; s < 4 && !full(); ++s) {
        const double v = 30 + 60 * s;
        const auto street = new_street(false);
        const int year = std::min(2026, bouwjaar + rng_.between(-4, 4));
        for (int side = 0; side < 2 && !full(); ++side) {
            const double width = 5.1 + 0.3 * rng_.below(5);
            const double depth = 8.5 + 0.5 * rng_.below(4);
            const int special = rng_.below(1000);
            const double special_at = 20 + rng_.below(150);
            bool special_done = false;
            double u = 4 + rng_.below(4);
            while (u < 246 && !full()) {
                if (!special_done && u >= special_at) {
                    special_done = true;
                    if (special < 230) {
                        const double len = 40 + 5 * rng_.below(6);
                        if (u + len <= 246) {
                            const auto [v0, v1] = band(v, side, 7, 12);
                            add_flat(f.rect(u, v0, u + len, v1), year, street, side);
                            u += len + 6;
                            continue;
                        }
                    } else if (special < 300) {
                        const int n = rng_.between(10, 60);
                        const int per_row = (n + 1) / 2;  // add_boxes puts them in two rows, 3 m a box
                        const double len = 3.0 * per_row;
                        if (u + len <= 246) {
                            const auto [v0, v1] = band(v, side, 6, 11);
                            add_boxes(f.rect(u, v0, u + len, v1), year, street, side, n);
                            u += len + 6;
                            continue;
                        }
                    } else if (special < 316) {
                        const double len = 55 + 5 * rng_.below(5);
                        if (u + len <= 246) {
                            const auto [v0, v1] = band(v, side, 7, 21);
                            add_units(f.rect(u, v0, u + len, v1), year, 1, winkelfunctie,
                                      static_cast<int>(std::round(len * 21 * 0.92)), take_number(street, side),
                                      Rol::supermarkt, false);
                            u += len + 6;
                            continue;
                        }
                    }
                }
                int block = rng_.between(4, 8);
                block = std::min(block, static_cast<int>((246 - u) / width));
                if (block < 1) break;
                const auto [v0, v1] = band(v, side, 6, depth);
                for (int k = 0; k < block && !full(); ++k) {
                    const Rect r = f.rect(u, v0, u + width, v1);
                    const auto pand = add_pand(r, year);
                    const int area = static_cast<int>(std::round(width * depth * 1.7)) + rng_.below(15);
                    add_vbo(pand, {(r.x0 + r.x1) / 2, (r.y0 + r.y1) / 2}, woonfunctie, area, take_number(street, side),
                            "", "", Rol::woning);
                    u += width;
                }
                u += 4 + rng_.below(3);
            }
        }
    }
}

void Builder::build_centrum(int ci, int cj, int rank) {
    const Frame f{spec_.centre.x + ci * cell - cell / 2, spec_.centre.y + cj * cell - cell / 2, ((ci + cj) & 1) != 0};
    for (int s = 0; s < 5 && !full(); ++s) {
        const double v = 25 + 50 * s;
        const auto street = new_street(false);
        for (int side = 0; side < 2 && !full(); ++side) {
            double u = 3;
            if (s == 0 && side == 0) {  // the supermarket on the square
                const auto [v0, v1] = band(v, side, 4, 20);
                add_units(f.rect(u, v0, u + 60, v1), rng_.between(1975, 2015), 1, winkelfunctie,
                          rng_.between(1100, 1300), take_number(street, side), Rol::supermarkt, false);
                u += 63;
            }
            if (s == 2 && side == 1) {  // an office building
                const auto [v0, v1] = band(v, side, 4, 18);
                const int year = rng_.between(1965, 2010);
                if (rank % 2 == 0)
                    add_units(f.rect(u, v0, u + 40, v1), year, rng_.between(8, 16), kantoorfunctie,
                              rng_.between(60, 250), take_number(street, side), Rol::kantoor, false);
                else
                    add_units(f.rect(u, v0, u + 40, v1), year, 1, kantoorfunctie, rng_.between(1000, 1800),
                              take_number(street, side), Rol::verzamelkantoor, false);
                u += 43;
            }
            int in_row = 0;
            while (u < 240 && !full()) {
                const double width = 6 + 0.5 * rng_.below(9);
                const double depth = 14 + rng_.below(7);
                const auto [v0, v1] = band(v, side, 4, depth);
                const Rect r = f.rect(u, v0, u + width, v1);
                const int year = rng_.between(1600, 1965);
                const auto pand = add_pand(r, year);
                if (rng_.chance(0.06)) out_.panden[static_cast<std::size_t>(pand)].status = "Pand in gebruik (niet ingemeten)";
                const auto a = take_number(street, side);
                const int ground = static_cast<int>(std::round(width * depth * 0.85));
                const int kind = rng_.below(100);  // about half the old centre is shops, a tenth horeca
                if (kind < 45)
                    add_vbo(pand, inside(r, 0.3, 0.5), winkelfunctie, ground, a, "", "", Rol::winkel);
                else if (kind < 57)
                    add_vbo(pand, inside(r, 0.3, 0.5), bijeenkomstfunctie, ground, a, "", "", Rol::horeca);
                else
                    add_vbo(pand, inside(r, 0.3, 0.5), woonfunctie, ground, a, "", "", Rol::woning);
                const int r100 = rng_.below(100);
                const int uppers = r100 < 30 ? 0 : r100 < 65 ? 1 : r100 < 90 ? 2 : 3;
                const bool letters = rng_.chance(0.6);
                for (int k = 0; k < uppers && !full(); ++k)
                    add_vbo(pand, inside(r, 0.55 + 0.15 * k, 0.5), woonfunctie,
                            rng_.between(40, 90), a, letters ? letter(k) : "", letters ? "" : std::to_string(k + 1),
                            Rol::bovenwoning);
                u += width;
                if (++in_row >= 6 && rng_.chance(0.4)) {
                    u += 3;  // an alley
                    in_row = 0;
                }
            }
        }
    }
}

void Builder::build_bedrijventerrein(int ci, int cj, int bouwjaar, int index) {
    const Frame f{spec_.centre.x + ci * cell - cell / 2, spec_.centre.y + cj * cell - cell / 2, ((ci + cj) & 1) != 0};
    for (int s = 0; s < 3 && !full(); ++s) {
        const double v = 45 + 80 * s;
        const auto street = new_street(true);
        for (int side = 0; side < 2 && !full(); ++side) {
            double u = 5;
            const int year = std::min(2024, bouwjaar + rng_.between(-5, 5));
            if (s == 1 && side == 0) {
                const auto [v0, v1] = band(v, side, 8, 25);
                if (index % 2 == 0)
                    add_units(f.rect(u, v0, u + 40, v1), year, rng_.between(10, 30), kantoorfunctie,
                              rng_.between(60, 350), take_number(street, side), Rol::kantoor, false);
                else
                    add_units(f.rect(u, v0, u + 40, v1), year, 1, kantoorfunctie, rng_.between(1200, 2000),
                              take_number(street, side), Rol::verzamelkantoor, false);
                u += 50;
            }
            if (s == 2 && side == 1 && index % 2 == 0) {
                const int n = rng_.between(20, 60);
                const int per_row = (n + 1) / 2;  // add_boxes puts them in two rows, 3 m a box
                const double len = 3.0 * per_row;
                const auto [v0, v1] = band(v, side, 8, 11);
                add_boxes(f.rect(u, v0, u + len, v1), year, street, side, n);
                u += len + 8;
            }
            while (!full()) {
                const double width = 20 + 5 * rng_.below(9);
                if (u + width > 245) break;
                const double depth = 28 + rng_.below(5);
                const auto [v0, v1] = band(v, side, 8, depth);
                const int r100 = rng_.below(100);
                const int units = r100 < 55 ? 1 : r100 < 80 ? 2 : r100 < 92 ? 3 : 4;
                const int doel_roll = rng_.below(10);
                const GebruiksdoelSet doel = doel_roll < 7   ? GebruiksdoelSet(industriefunctie)
                                             : doel_roll < 9 ? GebruiksdoelSet(industriefunctie | kantoorfunctie)
                                                             : GebruiksdoelSet(winkelfunctie);
                add_units(f.rect(u, v0, u + width, v1), year, units, doel,
                          static_cast<int>(std::round(width * depth * 0.92 / units)), take_number(street, side),
                          Rol::bedrijfsunit, true);
                u += width + 8 + rng_.below(8);
            }
        }
    }
}

void Builder::assign_postcodes(int first_numeric, int numerics) {
    // Postcode letters skip F, I, O, Q, U, Y, and the pairs SA, SD and SS are never issued.
    static const std::vector<std::string> pairs = [] {
        const std::string_view letters = "ABCDEGHJKLMNPRSTVWXZ";
        std::vector<std::string> out;
        for (char a : letters)
            for (char b : letters)
                if (!(a == 'S' && (b == 'A' || b == 'D' || b == 'S'))) out.push_back({a, b});
        return out;
    }();
    const auto n = static_cast<std::uint32_t>(numerics);
    const std::uint32_t per = std::max<std::uint32_t>(1, (blocks_ + n - 1) / n);
    if (per > pairs.size()) throw std::logic_error("sample: too few postcodes for the town");
    std::vector<std::string> postcodes(blocks_);
    for (std::uint32_t b = 0; b < blocks_; ++b)
        postcodes[b] = std::to_string(first_numeric + static_cast<int>(b / per)) + pairs[(b % per) * pairs.size() / per];
    for (std::size_t i = 0; i < out_.verblijfsobjecten.size(); ++i)
        out_.verblijfsobjecten[i].adres.postcode = postcodes[block_of_[i]];
}

}  // namespace onregel::sample
