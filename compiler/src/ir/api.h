// The API IR: what the OpenAPI front end produces and every emitter reads. Plain value
// structs; collections are vectors in document order; schemas form a graph addressed by
// SchemaId, so a recursive or mutually recursive schema is a cycle of ids, never an
// infinite expansion. Every node keeps the Loc of the spec text it came from. Literal
// values from the spec (defaults, enums, examples) are kept as canonical JSON text.
#ifndef SPECC_IR_API_H_
#define SPECC_IR_API_H_

#include <cstddef>
#include <cstdint>
#include <initializer_list>
#include <iterator>
#include <limits>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "base/loc.h"
#include "base/thin_string.h"
#include "base/thin_vector.h"

namespace specc::ir {

using SchemaId = uint32_t;
inline constexpr SchemaId kNoSchema = std::numeric_limits<SchemaId>::max();

struct Property {
  ThinString name;
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

// The keywords few schemas write: each is on under 1% of the 40,230 schemas of GitHub's
// description (validation bounds, compositions, tuples, discriminators). They live out of
// line, allocated on the first write, so a schema that writes none of them costs one null
// pointer instead of ~450 bytes. Read them through Schema's accessors.
struct SchemaExtras {
  std::string pattern;
  // Numeric keywords as the spec's number text ("0", "1.5"); empty when absent.
  std::string minimum, maximum, exclusive_minimum, exclusive_maximum, multiple_of;
  std::optional<uint64_t> min_length, max_length, min_items, max_items, min_properties, max_properties;
  bool unique_items = false;
  // `patternProperties`: (ECMAScript regex, schema), in document order.
  std::vector<std::pair<std::string, SchemaId>> pattern_properties;
  std::vector<SchemaId> prefix_items;
  std::vector<SchemaId> all_of, one_of, any_of;
  SchemaId not_schema = kNoSchema;
  std::optional<Discriminator> discriminator;
  std::string const_value;  // JSON text; empty when absent
};

// A JSON type name of `type`.
enum class JsonType : uint8_t { kObject, kArray, kString, kInteger, kNumber, kBoolean, kNull };
// "object", "array", ...; nullopt for any other text.
std::optional<JsonType> JsonTypeNamed(std::string_view name);
std::string_view JsonTypeName(JsonType type);

// The JSON types of a schema's `type`, in spec order, without repeats (JSON Schema requires
// a type array's names to be unique, and a repeat adds nothing): four bytes where a vector
// of strings cost 24 and a heap block. Reads like a container of type names.
class TypeList {
 public:
  TypeList() = default;
  TypeList(std::initializer_list<std::string_view> names);

  class Iterator {
   public:
    using iterator_category = std::forward_iterator_tag;
    using value_type = std::string_view;
    using difference_type = std::ptrdiff_t;
    using pointer = void;
    using reference = std::string_view;
    Iterator() = default;
    Iterator(const TypeList* list, size_t index) : list_(list), index_(index) {}
    std::string_view operator*() const { return (*list_)[index_]; }
    Iterator& operator++() {
      ++index_;
      return *this;
    }
    Iterator operator++(int) {
      Iterator before = *this;
      ++index_;
      return before;
    }
    bool operator==(const Iterator& other) const { return index_ == other.index_; }

   private:
    const TypeList* list_ = nullptr;
    size_t index_ = 0;
  };

  size_t size() const { return packed_ & 0xf; }
  bool empty() const { return size() == 0; }
  JsonType at(size_t i) const { return static_cast<JsonType>((packed_ >> (4 + 3 * i)) & 0x7); }
  std::string_view operator[](size_t i) const { return JsonTypeName(at(i)); }
  std::string_view front() const { return (*this)[0]; }
  Iterator begin() const { return Iterator(this, 0); }
  Iterator end() const { return Iterator(this, size()); }
  bool contains(JsonType type) const;
  bool contains(std::string_view name) const;
  // Appends `type` unless the list has it already.
  void push_back(JsonType type);
  void push_back(std::string_view name);
  void clear() { packed_ = 0; }
  bool operator==(const TypeList& other) const = default;

