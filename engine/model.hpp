#pragma once
// The town model: plain structs in RD New metres (EPSG:28992). No GDAL type ever reaches here.
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "compact_text.hpp"
#include "date.hpp"
#include "sbi.hpp"

namespace onregel {

struct Point {
    double x = 0;
    double y = 0;
};
// Squared distance in metres²: compared against a squared radius, no square root.
inline double distance2(Point a, Point b) { return (a.x - b.x) * (a.x - b.x) + (a.y - b.y) * (a.y - b.y); }

// BAG gebruiksdoelen as bits, so "woonfunctie only" or "overige gebruiksfunctie only" is one compare.
enum Gebruiksdoel : std::uint16_t {
    woonfunctie = 1u << 0,
    bijeenkomstfunctie = 1u << 1,
    celfunctie = 1u << 2,
    gezondheidszorgfunctie = 1u << 3,
    industriefunctie = 1u << 4,
    kantoorfunctie = 1u << 5,
    logiesfunctie = 1u << 6,
    onderwijsfunctie = 1u << 7,
    sportfunctie = 1u << 8,
    winkelfunctie = 1u << 9,
    overige_gebruiksfunctie = 1u << 10,
};
using GebruiksdoelSet = std::uint16_t;

// Parses BAG's comma-joined list ("winkelfunctie,woonfunctie"); throws input_error naming the value.
GebruiksdoelSet parse_gebruiksdoelen(std::string_view text);
// Comma-joined BAG names in the fixed bit order, e.g. "woonfunctie,winkelfunctie".
std::string format_gebruiksdoelen(GebruiksdoelSet set);

enum class VboStatus : std::uint8_t {
    gevormd,
    niet_gerealiseerd,
    in_gebruik_niet_ingemeten,
    in_gebruik,
    verbouwing,
    ingetrokken,
    buiten_gebruik,
    ten_onrechte_opgevoerd,
};
VboStatus parse_vbo_status(std::string_view text);  // BAG's own wording; throws input_error
std::string_view vbo_status_name(VboStatus status);

struct Adres {
    CompactText straat;
    std::int32_t huisnummer = 0;
    CompactText huisletter;
    CompactText toevoeging;
    CompactText postcode;  // normalised: 1234AB
    CompactText woonplaats;
};
// "Straat 12a-1, 1234AB Woonplaats" — the Dutch way an address is written on a letter.
std::string format_adres(const Adres& adres);

// A BAG identificatie (16 digits: gemeentecode, object type, serial number) kept as its number. As
// text it misses std::string's inline buffer by one character, so each of ten million ids was a heap
// block of its own; as a number the order is the same.
using BagId = std::uint64_t;
// The id as BAG writes it: 16 digits, leading zeros kept.
std::string bag_id_text(BagId id);
// A 16-digit BAG id as a number; nullopt for anything else.
std::optional<BagId> bag_id_number(std::string_view id);
// The gemeentecode in an id's first four digits: the reference area for "more than expected". After a
// herindeling old objects keep their old code, so a merged gemeente is judged by its former parts.
inline std::uint32_t gemeentecode(BagId id) { return static_cast<std::uint32_t>(id / 1'000'000'000'000ull); }

struct Verblijfsobject {
    BagId id = 0;
    Point punt;
    GebruiksdoelSet gebruiksdoelen = 0;
    std::int32_t oppervlakte = 0;  // m²
    std::int32_t bouwjaar = 0;
    VboStatus status = VboStatus::in_gebruik;
    Adres adres;
    std::int32_t pand = -1;  // index into Town::panden, -1 when the object has no pand
};

struct Pand {
    BagId id = 0;
    std::int32_t bouwjaar = 0;
    CompactText status;
    std::vector<Point> omtrek;  // outer ring, for the offline basemap; may be empty
};

enum class MatchMethod : std::uint8_t {
    bag_id,            // addresseerbaarObjectId / bag_id given and known
    adres,             // exact normalised postcode + huisnummer + huisletter + toevoeging
    adres_fallback,    // huisletter/toevoeging confusion or hoofdadres fallback
    coordinaat,        // nearest addressable object within the radius
};
std::string_view match_method_name(MatchMethod method);

struct Vestiging {
    std::string vestigingsnummer;  // 12 digits, text
    std::string kvk_nummer;        // 8 digits, text
    std::string handelsnaam;       // only ever written in the handhaving profile
    CompactText rechtsvorm;
    bool hoofdvestiging = false;
    std::optional<Date> aanvang;
    std::optional<Date> einde;
    CompactText sbi_hoofd;               // 4 or 5 digits
    std::vector<std::string> sbi_neven;  // 4 or 5 digits each
    SbiVersie sbi_versie = SbiVersie::onbekend;  // of the codes, told from its file (KvK readers)
    std::int32_t werkzame_personen = -1;  // -1 = unknown
    Adres adres;                          // as registered
    std::int32_t vbo = -1;                // index into Town::verblijfsobjecten
    MatchMethod match = MatchMethod::bag_id;

