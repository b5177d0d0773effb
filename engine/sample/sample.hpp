#pragma once
// `onregel sample`: a deterministic made-up town (or a whole country of them, for benchmarks) with
// planted onregelmatigheden and look-alikes, as plain records. layers/sample_writer.hpp writes them.
#include <compare>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "engine/date.hpp"
#include "engine/model.hpp"

namespace onregel::sample {

// The newest date in every sample: runs without a configured peildatum take it as "today".
Date peildatum();

// One row of kvk_vestigingen.csv, spelled as written (postcode "3401 ab", letter in the toevoeging
// column), because matching those spellings is part of what the sample tests.
struct KvkRow {
    std::string vestigingsnummer;  // 12 digits
    std::string kvk_nummer;        // 8 digits
    std::string handelsnaam;
    std::string rechtsvorm;
    bool hoofdvestiging = true;
    Date aanvang = 0;
    std::optional<Date> einde;
    std::string sbi_hoofd;
    std::vector<std::string> sbi_neven;
    std::string straat, huisnummer, huisletter, toevoeging, postcode, plaats;
    std::string bag_id;  // addresseerbaarObjectId; empty for rows that must be matched by address
    int werkzame_personen = 1;
};

// One row of meldingen.csv: located by RD x/y, or (when `by_address`) by address only.
struct MeldingRow {
    std::string id;
    Date datum = 0;
    std::string categorie, bron;
    bool by_address = false;
    Point punt;
    std::string postcode, huisnummer, huisletter, toevoeging;
    std::string omschrijving, melder;  // made-up free text carrying PRIVACY-CANARY-<row>
};

struct VergunningRow {
    std::string zaaknummer;
    Date datum_aanvraag = 0;
    std::string aanvrager;
    std::string bag_id;
    std::int64_t bouwkosten = 0;
    std::string soort;
};

struct ErkenningRow {
    std::string naam, soort, postcode;
    std::int32_t huisnummer = 0;
    std::string huisletter, toevoeging;
    Point punt;
};

// `planted`: the object should be flagged by `expected_signal`; `lookalike`: it must not be.
struct GroundTruthRow {
    std::string bag_id, kind, expected_signal;
    auto operator<=>(const GroundTruthRow&) const = default;
};

// One town's records. A verblijfsobject's `pand` indexes `panden` of the same chunk.
struct Chunk {
    std::vector<Verblijfsobject> verblijfsobjecten;
    std::vector<Pand> panden;
    std::vector<KvkRow> vestigingen;
    std::vector<MeldingRow> meldingen;
    std::vector<VergunningRow> vergunningen;
    std::vector<ErkenningRow> erkenningen;
    std::vector<GroundTruthRow> ground_truth;
};

struct Options {
    std::uint64_t seed = 1;
    std::int64_t scale = 0;  // 0: the IJsselstein town; N: N verblijfsobjecten over the Netherlands
    // The null world, where the statistical signals have nothing to find: the same town with nothing
    // planted (the normal town's background rows, an empty ground truth), every melding moved to a
    // verblijfsobject drawn uniformly, and the firms permuted over the vestigingen's addresses.
    bool null_world = false;
    // The KvK rows' SBI codes: SBI 2025 by default (the register since September 2025). The generator
    // thinks in SBI 2008 and writes each code's SBI 2025 successor (to_sbi2025 in sample.cpp).
    SbiVersie sbi = SbiVersie::sbi2025;
};

inline constexpr std::int64_t max_scale = 30'000'000;  // the 4-digit postcode range runs out beyond

// Generates the sample town by town, handing each finished chunk to `sink` (then dropping it), so
// memory stays at one town whatever the scale. Throws config_error for a scale out of range.
void generate(const Options& options, const std::function<void(Chunk&)>& sink);

}  // namespace onregel::sample
