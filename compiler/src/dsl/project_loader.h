// The entry point of the dsl layer: loads the project spec (specs/*.specc) into the
// project IR. Parsing (dsl/parser.h) and checking (dsl/checker.h) happen behind it; the
// driver calls only this.
#ifndef SPECC_DSL_PROJECT_LOADER_H_
#define SPECC_DSL_PROJECT_LOADER_H_

#include <optional>
#include <string_view>

#include "base/diag_sink.h"
#include "base/fs.h"
#include "base/loc.h"
#include "base/source_map.h"
#include "ir/project.h"

namespace specc::dsl {

// Parses and checks the project spec held in `file` of `sources`. Reports every syntax and
// semantic problem to `sink` (all of them, not only the first); returns the project when
// the file parsed (even if semantic errors were reported), std::nullopt otherwise: after a
// syntax error no semantic check runs, since a half-parsed file would only produce noise.
// `fs` and `spec_dir` (the directory of the .specc file, as a path usable with fs) are used
// to check that the OpenAPI files named by services exist. Never throws or aborts on any
// input. REQUIRES: `file` is a file of `sources`.
std::optional<ir::Project> LoadProject(FileId file, const SourceMap& sources, const Fs& fs,
                                       std::string_view spec_dir, DiagSink& sink);

}  // namespace specc::dsl

#endif  // SPECC_DSL_PROJECT_LOADER_H_
