#include "app/register/register.hpp"

#include <filesystem>

#include "app/job.hpp"
#include "engine/errors.hpp"
#include "engine/signals/registry.hpp"
#include "engine/text.hpp"
#include "layers/read/sources.hpp"
#include "layers/register/register_store.hpp"
#include "layers/store/files.hpp"
#include "layers/store/logboek.hpp"

namespace onregel {

namespace {

// At most this many rejected rows are named in the message; the rest are counted.
constexpr std::size_t rejects_shown = 20;

Config register_config(const std::string& config_path) { return load_config(config_path, make_signals()); }

std::string logboek_of(const Config& config, const std::string& target) {
    return config.logboek.empty() ? register_logboek(target) : config.logboek;
}

nlohmann::ordered_json start_record(std::string_view commando, const std::string& target, const std::string& config_path) {
    nlohmann::ordered_json record;
    record["commando"] = commando;
    record["register"] = register_naam(target);
    record["config"] = config_record(config_path);
    return record;
}

void throw_rejects(const Rejects& rejects) {
    const auto& rows = rejects.rows();
    std::string message = "niets in het register gezet: " + count_text(static_cast<std::int64_t>(rows.size()), "rij", "rijen") +
                          " kon niet worden gelezen. Verbeter ze en importeer opnieuw (wat al in het register staat, verandert dan niet):";
    for (std::size_t i = 0; i < rows.size() && i < rejects_shown; ++i) {
        const auto& r = rows[i];
        // File, row and reason, not the row's BAG id: the message also goes into the logboek.
        const bool id_value = info(r.reden).key.starts_with("bag_id");
        message += "\n  " + r.bron + ", " + r.rij + ": " + r.tekst() + (r.waarde.empty() || id_value ? "" : " '" + r.waarde + "'") +
                   " — " + std::string(info(r.reden).advies);
    }
    if (rows.size() > rejects_shown) message += "\n  en nog " + std::to_string(rows.size() - rejects_shown) + " meer";
    throw input_error(message);
}

}  // namespace

nlohmann::ordered_json wijzigingen_json(const Wijzigingen& wijzigingen) {
    nlohmann::ordered_json out = nlohmann::ordered_json::object();
    for (const auto& [tabel, t] : wijzigingen.per_tabel)
        if (t.nieuw || t.gewijzigd || t.ongewijzigd || t.vervallen)
            out[tabel] = {{"nieuw", t.nieuw}, {"gewijzigd", t.gewijzigd}, {"ongewijzigd", t.ongewijzigd}, {"vervallen", t.vervallen}};
    return out;
}

std::string register_logboek(const std::string& target) {
    if (is_postgis_register(target)) return "onregel-logboek.jsonl";
    const auto parent = std::filesystem::path(target).parent_path();
    return (parent.empty() ? std::filesystem::path(".") : parent) / "onregel-logboek.jsonl";
}

Wijzigingen register_import(const RegisterImportOptions& options) {
    const Config config = register_config(options.config_path);
    const std::string logboek = logboek_of(config, options.target);
    auto record = start_record("register import", options.target, options.config_path);
    for (const auto& path : options.controles) record["invoer"]["controles"].push_back({{"bron", path}, {"sha256", sha256_file(path)}});
    for (const auto& path : options.interventies)
        record["invoer"]["interventies"].push_back({{"bron", path}, {"sha256", sha256_file(path)}});
    append_logboek_start(logboek, record);
    return logged(logboek, record, [&] {
        Register nieuw;
        Rejects rejects;
        for (const auto& path : options.controles) {
            LayerStats stats;
            read_controles_sheet(path, config.register_beleid, nieuw, rejects, stats);
        }
        for (const auto& path : options.interventies) {
            LayerStats stats;
            read_interventies_sheet(path, config.register_beleid, nieuw, rejects, stats);
        }
        if (!rejects.rows().empty()) throw_rejects(rejects);
        auto wijzigingen = write_register(options.target, nieuw);
        record["wijzigingen"] = wijzigingen_json(wijzigingen);
        record["resultaat"] = "ok";
        append_logboek(logboek, record);
        return wijzigingen;
    });
}

Register register_purge(const RegisterPurgeOptions& options) {
    const Config config = register_config(options.config_path);
    const std::string logboek = logboek_of(config, options.target);
    auto record = start_record("register purge", options.target, options.config_path);
    record["peildatum"] = format_date(options.peildatum);
    record["bewaartermijn_maanden"] = config.register_beleid.bewaartermijn_maanden;
    append_logboek_start(logboek, record);
    return logged(logboek, record, [&] {
        auto weg = verlopen(read_register(options.target), options.peildatum, config.register_beleid.bewaartermijn_maanden);
        delete_from_register(options.target, weg);
        record["verwijderd"] = rijen_per_tabel(weg);
        record["resultaat"] = "ok";
        append_logboek(logboek, record);
        return weg;
    });
}

}  // namespace onregel
