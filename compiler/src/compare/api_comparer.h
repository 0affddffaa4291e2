// Compares two versions of one API (ir::Api): its servers and security schemes, then each
// operation, webhook and callback matched across the versions by method and path (path
// parameter names do not matter: `/pets/{id}` is `/pets/{petId}`), and inside each its
// parameters, request body, responses, security and servers. Schemas are compared by
// SchemaComparer in the direction the values travel.
#ifndef SPECC_COMPARE_API_COMPARER_H_
#define SPECC_COMPARE_API_COMPARER_H_

#include <string>
#include <vector>

#include "compare/change.h"
#include "ir/api.h"

namespace specc::compare {

// Appends the changes from `base` to `head` to `out`, each with `api` as its Change::api.
// Locations in the changes are Locs of each version's own SourceMap.
void CompareApis(const ir::Api& base, const ir::Api& head, const std::string& api, std::vector<Change>& out);

// Returns how the comparison labels an operation: "GET /pets/{petId}", "POST webhook
// newPet", "POST /subscribe callback onEvent POST {$request.body#/url}".
std::string OperationLabel(const ir::Api& api, const ir::Operation& op);

}  // namespace specc::compare

#endif  // SPECC_COMPARE_API_COMPARER_H_
