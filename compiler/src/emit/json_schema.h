// Writes IR schemas back out as JSON Schema: the 2020-12 dialect MCP tool descriptors use,
// and the OpenAPI 3.0 and 3.1 dialects of the OpenAPI bundle. Named components become
// `$ref`s to a prefix the caller chooses ("#/$defs/", "#/components/schemas/"); inline
// schemas are written out. Keywords come in one fixed order, so output is deterministic.
#ifndef SPECC_EMIT_JSON_SCHEMA_H_
#define SPECC_EMIT_JSON_SCHEMA_H_

#include <string>
#include <string_view>
#include <vector>

#include "base/json_writer.h"
#include "ir/api.h"

namespace specc::emit {

enum class SchemaDialect : uint8_t { kJsonSchema2020, kOpenApi30, kOpenApi31 };

struct SchemaWriterOptions {
  SchemaDialect dialect = SchemaDialect::kJsonSchema2020;
  std::string ref_prefix = "#/$defs/";
  // The key each named component is written under, by SchemaId (empty for inline ones).
  const std::vector<std::string>* names = nullptr;
};

// A JSON pointer token: `~` and `/` escaped (RFC 6901).
std::string JsonPointerToken(std::string_view name);

// Writes schema `id` to `out` as one JSON value. A named component is a `$ref` unless
// `expand` is set (for writing the component's own definition). A non-empty
// `description` replaces the schema's own (a parameter's description belongs on its schema
// in JSON Schema); beside a `$ref` it is a sibling keyword, as 2020-12 and 3.1 allow.
// Into an indented writer, the spec's values (examples, defaults, enum values) are laid
// out as RenderJson() lays them out; false when one was written verbatim (WriteJsonText).
bool WriteJsonSchema(const ir::Api& api, ir::SchemaId id, const SchemaWriterOptions& options,
                     bool expand, JsonWriter& out, const std::string& description = {});

// Appends to `found` (without repeats, in the order first reached) the named components
// schema `id` reaches, itself included when it is named. `reached` (by schema id) marks the
// schemas reached so far: a later call with the same `found` and `reached` skips them, since
// every named component they reach is in `found` already (a large API's response schemas
// share most of their components, so walking them again was most of the work).
void CollectNamedSchemas(const ir::Api& api, ir::SchemaId id, std::vector<ir::SchemaId>* found,
                         std::vector<bool>* reached);

// Returns the key each named component is written under in `api`: its name, made unique
// (names are already unique in the IR; this keeps the bundle valid if that ever changes).
std::vector<std::string> ComponentKeys(const ir::Api& api);

}  // namespace specc::emit

#endif  // SPECC_EMIT_JSON_SCHEMA_H_
