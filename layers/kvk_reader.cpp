#include <unordered_set>

#include "engine/errors.hpp"
#include "readers.hpp"

namespace onregel {

namespace {

bool all_digits(const std::string& s) { return !s.empty() && s.find_first_not_of("0123456789") == std::string::npos; }

std::string checked_sbi(const std::string& code) {
    if (code.size() < 2 || code.size() > 5 || !all_digits(code)) throw RowError{"ongeldige SBI-code", code};
    return code;
}

std::optional<Date> checked_date(const std::string& text, const char* field) {
    try {
        return parse_date(text);
    } catch (const input_error&) {
        throw RowError{std::string("ongeldige ") + field, text};
    }
}

// "Ja"/"Nee" as the API writes it, and the spellings spreadsheets make of it.
bool yes(const std::string& text) {
    return text == "Ja" || text == "ja" || text == "JA" || text == "J" || text == "1" || text == "true" || text == "True";
}

}  // namespace

void read_kvk(const std::string& source, const AddressIndex& index, const ReadOptions& options, Town& town,
              Rejects& rejects, LayerStats& stats) {
    auto dataset = open_vector(source);
    auto& layer = pick_layer(*dataset, "vestigingen", source);
    const Columns columns(layer, source);
    const int c_nummer = columns.required("vestigingsnummer");
    const int c_sbi = columns.required("sbiHoofdactiviteit");
    const AddressColumns address{columns.required("postcode"), columns.required("huisnummer"),
                                 columns.optional("huisletter"), columns.optional("huisnummerToevoeging")};
    const int c_kvk = columns.optional("kvkNummer");
    const int c_naam = columns.optional("eersteHandelsnaam");
    const int c_rechtsvorm = columns.optional("rechtsvorm");
    const int c_hoofd = columns.optional("indHoofdvestiging");
    const int c_aanvang = columns.optional("datumAanvang");
    const int c_einde = columns.optional("datumEinde");
    const int c_neven = columns.optional("sbiNevenactiviteiten");
    const int c_straat = columns.optional("straatnaam");
    const int c_plaats = columns.optional("plaats");
    const int c_bag = columns.first_of({"addresseerbaarObjectId", "adresseerbaarObjectId"});
    const int c_personen = columns.optional("totaalWerkzamePersonen");
    const PointReader points(layer, columns, source);

    std::unordered_set<std::string> seen;
    read_rows(*dataset, layer, "kvk", source, rejects, stats, [&](OGRFeature& f, std::string& row_id) {
        Vestiging v;
        v.vestigingsnummer = row_id = field_text(f, c_nummer);
        if (!all_digits(v.vestigingsnummer) || v.vestigingsnummer.size() > 12)
            throw RowError{"vestigingsnummer is geen 12 cijfers", v.vestigingsnummer};
        if (!seen.insert(v.vestigingsnummer).second) throw RowError{"dubbel vestigingsnummer", v.vestigingsnummer};
        v.kvk_nummer = field_text(f, c_kvk);
        v.handelsnaam = field_text(f, c_naam);
        v.rechtsvorm = field_text(f, c_rechtsvorm);
        v.hoofdvestiging = yes(field_text(f, c_hoofd));
        v.aanvang = checked_date(field_text(f, c_aanvang), "datumAanvang");
        v.einde = checked_date(field_text(f, c_einde), "datumEinde");
        if (v.aanvang && v.einde && *v.einde < *v.aanvang)
            throw RowError{"datumEinde voor datumAanvang", field_text(f, c_einde)};
        v.sbi_hoofd = checked_sbi(field_text(f, c_sbi));
        for (std::string neven = field_text(f, c_neven); !neven.empty();) {
            const auto cut = neven.find_first_of("|,;");
            std::string code = neven.substr(0, cut);
            while (!code.empty() && code.front() == ' ') code.erase(code.begin());
            while (!code.empty() && code.back() == ' ') code.pop_back();
            if (!code.empty()) v.sbi_neven.push_back(checked_sbi(code));
            neven = cut == std::string::npos ? "" : neven.substr(cut + 1);
        }
        if (const auto personen = field_text(f, c_personen); !personen.empty()) {
            const auto n = parse_number(personen);
            if (!n || *n < 0 || *n > 1e6 || *n != static_cast<double>(static_cast<std::int64_t>(*n)))
                throw RowError{"totaalWerkzamePersonen is geen aantal", personen};
            v.werkzame_personen = static_cast<std::int32_t>(*n);
        }

        // Match: BAG id -> address -> coordinates.
        const auto bag_id = field_text(f, c_bag);
        std::optional<Match> match;
        if (!bag_id.empty())
            if (auto i = index.by_id(bag_id)) match = Match{*i, MatchMethod::bag_id};
        const auto written = read_address(f, address);
        if (written) {
            v.adres = {field_text(f, c_straat), written->second.nummer, written->second.huisletter,
                       written->second.toevoeging, written->first, field_text(f, c_plaats)};
            if (!match) match = index.by_address(written->first, written->second);
        }
        if (!match)
            if (const auto p = points.read(f))
                if (auto i = index.nearest(*p, options.match_radius)) match = Match{*i, MatchMethod::coordinaat};
        if (!match) {
            if (!written && bag_id.empty()) throw RowError{"geen adres", ""};
            throw RowError{"adres niet gevonden in BAG", written ? written->first + " " + std::to_string(written->second.nummer) +
                                                                       written->second.huisletter +
                                                                       (written->second.toevoeging.empty() ? "" : "-" + written->second.toevoeging)
                                                                 : bag_id};
        }
        v.vbo = static_cast<std::int32_t>(match->vbo);
        v.match = match->method;
        ++stats.match_methods[std::string(match_method_name(v.match))];
        ++stats.used;
        town.vestigingen.push_back(std::move(v));
    });
}

}  // namespace onregel
