// The OpenAPI front end's entry point: load a description (one file or many joined by
// `$ref`), validate it against the OpenAPI 3.0/3.1 object model, and lower it to the IR.
#ifndef SPECC_OPENAPI_LOAD_H_
#define SPECC_OPENAPI_LOAD_H_

#include <cstdint>
#include <optional>
#include <string>

#include "base/diag_sink.h"
#include "base/fs.h"
#include "base/source_map.h"
#include "ir/api.h"

namespace specc::openapi {

// The work of the steps whose cost input shapes could make super-linear, counted so that
// tests can bound it (hostile input must cost time linear in its size).
struct LoadWork {
  // References followed one step (each `$ref` of a chain, once per description),
  // JSON-pointer tokens walked and map keys indexed for them.
  uint64_t ref_steps = 0;
  // Names tried for schemas that live in other files (`pet`, then `pet2`, ...).
  uint64_t name_probes = 0;
};

// Loads the description whose root document is `path` (readable through `fs`). Reports
// every problem found to `sink`. Returns the IR when the documents parsed and are OpenAPI
// 3.0 or 3.1 (the IR may be partial when `sink` has errors), std::nullopt otherwise.
// Printed paths are relative to `display_base`. When `work` is given, adds what loading
// cost to it.
std::optional<ir::Api> LoadApi(const std::string& path, const Fs& fs, SourceMap& sources,
                               DiagSink& sink, const std::string& display_base,
                               LoadWork* work = nullptr);

}  // namespace specc::openapi

#endif  // SPECC_OPENAPI_LOAD_H_
