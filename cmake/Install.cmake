# `cmake --install` and CPack: a relocatable layout, bin/onregel with its viewer in
# share/onregel/viewer/ (index.html, app.js, style.css, Leaflet's dist files in leaflet/), which the
# binary finds from /proc/self/exe as ../share/onregel/viewer wherever the prefix is moved.
include(GNUInstallDirs)

set(ONREGEL_LEAFLET_DIST ${PROJECT_SOURCE_DIR}/viewer/node_modules/leaflet/dist)
install(TARGETS onregel RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})
# Leaflet comes from npm, not from the build: say what to do rather than fail on a missing file.
install(CODE "if(NOT EXISTS \"${ONREGEL_LEAFLET_DIST}/leaflet.js\")
  message(FATAL_ERROR \"Leaflet is missing from viewer/node_modules: run scripts/install-viewer first\")
endif()")
install(FILES viewer/index.html viewer/app.js viewer/style.css DESTINATION ${CMAKE_INSTALL_DATADIR}/onregel/viewer)
install(FILES ${ONREGEL_LEAFLET_DIST}/leaflet.js ${ONREGEL_LEAFLET_DIST}/leaflet.css
              ${PROJECT_SOURCE_DIR}/viewer/node_modules/leaflet/LICENSE  # BSD-2-Clause: travels with the copy
        DESTINATION ${CMAKE_INSTALL_DATADIR}/onregel/viewer/leaflet)
install(DIRECTORY ${ONREGEL_LEAFLET_DIST}/images/ DESTINATION ${CMAKE_INSTALL_DATADIR}/onregel/viewer/leaflet/images)

# `cpack -G DEB` in the build directory (scripts/package builds it and tries it out).
set(CPACK_GENERATOR DEB)
set(CPACK_PACKAGE_NAME onregel)
set(CPACK_PACKAGE_VENDOR onregel)
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "Ranks addresses of a Dutch municipality for integrale controles (BAG, KvK, meldingen)")
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_MAINTAINER "onregel <onregel@localhost>")
set(CPACK_DEBIAN_PACKAGE_SECTION science)
# The runtime libraries (GDAL, GEOS, PROJ, oneTBB, jemalloc, ...) as dpkg-shlibdeps reads them off the binary.
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
include(CPack)

if(ONREGEL_BUILD_TESTS)
  # Installs into a temporary prefix, moves it and runs the sample town from the moved copy.
  add_test(NAME install_relocatable
    COMMAND ${PROJECT_SOURCE_DIR}/tests/install/install-and-move ${CMAKE_COMMAND} ${PROJECT_BINARY_DIR}
            ${PROJECT_BINARY_DIR}/tests/install-scratch)
  set_tests_properties(install_relocatable PROPERTIES TIMEOUT 300)
endif()
