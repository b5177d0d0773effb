#include "app/monitor/monitor.hpp"

#include <algorithm>

#include "app/job.hpp"
#include "app/monitor/monitor_report.hpp"
#include "engine/errors.hpp"
#include "engine/signals/meldingen_hotspot.hpp"
#include "engine/signals/registry.hpp"
#include "layers/register/register_store.hpp"
#include "layers/store/files.hpp"
#include "layers/table/xlsx_writer.hpp"

namespace fs = std::filesystem;

namespace onregel {

namespace {

// The loo k-threshold: min_meldingen of meldingen_hotspot as configured (docs/privacy.md).
int loo_k(const Signals& signals) {
    for (const auto& s : signals)
        if (const auto* hotspot = dynamic_cast<const MeldingenHotspot*>(s.get()))
            return static_cast<int>(hotspot->options().min_observed);
    throw std::logic_error("meldingen_hotspot is not registered");
}

// The register's name in the report: its file name, or "PostgreSQL".
std::string bron_naam(const std::string& target) { return fs::path(register_naam(target)).filename().string(); }

MonitorSummary run_job(const MonitorOptions& options, Job& job) {
    const auto signals = make_signals();
    const Config config = job.configure(options.config_path, signals);
    const int k = loo_k(signals);
    if (!is_postgis_register(options.register_target) && !fs::exists(options.register_target))
        throw input_error(options.register_target +
                          ": dit register bestaat niet (maak het met onregel run --register of onregel register import)");
    StagedOutput output(options.out, options.overwrite);
    job.start();

    const Register reg = read_register(options.register_target);
    const auto periode = monitor_periode(options, reg);
    if (!periode)
        throw input_error(register_naam(options.register_target) +
                          ": het register is leeg; er is niets om over te rapporteren (of geef --jaar of --van en --tot)");
    const Monitor monitor = compute_monitor(reg, config.register_beleid, config.doelen, *periode, k);
    const std::string bron = bron_naam(options.register_target);

    MonitorSummary summary;
    summary.periode = *periode;
    summary.doelen = monitor.doelen;
    summary.controles = static_cast<std::int64_t>(std::count_if(reg.controles.begin(), reg.controles.end(), [&](const auto& c) {
        return c.datum >= periode->van && c.datum <= periode->tot;
    }));
    const auto blokken = monitor_blokken(monitor, bron);
    write_private_file(output.file("monitor.html"), html(blokken, monitor_titel(*periode), monitor_print_style()));
    write_private_file(output.file("monitor.md"), markdown(blokken));
    const auto sheets = monitor_sheets(monitor, bron);
    const std::vector<FeatureLayer> layers(sheets.begin(), sheets.end());
    write_xlsx(output.file("monitor.xlsx"), layers);
    summary.written = {"monitor.html", "monitor.md", "monitor.xlsx"};

    auto& record = job.record();
    if (!is_postgis_register(options.register_target))
        record["invoer"]["register"]["sha256"] = sha256_file(options.register_target);
    record["periode"] = {{"van", format_date(periode->van)}, {"tot_en_met", format_date(periode->tot)}};
    record["k"] = k;
    job.commit(output, options.out, summary.written);
    return summary;
}

}  // namespace

std::optional<Periode> monitor_periode(const MonitorOptions& options, const Register& reg) {
    if (options.jaar) return Periode{date_from_ymd(*options.jaar, 1, 1), date_from_ymd(*options.jaar, 12, 31)};
    if (options.van && options.tot) return Periode{*options.van, *options.tot};
    std::optional<Date> laatste;
    for (const auto& c : reg.controles) laatste = std::max(laatste.value_or(c.datum), c.datum);
    if (!laatste) laatste = laatste_datum(reg);
    if (!laatste) return std::nullopt;
    const int jaar = year_of(*laatste);
    return Periode{date_from_ymd(jaar, 1, 1), date_from_ymd(jaar, 12, 31)};
}

MonitorSummary run_monitor(const MonitorOptions& options) {
    Job job("monitor", Profiel::loo,
            {{"register", register_naam(options.register_target)}}, options.out);
    return job.run([&] { return run_job(options, job); });
}

}  // namespace onregel
