// The only place that prints errors and chooses the exit code: 0 ok, 1 the input data, 2 usage or
// configuration, 3 the environment (cannot write, disk full, permission, missing viewer assets).
#include <clocale>
#include <iostream>
#include <system_error>

#include "command.hpp"
#include "engine/errors.hpp"
#include "layers/errors.hpp"

int main(int argc, char** argv) {
    std::setlocale(LC_ALL, "C");  // numbers and text are formatted the same under any user locale
    CLI::App app{"onregel - finds onregelmatigheden (irregularities) in BAG, KvK and meldingen and ranks\n"
                 "locations for integrale controles.",
                 "onregel"};
    app.require_subcommand(1);
    app.set_version_flag("--version", ONREGEL_VERSION);
    onregel::cli::add_commands(app);
    try {
        app.parse(argc, argv);
    } catch (const CLI::CallForHelp& e) {
        return app.exit(e);
    } catch (const CLI::CallForAllHelp& e) {
        return app.exit(e);
    } catch (const CLI::CallForVersion& e) {
        return app.exit(e);
    } catch (const CLI::ParseError& e) {
        app.exit(e);
        return 2;
    } catch (const onregel::config_error& e) {
        std::cerr << "onregel: configuration error: " << e.what() << "\n";
        return 2;
    } catch (const onregel::input_error& e) {
        std::cerr << "onregel: input error: " << e.what() << "\n";
        return 1;
    } catch (const onregel::environment_error& e) {
        std::cerr << "onregel: error: " << e.what() << "\n";
        return 3;
    } catch (const std::system_error& e) {  // std::filesystem and the sockets: the machine, not the data
        std::cerr << "onregel: error: " << e.what() << "\n";
        return 3;
    } catch (const std::exception& e) {
        std::cerr << "onregel: error: " << e.what() << "\n";
        return 1;
    }
    return 0;
}
