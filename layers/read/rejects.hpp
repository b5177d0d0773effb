#pragma once
// Every input row that is not used, with the reason: nothing is dropped silently.
#include <filesystem>
#include <map>
#include <string>
#include <vector>

#include "layers/read/reden.hpp"

namespace onregel {

struct Reject {
    std::string laag;    // bag, kvk, meldingen, ...
    std::string bron;    // the input source
    std::string rij;     // "regel 12" or "feature 7"
    std::string id;      // the row's own id when it has one
    Reden reden;
    std::string waarde;  // the offending value
    std::string veld = {};  // the field a reason with "{}" names
    std::string tekst() const { return reden_tekst(reden, veld); }  // Dutch, from the one table
};

class Rejects {
public:
    void add(Reject reject) { rows_.push_back(std::move(reject)); }
    void add(std::string laag, std::string bron, std::string rij, std::string id, RowError e) {
        rows_.push_back({std::move(laag), std::move(bron), std::move(rij), std::move(id), e.reden, std::move(e.waarde), std::move(e.veld)});
    }
    const std::vector<Reject>& rows() const { return rows_; }
    // Counts per layer and reason text, for the manifest.
    std::map<std::string, std::map<std::string, int>> counts() const;
    std::size_t count(const std::string& laag) const;
    // CSV with header laag,bron,rij,id,reden,waarde; fields quoted as needed and neutralised
    // against formula injection when opened in a spreadsheet. `without_kvk` (profile loo): the kvk
    // rows keep their layer, row and reason but neither id nor value, so no vestigingsnummer, KvK
    // number or address of a registration is in the file; the row number finds it in the input.
    std::string csv(bool without_kvk = false) const;

private:
    std::vector<Reject> rows_;
};

// One CSV field: quoted when needed, a leading = + - @ neutralised with an apostrophe.
std::string csv_field(const std::string& value);

}  // namespace onregel
