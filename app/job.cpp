#include "app/job.hpp"

#include "engine/errors.hpp"

namespace onregel {

Config load_config(const std::string& config_path, const Signals& signals) {
    Config config = config_path.empty() ? default_config(signals)
                                        : parse_config(read_text_file(config_path), config_path, signals);
    configure_signals(config, signals);
    return config;
}

nlohmann::ordered_json config_record(const std::string& config_path) {
    return {{"bron", config_path.empty() ? "standaard" : config_path}, {"sha256", config_path.empty() ? "" : sha256_file(config_path)}};
}

Job::Job(std::string_view commando, Profiel profiel, const std::vector<std::pair<std::string, std::string>>& invoer,
         const std::filesystem::path& out)
    : logboek_(default_logboek(out)) {
    record_["commando"] = commando;
    record_["profiel"] = profiel_name(profiel);
    for (const auto& [layer, path] : invoer) record_["invoer"][layer] = {{"bron", path}};
}

Config Job::configure(const std::string& config_path, const Signals& signals) {
    Config config = load_config(config_path, signals);
    if (!config.logboek.empty()) logboek_ = config.logboek;
    record_["config"] = config_record(config_path);
    return config;
}

void Job::commit(StagedOutput& output, const std::filesystem::path& out, const std::vector<std::string>& written) {
    record_["uitvoer"] = {{"map", out.string()}, {"bestanden", written}};
    output.commit();
    record_["resultaat"] = "ok";
    append_logboek(logboek_, record_);  // after the output appears: "ok" never stands for an output that is not there
}

Date job_peildatum(const Config& config, const Inputs& inputs, const InputSources& sources) {
    require_usable(inputs);
    if (config.peildatum) return *config.peildatum;
    if (!inputs.latest_date)
        throw input_error(sources.kvk + ": geen datums in de KvK-gegevens of de meldingen om de peildatum uit af te leiden; zet peildatum in de configuratie");
    return *inputs.latest_date;
}

}  // namespace onregel
