#include "inputs.hpp"

#include <algorithm>
#include <tbb/task_group.h>

#include "readers.hpp"

namespace onregel {

namespace {

// Each layer reads into its own Town part and Rejects, merged in a fixed order afterwards, so the
// result does not depend on which reader finished first.
struct LayerRead {
    Town part;
    Rejects rejects;
    LayerStats stats;
};

void append(Rejects& into, const Rejects& from) {
    for (const auto& r : from.rows()) into.add(r);
}

}  // namespace

Inputs read_inputs(const InputSources& sources, const ReadOptions& options) {
    Inputs inputs;
    read_bag(sources.bag, inputs.town, inputs.rejects, inputs.layers["bag"]);
    const AddressIndex index(inputs.town.verblijfsobjecten);

    LayerRead kvk, meldingen, vergunningen, erkenningen;
    tbb::task_group group;
    group.run([&] { read_kvk(sources.kvk, index, options, kvk.part, kvk.rejects, kvk.stats); });
    if (!sources.meldingen.empty())
        group.run([&] { read_meldingen(sources.meldingen, index, options, meldingen.part, meldingen.rejects, meldingen.stats); });
    if (!sources.vergunningen.empty())
        group.run([&] { read_vergunningen(sources.vergunningen, index, vergunningen.part, vergunningen.rejects, vergunningen.stats); });
    if (!sources.erkenningen.empty())
        group.run([&] { read_erkenningen(sources.erkenningen, index, options, erkenningen.part, erkenningen.rejects, erkenningen.stats); });
    group.wait();

    Town& town = inputs.town;
    town.vestigingen = std::move(kvk.part.vestigingen);
    town.meldingen = std::move(meldingen.part.meldingen);
    town.vergunningen = std::move(vergunningen.part.vergunningen);
    town.has_vergunningen = vergunningen.part.has_vergunningen;
    town.erkenningen = std::move(erkenningen.part.erkenningen);
    town.has_erkenningen = erkenningen.part.has_erkenningen;
    inputs.layers["kvk"] = std::move(kvk.stats);
    append(inputs.rejects, kvk.rejects);
    if (!sources.meldingen.empty()) {
        inputs.layers["meldingen"] = std::move(meldingen.stats);
        append(inputs.rejects, meldingen.rejects);
    }
    if (!sources.vergunningen.empty()) {
        inputs.layers["vergunningen"] = std::move(vergunningen.stats);
        append(inputs.rejects, vergunningen.rejects);
    }
    if (!sources.erkenningen.empty()) {
        inputs.layers["erkenningen"] = std::move(erkenningen.stats);
        append(inputs.rejects, erkenningen.rejects);
    }

    for (const auto& v : town.vestigingen)
        for (const auto& d : {v.aanvang, v.einde})
            if (d) inputs.latest_date = std::max(inputs.latest_date.value_or(*d), *d);
    for (const auto& m : town.meldingen) inputs.latest_date = std::max(inputs.latest_date.value_or(m.datum), m.datum);
    town.link();
    return inputs;
}

}  // namespace onregel
