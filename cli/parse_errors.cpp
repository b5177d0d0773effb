#include "parse_errors.hpp"

#include <regex>
#include <vector>

#include "engine/match/similar.hpp"
#include "engine/text.hpp"

namespace onregel::cli {

namespace {

bool is_option(const std::string& word) { return word.size() > 1 && word[0] == '-'; }

std::string suggestion(const std::vector<std::string>& closest) {
    return closest.empty() ? std::string() : "; bedoelde u " + list_text(closest, " of ") + "?";
}

std::vector<std::string> command_names(const CLI::App& app) {
    std::vector<std::string> names;
    for (const auto* sub : app.get_subcommands([](const CLI::App*) { return true; })) names.push_back(sub->get_name());
    return names;
}

std::string unknown_option(const CLI::App& command, const std::string& written) {
    const auto name = written.substr(0, written.find('='));
    std::vector<std::string> known;
    for (const auto* option : command.get_options())
        for (const auto& long_name : option->get_lnames()) known.push_back(long_name);
    auto closest = closest_names(name.substr(name.find_first_not_of('-')), known);
    for (auto& c : closest) c = "--" + c;
    return "onbekende optie " + name + suggestion(closest);
}

std::string no_command(const CLI::App& app) {
    for (const auto& word : app.remaining(true))
        if (!is_option(word)) return "'" + word + "' is geen commando" + suggestion(closest_names(word, command_names(app)));
    return "geef een commando: " + list_text(command_names(app), " of ");
}

std::string missing_options(const CLI::App& command) {
    std::vector<std::string> missing;
    for (const auto* option : command.get_options())
        if (option->get_required() && option->count() == 0) missing.push_back(option->get_name());
    if (missing.empty()) return "er ontbreekt een verplicht argument";
    return list_text(missing) + (missing.size() == 1 ? " ontbreekt" : " ontbreken");
}

std::string unexpected(const CLI::App& app, const CLI::App& command) {
    std::vector<std::string> options, words;
    for (const auto& word : app.remaining(true)) (is_option(word) ? options : words).push_back(word);
    std::string out;
    for (const auto& option : options) out += (out.empty() ? "" : "; ") + unknown_option(command, option);
    if (!options.empty()) return out;  // the words are most likely the values of those options
    return (words.size() == 1 ? "onverwacht argument " : "onverwachte argumenten ") + list_text(words);
}

// The parts of a CLI11 message of a known shape, e.g. "--per-dag requires --capaciteit".
bool shaped(const std::string& text, const char* pattern, std::smatch& parts) {
    return std::regex_match(text, parts, std::regex(pattern));
}

std::string reworded(const CLI::ParseError& error) {
    std::string text = error.what();
    std::smatch p;
    if (dynamic_cast<const CLI::ValidationError*>(&error)) return text;  // the checks in checks.cpp speak Dutch
    if (dynamic_cast<const CLI::RequiresError*>(&error) && shaped(text, R"((\S+) requires (\S+))", p))
        return p[1].str() + " kan alleen samen met " + p[2].str();
    if (dynamic_cast<const CLI::ExcludesError*>(&error) && shaped(text, R"((\S+) excludes (\S+))", p))
        return p[1].str() + " en " + p[2].str() + " gaan niet samen";
    if (dynamic_cast<const CLI::ArgumentMismatch*>(&error) && shaped(text, R"(([^:\s]+)[:\s].*)", p))
        return p[1].str() + (text.find("missing") != std::string::npos || text.find("At least") != std::string::npos
                                 ? ": de waarde ontbreekt"
                                 : ": te veel waarden");
    if (dynamic_cast<const CLI::ConversionError*>(&error)) {
        if (shaped(text, R"(Could not convert: (\S+) = (.*))", p))
            return p[1].str() + ": '" + p[2].str() + "' is geen geldige waarde";
        if (shaped(text, R"(The value (.*) is not an allowed value for (\S+))", p))
            return p[2].str() + ": '" + p[1].str() + "' is geen geldige waarde";
        if (shaped(text, R"(([^:\s]+):.*)", p)) return p[1].str() + " is een schakelaar en neemt geen waarde";
    }
    return "de aanroep klopt niet";
}

}  // namespace

std::string parse_error_text(const CLI::App& app, const CLI::ParseError& error) {
    // The deepest command given: `onregel register import` is the import's error.
    const CLI::App* command = nullptr;
    std::string who = "onregel";
    for (const CLI::App* at = &app;;) {
        const CLI::App* next = nullptr;
        for (const auto* sub : at->get_subcommands()) next = sub;
        if (!next) break;
        command = at = next;
        who += " " + next->get_name();
    }
    std::string what;
    if (!command)
        what = no_command(app);
    else if (dynamic_cast<const CLI::RequiredError*>(&error) && command->get_require_subcommand_min() > 0 && command->get_subcommands().empty())
        what = no_command(*command);
    else if (dynamic_cast<const CLI::RequiredError*>(&error))
        what = missing_options(*command);
    else if (dynamic_cast<const CLI::ExtrasError*>(&error))
        what = unexpected(app, *command);
    else
        what = reworded(error);
    return who + ": " + what + "\nZie " + who + " --help.\n";
}

}  // namespace onregel::cli
