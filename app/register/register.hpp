#pragma once
// `onregel register import` and `onregel register purge`: the sheets a gemeente fills in taken into the
// register (all or nothing: a sheet with a rejected row changes nothing), and rows past the
// bewaartermijn removed. Every change goes to the logboek.
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "engine/date.hpp"
#include "engine/register/register.hpp"

namespace onregel {

struct RegisterImportOptions {
    std::string target;       // register.gpkg or PG:…
    std::string config_path;  // empty: the defaults
    std::vector<std::string> controles;     // controles sheets of `run`, filled in; or uitkomsten CSVs
    std::vector<std::string> interventies;  // interventies sheets
};

// Throws input_error listing the rejected rows (file, row, reason, value, what to do) when any sheet
// has one; nothing is written then.
Wijzigingen register_import(const RegisterImportOptions& options);

struct RegisterPurgeOptions {
    std::string target;
    std::string config_path;
    Date peildatum = 0;  // rows older than the bewaartermijn before this day go
};

// The rows removed, per table.
Register register_purge(const RegisterPurgeOptions& options);

// What taking rows in did, per table that was touched, for the logboek and the manifest.
nlohmann::ordered_json wijzigingen_json(const Wijzigingen& wijzigingen);

// Where a register's logboek goes when the config names none: beside the file; for PostgreSQL in the
// working directory.
std::string register_logboek(const std::string& target);

}  // namespace onregel
