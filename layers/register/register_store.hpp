#pragma once
// The register kept in one GeoPackage file (the default: private, mode 0600) or in PostgreSQL/PostGIS
// ("PG:…", when OOV and handhaving share it). Both through OGR with the same tables and columns; every
// write is an upsert on the row's key (INSERT … ON CONFLICT, which SQLite and PostgreSQL both speak)
// inside one transaction, so a second import of the same rows changes nothing and two writers at once
// on PostgreSQL lose nothing.
#include <string>

#include "engine/register/register.hpp"

namespace onregel {

// True for "PG:…"; anything else is a GeoPackage file path.
bool is_postgis_register(const std::string& target);

// How messages, the logboek and manifests name the register: the path of a file, "PostgreSQL" for a
// PG: string (it may hold a password).
std::string register_naam(const std::string& target);

// The whole register, each table sorted by key. A GeoPackage that does not exist reads as empty.
// Throws input_error when the target cannot be opened or a table has not the register's columns.
Register read_register(const std::string& target);

// Takes `nieuw` in: rows that are new or differ from the stored row with the same key are written, in
// one transaction; what happened per table is returned. Creates the file or the tables when absent.
Wijzigingen write_register(const std::string& target, const Register& nieuw);

// Deletes these rows (by key) in one transaction; returns how many were deleted.
int delete_from_register(const std::string& target, const Register& rows);

// The register's tables in the order they are written, for docs and messages.
const std::vector<std::string>& register_tables();

}  // namespace onregel
