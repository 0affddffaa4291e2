// The semantic checker of the project spec language: dsl syntax tree (dsl/ast.h) ->
// ir::Project (ir/project.h). It knows which fields each block has, resolves references
// (services to resources, `provisioned(resource.output)` to the catalog's outputs,
// overrides to environments), fills in defaults, and reports every problem it finds as a
// DSL_* diagnostic at the exact token.
#ifndef SPECC_DSL_CHECKER_H_
#define SPECC_DSL_CHECKER_H_

#include <string_view>

#include "base/diag_sink.h"
#include "base/fs.h"
#include "dsl/ast.h"
#include "ir/project.h"

namespace specc::dsl {

// Checks `file` and returns the project it declares, with defaults filled in for what the
// spec leaves out (environments dev, staging, prod; the preview policy; scope runtime,
// source manual, required). Reports every problem to `sink` and keeps going, so the
// returned project may be incomplete when errors were reported. `fs` and `spec_dir` (the
// directory of the spec file, usable with `fs`) are used to check that each service's
// OpenAPI file exists.
ir::Project CheckProject(const ast::File& file, const Fs& fs, std::string_view spec_dir,
                         DiagSink& sink);

}  // namespace specc::dsl

#endif  // SPECC_DSL_CHECKER_H_
