#include "command_monitor.hpp"

#include <iostream>
#include <memory>

#include "app/monitor/monitor.hpp"
#include "checks.hpp"
#include "engine/errors.hpp"
#include "engine/text.hpp"

namespace onregel::cli {

namespace {

struct MonitorArguments {
    MonitorOptions options;
    int jaar = 0;
    std::string van, tot;
};

}  // namespace

void add_monitor_command(CLI::App& app) {
    auto args = std::make_shared<MonitorArguments>();
    auto* cmd = app.add_subcommand("monitor",
                                   "The report for college and raad from the controle register: controles, selection routes, "
                                   "hit rates, interventies, meldingen and signals over the years, and each [[doelen]] goal "
                                   "against what was realised (monitor.html, .md, .xlsx; aggregates only)");
    auto& o = args->options;
    cmd->add_option("--register", o.register_target, "The register: register.gpkg or PG:\"host=... dbname=...\"")->required();
    cmd->add_option("--config", o.config_path, "TOML configuration with [register] and [[doelen]] (default: built-in)");
    auto* jaar = cmd->add_option("--jaar", args->jaar, "Report on this calendar year (default: the year of the latest controle)")
                     ->check(whole_number(1900, 2200));
    auto* van = cmd->add_option("--van", args->van, "First day of the period (YYYY-MM-DD), with --tot");
    auto* tot = cmd->add_option("--tot", args->tot, "Last day of the period, included (YYYY-MM-DD), with --van");
    van->needs(tot);
    tot->needs(van);
    jaar->excludes(van);
    jaar->excludes(tot);
    cmd->add_option("--out", o.out, "Output directory (written privately, replaced only when complete)")->required();
    cmd->add_flag("--overwrite", o.overwrite, "Replace a non-empty --out directory");
    cmd->callback([args, jaar] {
        auto& o = args->options;
        if (jaar->count()) o.jaar = args->jaar;
        if (!args->van.empty() || !args->tot.empty()) {
            o.van = date_option(args->van, "--van");
            o.tot = date_option(args->tot, "--tot");
            if (*o.tot < *o.van)
                throw config_error("--van " + args->van + " ligt na --tot " + args->tot +
                                   ": geef de eerste en de laatste dag van de periode");
        }
        const auto summary = run_monitor(o);
        std::cout << "Geschreven in " << o.out.string() << "/:\n";
        for (const auto& name : summary.written) std::cout << "  " << name << "\n";
        std::cout << "Periode " << format_date(summary.periode.van) << " tot en met " << format_date(summary.periode.tot) << ": "
                  << count_text(summary.controles, "controle", "controles") << ".\n";
        for (const auto& d : summary.doelen) std::cout << "  " << d.naam << ": " << oordeel_name(d.oordeel) << "\n";
    });
}

}  // namespace onregel::cli
