// The test scripts of Postman requests. The base collection's only check that a status is
// one the operation documents (it is run against mocks that answer any documented
// status). The environment collections' are run against a deployed service: they expect
// the operation's success status (or the documented 404 where the target cannot exist,
// emit/postman/chaining.h), check the body against the response's JSON Schema (the
// bundle's, emit/json_schema.h, with the components in one collection variable), and
// capture the ids later requests use.
#ifndef SPECC_EMIT_POSTMAN_TEST_SCRIPT_H_
#define SPECC_EMIT_POSTMAN_TEST_SCRIPT_H_

#include <string>
#include <string_view>
#include <vector>

#include "emit/postman/chaining.h"
#include "ir/api.h"

namespace specc::emit {

// The collection variable holding the `$defs` every response schema refers to.
constexpr std::string_view kSchemasVariable = "speccSchemas";

// A documented status as a number: "404" -> 404, "2XX" -> 200; 0 for "default".
int StatusCode(const std::string& status);

// The base collection's script: the status is documented, a JSON body parses.
std::vector<std::string> DocumentedStatusScript(const ir::Operation& op);

// Collects the response schemas of environment collections' scripts and their named
// components, so that the components are written once per collection.
class RunScripts {
 public:
  explicit RunScripts(const ir::Api& api);

  // The environment collections' script of `op` run as `chain` plans.
  std::vector<std::string> Script(const ir::Operation& op, const RequestChain& chain);

  // The `$defs` object of every named component a script so far refers to (compact JSON).
  std::string Definitions() const;

 private:
  std::string SchemaOf(ir::SchemaId id);

  const ir::Api& api_;
  std::vector<std::string> keys_;
  std::vector<ir::SchemaId> named_;
  std::vector<bool> reached_;  // by schema: reached from a script's schema so far
};

}  // namespace specc::emit

#endif  // SPECC_EMIT_POSTMAN_TEST_SCRIPT_H_
