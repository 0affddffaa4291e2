// How the requests of an environment collection feed each other when run in order: an id
// that one request creates is captured into a collection variable and used by the later
// requests of the same resource, and a request whose target no earlier request creates is
// expected to find nothing (its documented 404).
//
// The rule (README, "Postman collections"):
// - A request creates a variable when its success response links to an operation with a
//   path parameter (`links`, `operationId` + `$response.body#/pointer`), or when it is a
//   POST on a collection path `C` that another operation extends with an id-named
//   parameter (`C/{projectId}`, `C/{id}`) and its success body has a property of that name
//   or `id`.
// - Requests of a created resource use the variable for that path parameter when the
//   creator runs before them; an id-named path parameter that nothing earlier binds means
//   the target cannot exist.
// - Run order: folders as in the base collection; inside a folder creators first, then the
//   rest in document order; DELETEs of a created resource leave their folders for a last
//   folder, `Teardown`, children before parents, so no request runs after its resource is
//   gone.
#ifndef SPECC_EMIT_POSTMAN_CHAINING_H_
#define SPECC_EMIT_POSTMAN_CHAINING_H_

#include <cstddef>
#include <map>
#include <string>
#include <vector>

#include "ir/api.h"
#include "sema/schema_meaning.h"

namespace specc::emit {

struct IdCapture {
  std::string variable;  // collection variable name
  int status = 0;        // the success status whose body it is read from
  std::string pointer;   // JSON pointer into the body, "/id"
};

struct RequestChain {
  std::vector<IdCapture> captures;
  std::map<std::string, std::string> path_variables;  // path parameter -> variable it takes
  bool missing_target = false;                        // an id-named target nothing created
};

struct ChainPlan {
  std::map<size_t, RequestChain> requests;  // by index into api.operations
  std::vector<size_t> teardown;             // the DELETEs that run last, in order
  std::vector<std::string> variables;       // every captured variable, by first capture
};

// Plans the chains of a collection whose folders run the operations (indexes into
// api.operations) in `folders`, in order. Reorders each folder (creators first) and takes
// the teardown DELETEs out of them, into the plan.
ChainPlan PlanChains(const sema::SchemaMeanings& meanings, const std::vector<std::vector<size_t>*>& folders);

// Whether a path parameter name names an id: `id`, `projectId`, `project_id`.
bool IdNamed(const std::string& name);

}  // namespace specc::emit

#endif  // SPECC_EMIT_POSTMAN_CHAINING_H_
