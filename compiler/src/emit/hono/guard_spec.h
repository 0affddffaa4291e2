// What the hono emitter tells runtime.ts about each operation besides its input schemas:
// its effective security (sema/security.h decides it), the status and documented error
// body of each way a request can be refused (validation, credentials, scopes), and its
// documented responses; and contract.ts, which declares the schemes and error shapes
// those refer to.
#ifndef SPECC_EMIT_HONO_GUARD_SPEC_H_
#define SPECC_EMIT_HONO_GUARD_SPEC_H_

#include <memory>
#include <string>
#include <vector>

#include "emit/render.h"
#include "emit/ts_names.h"
#include "ir/api.h"

namespace specc::sema {
class SchemaMeanings;
}

namespace specc::emit {

class GuardSpecs {
 public:
  // `meanings` (of the API the names are for) and `names` must outlive this object.
  GuardSpecs(const sema::SchemaMeanings& meanings, const TsNames& names);
  ~GuardSpecs();
  GuardSpecs(const GuardSpecs&) = delete;
  GuardSpecs& operator=(const GuardSpecs&) = delete;

  // The requirements of operation `op` as OperationSpec.security's items:
  // `{ "bearerAuth": [] }, { "apiKey": [], "oauth": ["read"] }`; "" when it is public.
  std::string SecurityOf(size_t op) const;
  // OperationSpec.errors: `validation: [400, "Problem"], unauthorized: [401, "problem"], ...`.
  // Records the error shapes it names for contract.ts.
  std::string ErrorsOf(size_t op);
  // OperationSpec.responses' items: `["200", schemas.Pet], ["default", null]`.
  std::string ResponsesOf(size_t op) const;
  // The view of contract.ts, once every operation's ErrorsOf was asked.
  View ContractView() const;
  bool has_schemes() const { return !used_schemes_.empty(); }

 private:
  struct Shape {
    std::string key;  // the schemas.ts constant
    std::string media;
    std::string fields;
  };
  std::string ShapeOf(const ir::Response& response, const ResponseNames& names);

  const ir::Api& api_;
  const TsNames& names_;
  // Shared with the other emitters (EmitContext): building its own cost a tenth of a run.
  const sema::SchemaMeanings* meanings_;
  std::vector<size_t> used_schemes_;
  std::vector<Shape> shapes_;
};

}  // namespace specc::emit

#endif  // SPECC_EMIT_HONO_GUARD_SPEC_H_
