// The driver's front-end stage: which spec files a run reads, and loading them into IR
// (the project spec through the dsl layer, OpenAPI documents through the openapi layer).
// No printing and no argv here: the cli layer decides what to show.
#ifndef SPECC_DRIVER_FRONT_END_H_
#define SPECC_DRIVER_FRONT_END_H_

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "base/diag_sink.h"
#include "base/fs.h"
#include "base/source_map.h"
#include "ir/api.h"
#include "ir/project.h"
#include "sema/schema_meaning.h"
#include "spec/project_config.h"

namespace specc::driver {

struct LoadedApi {
  std::string path;     // display form, relative to the working directory
  std::string service;  // the project's service that names it; empty in plain file mode
  std::optional<ir::Api> api;
  // What `api`'s schemas mean, computed once by LoadApiChecked for its checks and kept
  // for the emitters (Meanings::kKeep). It refers to `api` where it was loaded: see
  // MeaningsOf.
  std::shared_ptr<const sema::SchemaMeanings> meanings;
};

// Whether a load keeps each API's schema meanings for the emitters: a run that renders
// nothing (lint, diff, plan) frees them once its checks are done, since a large API's are
// a fifth of what it holds (diffing GitHub's description against its twin: 100 -> 128 MiB
// when kept).
enum class Meanings : uint8_t { kDrop, kKeep };

struct LoadedSpecs {
  std::optional<ir::Project> project;
  std::vector<LoadedApi> apis;
};

// Loads `paths` (relative to `working_dir`): `.specc` files through the dsl layer (at most
// one project per run), everything else as an OpenAPI document. A project's services bring
// their OpenAPI documents with them. Problems go to `sink`; each IR is present when it
// could be built.
LoadedSpecs LoadSpecs(const std::vector<std::string>& paths, const std::string& working_dir,
                      const Fs& fs, SourceMap& sources, DiagSink& sink, Meanings meanings = Meanings::kDrop);

// LoadSpecs in two steps, so that a run can load each API apart (cli/service_cache.h):
// the project spec, with every API the run reads listed in order but not loaded (`api`
// empty), then each API with LoadApiChecked. LoadSpecs is LoadProjectSpecs followed by
// LoadApiChecked on each API, in order.
LoadedSpecs LoadProjectSpecs(const std::vector<std::string>& paths, const std::string& working_dir, const Fs& fs,
                             SourceMap& sources, DiagSink& sink);
// Loads the OpenAPI document `loaded.path` (relative to `working_dir`) into `loaded.api`
// and reports what its routes, request bodies and schemas mean across the document.
void LoadApiChecked(LoadedApi& loaded, const std::string& working_dir, const Fs& fs, SourceMap& sources,
                    DiagSink& sink, Meanings meanings = Meanings::kDrop);
// The meanings of `loaded.api` (which must be loaded): those LoadApiChecked kept while they
// still refer to it, else computed now (a LoadedApi copied or moved since holds a new
// ir::Api). Computing them is a tenth of the front end on a large description.
std::shared_ptr<const sema::SchemaMeanings> MeaningsOf(const LoadedApi& loaded);

// Reads `specc.yaml` in `root_dir` when there is one; otherwise returns the defaults.
// Problems in the file go to `sink`.
spec::ProjectConfig LoadConfig(const std::string& root_dir, const Fs& fs, SourceMap& sources,
                               DiagSink& sink);

// Returns what repository mode reads from `specs_dir` (relative to `working_dir`): the
// project spec (`*.specc`) when there is one, otherwise the YAML and JSON files whose top
// level has an `openapi` or `swagger` field. Fragments reached by `$ref` are not roots.
Result<std::vector<std::string>> FindSpecInputs(const std::string& specs_dir,
                                                const std::string& working_dir, const Fs& fs);

// Reports SPEC_FILE_UNREACHED for each YAML or JSON file under `specs_dir` (relative to
// `working_dir`) that no description read: call it after LoadSpecs with the SourceMap it
// filled (each such file is added to it, so the warning points at its first line). A file nothing reaches is usually a path or schema someone added and forgot to
// mount, which would otherwise be silently left out. `skip` are files read otherwise (the
// secrets allowlist, a service's files taken unread from its record).
void ReportUnreachedSpecFiles(const std::string& specs_dir, const std::string& working_dir, const Fs& fs,
                              SourceMap& sources, const std::vector<std::string>& skip, DiagSink& sink);

}  // namespace specc::driver

#endif  // SPECC_DRIVER_FRONT_END_H_
