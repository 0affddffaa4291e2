// The registry of emitters: the one list of every emitter specc has, each with the
// artifact kind it renders on the command line (`specc emit --only schemas,routes`).
// Adding an emitter adds one row to registry.cc (STYLE.md section 5).
#ifndef SPECC_EMIT_REGISTRY_H_
#define SPECC_EMIT_REGISTRY_H_

#include <memory>
#include <string_view>
#include <vector>

#include "emit/emitter.h"

namespace specc::emit {

struct EmitterInfo {
  std::string_view id;           // "zod": the templates directory and the specc.yaml name
  std::string_view kind;         // "schemas": the artifact kind of SPEC.md's `--only`
  std::string_view description;  // one line, for --help
  // Kinds whose files this one's import (the routes import the schemas); the driver adds
  // them to a run that asks for this kind. Comma-separated, empty when none.
  std::string_view requires_kinds;
  std::unique_ptr<Emitter> (*make)();
  // True when the emitter renders each API of EmitContext::apis apart, under its service's
  // directory; false when it reads the project only (the env contract, the plan), and is
  // then given no APIs.
  bool per_api = true;
  // True for the emitter that takes longest on large descriptions (Postman: every request
  // in four collections). A parallel run starts its tasks first, so that the others fill
  // the remaining cores beside it instead of leaving it to run alone at the end.
  bool starts_first = false;
};

// Returns every emitter, in a fixed order (the order a run executes them in).
const std::vector<EmitterInfo>& Emitters();
// Returns the emitter for `kind` ("schemas") or `id` ("zod"); null when there is none.
const EmitterInfo* FindEmitter(std::string_view kind_or_id);

}  // namespace specc::emit

#endif  // SPECC_EMIT_REGISTRY_H_
