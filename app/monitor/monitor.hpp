#pragma once
// `onregel monitor`: the report for college and raad over a year (or any period), from the controle
// register — prestatie (controles, selection routes and their hit rates, constateringen, interventies
// and how they ended), effect (meldingen and signals over the years, repeat addresses) and every
// [[doelen]] goal against what was realised. Writes monitor.html (one printable page, charts as inline
// SVG), monitor.md and monitor.xlsx, staged privately, with the logboek lines of every job.
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "app/monitor/monitor_figures.hpp"
#include "engine/date.hpp"

namespace onregel {

struct MonitorOptions {
    std::string register_target;   // register.gpkg or PG:…
    std::string config_path;       // empty: the defaults
    std::optional<int> jaar;       // a calendar year; or
    std::optional<Date> van, tot;  // a period, both days included; neither: the year of the latest controle
    std::filesystem::path out;
    bool overwrite = false;
};

struct MonitorSummary {
    std::vector<std::string> written;  // file names inside --out
    Periode periode;
    std::int64_t controles = 0;
    std::vector<DoelUitkomst> doelen;
};

// Throws input_error when the register cannot be read (a file that does not exist included) or, with no
// period given, holds nothing to report on.
MonitorSummary run_monitor(const MonitorOptions& options);

// The period of the options: --jaar, --van/--tot, else the calendar year of the latest controle (or of
// the latest row) in `reg`; nullopt when the register is empty and no period was given.
std::optional<Periode> monitor_periode(const MonitorOptions& options, const Register& reg);

}  // namespace onregel
