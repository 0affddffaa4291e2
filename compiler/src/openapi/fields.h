// The fixed fields of each OpenAPI object (3.0 and 3.1) and the check that an object has
// only those fields, of the right JSON types, with the required ones present.
#ifndef SPECC_OPENAPI_FIELDS_H_
#define SPECC_OPENAPI_FIELDS_H_

#include <cstdint>
#include <span>
#include <string_view>

#include "base/diag_sink.h"
#include "spec/node.h"

namespace specc::openapi {

enum class Version : uint8_t { k30, k31 };

// Bit set of JSON types a field accepts.
enum TypeMask : uint8_t {
  kTString = 1,
  kTBool = 2,
  kTNumber = 4,
  kTObject = 8,
  kTArray = 16,
  kTNull = 32,
  kTAny = 0xff,
};

struct FieldRule {
  std::string_view name;
  uint8_t types;
  bool required = false;
  // 0: both versions; 31: only 3.1.
  uint8_t since = 0;
};

struct ObjectRules {
  std::string_view object_name;  // "Operation Object", for messages
  std::span<const FieldRule> fields;
};

// The rule sets, one per OpenAPI object.
namespace rules {
extern const ObjectRules kOpenApi, kInfo, kContact, kLicense, kServer, kServerVariable,
    kComponents, kPathItem, kOperation, kExternalDocs, kParameter, kRequestBody, kMediaType,
    kEncoding, kResponse, kExample, kLink, kHeader, kTag, kSecurityScheme, kOAuthFlows,
    kOAuthFlow, kReference31;
}  // namespace rules

// Checks `node` against `rules`: reports a non-object, unknown fields (`x-` extensions
// are always allowed), fields of the wrong type, and missing required fields. Returns
// false when `node` is not an object at all.
bool CheckFields(const spec::Node& node, const ObjectRules& rules, Version version,
                 DiagSink& sink);

// Returns "a string", "an object or a boolean", ... for messages.
std::string DescribeTypes(uint8_t types);
// Returns "an integer", "an array", "null", ... for messages.
std::string DescribeNode(const spec::Node& node);
// True when `node` is of one of `types`.
bool HasType(const spec::Node& node, uint8_t types);

}  // namespace specc::openapi

#endif  // SPECC_OPENAPI_FIELDS_H_
