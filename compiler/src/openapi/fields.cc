#include "openapi/fields.h"

#include <array>
#include <string>
#include <vector>

#include "openapi/suggest.h"

namespace specc::openapi {
namespace rules {
namespace {

constexpr uint8_t kStr = kTString, kBool = kTBool, kObj = kTObject, kArr = kTArray, kAny = kTAny;
constexpr uint8_t kSchemaTypes = kTObject | kTBool;

constexpr FieldRule kOpenApiFields[] = {
    {"openapi", kStr, true},      {"info", kObj, true},    {"jsonSchemaDialect", kStr, false, 31},
    {"servers", kArr},            {"paths", kObj},         {"webhooks", kObj, false, 31},
    {"components", kObj},         {"security", kArr},      {"tags", kArr},
    {"externalDocs", kObj},
};
constexpr FieldRule kInfoFields[] = {
    {"title", kStr, true}, {"summary", kStr, false, 31}, {"description", kStr},
    {"termsOfService", kStr}, {"contact", kObj},         {"license", kObj},
    {"version", kStr, true},
};
constexpr FieldRule kContactFields[] = {{"name", kStr}, {"url", kStr}, {"email", kStr}};
constexpr FieldRule kLicenseFields[] = {
    {"name", kStr, true}, {"identifier", kStr, false, 31}, {"url", kStr}};
constexpr FieldRule kServerFields[] = {
    {"url", kStr, true}, {"description", kStr}, {"variables", kObj}};
constexpr FieldRule kServerVariableFields[] = {
    {"enum", kArr}, {"default", kStr, true}, {"description", kStr}};
constexpr FieldRule kComponentsFields[] = {
    {"schemas", kObj},   {"responses", kObj},       {"parameters", kObj}, {"examples", kObj},
    {"requestBodies", kObj}, {"headers", kObj},     {"securitySchemes", kObj},
    {"links", kObj},     {"callbacks", kObj},       {"pathItems", kObj, false, 31},
};
constexpr FieldRule kPathItemFields[] = {
    {"$ref", kStr},   {"summary", kStr}, {"description", kStr}, {"get", kObj},
    {"put", kObj},    {"post", kObj},    {"delete", kObj},      {"options", kObj},
    {"head", kObj},   {"patch", kObj},   {"trace", kObj},       {"servers", kArr},
    {"parameters", kArr},
};
constexpr FieldRule kOperationFields[] = {
    {"tags", kArr},         {"summary", kStr},     {"description", kStr},
    {"externalDocs", kObj}, {"operationId", kStr}, {"parameters", kArr},
    {"requestBody", kObj},  {"responses", kObj},   {"callbacks", kObj},
    {"deprecated", kBool},  {"security", kArr},    {"servers", kArr},
};
constexpr FieldRule kExternalDocsFields[] = {{"description", kStr}, {"url", kStr, true}};
constexpr FieldRule kParameterFields[] = {
    {"name", kStr, true}, {"in", kStr, true},     {"description", kStr},
    {"required", kBool},  {"deprecated", kBool},  {"allowEmptyValue", kBool},
    {"style", kStr},      {"explode", kBool},     {"allowReserved", kBool},
    {"schema", kSchemaTypes}, {"example", kAny},  {"examples", kObj},
    {"content", kObj},
};
constexpr FieldRule kRequestBodyFields[] = {
    {"description", kStr}, {"content", kObj, true}, {"required", kBool}};
constexpr FieldRule kMediaTypeFields[] = {
    {"schema", kSchemaTypes}, {"example", kAny}, {"examples", kObj}, {"encoding", kObj}};
constexpr FieldRule kEncodingFields[] = {
    {"contentType", kStr}, {"headers", kObj}, {"style", kStr}, {"explode", kBool},
    {"allowReserved", kBool}};
constexpr FieldRule kResponseFields[] = {
    {"description", kStr, true}, {"headers", kObj}, {"content", kObj}, {"links", kObj}};
constexpr FieldRule kExampleFields[] = {
    {"summary", kStr}, {"description", kStr}, {"value", kAny}, {"externalValue", kStr}};
constexpr FieldRule kLinkFields[] = {
    {"operationRef", kStr}, {"operationId", kStr}, {"parameters", kObj},
    {"requestBody", kAny},  {"description", kStr}, {"server", kObj}};
constexpr FieldRule kHeaderFields[] = {
    {"description", kStr}, {"required", kBool}, {"deprecated", kBool},
    {"allowEmptyValue", kBool}, {"style", kStr}, {"explode", kBool},
    {"schema", kSchemaTypes}, {"example", kAny}, {"examples", kObj}, {"content", kObj}};
constexpr FieldRule kTagFields[] = {{"name", kStr, true}, {"description", kStr}, {"externalDocs", kObj}};
constexpr FieldRule kSecuritySchemeFields[] = {
    {"type", kStr, true}, {"description", kStr}, {"name", kStr},  {"in", kStr},
    {"scheme", kStr},     {"bearerFormat", kStr}, {"flows", kObj}, {"openIdConnectUrl", kStr}};
constexpr FieldRule kOAuthFlowsFields[] = {
    {"implicit", kObj}, {"password", kObj}, {"clientCredentials", kObj}, {"authorizationCode", kObj}};
constexpr FieldRule kOAuthFlowFields[] = {
    {"authorizationUrl", kStr}, {"tokenUrl", kStr}, {"refreshUrl", kStr}, {"scopes", kObj, true}};
constexpr FieldRule kReference31Fields[] = {{"$ref", kStr, true}, {"summary", kStr}, {"description", kStr}};

}  // namespace

const ObjectRules kOpenApi{"OpenAPI Object", kOpenApiFields};
const ObjectRules kInfo{"Info Object", kInfoFields};
const ObjectRules kContact{"Contact Object", kContactFields};
const ObjectRules kLicense{"License Object", kLicenseFields};
const ObjectRules kServer{"Server Object", kServerFields};
const ObjectRules kServerVariable{"Server Variable Object", kServerVariableFields};
const ObjectRules kComponents{"Components Object", kComponentsFields};
const ObjectRules kPathItem{"Path Item Object", kPathItemFields};
const ObjectRules kOperation{"Operation Object", kOperationFields};
const ObjectRules kExternalDocs{"External Documentation Object", kExternalDocsFields};
const ObjectRules kParameter{"Parameter Object", kParameterFields};
const ObjectRules kRequestBody{"Request Body Object", kRequestBodyFields};
const ObjectRules kMediaType{"Media Type Object", kMediaTypeFields};
const ObjectRules kEncoding{"Encoding Object", kEncodingFields};
const ObjectRules kResponse{"Response Object", kResponseFields};
const ObjectRules kExample{"Example Object", kExampleFields};
const ObjectRules kLink{"Link Object", kLinkFields};
const ObjectRules kHeader{"Header Object", kHeaderFields};
const ObjectRules kTag{"Tag Object", kTagFields};
const ObjectRules kSecurityScheme{"Security Scheme Object", kSecuritySchemeFields};
const ObjectRules kOAuthFlows{"OAuth Flows Object", kOAuthFlowsFields};
const ObjectRules kOAuthFlow{"OAuth Flow Object", kOAuthFlowFields};
const ObjectRules kReference31{"Reference Object", kReference31Fields};

}  // namespace rules

std::string DescribeNode(const spec::Node& node) {
  switch (node.kind) {
    case spec::NodeKind::kNull:
      return "null";
    case spec::NodeKind::kBool:
      return "a boolean";
    case spec::NodeKind::kInt:
      return "an integer";
    case spec::NodeKind::kFloat:
      return "a number";
    case spec::NodeKind::kString:
      return "a string";
    case spec::NodeKind::kMap:
      return "an object";
    case spec::NodeKind::kSeq:
      return "an array";
  }
  return "a value";
}

bool HasType(const spec::Node& node, uint8_t types) {
  switch (node.kind) {
    case spec::NodeKind::kNull:
      return types & kTNull;
    case spec::NodeKind::kBool:
      return types & kTBool;
    case spec::NodeKind::kInt:
    case spec::NodeKind::kFloat:
      return types & kTNumber;
    case spec::NodeKind::kString:
      return types & kTString;
    case spec::NodeKind::kMap:
      return types & kTObject;
    case spec::NodeKind::kSeq:
      return types & kTArray;
  }
  return false;
}

std::string DescribeTypes(uint8_t types) {
  std::vector<std::string> names;
  if (types & kTString) names.push_back("a string");
  if (types & kTBool) names.push_back("a boolean");
  if (types & kTNumber) names.push_back("a number");
  if (types & kTObject) names.push_back("an object");
  if (types & kTArray) names.push_back("an array");
  std::string out;
  for (size_t i = 0; i < names.size(); ++i) {
    if (i > 0) out += i + 1 == names.size() ? " or " : ", ";
    out += names[i];
  }
  return out;
}

bool CheckFields(const spec::Node& node, const ObjectRules& rules, Version version,
                 DiagSink& sink) {
  if (!node.is_map()) {
    sink.Report(DiagCode::kSpecFieldType, node.loc(),
                "expected " + std::string(rules.object_name) + " (an object), found " + DescribeNode(node));
    return false;
  }
  for (const spec::Member& member : spec::MembersOf(node)) {
    if (member.key().rfind("x-", 0) == 0) continue;
    const FieldRule* rule = nullptr;
    for (const FieldRule& r : rules.fields) {
      if (r.name == member.key() && (r.since == 0 || version == Version::k31)) {
        rule = &r;
        break;
      }
    }
    if (rule == nullptr) {
      std::vector<std::string_view> names;
      for (const FieldRule& r : rules.fields) {
        if (r.since == 0 || version == Version::k31) names.push_back(r.name);
      }
      std::string_view best = ClosestMatch(member.key(), names);
      bool only_31 = false;
      for (const FieldRule& r : rules.fields) only_31 |= r.name == member.key() && r.since == 31;
      std::string hint = only_31 ? "`" + std::string(member.key()) + "` exists from OpenAPI 3.1 on"
                         : !best.empty() ? "did you mean `" + std::string(best) + "`?"
                                         : "extensions must start with `x-`";
      sink.Report(DiagCode::kSpecFieldUnknown, member.key_loc(),
                  "`" + std::string(member.key()) + "` is not a field of the " +
                      std::string(rules.object_name),
                  hint);
      continue;
    }
    // `parameters: {$ref: list.yaml}`: a JSON Reference standing in for the list, which
    // the lowerer follows (SPEC_REF_POSITION) and checks where it leads.
    bool referenced_list = member.key() == "parameters" && member.value.is_map() && member.value.Find("$ref") != nullptr;
    if (!HasType(member.value, rule->types) && !referenced_list) {
      sink.Report(DiagCode::kSpecFieldType, member.value.loc(),
                  "`" + std::string(member.key()) + "` must be " + DescribeTypes(rule->types) +
                      ", not " + DescribeNode(member.value),
                  member.value.is_number() && (rule->types & kTString)
                      ? "quote it: `\"" + std::string(member.value.text()) + "\"`"
                      : "");
    }
  }
  for (const FieldRule& r : rules.fields) {
    if (!r.required || (r.since == 31 && version != Version::k31)) continue;
    if (node.Find(r.name) == nullptr) {
      sink.Report(DiagCode::kSpecFieldMissing, node.loc(),
                  "the " + std::string(rules.object_name) + " is missing its required `" +
                      std::string(r.name) + "` field");
    }
  }
  return true;
}

}  // namespace specc::openapi
