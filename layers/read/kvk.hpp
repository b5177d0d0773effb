#pragma once
// What the two KvK readers (CSV, Vestigingsprofiel JSON) share: the checks of one vestiging, its
// matching to BAG, and the SBI version the register uses.
#include <cstdint>
#include <functional>

#include "engine/flat_set.hpp"
#include "layers/read/readers.hpp"

namespace onregel {

// Gives each vestiging read from one file (those from `first` on) its SBI version: the one its own codes
// exist in only, else the file's (KvK converted the register in September 2025); sets stats.sbi_versie and
// warns when both versions occur.
void assign_sbi_versie(const SbiVersionCount& count, Town& town, std::size_t first, LayerStats& stats);
std::string checked_sbi(const std::string& code);  // RowError unless 2-5 digits
// A KvK date as the register writes it, and as Dutch Excel saves it: YYYYMMDD with 00 for a month or
// day the register does not know (20150600, 20150000), 00000000 for no known date at all (nullopt),
// d-m-yyyy (9-12-1995), and what parse_date reads. A partial date covers its whole month or year:
// `einde` false gives its first day (a vestiging begun in 2015-06 is active from June), true its last.
// RowError datum_ongeldig naming `field` for anything else.
std::optional<Date> kvk_date(const std::string& text, const char* field, bool einde);
// "Ja"/"Nee" as the API writes it, and the spellings spreadsheets make of it.
bool yes(const std::string& text);
// The vestigingsnummers read so far, each kept as its value and its number of digits (so 000123 and
// 123 stay apart, as their texts do): millions of them without an allocation each.
class Vestigingsnummers {
public:
    bool add(const std::string& nummer);  // false when seen before; nummer passed the form check
    void reserve(std::size_t nummers) { seen_.reserve(nummers); }
private:
    struct Mix {
        std::size_t operator()(std::uint64_t key) const {
            key *= 0x9E3779B97F4A7C15ull;
            return static_cast<std::size_t>(key ^ (key >> 29));
        }
    };
    FlatSet<std::uint64_t, Mix> seen_;
};
void check_vestigingsnummer(const std::string& nummer, Vestigingsnummers& seen);  // both of:
void check_vestigingsnummer_form(const std::string& nummer);                      // digits, at most 12
void check_vestigingsnummer_new(const std::string& nummer, Vestigingsnummers& seen);  // not seen before
// Where a vestiging is (id -> address -> coordinates): `punt` is asked for the row's coordinates only
// when neither id nor address leads to an object, and then kept in `wanted`. `adres_error`: the written
// address could not be read; thrown only when neither the BAG id nor the coordinates place the row.
std::optional<Match> locate_vestiging(Wanted& wanted, const std::function<std::optional<Point>()>& punt,
                                      const AddressIndex& index, const ReadOptions& options,
                                      std::optional<RowError> adres_error = std::nullopt);
// The written address as read_address/parse_address give it; a RowError is kept in `error` for
// locate_vestiging instead of rejecting a row that its BAG id may still place.
template <class Read>
std::optional<WrittenAddress> address_or_error(Read&& read, std::optional<RowError>& error) {
    try {
        return read();
    } catch (RowError& e) {
        error = std::move(e);
        return std::nullopt;
    }
}
// Adds `v` at `match` to the town, or throws RowError/RowSkipped saying why there is no match.
void place_vestiging(Vestiging& v, const Wanted& wanted, const std::optional<Match>& match, const AddressIndex& index,
                     const ReadOptions& options, Town& town, LayerStats& stats);

}  // namespace onregel
