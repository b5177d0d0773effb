#include "app/gebied/gebied.hpp"

#include <algorithm>
#include <map>

#include "app/gebied/basisdataset.hpp"
#include "app/gebied/informatiebeeld_json.hpp"
#include "app/gebied/informatiebeeld_tekst.hpp"
#include "app/job.hpp"
#include "app/report/document.hpp"
#include "engine/analysis/informatiebeeld.hpp"
#include "engine/config.hpp"
#include "engine/errors.hpp"
#include "engine/grid_index.hpp"
#include "engine/signals/registry.hpp"
#include "engine/text.hpp"
#include "layers/store/files.hpp"
#include "layers/table/xlsx_writer.hpp"
#include "layers/store/viewer_export.hpp"

namespace fs = std::filesystem;

namespace onregel {

namespace {

std::string invoer_naam(const std::string& path) { return fs::path(path).filename().string(); }

GebiedSummary run_job(const GebiedOptions& options, Job& job) {
    // Configuration and areas first: mistakes in either are reported before the registers are read.
    const auto signals = make_signals();
    const Config config = job.configure(options.config_path, signals);
    const auto gebieden = read_gebieden(options.gebied, options.naam_kolom);
    StagedOutput output(options.out, options.overwrite);
    job.start();  // once --out is accepted, before any input is read

    Inputs inputs = read_inputs(options.sources, ReadOptions{});
    Town& town = inputs.town;
    town.peildatum = job_peildatum(config, inputs, options.sources);

    const GridIndex vbo_index(points_of(town.verblijfsobjecten), 50), melding_index(points_of(town.meldingen), 50);
    const Context context{town, vbo_index, melding_index, config.policy};
    const auto ranked = score_town(context, config, signals);

    const auto leden = gebied_leden(gebieden, town);
    const Gemeentebeeld beeld(town, config.policy, ranked);
    std::map<std::string, std::string> beschrijvingen;
    for (const auto& s : signals) beschrijvingen[s->info().id] = s->info().beschrijving;

    GebiedSummary summary;
    auto write = [&](const std::string& name, const std::string& content) {
        write_private_file(output.file(name), content);
        summary.written.push_back(name);
    };
    write("rejects.csv", inputs.rejects.csv(options.profiel == Profiel::loo));

    nlohmann::ordered_json beeld_json;
    beeld_json["onregel"] = ONREGEL_VERSION;
    beeld_json["peildatum"] = format_date(town.peildatum);
    beeld_json["profiel"] = profiel_name(options.profiel);
    beeld_json["invoer"] = {{"bag", invoer_naam(options.sources.bag)},
                            {"kvk", invoer_naam(options.sources.kvk)},
                            {"meldingen", options.sources.meldingen.empty() ? "" : invoer_naam(options.sources.meldingen)},
                            {"gebied", invoer_naam(options.gebied)}};
    auto jaren = nlohmann::ordered_json::array();
    for (const auto& [van, tot] : beeld.jaren()) jaren.push_back({{"van", format_date(van)}, {"tot_en_met", format_date(tot)}});
    beeld_json["jaren"] = jaren;
    beeld_json["meldingen_vanaf"] = beeld.meldingen_vanaf() ? nlohmann::ordered_json(format_date(*beeld.meldingen_vanaf())) : nullptr;
    beeld_json["gemeente"] = cijfers_json(beeld.gemeente());
    beeld_json["gebieden"] = nlohmann::ordered_json::array();

    std::vector<Blok> blokken = {
        {Blok::kop1, "Informatiebeeld per gebied", {}, {}},
        {Blok::alinea,
         "Peildatum " + format_date(town.peildatum) + ", profiel " + std::string(profiel_name(options.profiel)) +
             ". Bronnen: BAG " + invoer_naam(options.sources.bag) + ", KvK " + invoer_naam(options.sources.kvk) +
             (options.sources.meldingen.empty() ? "" : ", meldingen " + invoer_naam(options.sources.meldingen)) +
             ", gebieden " + invoer_naam(options.gebied) + ".",
         {}, {}},
        {Blok::alinea,
         "Een verblijfsobject hoort bij een gebied als zijn punt (BAG) in het vlak of op de rand ligt; van een pand op de "
         "grens tellen alleen de objecten binnen het vlak. De kolom Gemeente geeft hetzelfde kengetal voor de hele invoer, "
         "ter vergelijking. De kengetallen volgen de aandachtspunten van de handreikingen voor een integraal "
         "informatiebeeld (Taskforce-RIEC, Avans) en van het onderzoek naar bedrijventerreinen (WODC, 2018) en de "
         "provinciale risicoscans: leegstand, verloop, risicobranches, rechtsvormen, meldingen en signalen. Een kengetal "
         "is een reden om te kijken, geen bewijs.",
         {}, {}},
    };
    const RdToWgs84 to_wgs84;
    std::vector<Gebiedscijfers> alle_cijfers;
    std::vector<std::uint32_t> in_gebied;
    for (std::size_t i = 0; i < gebieden.size(); ++i) {
        const auto& gebied = gebieden[i];
        const auto cijfers = beeld.cijfers(leden[i].vbos, leden[i].meldingen);
        const auto tabel = basisdataset_table(town, config.policy, beeld, leden[i].vbos, options.profiel);
        write(gebied.bestand + ".csv", feature_table_csv(tabel, true));
        write_xlsx(output.file(gebied.bestand + ".xlsx"), tabel);
        summary.written.push_back(gebied.bestand + ".xlsx");

        nlohmann::ordered_json entry;
        entry["naam"] = gebied.naam;
        entry["bestanden"] = {gebied.bestand + ".xlsx", gebied.bestand + ".csv"};
        entry["kengetallen"] = kengetallen_json(kengetallen(cijfers, beeld.gemeente()));
        entry["cijfers"] = cijfers_json(cijfers);
        beeld_json["gebieden"].push_back(std::move(entry));
        const auto eigen = gebied_blokken(gebied, cijfers, beeld, beschrijvingen);
        blokken.insert(blokken.end(), eigen.begin(), eigen.end());
        summary.gebieden.push_back({gebied.naam, gebied.bestand, cijfers.objecten, cijfers.vestigingen, cijfers.objecten_met_signaal});
        alle_cijfers.push_back(cijfers);
        in_gebied.insert(in_gebied.end(), leden[i].vbos.begin(), leden[i].vbos.end());
    }
    write("informatiebeeld.json", beeld_json.dump(1) + "\n");
    write("informatiebeeld.md", markdown(blokken));
    write("informatiebeeld.html", html(blokken, "Informatiebeeld per gebied"));
    const auto gebieden_json = gebieden_geojson(gebieden, alle_cijfers, beeld, to_wgs84);
    write("gebieden.geojson", gebieden_json);

    // The viewer: the areas over the panden, with the flagged objects inside them.
    std::sort(in_gebied.begin(), in_gebied.end());
    std::vector<Beoordeling> in_gebieden;
    for (const auto& b : ranked)
        if (std::binary_search(in_gebied.begin(), in_gebied.end(), b.vbo)) in_gebieden.push_back(b);
    nlohmann::ordered_json meta;
    meta["profiel"] = profiel_name(options.profiel);
    meta["peildatum"] = format_date(town.peildatum);
    meta["signalen"] = beschrijvingen;
    meta["signalen"][integrale_bonus_id] = "Signalen uit meerdere domeinen op één adres (integrale bonus)";
    // The basemap as in the run's viewer: the panden near the objects in the areas, not every pand read.
    std::vector<Point> in_gebied_punten;
    in_gebied_punten.reserve(in_gebied.size());
    for (auto v : in_gebied) in_gebied_punten.push_back(town.verblijfsobjecten[v].punt);
    export_viewer(output.dir(), {{"meta", meta.dump()},
                                 {"panden", panden_geojson(town, panden_near(town, in_gebied_punten, viewer_basemap_radius),
                                                           to_wgs84)},
                                 {"gebieden", gebieden_json},
                                 {"locaties", feature_table_geojson(locaties_layer(town, in_gebieden, options.profiel), to_wgs84)}});
    summary.written.push_back("viewer/index.html");

    auto& invoer = job.record()["invoer"];
    invoer["gebied"]["sha256"] = sha256_file(options.gebied);
    for (const auto& [layer, path] : {std::pair<const char*, const std::string&>{"bag", options.sources.bag},
                                      {"kvk", options.sources.kvk}, {"meldingen", options.sources.meldingen}})
        if (!path.empty()) invoer[layer]["sha256"] = sha256_file(path);
    job.commit(output, options.out, summary.written);
    return summary;
}

}  // namespace

GebiedSummary run_gebied(const GebiedOptions& options) {
    auto invoer = options.sources.given();
    invoer.insert(invoer.begin(), {"gebied", options.gebied});
    Job job("gebied", options.profiel, invoer, options.out);
    return job.run([&] { return run_job(options, job); });
}

}  // namespace onregel
