// The JSON Schema (2020-12) of what the generated server accepts in a request, written
// from the schemas' meanings (sema/), not from their keywords as the document has them:
// allOf branches merged where the server merges them, nullability folded in, readOnly
// properties left out (a request never carries them), required names as the server
// requires them. The MCP tool descriptors use it for their input schemas, so a client
// that validates its arguments by them sends what the server accepts. (The OpenAPI bundle
// is the document itself and keeps its keywords: emit/json_schema.h.)
#ifndef SPECC_EMIT_REQUEST_SCHEMA_H_
#define SPECC_EMIT_REQUEST_SCHEMA_H_

#include <string>
#include <vector>

#include "base/json_writer.h"
#include "ir/api.h"
#include "sema/schema_meaning.h"

namespace specc::emit {

class RequestSchemaWriter {
 public:
  // Named components become `$ref`s to `#/$defs/<keys[id]>`. All must outlive the writer.
  RequestSchemaWriter(const sema::SchemaMeanings& meanings, const std::vector<std::string>& keys)
      : meanings_(meanings), api_(meanings.api()), keys_(keys) {}

  // Writes schema `id` (kNoSchema: any value) to `out`; a named component as a `$ref`
  // unless `expand`. A non-empty `description` replaces the schema's own.
  void Write(ir::SchemaId id, bool expand, JsonWriter& out, const std::string& description = {});

  // The named components the `$ref`s written so far point to, in the order first written.
  const std::vector<ir::SchemaId>& referenced() const { return referenced_; }

 private:
  void Body(ir::SchemaId id, JsonWriter& out, const std::string& description);
  void Object(const sema::SchemaMeaning& m, JsonWriter& out);
  void Choice(const sema::Choice& choice, JsonWriter& out);

  const sema::SchemaMeanings& meanings_;
  const ir::Api& api_;
  const std::vector<std::string>& keys_;
  std::vector<ir::SchemaId> referenced_;
  std::vector<ir::SchemaId> expanding_;
};

}  // namespace specc::emit

#endif  // SPECC_EMIT_REQUEST_SCHEMA_H_
