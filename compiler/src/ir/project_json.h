// Writes the project IR (ir/project.h) as JSON: the `project` object of `specc ir --format
// json`. Keys come in a fixed order and lists in source order, so the output is
// byte-for-byte deterministic; no machine-dependent path is written.
#ifndef SPECC_IR_PROJECT_JSON_H_
#define SPECC_IR_PROJECT_JSON_H_

#include "base/json_writer.h"
#include "ir/project.h"

namespace specc::ir {

// Writes `project` as one JSON object value into `out`, with the keys name, id, version,
// constitution, environments, preview, services, resources, env and integrations. Each
// env var has key, scope, secret, source (manual|detected|provisioned, plus resource and
// output when provisioned), required and requiredIn (the environments it is required in),
// then the optional fields it has. REQUIRES: `out` expects a value (top level, array
// element, or after Key()).
void WriteProjectJson(const Project& project, JsonWriter& out);

}  // namespace specc::ir

#endif  // SPECC_IR_PROJECT_JSON_H_
