#include "command_sample.hpp"

#include <iostream>

#include "checks.hpp"
#include "engine/sample/history.hpp"
#include "engine/sample/sample.hpp"
#include "engine/text.hpp"
#include "sample/sample_writer.hpp"

namespace onregel::cli {

void add_sample_command(CLI::App& app) {
    auto* cmd = app.add_subcommand("sample", "Write a made-up town (IJsselstein) with planted onregelmatigheden, "
                                             "benign look-alikes, their ground truth and three years of controles "
                                             "in register.gpkg");
    static std::string out;
    static std::uint64_t seed = 1;
    static std::int64_t scale = 0;
    static bool null_world = false;
    static bool quiet = false;
    static int sbi = 2025;
    cmd->add_option("--out", out, "Directory to write into (created when missing; sample files in it are replaced)")
        ->required();
    cmd->add_option("--seed", seed, "Seed of the generator: the same seed writes the same files")->capture_default_str();
    cmd->add_option("--scale", scale,
                    "Benchmark mode: N verblijfsobjecten in towns over the Netherlands instead of IJsselstein (no register.gpkg)")
        ->check(whole_number(1, sample::max_scale));
    cmd->add_flag("--null", null_world,
                  "Null world: the same town with nothing planted (empty ground truth), every melding on a "
                  "verblijfsobject drawn at random and the firms shuffled over the addresses, so the statistical "
                  "signals have nothing to find (no register.gpkg: nobody visited it)");
    cmd->add_option("--sbi", sbi,
                    "SBI version of the KvK codes: 2025 (the register since September 2025) or 2008 (files from before)")
        ->check(one_of({"2008", "2025"}))
        ->capture_default_str();
    cmd->add_flag("--quiet", quiet, "No progress on stderr");
    cmd->callback([] {
        // Beyond two million objects the pand layer only costs time and disk: the signals need the vbo points.
        SampleWriter writer(out, scale <= 2'000'000);
        const bool progress = progress_wanted(quiet);
        std::int64_t written = 0;
        std::optional<Register> history;
        sample::generate({seed, scale, null_world, sbi == 2008 ? SbiVersie::sbi2008 : SbiVersie::sbi2025}, [&](sample::Chunk& chunk) {
            writer.write(chunk);
            if (scale == 0 && !null_world) {
                history = sample::history(chunk, seed);
                writer.write_history(*history);
            }
            written += static_cast<std::int64_t>(chunk.verblijfsobjecten.size());
            if (progress) std::cerr << "\ronregel sample: " << count_text(written, "verblijfsobject", "verblijfsobjecten") << std::flush;
        });
        if (progress) std::cerr << "\n";
        writer.finish();
        for (const auto& layer : summarise_layers(std::filesystem::path(out) / "bag.gpkg"))
            std::cout << "bag.gpkg, laag " << layer.name << ": " << count_text(layer.features, "object", "objecten") << "\n";
        if (history)
            std::cout << "register.gpkg: " << count_text(static_cast<std::int64_t>(history->runs.size()), "run", "runs") << ", "
                      << count_text(static_cast<std::int64_t>(history->controles.size()), "controle", "controles") << ", "
                      << count_text(static_cast<std::int64_t>(history->interventies.size()), "interventie", "interventies") << "\n";
    });
}

}  // namespace onregel::cli
