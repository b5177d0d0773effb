#include "layers/read/rejects.hpp"

namespace onregel {

std::map<std::string, std::map<std::string, int>> Rejects::counts() const {
    std::map<std::string, std::map<std::string, int>> out;
    for (const auto& r : rows_) ++out[r.laag][r.tekst()];
    return out;
}

std::size_t Rejects::count(const std::string& laag) const {
    std::size_t n = 0;
    for (const auto& r : rows_) n += r.laag == laag;
    return n;
}

std::string csv_field(const std::string& value) {
    std::string v = value;
    if (!v.empty() && (v[0] == '=' || v[0] == '+' || v[0] == '-' || v[0] == '@' || v[0] == '\t' || v[0] == '\r'))
        v.insert(v.begin(), '\'');
    if (v.find_first_of(",\"\n\r;") == std::string::npos) return v;
    std::string quoted = "\"";
    for (char c : v) {
        if (c == '"') quoted += '"';
        quoted += c;
    }
    return quoted + '"';
}

namespace {

// Long values are cut for the report, at a UTF-8 character boundary.
std::string shorten(const std::string& value) {
    constexpr std::size_t limit = 200;
    if (value.size() <= limit) return value;
    std::size_t cut = limit;
    while (cut > 0 && (static_cast<unsigned char>(value[cut]) & 0xC0) == 0x80) --cut;
    return value.substr(0, cut) + "…";
}

}  // namespace

std::string Rejects::csv(bool without_kvk) const {
    std::string out = "laag,bron,rij,id,reden,waarde\n";
    for (const auto& r : rows_) {
        const bool bare = without_kvk && r.laag == "kvk";
        out += csv_field(r.laag) + ',' + csv_field(r.bron) + ',' + csv_field(r.rij) + ',' + (bare ? "" : csv_field(r.id)) + ',' +
               csv_field(r.tekst()) + ',' + (bare ? "" : csv_field(shorten(r.waarde))) + '\n';
    }
    return out;
}

}  // namespace onregel
