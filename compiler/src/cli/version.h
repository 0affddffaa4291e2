// specc's version: what `--version` prints and what every manifest records.
#ifndef SPECC_CLI_VERSION_H_
#define SPECC_CLI_VERSION_H_

#include <string>

namespace specc::cli {

// The release version: the latest `vX.Y.Z` tag of the sources, or the CMake project
// version outside git (compiler/cmake/version.cmake). Manifests record this string.
std::string SpeccVersion();

// `specc --version`: the version, plus the commit (`git describe`) when built from git.
std::string VersionLine();

}  // namespace specc::cli

#endif  // SPECC_CLI_VERSION_H_
