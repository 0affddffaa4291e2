// Which schemas of an API lie on a cycle of the schema graph (a property, item, branch,
// `not`, additional-properties or discriminator edge leading back to themselves). The
// example generator (example_value.cc) may reuse the value it built for a schema off every
// cycle wherever that schema appears again: no schema around it can change that value.
#ifndef SPECC_EMIT_POSTMAN_SCHEMA_CYCLES_H_
#define SPECC_EMIT_POSTMAN_SCHEMA_CYCLES_H_

#include <vector>

#include "ir/api.h"

namespace specc::emit {

// Returns, indexed by SchemaId, whether each schema of `api` is on a cycle: in a strongly
// connected component of two or more schemas, or referring to itself. Time and memory are
// linear in the number of schemas and edges (an iterative Tarjan, so no recursion).
std::vector<bool> SchemasOnCycles(const ir::Api& api);

}  // namespace specc::emit

#endif  // SPECC_EMIT_POSTMAN_SCHEMA_CYCLES_H_
