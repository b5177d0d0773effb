// The only place that prints errors and chooses the exit code: 0 ok, 1 the input data, 2 usage or
// configuration, 3 the environment (cannot write, disk full, permission, missing viewer assets).
// Every message is Dutch; CLI11's own are reworded in parse_errors.cpp.
#include <cerrno>
#include <clocale>
#include <filesystem>
#include <iostream>
#include <system_error>

#include "command.hpp"
#include "engine/errors.hpp"
#include "layers/errors.hpp"
#include "parse_errors.hpp"

namespace {

// What the operating system said, in Dutch; its own (English) words for the rare rest.
std::string system_reason(const std::error_code& code) {
    if (code.category() != std::generic_category() && code.category() != std::system_category()) return code.message();
    switch (code.value()) {
        case ENOENT:
            return "bestaat niet";
        case EACCES:
        case EPERM:
            return "geen toestemming";
        case ENOSPC:
            return "de schijf is vol";
        case EDQUOT:
            return "het schijfquotum is op";
        case ENOTDIR:
            return "een deel van het pad is geen map";
        case EISDIR:
            return "is een map";
        case EROFS:
            return "het bestandssysteem is alleen-lezen";
        case EEXIST:
            return "bestaat al";
        case ENOTEMPTY:
            return "de map is niet leeg";
        case EADDRINUSE:
            return "is al in gebruik";
        case EMFILE:
        case ENFILE:
            return "te veel open bestanden";
        case ELOOP:
            return "te veel symbolische koppelingen";
        case ENAMETOOLONG:
            return "de naam is te lang";
        case EIO:
            return "lees- of schrijffout van het apparaat";
        default:
            return code.message();
    }
}

// The path or the context the error was thrown with, then the reason in Dutch.
std::string system_text(const std::system_error& e) {
    if (const auto* fs = dynamic_cast<const std::filesystem::filesystem_error*>(&e); fs && !fs->path1().empty())
        return fs->path1().string() + (fs->path2().empty() ? "" : " -> " + fs->path2().string()) + ": " + system_reason(e.code());
    std::string context = e.what();
    const auto english = ": " + e.code().message();
    if (context.ends_with(english))
        context.resize(context.size() - english.size());
    else if (context == e.code().message())
        context.clear();
    return (context.empty() ? "" : context + ": ") + system_reason(e.code());
}

}  // namespace

int main(int argc, char** argv) {
    std::setlocale(LC_ALL, "C");  // numbers and text are formatted the same under any user locale
    CLI::App app{
        "onregel - finds onregelmatigheden (irregularities) in BAG, KvK and meldingen and ranks\n"
        "locations for integrale controles.",
        "onregel"};
    app.require_subcommand(1);
    app.set_version_flag("--version", ONREGEL_VERSION);
    onregel::cli::add_commands(app);
    try {
        app.parse(argc, argv);
    } catch (const CLI::Success& e) {  // --help, --help-all, --version
        return app.exit(e);
    } catch (const CLI::ParseError& e) {
        std::cerr << onregel::cli::parse_error_text(app, e);
        return 2;
    } catch (const onregel::config_error& e) {
        std::cerr << "onregel: fout in de instellingen: " << e.what() << "\n";
        return 2;
    } catch (const onregel::input_error& e) {
        std::cerr << "onregel: fout in de invoer: " << e.what() << "\n";
        return 1;
    } catch (const onregel::environment_error& e) {
        std::cerr << "onregel: fout in de omgeving: " << e.what() << "\n";
        return 3;
    } catch (const std::system_error& e) {  // std::filesystem and the sockets: the machine, not the data
        std::cerr << "onregel: fout in de omgeving: " << system_text(e) << "\n";
        return 3;
    } catch (const std::exception& e) {
        std::cerr << "onregel: fout: " << e.what() << "\n";
        return 1;
    }
    return 0;
}
