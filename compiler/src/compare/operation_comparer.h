// Compares one operation (or webhook, or callback) matched across two versions of an API:
// its id and deprecation, parameters, request body, responses, security and servers.
// Used by api_comparer.cc, which matches the operations.
#ifndef SPECC_COMPARE_OPERATION_COMPARER_H_
#define SPECC_COMPARE_OPERATION_COMPARER_H_

#include <string>
#include <vector>

#include "compare/change.h"
#include "compare/schema_comparer.h"
#include "ir/api.h"

namespace specc::compare {

// Where changes go while one API is compared. All references must outlive it.
struct ApiScope {
  const ir::Api& base;
  const ir::Api& head;
  SchemaComparer& schemas;
  std::string api;        // Change::api
  std::vector<Change>& out;

  // Appends a change of operation `operation` (empty for the API as a whole).
  void Add(Rule rule, const std::string& operation, std::string at, std::string message, Loc base_loc,
           Loc head_loc) const;
};

// Appends the changes between `before` (of scope.base) and `after` (of scope.head), which
// are the same operation, labelled `label`; `path_renamed` when it moved to another path.
void CompareOperation(const ir::Operation& before, const ir::Operation& after, const std::string& label,
                      bool path_renamed, const ApiScope& scope);

// Returns the servers that apply to `op`: its own, or else the API's.
const std::vector<ir::Server>& EffectiveServers(const ir::Api& api, const ir::Operation& op);

// Reports base-path-changed and server-removed between two server lists under
// `operation` (empty for the API's own servers).
void CompareServers(const std::vector<ir::Server>& before, const std::vector<ir::Server>& after,
                    const std::string& operation, Loc base_loc, Loc head_loc, const ApiScope& scope);

}  // namespace specc::compare

#endif  // SPECC_COMPARE_OPERATION_COMPARER_H_