    bool actief_op(Date peildatum) const {
        return (!aanvang || *aanvang <= peildatum) && (!einde || *einde > peildatum);
    }
};

// A melding keeps only date, category, source and location: free text never reaches the model.
struct Melding {
    std::string id;
    Date datum = 0;
    CompactText categorie;
    CompactText bron;
    Point punt;
    std::int32_t vbo = -1;  // the verblijfsobject it was reported at, -1 when only a location is known
    MatchMethod match = MatchMethod::coordinaat;
};

// An omgevingsvergunning aanvraag (--vergunningen): only what the opknippen rule needs.
struct Vergunning {
    std::string zaaknummer;
    Date datum_aanvraag = 0;
    std::string aanvrager;  // an identifier, only used for grouping
    std::int64_t bouwkosten = 0;  // euro
    std::string soort;
    std::int32_t vbo = -1;
};

// An RDW erkend bedrijf (--erkenningen), located at its address.
struct Erkenning {
    std::string naam;
    std::string soort;  // e.g. APK, bedrijfsvoorraad
    Point punt;
    std::int32_t vbo = -1;
};

// Compressed rows: for object i, the items are ids[offsets[i] .. offsets[i+1]).
struct Lookup {
    std::vector<std::uint32_t> offsets;
    std::vector<std::uint32_t> ids;
    std::span<const std::uint32_t> of(std::size_t i) const {
        return {ids.data() + offsets[i], ids.data() + offsets[i + 1]};
    }
};
// Groups items by owner (owner -1 = none); within a row, items keep their input order.
Lookup build_lookup(std::size_t owners, std::span<const std::int32_t> owner_of_item);

// Where each item lies (verblijfsobjecten, meldingen, ...), in order: what a GridIndex is built on.
template <class Item>
std::vector<Point> points_of(const std::vector<Item>& items) {
    std::vector<Point> points;
    points.reserve(items.size());
    for (const auto& item : items) points.push_back(item.punt);
    return points;
}

struct Town {
    std::vector<Verblijfsobject> verblijfsobjecten;
    std::vector<Pand> panden;
    std::vector<Vestiging> vestigingen;  // matched to a verblijfsobject
    std::vector<Melding> meldingen;      // with a location; vbo when matched by address or id
    std::vector<Vergunning> vergunningen;  // optional layer
    std::vector<Erkenning> erkenningen;    // optional layer
    bool has_vergunningen = false;         // the layer was given (signals that need it stay silent otherwise)
    bool has_erkenningen = false;
    Date peildatum = 0;                  // "today" for the analysis: active, recent, within N months

    // Derived by link(): which vestigingen, meldingen and verblijfsobjecten belong together.
    Lookup vestigingen_per_vbo;
    Lookup meldingen_per_vbo;
    Lookup vbos_per_pand;
    void link();

    // The BAG id of the object's pand as text, "" when it has none.
    std::string pand_id(const Verblijfsobject& vbo) const {
        return vbo.pand < 0 ? std::string() : bag_id_text(panden[static_cast<std::size_t>(vbo.pand)].id);
    }
};

}  // namespace onregel
