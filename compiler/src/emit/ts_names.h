// The TypeScript names of one API's generated symbols, computed once and shared by the
// zod emitter (which declares them in schemas.ts) and the hono emitter (which imports
// them), so both always agree. Names are handed out in document order by a NameTable, so
// they are stable, valid and collision-free however the spec spells its names.
#ifndef SPECC_EMIT_TS_NAMES_H_
#define SPECC_EMIT_TS_NAMES_H_

#include <optional>
#include <string>
#include <vector>

#include "ir/api.h"
#include "sema/schema_meaning.h"

namespace specc::emit {

// The validation targets an operation's input is split into (runtime.ts's OperationSpec.input).
enum class InputPart : uint8_t { kParams, kQuery, kHeaders, kCookies, kBody };
inline constexpr InputPart kInputParts[] = {InputPart::kParams, InputPart::kQuery,
                                            InputPart::kHeaders, InputPart::kCookies,
                                            InputPart::kBody};

// Returns the handler input's field for `part`: "params", "query", "headers", "cookies", "body".
const char* InputPartField(InputPart part);

// One documented response of an operation, as the handler's return type describes it.
struct ResponseNames {
  // The index into the response's content of the JSON media type that types its body;
  // nullopt when the response has none (no content, text, binary).
  std::optional<size_t> json_media;
  // The schemas.ts constant validating that body: a component's, or one schemas.ts
  // declares for the inline schema; empty when the media type has no schema.
  std::string schema;
  bool declared = false;  // schemas.ts declares `schema` for this response
};

struct OperationNames {
  std::string handler;     // camelCase method of the Handlers interface: "listPets"
  std::string type;        // PascalCase prefix of its types: "ListPets"
  std::string module;      // the tag module's file stem: "pets"
  // The schemas.ts constant validating each input part (indexed by InputPart); empty when
  // the operation has no such input.
  std::string parts[5];
  // The validator target of the body: "json", "form" or "text"; empty when the body is not validated.
  std::string body_target;
  // The media type of the validated body; the index into request_body->content.
  size_t body_media = 0;
  // The key of each path parameter in the validated params, parallel to
  // Operation::parameters (empty for the others): the spec's name when it is a plain
  // identifier, otherwise a sanitised one. Hono's route names its parameters by these.
  std::vector<std::string> param_keys;
  // Parallel to Operation::responses.
  std::vector<ResponseNames> responses;
};

struct TsNames {
  std::vector<std::string> schemas;  // by SchemaId: the exported name; empty for inline ones
  std::vector<OperationNames> operations;  // parallel to Api::operations
  // The schemas.ts constants of the bodies the API sends: parallel to Api::webhooks and
  // Api::callbacks; empty where an operation has no validated body. Webhooks and callbacks
  // are requests the API makes, not routes it serves, so only their payloads are emitted.
  std::vector<std::string> webhook_bodies, callback_bodies;
};

// The helper functions schemas.ts may declare; their names are reserved before any schema
// is named.
inline constexpr const char* kSchemasHelpers[] = {"pattern", "uniqueItems", "fields", "field", "readWireField", "wireScalar", "WireField",
                                                     "WireScalar", "textReadings", "requiredSets", "objectKeys", "isUri", "isDate",
                                                     "isTime", "isDateTime", "z"};

// The names a route module (routes/<tag>.ts) declares besides its operations' exports,
// which are named after the handlers: no handler takes one of them.
inline constexpr const char* kRouteModuleNames[] = {"createFactory", "factory", "rt", "schemas"};

// Computes the names of `api`'s generated symbols.
TsNames NameTsSymbols(const sema::SchemaMeanings& meanings);

// Sets the index of the request body's media type the routes validate (sema's
// SentBodyMedia) and its validator target: "json", "form" (urlencoded and multipart) or
// "text"; false when the body is not validated.
bool PickBodyMedia(const sema::SchemaMeanings& meanings, const ir::RequestBody& body, size_t* index,
                   std::string* target);

}  // namespace specc::emit

#endif  // SPECC_EMIT_TS_NAMES_H_
