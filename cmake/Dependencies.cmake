# Every third-party lookup lives here, version-gated, so the rest of the build names targets only.
# All come from Debian 12 packages (scripts/install-deps installs them).
find_package(GDAL 3.6 CONFIG REQUIRED)        # libgdal-dev: readers and writers (layers/ only)
find_package(PROJ 9.1 CONFIG REQUIRED)        # libproj-dev: RD New <-> WGS84 (layers/ only)
find_package(GEOS 3.11 CONFIG REQUIRED)       # libgeos-dev: polygon predicates (layers/ only)
find_package(Eigen3 3.4 CONFIG REQUIRED)      # libeigen3-dev: dense statistics in engine/analysis
find_package(TBB 2021 CONFIG REQUIRED)        # libtbb-dev: parallel signal evaluation
find_package(nlohmann_json 3.11 CONFIG REQUIRED)  # nlohmann-json3-dev: manifest and JSON inputs
find_package(CLI11 2.1 CONFIG REQUIRED)       # libcli11-dev: argument parsing with generated --help
find_package(OpenSSL 3 REQUIRED)              # libssl-dev: SHA-256 of inputs for manifest and logboek (layers/ only)
find_package(SQLite3 3.31 REQUIRED)           # libsqlite3-dev (GDAL's own): bulk-loaded GeoPackage R-trees (layers/ only)
find_package(tomlplusplus 3.3 CONFIG REQUIRED)  # libtomlplusplus-dev: the TOML config
if(NOT ONREGEL_SANITIZE)  # the sanitizers bring their own allocator
  find_package(PkgConfig REQUIRED)
  pkg_check_modules(JEMALLOC REQUIRED IMPORTED_TARGET jemalloc>=5.2)  # libjemalloc-dev: the onregel executable's malloc
endif()
if(ONREGEL_BUILD_TESTS)
  find_package(GTest 1.12 CONFIG REQUIRED)    # libgtest-dev
  find_package(ZLIB 1.2 REQUIRED)             # zlib1g-dev (comes with libgdal-dev): the canary test inflates XLSX
endif()
