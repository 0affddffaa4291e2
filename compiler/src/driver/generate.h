// The driver's generate stage: runs the emitters of the requested artifact kinds over the
// loaded specs and returns every file they would write, in memory. Nothing is written here:
// `specc emit` writes the result into --out, and `apply` hands it to the drift engine.
#ifndef SPECC_DRIVER_GENERATE_H_
#define SPECC_DRIVER_GENERATE_H_

#include <string>
#include <vector>

#include "base/diag_sink.h"
#include "base/output_set.h"
#include "driver/front_end.h"
#include "emit/emitter.h"
#include "emit/template_set.h"

namespace specc::driver {

// Returns the files the emitters of `kinds` ("schemas", "routes", "mcp", "openapi"; empty
// for every kind) render for `specs`. Each API's files go under a directory named after its
// service (file mode: the spec file's base name, "petstore-expanded"). A kind another one
// needs (the routes import the schemas) is added. Problems, such as template errors, go to
// `sink`; the returned set is then incomplete and must not be written.
// `options` are the emitters' options from specc.yaml (the defaults in file mode).
// REQUIRES: every entry of `kinds` names an emitter (emit::FindEmitter).
OutputSet Generate(const LoadedSpecs& specs, const std::vector<std::string>& kinds,
                   const emit::TemplateSet& templates, DiagSink& sink,
                   const emit::EmitOptions& options = {});

// One output directory's artifact kinds and their options (specc.yaml groups the kinds
// that share a directory).
struct GenerateGroup {
  std::vector<std::string> kinds;
  emit::EmitOptions options;
};

// Generate for each group, with the emitters of every group running in parallel
// (driver/parallel.h). Returns one OutputSet per group, and reports to `sink` exactly what
// calling Generate for each group in turn would: the same files, the same diagnostics in
// the same order, whatever the number of threads.
// REQUIRES: every kind names an emitter.
std::vector<OutputSet> GenerateGroups(const LoadedSpecs& specs, const std::vector<GenerateGroup>& groups,
                                      const emit::TemplateSet& templates, DiagSink& sink);

}  // namespace specc::driver

#endif  // SPECC_DRIVER_GENERATE_H_
