// The driver's front-end stage: which spec files a run reads, and loading them into IR.
// No printing and no argv here: the cli layer decides what to show.
#ifndef SPECC_DRIVER_FRONT_END_H_
#define SPECC_DRIVER_FRONT_END_H_

#include <optional>
#include <string>
#include <vector>

#include "base/diag_sink.h"
#include "base/fs.h"
#include "base/source_map.h"
#include "ir/api.h"

namespace specc::driver {

struct LoadedApi {
  std::string path;  // as given (display form)
  std::optional<ir::Api> api;
};

// Loads every OpenAPI file in `paths` (relative to `working_dir`). Problems go to `sink`;
// each file's IR is present when it could be lowered.
std::vector<LoadedApi> LoadApis(const std::vector<std::string>& paths, const std::string& working_dir,
                                const Fs& fs, SourceMap& sources, DiagSink& sink);

// Returns the root documents of `specs_dir` (relative to `working_dir`): the YAML and
// JSON files whose top level has an `openapi` or `swagger` field, sorted. Fragments that
// other files reach by `$ref` are not roots.
Result<std::vector<std::string>> FindSpecRoots(const std::string& specs_dir,
                                               const std::string& working_dir, const Fs& fs);

}  // namespace specc::driver

#endif  // SPECC_DRIVER_FRONT_END_H_
