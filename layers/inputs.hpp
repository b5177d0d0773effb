#pragma once
// Reading the inputs into one Town: BAG first (it is what everything is matched against), then KvK
// and meldingen side by side. Every row is either used or in the rejects with its reason.
#include <map>
#include <optional>
#include <string>

#include "engine/model.hpp"
#include "rejects.hpp"

namespace onregel {

struct InputSources {
    std::string bag;
    std::string kvk;
    std::string meldingen;     // optional: empty when not given
    std::string vergunningen;  // optional
    std::string erkenningen;   // optional
};

struct ReadOptions {
    double match_radius = 10;  // metres: nearest object for rows that only have coordinates
};

// What the manifest says about one input layer.
struct LayerStats {
    std::string bron;
    std::string driver;
    std::size_t rows = 0;  // rows read
    std::size_t used = 0;  // rows that reached the model
    std::map<std::string, std::size_t> match_methods;  // used rows per match method
};

struct Inputs {
    Town town;  // linked, peildatum not yet set
    Rejects rejects;
    std::map<std::string, LayerStats> layers;  // by layer name: bag, kvk, meldingen, ...
    std::optional<Date> latest_date;           // the latest date in KvK and meldingen
};

Inputs read_inputs(const InputSources& sources, const ReadOptions& options);

}  // namespace onregel
