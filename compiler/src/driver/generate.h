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
#include "emit/registry.h"
#include "emit/template_set.h"

namespace specc::driver {

// Returns the files the emitters of `kinds` ("schemas", "routes", "mcp", "openapi"; empty
// for every kind) render for `specs`. Each API's files go under a directory named after its
// service (file mode: the spec file's base name, "petstore-expanded"). A kind another one
// needs (the routes import the schemas) is added. Problems, such as template errors, go to
// `sink`; the returned set is then incomplete and must not be written.
// `options` are the emitters' options from specc.yaml (the defaults in file mode).
// With a `consumer`, each file is offered to it as it is rendered (OutputConsumer); the
// files it takes are in the returned set settled, without their bytes.
// REQUIRES: every entry of `kinds` names an emitter (emit::FindEmitter).
OutputSet Generate(const LoadedSpecs& specs, const std::vector<std::string>& kinds,
                   const emit::TemplateSet& templates, DiagSink& sink,
                   const emit::EmitOptions& options = {}, OutputConsumer* consumer = nullptr);

// One output directory's artifact kinds and their options (specc.yaml groups the kinds
// that share a directory).
struct GenerateGroup {
  std::vector<std::string> kinds;
  emit::EmitOptions options;
};

// Generate for each group, with the emitters of every group running in parallel
// (driver/parallel.h). Returns one OutputSet per group, and reports to `sink` exactly what
// calling Generate for each group in turn would: the same files, the same diagnostics in
// the same order, whatever the number of threads. `consumers` is empty, or holds each
// group's consumer (null for none), as Generate's.
// REQUIRES: every kind names an emitter.
std::vector<OutputSet> GenerateGroups(const LoadedSpecs& specs, const std::vector<GenerateGroup>& groups,
                                      const emit::TemplateSet& templates, DiagSink& sink,
                                      const std::vector<OutputConsumer*>& consumers = {});

// GenerateGroups split by what each file comes from, so that a run can take an unchanged
// service's share from an earlier run (cli/service_cache.h). Every emitter either renders
// each API apart (EmitterInfo::per_api) or reads the project only, so a run's files are
// the project's part plus each API's part, and its diagnostics are, task by task, the
// project's part or each API's part in API order.
struct EmitTask {
  size_t group = 0;
  const emit::EmitterInfo* info = nullptr;
};
// The emitters GenerateGroups runs for `groups`, in the order it runs them.
// REQUIRES: every kind names an emitter.
std::vector<EmitTask> PlanEmitTasks(const std::vector<GenerateGroup>& groups);

// The directory of each API of `specs`, in order: its service's name (file mode: the
// spec file's base name), kebab-cased and made unique.
std::vector<std::string> ServiceDirNames(const LoadedSpecs& specs);

// One part of a run's rendering.
struct RenderedPart {
  std::vector<OutputSet> files;  // per group
  std::vector<DiagSink> diags;   // per task (PlanEmitTasks); empty for tasks of the other kind
};

// The consumers (OutputConsumer) of RenderParts: each is empty, or holds one consumer per
// output group (null for none), for the project's part and for the APIs' parts.
struct PartConsumers {
  std::vector<OutputConsumer*> project;
  std::vector<OutputConsumer*> apis;
};

// Renders the project's part into `*project` and, for each API `i` with `render[i]` (whose
// `api` is loaded), its part into `(*apis)[i]`, on all cores. `names` are ServiceDirNames.
// The parts of the APIs not rendered are left as they are.
void RenderParts(const LoadedSpecs& specs, const std::vector<std::string>& names,
                 const std::vector<GenerateGroup>& groups, const std::vector<EmitTask>& tasks,
                 const emit::TemplateSet& templates, const std::vector<bool>& render, RenderedPart* project,
                 std::vector<RenderedPart>* apis, const PartConsumers& consumers = {});

}  // namespace specc::driver

#endif  // SPECC_DRIVER_GENERATE_H_
