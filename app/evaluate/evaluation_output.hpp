#pragma once
// `onregel evaluate`: the outcomes of controles actually done, set against a previous run's output
// directory (its locaties.geojson, controles.csv and manifest.json), written as evaluatie.json and a
// short Dutch summary, evaluatie.md.
#include <filesystem>
#include <map>
#include <optional>
#include <string>

#include "engine/analysis/evaluation.hpp"
#include "engine/date.hpp"

namespace onregel {

struct EvaluatieRapport {
    Evaluatie evaluatie;
    std::string bron;                // the --uitkomsten source
    std::string peildatum;           // of the evaluated run
    std::size_t rijen = 0;           // outcome rows read, those without a visit left out
    std::size_t niet_bezocht = 0;    // rows without datum and uitkomst: the controles sheet, not (yet) visited
    std::size_t gebruikt = 0;        // rows matched to an object of the run
    std::map<std::string, std::size_t> afgewezen;  // reason -> rows not used
    std::optional<Date> van, tot;    // dates of the used outcomes
    std::size_t objecten = 0, gemarkeerd = 0;      // A and a of the PAI
    std::size_t steekproef_voorgesteld = 0;         // steekproef addresses in the proposal
};

// Throws input_error when the directory lacks locaties.geojson or manifest.json, or the outcomes
// cannot be read. The outcomes may be the run's own controles.xlsx or controles.csv, filled in. Outcomes match an object by bag_id or by its exact address; a row matching nothing
// (or only by a guessed suffix) is counted under afgewezen with its reason.
EvaluatieRapport evaluate_run(const std::filesystem::path& run_dir, const std::string& uitkomsten);

std::string evaluatie_json(const EvaluatieRapport& rapport);
std::string evaluatie_md(const EvaluatieRapport& rapport);

}  // namespace onregel
