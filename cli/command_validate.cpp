#include "command_validate.hpp"

#include <iostream>
#include <memory>

#include "engine/errors.hpp"
#include "layers/inputs.hpp"
#include "layers/validate.hpp"

namespace onregel::cli {

namespace {

struct ValidateArguments {
    InputSources sources;
    ReadOptions options;
    std::string bbox;
};

}  // namespace

void add_validate_command(CLI::App& app) {
    auto args = std::make_shared<ValidateArguments>();
    auto* cmd = app.add_subcommand("validate",
                                   "Read the inputs as `run` does and report per layer what was read, matched and rejected; no analysis");
    auto& s = args->sources;
    cmd->add_option("--bag", s.bag, "BAG: bag-light GeoPackage, LV BAG extract (zip of zips or directory), CSV with x/y, PG:...")->required();
    cmd->add_option("--kvk", s.kvk, "KvK vestigingen: CSV or Vestigingsprofiel JSON")->required();
    cmd->add_option("--meldingen", s.meldingen, "Meldingen CSV or GeoJSON (free text is read and dropped)");
    cmd->add_option("--vergunningen", s.vergunningen, "Omgevingsvergunning aanvragen");
    cmd->add_option("--erkenningen", s.erkenningen, "RDW erkende bedrijven");
    cmd->add_option("--buurten", s.buurten, "CBS wijk- en buurtkaart (layer buurten)");
    cmd->add_option("--uitkomsten", s.uitkomsten, "Results of past controles");
    cmd->add_option("--gemeente", args->options.gemeente, "Only this gemeente (4-digit CBS code, e.g. 0221)");
    cmd->add_option("--bbox", args->bbox, "Only this area: minx,miny,maxx,maxy in RD New metres");
    cmd->add_option("--input-srs", args->options.input_srs, "Coordinate system of sources that do not name one (e.g. EPSG:4326)");
    cmd->callback([args] {
        if (!args->bbox.empty()) args->options.bbox = parse_bbox(args->bbox);
        const auto inputs = read_inputs(args->sources, args->options);
        std::cout << validation_report(inputs);
        if (inputs.town.verblijfsobjecten.empty())
            throw input_error(args->sources.bag + ": no usable verblijfsobject (see the reasons above)");
    });
}

}  // namespace onregel::cli
