# Read by cpack (CPACK_PROJECT_CONFIG_FILE): the package takes the version of the binary it
# holds, from the header the build wrote (cmake/version.cmake).
file(STRINGS "${CPACK_SPECC_VERSION_HEADER}" line REGEX "^#define SPECC_VERSION ")
if(NOT line MATCHES "\"([^\"]+)\"")
  message(FATAL_ERROR "no SPECC_VERSION in ${CPACK_SPECC_VERSION_HEADER}: build specc before packaging it")
endif()
set(CPACK_PACKAGE_VERSION "${CMAKE_MATCH_1}")
set(CPACK_DEBIAN_PACKAGE_VERSION "${CMAKE_MATCH_1}")
