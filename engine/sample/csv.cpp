#include "csv.hpp"

#include <charconv>

namespace onregel::sample {

namespace {

void text(std::string& out, std::string_view value, char separator) {
    // Quote only when needed: the generated text never needs it, but the format must stay valid.
    if (value.find_first_of(";,\"\n") == std::string_view::npos) {
        out += value;
    } else {
        out += '"';
        for (char c : value) {
            if (c == '"') out += '"';
            out += c;
        }
        out += '"';
    }
    out += separator;
}

void number(std::string& out, std::int64_t value, char separator) {
    char buf[24];
    const auto r = std::to_chars(buf, buf + sizeof buf, value);
    out.append(buf, r.ptr);
    out += separator;
}

void coordinate(std::string& out, double value, char separator) {
    char buf[32];
    const auto r = std::to_chars(buf, buf + sizeof buf, value, std::chars_format::fixed, 2);
    out.append(buf, r.ptr);
    out += separator;
}

void yyyymmdd(std::string& out, Date d, char separator) {
    int y = 0;
    unsigned m = 0, day = 0;
    ymd_from_date(d, y, m, day);
    number(out, static_cast<std::int64_t>(y) * 10000 + m * 100 + day, separator);
}

void end_row(std::string& out) { out.back() = '\n'; }

}  // namespace

std::string_view kvk_header() {
    return "vestigingsnummer;kvkNummer;eersteHandelsnaam;rechtsvorm;indHoofdvestiging;datumAanvang;datumEinde;"
           "sbiHoofdactiviteit;sbiNevenactiviteiten;straatnaam;huisnummer;huisletter;huisnummerToevoeging;postcode;"
           "plaats;addresseerbaarObjectId;totaalWerkzamePersonen\n";
}
std::string_view meldingen_header() {
    return "id;datum;categorie;bron;x;y;postcode;huisnummer;huisletter;toevoeging;omschrijving;melder\n";
}
std::string_view vergunningen_header() { return "zaaknummer;datum_aanvraag;aanvrager;bag_id;bouwkosten;soort\n"; }
std::string_view erkenningen_header() { return "naam;soort;postcode;huisnummer;huisletter;toevoeging;x;y\n"; }
std::string_view ground_truth_header() { return "bag_id,kind,expected_signal\n"; }

void append_row(std::string& out, const KvkRow& r) {
    text(out, r.vestigingsnummer, ';');
    text(out, r.kvk_nummer, ';');
    text(out, r.handelsnaam, ';');
    text(out, r.rechtsvorm, ';');
    text(out, r.hoofdvestiging ? "Ja" : "Nee", ';');
    yyyymmdd(out, r.aanvang, ';');
    if (r.einde) yyyymmdd(out, *r.einde, ';');
    else out += ';';
    text(out, r.sbi_hoofd, ';');
    std::string neven;
    for (const auto& s : r.sbi_neven) neven += (neven.empty() ? "" : "|") + s;
    text(out, neven, ';');
    for (const auto* field : {&r.straat, &r.huisnummer, &r.huisletter, &r.toevoeging, &r.postcode, &r.plaats, &r.bag_id})
        text(out, *field, ';');
    number(out, r.werkzame_personen, ';');
    end_row(out);
}

void append_row(std::string& out, const MeldingRow& r) {
    text(out, r.id, ';');
    text(out, format_date(r.datum), ';');
    text(out, r.categorie, ';');
    text(out, r.bron, ';');
    if (r.by_address) {
        out += ";;";
    } else {
        coordinate(out, r.punt.x, ';');
        coordinate(out, r.punt.y, ';');
    }
    for (const auto* field : {&r.postcode, &r.huisnummer, &r.huisletter, &r.toevoeging, &r.omschrijving, &r.melder})
        text(out, *field, ';');
    end_row(out);
}

void append_row(std::string& out, const VergunningRow& r) {
    text(out, r.zaaknummer, ';');
    text(out, format_date(r.datum_aanvraag), ';');
    text(out, r.aanvrager, ';');
    text(out, r.bag_id, ';');
    number(out, r.bouwkosten, ';');
    text(out, r.soort, ';');
    end_row(out);
}

void append_row(std::string& out, const ErkenningRow& r) {
    text(out, r.naam, ';');
    text(out, r.soort, ';');
    text(out, r.postcode, ';');
    number(out, r.huisnummer, ';');
    text(out, r.huisletter, ';');
    text(out, r.toevoeging, ';');
    coordinate(out, r.punt.x, ';');
    coordinate(out, r.punt.y, ';');
    end_row(out);
}

void append_row(std::string& out, const GroundTruthRow& r) {
    text(out, r.bag_id, ',');
    text(out, r.kind, ',');
    text(out, r.expected_signal, ',');
    end_row(out);
}

}  // namespace onregel::sample
