#include "command_register.hpp"

#include <iostream>
#include <memory>

#include "app/register/register.hpp"
#include "checks.hpp"
#include "engine/errors.hpp"
#include "engine/text.hpp"

namespace onregel::cli {

namespace {

struct RegisterArguments {
    RegisterImportOptions import;
    RegisterPurgeOptions purge;
    std::string peildatum;
};

const char* register_help = "The register: register.gpkg (created when absent, private) or PG:\"host=... dbname=...\" (PostgreSQL/PostGIS)";

void print_changes(const Wijzigingen& w) {
    for (const auto& [tabel, t] : w.per_tabel)
        if (t.nieuw || t.gewijzigd || t.ongewijzigd)
            std::cout << tabel << ": " << t.nieuw << " nieuw, " << t.gewijzigd << " gewijzigd, " << t.ongewijzigd << " ongewijzigd"
                      << (t.vervallen ? ", " + std::to_string(t.vervallen) + " vervallen" : "") << "\n";
    if (w.leeg()) std::cout << "Het register was al bijgewerkt: niets veranderd.\n";
}

}  // namespace

void add_register_command(CLI::App& app) {
    auto args = std::make_shared<RegisterArguments>();
    auto* cmd = app.add_subcommand("register", "The controle register: controles, constateringen, interventies and runs over the years (see also run --register and monitor)");
    cmd->require_subcommand(1);

    auto* import = cmd->add_subcommand("import", "Take filled-in sheets into the register: the controles sheet of `run` (controles.xlsx/.csv with datum_bezoek, bevinding, constateringen, vervolg), uitkomsten CSVs and interventies sheets. All or nothing; importing the same sheet twice changes nothing");
    import->add_option("--register", args->import.target, register_help)->required();
    import->add_option("--controles", args->import.controles, "Controles sheets as they came back from the door (or uitkomsten CSVs with bag_id)");
    import->add_option("--interventies", args->import.interventies, "Interventies sheets: bag_id, soort, start, einde, afloop");
    import->add_option("--config", args->import.config_path, "TOML configuration with the [register] tables (default: built-in)");
    import->callback([args] {
        if (args->import.controles.empty() && args->import.interventies.empty())
            throw config_error("register import: geef --controles of --interventies (of beide)");
        print_changes(register_import(args->import));
    });

    auto* purge = cmd->add_subcommand("purge", "Remove what is past the bewaartermijn ([register] bewaartermijn_maanden) from the register, as the AVG asks");
    purge->add_option("--register", args->purge.target, register_help)->required();
    purge->add_option("--config", args->purge.config_path, "TOML configuration with [register] bewaartermijn_maanden (default: built-in)");
    purge->add_option("--peildatum", args->peildatum, "Count the bewaartermijn back from this day (YYYY-MM-DD; default: today)");
    purge->callback([args] {
        args->purge.peildatum = args->peildatum.empty() ? today() : date_option(args->peildatum, "--peildatum");
        const auto weg = register_purge(args->purge);
        std::cout << "Verwijderd: " << count_text(static_cast<std::int64_t>(weg.controles.size()), "controle", "controles") << ", "
                  << count_text(static_cast<std::int64_t>(weg.interventies.size()), "interventie", "interventies") << ", "
                  << count_text(static_cast<std::int64_t>(weg.runs.size()), "run", "runs") << " en "
                  << count_text(static_cast<std::int64_t>(weg.meldingen.size()), "meldingentelling", "meldingentellingen") << ".\n";
    });
}

}  // namespace onregel::cli
