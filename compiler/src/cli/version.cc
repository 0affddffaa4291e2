#include "cli/version.h"

// Written at build time (compiler/cmake/version.cmake); only this file includes it, so a
// new commit recompiles one small file.
#include "specc_version.h"

namespace specc::cli {

std::string SpeccVersion() { return SPECC_VERSION; }

std::string VersionLine() {
  std::string describe = SPECC_GIT_DESCRIBE;
  return "specc " + SpeccVersion() + (describe.empty() ? "" : " (git " + describe + ")");
}

}  // namespace specc::cli
