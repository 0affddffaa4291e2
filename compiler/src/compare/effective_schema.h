// The view of a schema that the comparison reads: `allOf` folded into one schema, so that
// moving properties into a shared `allOf` part, or splitting a schema into parts, is no
// change. Merged schemas are built once per SchemaId and kept for the comparer's lifetime.
#ifndef SPECC_COMPARE_EFFECTIVE_SCHEMA_H_
#define SPECC_COMPARE_EFFECTIVE_SCHEMA_H_

#include <memory>
#include <string>
#include <unordered_map>
#include <vector>

#include "ir/api.h"

namespace specc::compare {

class EffectiveSchemas {
 public:
  // `api` must outlive this.
  explicit EffectiveSchemas(const ir::Api& api) : api_(api) {}

  // Returns schema `id` with its allOf parts merged in (recursively): properties of the
  // parts follow its own (a name it declares itself wins, `required` from any part
  // counts), non-null types are intersected (null is left out: whether a schema accepts
  // null is sema's to say), and a
  // keyword it leaves out is taken from the first part that has it. A schema without
  // allOf is returned as it is. REQUIRES: id < api.schemas.size().
  const ir::Schema& Get(ir::SchemaId id);

  const ir::Api& api() const { return api_; }

 private:
  const ir::Schema& Merge(ir::SchemaId id, int depth);

  const ir::Api& api_;
  std::unordered_map<ir::SchemaId, std::unique_ptr<ir::Schema>> merged_;
  std::vector<ir::SchemaId> in_progress_;
};

}  // namespace specc::compare

#endif  // SPECC_COMPARE_EFFECTIVE_SCHEMA_H_
