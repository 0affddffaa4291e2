// The semantic checker of the project spec language: dsl syntax tree (dsl/ast.h) ->
// ir::Project (ir/project.h). It knows which fields each block has, resolves references
// (services to resources, `provisioned(resource.output)` to the catalog's outputs,
// overrides to environments), fills in defaults, and reports every problem it finds as a
// DSL_* diagnostic at the exact token.
#ifndef SPECC_DSL_CHECKER_H_
#define SPECC_DSL_CHECKER_H_

#include <cstdint>
#include <string_view>

#include "base/diag_sink.h"
#include "base/fs.h"
#include "dsl/ast.h"
#include "ir/project.h"

namespace specc::dsl {

// The checker's work on lookups whose cost grows with the number of declarations, for
// the tests that bound it on hostile input: "did you mean" comparisons and the names and
// indexes of declarations built.
struct CheckWork {
  uint64_t steps = 0;
};

// Checks `file` and returns the project it declares, with defaults filled in for what the
// spec leaves out (environments dev, staging, prod; the preview policy; scope runtime,
// source manual, required). Reports every problem to `sink` and keeps going, so the
// returned project may be incomplete when errors were reported. `fs` and `spec_dir` (the
// directory of the spec file, usable with `fs`) are used to check that each service's
// OpenAPI file exists. Time is linear in the number of declarations and references; a
// hint lists at most 20 names. When `work` is given, adds the checker's work to it.
ir::Project CheckProject(const ast::File& file, const Fs& fs, std::string_view spec_dir,
                         DiagSink& sink, CheckWork* work = nullptr);

}  // namespace specc::dsl

#endif  // SPECC_DSL_CHECKER_H_
