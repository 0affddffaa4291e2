// The API IR: what the OpenAPI front end produces and every emitter reads. Plain value
// structs; collections are vectors in document order; schemas form a graph addressed by
// SchemaId, so a recursive or mutually recursive schema is a cycle of ids, never an
// infinite expansion. Every node keeps the Loc of the spec text it came from. Literal
// values from the spec (defaults, enums, examples) are kept as canonical JSON text.
#ifndef SPECC_IR_API_H_
#define SPECC_IR_API_H_

#include <cstdint>
#include <limits>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "base/loc.h"

namespace specc::ir {

using SchemaId = uint32_t;
inline constexpr SchemaId kNoSchema = std::numeric_limits<SchemaId>::max();

struct Property {
  std::string name;
  SchemaId schema = kNoSchema;
  bool required = false;
  Loc loc;
};

struct Discriminator {
  std::string property_name;
  // Mapping value -> target schema, in document order.
  std::vector<std::pair<std::string, SchemaId>> mapping;
};

enum class AdditionalProperties : uint8_t { kUnspecified, kAllowed, kForbidden, kSchema };

struct Schema {
  Loc loc;
  // The component name for schemas declared under components/schemas (or reached as a
  // whole file or a named definition in another file); empty for inline schemas.
  std::string name;
  // JSON types as written, in spec order: "object", "string", ..., and "null" (3.1 type
  // arrays). Empty means `type` is absent. What the schema accepts, with `nullable`,
  // compositions and inferred types, is sema/'s to say, never the emitters'.
  std::vector<std::string> types;
  // 3.0's `nullable: true`, as written (also where there is no `type`, beside `$ref`,
  // `allOf`, `oneOf` or `anyOf`).
  bool nullable = false;
  // `true` / `false` boolean schemas of 3.1 (and `{}` is kAny by being empty).
  std::optional<bool> boolean_schema;
  std::string format, pattern, title, description;
  // Numeric keywords as the spec's number text ("0", "1.5"); empty when absent.
  std::string minimum, maximum, exclusive_minimum, exclusive_maximum, multiple_of;
  std::optional<uint64_t> min_length, max_length, min_items, max_items, min_properties,
      max_properties;
  bool unique_items = false;
  std::vector<Property> properties;
  // `required` as written, in document order: also names no property of this schema
  // declares (they may come from allOf branches, or stand alone in a oneOf/anyOf branch).
  std::vector<std::string> required;
  // `patternProperties`: (ECMAScript regex, schema), in document order.
  std::vector<std::pair<std::string, SchemaId>> pattern_properties;
  AdditionalProperties additional_properties = AdditionalProperties::kUnspecified;
  SchemaId additional_properties_schema = kNoSchema;
  SchemaId items = kNoSchema;
  std::vector<SchemaId> prefix_items;
  std::vector<SchemaId> all_of, one_of, any_of;
  SchemaId not_schema = kNoSchema;
  std::optional<Discriminator> discriminator;
  std::vector<std::string> enum_values;  // JSON text of each value
  std::string const_value;               // JSON text; empty when absent
  std::string default_value;             // JSON text; empty when absent
  std::vector<std::string> examples;     // JSON text of `example` / `examples`
  bool read_only = false, write_only = false, deprecated = false;
};

enum class ParamIn : uint8_t { kPath, kQuery, kHeader, kCookie };

struct Example {
  std::string name;   // empty for the single `example`
  std::string value;  // JSON text; empty when the example has only an externalValue
  std::string summary;
};

// How one property of a form body (urlencoded or multipart) is serialised: an Encoding
// Object as written. Empty fields and a missing `explode` mean "not written"; sema/
// applies OpenAPI's defaults.
struct Encoding {
  std::string property;
  std::string content_type;
  std::string style;
  std::optional<bool> explode;
  bool allow_reserved = false;
  Loc loc;
};

struct MediaType {
  std::string media_type;
  SchemaId schema = kNoSchema;
  std::vector<Example> examples;
  Loc loc;
  std::vector<Encoding> encoding;
};

struct Parameter {
  std::string name;
  ParamIn in = ParamIn::kQuery;
  std::string description;
  bool required = false, deprecated = false, allow_empty_value = false, allow_reserved = false;
  std::string style;  // resolved default: form for query/cookie, simple for path/header
  bool explode = false;
  SchemaId schema = kNoSchema;
  std::string content_type;  // set when the parameter uses `content` instead of `schema`
  std::vector<Example> examples;
  Loc loc;
};

struct Header {
  std::string name;
  std::string description;
  bool required = false, deprecated = false;
  SchemaId schema = kNoSchema;
  Loc loc;
};

struct RequestBody {
  std::string description;
  bool required = false;
  std::vector<MediaType> content;
  Loc loc;
};

// A response's link to a later operation (OpenAPI Link Object) by `operationId`; the
// parameters are runtime expressions as written (`$response.body#/id`).
struct Link {
  std::string name, operation_id;
  std::vector<std::pair<std::string, std::string>> parameters;
};

struct Response {
  std::string status;  // "200", "4XX", "default"
  std::string description;
  std::vector<Header> headers;
  std::vector<MediaType> content;
  Loc loc;
  std::vector<Link> links;
};

struct SecurityRequirement {
  // Scheme name -> scopes; all of them together satisfy the requirement.
  std::vector<std::pair<std::string, std::vector<std::string>>> schemes;
};

struct ServerVariable {
  std::string name, default_value, description;
  std::vector<std::string> enum_values;
};

struct Server {
  std::string url, description;
  std::vector<ServerVariable> variables;
  Loc loc;
};

enum class OperationKind : uint8_t { kPath, kWebhook, kCallback };

struct Operation {
  OperationKind kind = OperationKind::kPath;
  std::string operation_id;
  bool operation_id_synthesized = false;
  std::string method;  // lowercase: get, put, post, delete, options, head, patch, trace
  std::string path;    // the path template; for webhooks the webhook name
  std::vector<std::string> tags;
  std::string summary, description;
  bool deprecated = false;
  // Path-level parameters merged with the operation's (the operation's win).
  std::vector<Parameter> parameters;
  std::optional<RequestBody> request_body;
  std::vector<Response> responses;
  // Absent: the document's security applies. Present and empty: no security.
  std::optional<std::vector<SecurityRequirement>> security;
  std::vector<Server> servers;
  // For callbacks: the operation that declares it, the callback's name and expression.
  int32_t parent = -1;
  std::string callback_name;
  // Specification extensions (x-...) on the operation, as JSON text.
  std::vector<std::pair<std::string, std::string>> extensions;
  Loc loc;
};

struct OAuthFlow {
  std::string type;  // implicit, password, clientCredentials, authorizationCode
  std::string authorization_url, token_url, refresh_url;
  std::vector<std::pair<std::string, std::string>> scopes;
};

struct SecurityScheme {
  std::string name;
  std::string type;  // apiKey, http, oauth2, openIdConnect, mutualTLS
  std::string description;
  std::string scheme, bearer_format;        // http
  std::string param_name, in;               // apiKey
  std::vector<OAuthFlow> flows;             // oauth2
  std::string open_id_connect_url;          // openIdConnect
  Loc loc;
};

struct Tag {
  std::string name, description;
  Loc loc;
};

// A heading over several tags, from the `x-tagGroups` extension (Redoc's, which Postman's
// converter also reads).
struct TagGroup {
  std::string name;
  std::vector<std::string> tags;
  Loc loc;
};

struct Api {
  std::string openapi_version;  // "3.0.3", "3.1.0"
  std::string title, version, description;
  std::vector<Server> servers;
  std::vector<Tag> tags;
  std::vector<TagGroup> tag_groups;
  std::vector<SecurityScheme> security_schemes;
  std::vector<SecurityRequirement> security;
  std::vector<Operation> operations;  // paths, in document order
  std::vector<Operation> webhooks;
  std::vector<Operation> callbacks;
  std::vector<Schema> schemas;               // indexed by SchemaId
  std::vector<SchemaId> component_schemas;   // the named ones, in document order
  Loc loc;
};

// Returns "path", "query", "header" or "cookie".
const char* ParamInName(ParamIn in);

}  // namespace specc::ir

#endif  // SPECC_IR_API_H_
