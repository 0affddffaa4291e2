// The parts of a Postman request item that do not depend on the collection it stands in:
// its URL, headers, body, auth, test script and saved responses, written as JSON once per
// operation.
#ifndef SPECC_EMIT_POSTMAN_REQUEST_BUILDER_H_
#define SPECC_EMIT_POSTMAN_REQUEST_BUILDER_H_

#include <map>
#include <memory>
#include <set>
#include <string>
#include <vector>

#include "emit/postman/example_value.h"
#include "ir/api.h"
#include "sema/schema_meaning.h"

namespace specc::emit::postman {

// A security scheme as Postman auth: the variables it needs (values left empty: secrets
// never appear in a collection) and how a request uses them.
struct SchemeAuth {
  const ir::SecurityScheme* scheme = nullptr;
  std::vector<std::string> variables;
};

SchemeAuth AuthFor(const ir::SecurityScheme& s);

struct Variable {
  std::string key, value, description;
  bool secret = false;
};

// What one API's collections share: the request items are built once per collection
// only because their ids differ.
struct ApiPlan {
  std::string project_name;
  std::string base_url;
  std::vector<Variable> server_variables;           // per-operation servers, by first use
  std::map<std::string, std::string> server_var_by_url;
  std::vector<SchemeAuth> schemes;                  // the security schemes, declared order
  std::set<std::string> used_schemes;
};

// Builds the parts of one request item; `seed` makes the ids unique per collection.
class RequestBuilder {
 public:
  RequestBuilder(const sema::SchemaMeanings& meanings, ApiPlan& plan, ExampleBuilder& examples);
  ~RequestBuilder();
  RequestBuilder(const RequestBuilder&) = delete;
  RequestBuilder& operator=(const RequestBuilder&) = delete;

  struct Header {
    std::string key, value, description;
    bool disabled = false;
  };

  // The parts of `op` that do not depend on the collection: computed once per operation.
  struct Parts {
    std::string name, description, method, url_json, header_json, body_json, auth_json, responses_json;
    std::vector<std::string> exec;
    bool follow_redirects = true;
    // What the URL is made of, to write it again with chained path variables.
    std::map<std::string, std::string> path_values;
    std::vector<Header> path_vars, query;
  };
  Parts Build(const ir::Operation& op, bool with_responses);

  // The URL of `op` with the path parameters of `variables` taking the collection
  // variables named there (`{{projectId}}`).
  std::string ChainedUrl(const ir::Operation& op, const Parts& parts,
                         const std::map<std::string, std::string>& variables);

 private:
  class Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace specc::emit::postman

#endif  // SPECC_EMIT_POSTMAN_REQUEST_BUILDER_H_
