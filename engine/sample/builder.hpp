#pragma once
// Internal to engine/sample: builds one town in three passes — layout (streets, panden,
// verblijfsobjecten, postcodes), planted cases and look-alikes, then the random background.
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "engine/grid_index.hpp"
#include "random.hpp"
#include "sample.hpp"

namespace onregel::sample {

struct TownSpec {
    std::string gemeentecode;  // 4 digits, also the first four of every BAG id
    std::string woonplaats;
    Point centre;
    std::int64_t verblijfsobjecten = 0;  // built exactly, unless the layout runs out of room
    int bedrijf_direction = 0;           // which side of town the bedrijventerrein lies (0..7)
    double meldingen_per_vbo = 0;        // random background meldingen
    int plant_count = 0;                 // per planted kind; with plant_rate, drawn per town
    double plant_rate = 0;               // per verblijfsobject, per kind (--scale)
};

// Running numbers shared by all towns of one sample, so ids stay unique across chunks.
struct Counters {
    std::int64_t vestiging = 0;
    std::int64_t kvk = 0;
    std::int64_t melding = 0;
    std::int64_t vergunning = 0;
};

// What a verblijfsobject is in the town plan; decides which registrations it may get.
enum class Rol : std::uint8_t {
    woning,           // row house
    bovenwoning,      // apartment above a shop
    flatwoning,
    kelderbox,        // storage box inside a flat
    winkel,
    horeca,
    supermarkt,
    kantoor,          // unit in an office building
    verzamelkantoor,  // one large office address shared by many firms
    bedrijfsunit,     // unit in a hall on the bedrijventerrein
    garagebox,        // box in a box complex
};

// An axis-parallel rectangle in RD New metres: a pand's footprint.
struct Rect {
    double x0, y0, x1, y1;
};

// A pand's boxes are the consecutive verblijfsobjecten [first, first + count).
struct BoxComplex {
    std::uint32_t first = 0;
    std::uint32_t count = 0;
};

class Builder {
public:
    Builder(TownSpec spec, std::uint64_t seed, Counters& counters);
    // Layout; afterwards postcode_blocks() says how many postcodes the town needs.
    void layout();
    std::uint32_t postcode_blocks() const { return blocks_; }
    // Spreads the postcode blocks over the numerics [first, first + numerics), then plants and fills
    // the background. Returns the finished chunk. `null_world`: see Options::null_world.
    Chunk finish(int first_numeric, int numerics, bool null_world);

private:
    // layout.cpp
    struct Street {
        std::string name;
        int next[2] = {1, 2};  // odd numbers on side 0, even on side 1
        int count[2] = {0, 0};
        std::uint32_t block[2] = {0, 0};
    };
    struct Address {
        std::uint32_t street;
        int huisnummer;
        std::uint32_t block;
    };
    bool full() const;
    void build_centrum(int ci, int cj, int rank);
    void build_woonwijk(int ci, int cj, int bouwjaar);
    void build_bedrijventerrein(int ci, int cj, int bouwjaar, int index);
    std::uint32_t new_street(bool bedrijf);
    Address take_number(std::uint32_t street, int side);
    std::int32_t add_pand(const Rect& r, int bouwjaar);
    std::uint32_t add_vbo(std::int32_t pand, Point p, GebruiksdoelSet doel, int oppervlakte, const Address& a,
                          std::string_view huisletter, std::string_view toevoeging, Rol rol);
    // A pand with n verblijfsobjecten spread along its long axis, all on one house number.
    void add_units(const Rect& r, int bouwjaar, int n, GebruiksdoelSet doel, int oppervlakte, const Address& a,
                   Rol rol, bool letters);
    void add_flat(const Rect& r, int bouwjaar, std::uint32_t street, int side);
    void add_boxes(const Rect& r, int bouwjaar, std::uint32_t street, int side, int n);
    void assign_postcodes(int first_numeric, int numerics);

    // plant.cpp
    void plant();
    int plant_count();
    bool usable(std::uint32_t vbo) const;
    // A random usable host of the role, reserved. needs_quiet: it will get meldingen; lookalike: it
    // must lie far from the hot areas.
    std::int64_t take_host(Rol rol, int min_m2 = 0, bool needs_quiet = false, bool lookalike = false);
    void choose_hotspots();
    bool far_from_hotspots(Point p) const;
    bool enough_lookalike_hosts() const;
    // active: planted activity follows, so it must lie apart from other boxes and look-alikes.
    std::int64_t take_complex(bool active);
    void truth(std::uint32_t vbo, std::string_view kind, std::string_view signal);
    void plant_lookalikes(int n);
    void plant_registrations();
    void plant_gebouw();
    void plant_meldingen();
    void plant_vergunningen();

    // activity.cpp: rows shared by planted cases and the background
    struct Tenure {
        Date aanvang;
        std::optional<Date> einde;
    };
    // `active` + `ended` registrations with every start and end at least ten months apart, so the
    // background never makes the `verloop` pattern.
    std::vector<Tenure> history(int active, int ended, int gap_days);
    // rechtsvorm: empty draws one that fits the branch.
    KvkRow& add_vestiging(std::uint32_t vbo, std::string_view sbi, const Tenure& t, int personen,
                          std::string_view rechtsvorm = {});
    std::string rechtsvorm_for(std::string_view sbi);
    // categorie: empty draws one. The location is the object's point plus `jitter`, or its address.
    MeldingRow& add_melding(std::uint32_t vbo, Date datum, bool by_address, std::string_view categorie = {},
                            Point jitter = {});
    void add_vergunning(std::uint32_t vbo, Date datum, std::string aanvrager, std::int64_t bouwkosten);
    void add_erkenning(std::uint32_t vbo, std::string_view naam, std::string_view soort);
    std::string aanvrager_id();
    bool near_planted_garage(Point p) const;
    void background_vestigingen();
    void background_meldingen();
    void background_vergunningen();
    // The RDW erkenningen of a garage row on vbo.
    void add_erkenningen(std::uint32_t vbo, const KvkRow& row);
    // The null world's re-placements: every melding on a verblijfsobject drawn uniformly, and the
    // firms (branch, name, kvk_nummer) permuted over the vestigingen's addresses.
    void spread_meldingen();
    void shuffle_branches();
    // Whether meldingen spread `spread` metres around p stay clear of boxes and of look-alikes.
    bool quiet(Point p, double spread, double lookalike_radius, bool boxes = true);
    Date recent_date(int days);

    TownSpec spec_;
    Random rng_;
    Counters& counters_;
    Chunk out_;
    std::vector<std::uint32_t> vestiging_vbo_;  // the verblijfsobject of each row of out_.vestigingen
    std::vector<Rol> rol_;
    std::vector<std::uint8_t> reserved_;
    std::vector<std::uint32_t> block_of_;
    std::vector<Street> streets_;
    std::vector<BoxComplex> complexes_;
    std::vector<std::vector<std::uint32_t>> by_rol_;
    std::vector<Point> box_points_, lookalike_points_;
    std::vector<std::uint32_t> box_vbo_;  // the verblijfsobject of each box point
    std::vector<Point> garages_zonder_erkenning_;
    std::vector<Point> hotspots_;  // middles of the planted hot areas
    GridIndex vbo_index_, box_index_, lookalike_index_;
    std::vector<std::uint32_t> scratch_;
    std::vector<std::string> street_names_, bedrijf_street_names_;
    std::size_t named_[2] = {0, 0};  // residential and bedrijventerrein street names used
    std::uint32_t blocks_ = 0;
    std::int64_t next_object_ = 1;
    int aanvragers_ = 0;
};

}  // namespace onregel::sample
