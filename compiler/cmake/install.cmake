# `cmake --install` and `cpack -G DEB`. What a machine gets: the binary (templates are
# compiled in, so it reads nothing of its own at run time), the man page and the bash and
# zsh completions written at build time from the command table that prints --help, the
# README and the copyright file. Included from the top-level CMakeLists.txt, where CPack
# must be configured.
include(GNUInstallDirs)

set(SPECC_DOCS_DIR ${CMAKE_BINARY_DIR}/compiler/docs)
install(TARGETS specc RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})
install(FILES ${SPECC_DOCS_DIR}/specc.1.gz DESTINATION ${CMAKE_INSTALL_MANDIR}/man1)
install(FILES ${SPECC_DOCS_DIR}/specc.bash DESTINATION ${CMAKE_INSTALL_DATADIR}/bash-completion/completions
        RENAME specc)
install(FILES ${SPECC_DOCS_DIR}/_specc DESTINATION ${CMAKE_INSTALL_DATADIR}/zsh/vendor-completions)
install(FILES ${PROJECT_SOURCE_DIR}/README.md ${PROJECT_SOURCE_DIR}/compiler/packaging/copyright
              ${SPECC_DOCS_DIR}/changelog.gz
        DESTINATION ${CMAKE_INSTALL_DOCDIR})

# The Debian package. Runtime dependencies come from dpkg-shlibdeps on the binary (libcurl
# aside, below), never from a hand-written list; the binary is stripped (lintian's
# unstripped-binary-or-object).
set(CPACK_GENERATOR DEB)
set(CPACK_PACKAGE_NAME specc)
set(CPACK_PACKAGE_VENDOR "the specc maintainers")
set(CPACK_PACKAGE_CONTACT "the specc maintainers <maintainers@users.noreply.b-seed-2c625fe9.example>")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "compiles OpenAPI and project specs into code, collections and plans")
# The extended description (the summary above is the synopsis); CPack indents each line.
string(CONCAT CPACK_DEBIAN_PACKAGE_DESCRIPTION
    "specc reads a repository's specs/ (OpenAPI 3.0 and 3.1 documents and a\n"
    "project spec), renders Hono routes, Zod schemas, Postman collections, env\n"
    "contracts, provisioning plans and MCP tool descriptors, and reports drift\n"
    "between what it would generate and what git holds.")
set(CPACK_DEBIAN_PACKAGE_SECTION devel)
set(CPACK_DEBIAN_PACKAGE_PRIORITY optional)
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
# But for libcurl, which `provision` loads when it first sends a request
# (provision/http_curl.cc): dpkg-shlibdeps cannot see that. 7.85 has CURLOPT_PROTOCOLS_STR.
set(CPACK_DEBIAN_PACKAGE_DEPENDS "libcurl4 (>= 7.85.0)")
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_STRIP_FILES ON)
# The package's version is the binary's (specc_version.h, written at build time), read
# when cpack runs rather than when cmake configured the build.
set(CPACK_SPECC_VERSION_HEADER ${CMAKE_BINARY_DIR}/compiler/generated/specc_version.h)
set(CPACK_PROJECT_CONFIG_FILE ${PROJECT_SOURCE_DIR}/compiler/cmake/cpack_version.cmake)
include(CPack)
