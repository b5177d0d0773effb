#include "command_gebied.hpp"

#include <iostream>
#include <memory>

#include "checks.hpp"
#include "app/gebied/gebied.hpp"
#include "engine/text.hpp"

namespace onregel::cli {

namespace {

struct GebiedArguments {
    GebiedOptions options;
    std::string profiel = "loo";
};

}  // namespace

void add_gebied_command(CLI::App& app) {
    auto args = std::make_shared<GebiedArguments>();
    auto* cmd = app.add_subcommand("gebied", "Per drawn area (bedrijventerrein, street, buurt): a basisdataset per address "
                                             "and an informatiebeeld beside the whole gemeente");
    auto& o = args->options;
    cmd->add_option("--bag", o.sources.bag, "BAG source, as for `onregel run`")->required();
    cmd->add_option("--kvk", o.sources.kvk, "KvK vestigingen, as for `onregel run`")->required();
    cmd->add_option("--meldingen", o.sources.meldingen, "Meldingen CSV or GeoJSON (free text is read and dropped)");
    cmd->add_option("--gebied", o.gebied, "Areas: any polygon source (GeoJSON in WGS84, GeoPackage in RD New, CBS buurten, OSM landuse)")->required();
    cmd->add_option("--naam-kolom", o.naam_kolom, "Column that names the areas (default: naam, name or buurtnaam; else \"gebied <n>\")");
    cmd->add_option("--config", o.config_path, "TOML configuration (see `onregel config --default`)");
    cmd->add_option("--profiel", args->profiel, "Output profile: loo (no handelsnamen or KvK numbers) or handhaving")->check(one_of({"loo", "handhaving"}));
    cmd->add_option("--out", o.out, "Output directory (written privately, replaced only when complete)")->required();
    cmd->add_flag("--overwrite", o.overwrite, "Replace a non-empty --out directory");
    cmd->callback([args] {
        args->options.profiel = parse_profiel(args->profiel);
        const auto summary = run_gebied(args->options);
        std::cout << "Geschreven in " << args->options.out.string() << "/:\n";
        for (const auto& name : summary.written) std::cout << "  " << name << "\n";
        for (const auto& g : summary.gebieden)
            std::cout << g.naam << ": " << count_text(g.objecten, "verblijfsobject", "verblijfsobjecten") << ", "
                      << count_text(g.vestigingen, "actieve vestiging", "actieve vestigingen") << ", "
                      << count_text(g.objecten_met_signaal, "object", "objecten") << " met een signaal\n";
    });
}

}  // namespace onregel::cli