 private:
  // Bits 0-3: the count; then three bits per type, in order.
  uint32_t packed_ = 0;
};

// Owns a T on the heap, or nothing, and copies it with its owner (std::unique_ptr does not
// copy), so that a struct holding one keeps its defaulted value semantics.
template <typename T>
class CopiedPtr {
 public:
  CopiedPtr() = default;
  CopiedPtr(const CopiedPtr& other) : ptr_(other.ptr_ ? std::make_unique<T>(*other.ptr_) : nullptr) {}
  CopiedPtr& operator=(const CopiedPtr& other) {
    if (this != &other) ptr_ = other.ptr_ ? std::make_unique<T>(*other.ptr_) : nullptr;
    return *this;
  }
  CopiedPtr(CopiedPtr&&) noexcept = default;
  CopiedPtr& operator=(CopiedPtr&&) noexcept = default;

  const T* get() const { return ptr_.get(); }
  T& GetOrCreate() {
    if (!ptr_) ptr_ = std::make_unique<T>();
    return *ptr_;
  }

 private:
  std::unique_ptr<T> ptr_;
};

struct Schema {
  // What every accessor of a schema without extras reads.
  static const SchemaExtras kNoExtras;

  Loc loc;
  // JSON types as written, in spec order: "object", "string", ..., and "null" (3.1 type
  // arrays). Empty means `type` is absent. What the schema accepts, with `nullable`,
  // compositions and inferred types, is sema/'s to say, never the emitters'.
  TypeList types;
  // 3.0's `nullable: true`, as written (also where there is no `type`, beside `$ref`,
  // `allOf`, `oneOf` or `anyOf`).
  bool nullable = false;
  // `true` / `false` boolean schemas of 3.1 (and `{}` is kAny by being empty).
  std::optional<bool> boolean_schema;
  bool read_only = false, write_only = false, deprecated = false;
  AdditionalProperties additional_properties = AdditionalProperties::kUnspecified;
  SchemaId additional_properties_schema = kNoSchema;
  SchemaId items = kNoSchema;
  // The texts and lists below are one pointer wide (ThinString, ThinVector): most of the
  // ~40,000 schemas of a GitHub-sized description leave most of them empty.
  //
  // The component name for schemas declared under components/schemas (or reached as a
  // whole file or a named definition in another file); empty for inline schemas.
  ThinString name;
  ThinString format, title, description;
  ThinVector<Property> properties;
  // `required` as written, in document order: also names no property of this schema
  // declares (they may come from allOf branches, or stand alone in a oneOf/anyOf branch).
  ThinVector<std::string> required;
  ThinVector<std::string> enum_values;  // JSON text of each value
  ThinString default_value;             // JSON text; empty when absent
  ThinVector<std::string> examples;     // JSON text of `example` / `examples`

  // The rarely written keywords (SchemaExtras); absent ones read as empty.
  const std::string& pattern() const { return extras().pattern; }
  const std::string& minimum() const { return extras().minimum; }
  const std::string& maximum() const { return extras().maximum; }
  const std::string& exclusive_minimum() const { return extras().exclusive_minimum; }
  const std::string& exclusive_maximum() const { return extras().exclusive_maximum; }
  const std::string& multiple_of() const { return extras().multiple_of; }
  std::optional<uint64_t> min_length() const { return extras().min_length; }
  std::optional<uint64_t> max_length() const { return extras().max_length; }
  std::optional<uint64_t> min_items() const { return extras().min_items; }
  std::optional<uint64_t> max_items() const { return extras().max_items; }
  std::optional<uint64_t> min_properties() const { return extras().min_properties; }
  std::optional<uint64_t> max_properties() const { return extras().max_properties; }
  bool unique_items() const { return extras().unique_items; }
  const std::vector<std::pair<std::string, SchemaId>>& pattern_properties() const {
    return extras().pattern_properties;
  }
  const std::vector<SchemaId>& prefix_items() const { return extras().prefix_items; }
  const std::vector<SchemaId>& all_of() const { return extras().all_of; }
  const std::vector<SchemaId>& one_of() const { return extras().one_of; }
  const std::vector<SchemaId>& any_of() const { return extras().any_of; }
  SchemaId not_schema() const { return extras().not_schema; }
  const std::optional<Discriminator>& discriminator() const { return extras().discriminator; }
  const std::string& const_value() const { return extras().const_value; }

  // All of them at once (an empty SchemaExtras when the schema writes none). Inline: the
  // accessors run for every keyword of every schema each emitter reads.
  const SchemaExtras& extras() const { return extras_.get() != nullptr ? *extras_.get() : kNoExtras; }
  // For the front end: the rare keywords, allocated on first use.
  SchemaExtras& mutable_extras();

 private:
  CopiedPtr<SchemaExtras> extras_;
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
