// KvK vestigingen: the CSV of the data contract here, the Vestigingsprofiel JSON in
// kvk_json_reader.cpp; both end in the same checks and matching (kvk.hpp).
#include "layers/read/kvk.hpp"

#include "engine/errors.hpp"

namespace onregel {

namespace {

bool all_digits(const std::string& s) { return !s.empty() && s.find_first_not_of("0123456789") == std::string::npos; }

}  // namespace

void assign_sbi_versie(const SbiVersionCount& count, Town& town, std::size_t first, LayerStats& stats) {
    const auto file = count.versie();
    for (auto i = first; i < town.vestigingen.size(); ++i) {
        auto& v = town.vestigingen[i];
        v.sbi_versie = sbi_only_in(v.sbi_hoofd);
        for (std::size_t k = 0; k < v.sbi_neven.size() && v.sbi_versie == SbiVersie::onbekend; ++k)
            v.sbi_versie = sbi_only_in(v.sbi_neven[k]);
        if (v.sbi_versie == SbiVersie::onbekend) v.sbi_versie = file;
    }
    stats.sbi_versie = count.mixed() ? "gemengd" : std::string(sbi_versie_name(file));
    if (count.mixed())
        stats.waarschuwingen.push_back("SBI-codes uit SBI 2008 (" + std::to_string(count.sbi2008()) + "x) en SBI 2025 (" +
                                       std::to_string(count.sbi2025()) +
                                       "x) door elkaar: elke vestiging is gelezen in de versie van haar eigen codes, "
                                       "anders in " + std::string(sbi_versie_name(file)) +
                                       ". Lever de vestigingen liefst uit een en dezelfde KvK-levering.");
    else if (file == SbiVersie::onbekend && first < town.vestigingen.size())
        stats.waarschuwingen.push_back("SBI-versie niet te bepalen: elke code bestaat in SBI 2008 en SBI 2025 (of in "
                                       "geen van beide); de regels zijn op beide versies toegepast.");
}

std::string checked_sbi(const std::string& code) {
    if (code.size() < 2 || code.size() > 5 || !all_digits(code)) throw RowError{Reden::sbi_ongeldig, code};
    return code;
}

std::optional<Date> kvk_date(const std::string& text, const char* field, bool einde) {
    const auto invalid = [&] { return RowError{Reden::datum_ongeldig, text, field}; };
    const auto number = [&](std::size_t from, std::size_t count) {
        const auto part = text.substr(from, count);
        if (!all_digits(part)) throw invalid();
        return std::stoi(part);
    };
    // Day 0 is an unknown day, month 0 an unknown month (and then day 0 too).
    const auto date = [&](int y, int m, int d) -> Date {
        if (y < 1800 || y > 2200 || m < 0 || m > 12 || d < 0 || (m == 0 && d != 0)) throw invalid();
        if (d == 0) {
            const int first = m ? m : 1, last = m ? m : 12;
            if (!einde) return date_from_ymd(y, static_cast<unsigned>(first), 1);
            return last == 12 ? date_from_ymd(y + 1, 1, 1) - 1 : date_from_ymd(y, static_cast<unsigned>(last + 1), 1) - 1;
        }
        const auto day = date_from_ymd(y, static_cast<unsigned>(m), static_cast<unsigned>(d));
        int yy;
        unsigned mm, dd;
        ymd_from_date(day, yy, mm, dd);
        if (dd != static_cast<unsigned>(d)) throw invalid();  // 31-6-2015 is no date
        return day;
    };
    if (text == "00000000") return std::nullopt;
    if (text.size() == 8 && all_digits(text) && (text.compare(4, 2, "00") == 0 || text.compare(6, 2, "00") == 0))
        return date(number(0, 4), number(4, 2), number(6, 2));
    const auto dash = text.find('-'), dash2 = dash == std::string::npos ? dash : text.find('-', dash + 1);
    if (dash >= 1 && dash <= 2 && dash2 != std::string::npos && dash2 - dash >= 2 && dash2 - dash <= 3 && text.size() == dash2 + 5) {
        const int d = number(0, dash), m = number(dash + 1, dash2 - dash - 1);
        if (d == 0 || m == 0) throw invalid();
        return date(number(dash2 + 1, 4), m, d);
    }
    try {
        return parse_date(text);
    } catch (const input_error&) {
        throw invalid();
    }
}

bool yes(const std::string& text) {
    return text == "Ja" || text == "ja" || text == "JA" || text == "J" || text == "1" || text == "true" || text == "True";
}

void check_vestigingsnummer_form(const std::string& nummer) {
    if (!all_digits(nummer) || nummer.size() > 12) throw RowError{Reden::vestigingsnummer_ongeldig, nummer};
}

bool Vestigingsnummers::add(const std::string& nummer) {
    std::uint64_t value = 0;  // below 10^12 < 2^40: the digit count fits above it
    for (const char digit : nummer) value = value * 10 + static_cast<std::uint64_t>(digit - '0');
    return seen_.insert(value | static_cast<std::uint64_t>(nummer.size()) << 40);
}

void check_vestigingsnummer_new(const std::string& nummer, Vestigingsnummers& seen) {
    if (!seen.add(nummer)) throw RowError{Reden::vestigingsnummer_dubbel, nummer};
}

void check_vestigingsnummer(const std::string& nummer, Vestigingsnummers& seen) {
    check_vestigingsnummer_form(nummer);
    check_vestigingsnummer_new(nummer, seen);
}

std::optional<Match> locate_vestiging(Wanted& wanted, const std::function<std::optional<Point>()>& punt,
                                      const AddressIndex& index, const ReadOptions& options, std::optional<RowError> adres_error) {
    if (auto match = locate(index, wanted, options.match_radius)) return match;
    wanted.punt = punt();
    auto match = wanted.punt ? locate(index, wanted, options.match_radius) : std::nullopt;
    if (!match && adres_error) throw std::move(*adres_error);
    return match;
}

void place_vestiging(Vestiging& v, const Wanted& wanted, const std::optional<Match>& match, const AddressIndex& index,
                     const ReadOptions& options, Town& town, LayerStats& stats) {
    if (!match) throw_unmatched(index, wanted, options);
    v.vbo = static_cast<std::int32_t>(match->vbo);
    v.match = match->method();
    if (v.aanvang) stats.saw_date(*v.aanvang);
    if (v.einde) stats.saw_date(*v.einde);
    stats.saw_match(match_route_name(match->route));
    ++stats.used;
    town.vestigingen.push_back(std::move(v));
}

void read_kvk(const std::string& source, const AddressIndex& index, const ReadOptions& options, Town& town,
              Rejects& rejects, LayerStats& stats) {
    if (is_kvk_json(source)) return read_kvk_json(source, index, options, town, rejects, stats);
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
    PointReaders points(layer, columns, source, options);
    stats.crs = points.local().crs();

    // A row read and matched on any thread; what depends on the rows before it (a vestigingsnummer
    // seen before, the counts) is left to `finish`, which takes the rows in order.
    struct Prepared {
        std::string nummer;
        std::optional<RowError> nummer_error;  // the vestigingsnummer is no number
        std::optional<RowError> error;         // the rest of the row, read as if the nummer were new
        std::optional<std::string> bag_id;     // as written, once the row got that far
        bool sbi_seen = false;                 // the row got as far as its SBI codes counting
        Vestiging v;
        Wanted wanted;
        std::optional<Match> match;
    };
    const auto prepare = [&](auto& f) {
        Prepared p;
        try {
            p.nummer = field_text(f, c_nummer);
            check_vestigingsnummer_form(p.nummer);
        } catch (RowError& e) {
            p.nummer_error = std::move(e);
            return p;
        }
        try {
            Vestiging& v = p.v;
            v.vestigingsnummer = p.nummer;
            v.kvk_nummer = field_text(f, c_kvk);
            v.handelsnaam = field_text(f, c_naam);
            v.rechtsvorm = field_text(f, c_rechtsvorm);
            v.hoofdvestiging = yes(field_text(f, c_hoofd));
            v.aanvang = kvk_date(field_text(f, c_aanvang), "datumAanvang", false);
            v.einde = kvk_date(field_text(f, c_einde), "datumEinde", true);
            if (v.aanvang && v.einde && *v.einde < *v.aanvang) throw RowError{Reden::einde_voor_aanvang, field_text(f, c_einde)};
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
                    throw RowError{Reden::personen_geen_aantal, personen};
                v.werkzame_personen = static_cast<std::int32_t>(*n);
            }
            std::optional<RowError> adres_error;
            p.wanted = {field_text(f, c_bag), address_or_error([&] { return read_address(f, address); }, adres_error), std::nullopt};
            p.bag_id = p.wanted.bag_id;
            if (p.wanted.adres)
                v.adres = {field_text(f, c_straat), p.wanted.adres->nummer.nummer, p.wanted.adres->nummer.huisletter,
                           p.wanted.adres->nummer.toevoeging, p.wanted.adres->postcode, field_text(f, c_plaats)};
            const auto& reader = points.local();
            p.match = locate_vestiging(p.wanted, [&] { return reader.read(f); }, index, options, std::move(adres_error));
            p.sbi_seen = true;
        } catch (RowError& e) {
            p.error = std::move(e);
        }
        return p;
    };

    Vestigingsnummers seen;
    SbiVersionCount sbi;
    MangledIds mangled;
    const auto first = town.vestigingen.size();
    const auto finish = [&](Prepared& p, std::string& row_id) {
        row_id = p.nummer;
        if (p.nummer_error) throw std::move(*p.nummer_error);
        check_vestigingsnummer_new(p.nummer, seen);
        if (p.bag_id) mangled.check(*p.bag_id);
        if (p.sbi_seen) {
            sbi.see(p.v.sbi_hoofd);
            for (const auto& code : p.v.sbi_neven) sbi.see(code);
        }
        if (p.error) throw std::move(*p.error);
        place_vestiging(p.v, p.wanted, p.match, index, options, town, stats);
    };
    read_rows_parallel(*dataset, layer, "kvk", source, options, rejects, stats, prepare, finish,
                       [&](std::size_t rows) {
                           if (!options.selects()) town.vestigingen.reserve(first + rows);
                           seen.reserve(rows);
                       });
    assign_sbi_versie(sbi, town, first, stats);
    mangled.report(stats, "addresseerbaarObjectId");
}

}  // namespace onregel
