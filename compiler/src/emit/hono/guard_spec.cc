#include "emit/hono/guard_spec.h"

#include <algorithm>

#include "sema/schema_meaning.h"
#include "sema/security.h"

namespace specc::emit {
namespace {

using sema::CredentialKind;

// runtime.ts's SchemeInfo literal and credential type of a scheme.
std::string SchemeInfoOf(const ir::SecurityScheme& scheme) {
  switch (sema::CredentialKindOf(scheme)) {
    case CredentialKind::kBearer: return "{ kind: \"bearer\" }";
    case CredentialKind::kBasic: return "{ kind: \"basic\" }";
    case CredentialKind::kHttpOther: return "{ kind: \"http\", scheme: " + JsonQuote(scheme.scheme) + " }";
    case CredentialKind::kApiKeyHeader: return "{ kind: \"apiKey\", in: \"header\", name: " + JsonQuote(scheme.param_name) + " }";
    case CredentialKind::kApiKeyQuery: return "{ kind: \"apiKey\", in: \"query\", name: " + JsonQuote(scheme.param_name) + " }";
    case CredentialKind::kApiKeyCookie: return "{ kind: \"apiKey\", in: \"cookie\", name: " + JsonQuote(scheme.param_name) + " }";
    case CredentialKind::kOAuth2: return "{ kind: \"oauth2\" }";
    case CredentialKind::kOpenIdConnect: return "{ kind: \"openIdConnect\" }";
    case CredentialKind::kMutualTls: return "{ kind: \"mutualTLS\" }";
  }
  return "{ kind: \"mutualTLS\" }";
}

const char* CredentialTypeOf(const ir::SecurityScheme& scheme) {
  switch (sema::CredentialKindOf(scheme)) {
    case CredentialKind::kBearer: return "BearerCredential";
    case CredentialKind::kBasic: return "BasicCredential";
    case CredentialKind::kHttpOther: return "HttpCredential";
    case CredentialKind::kApiKeyHeader:
    case CredentialKind::kApiKeyQuery:
    case CredentialKind::kApiKeyCookie: return "ApiKeyCredential";
    case CredentialKind::kOAuth2:
    case CredentialKind::kOpenIdConnect: return "TokenCredential";
    case CredentialKind::kMutualTls: return "MutualTlsCredential";
  }
  return "MutualTlsCredential";
}

bool SameStatus(const std::string& a, const char* b) {
  if (a.size() != std::string_view(b).size()) return false;
  for (size_t i = 0; i < a.size(); ++i) {
    if (std::toupper(static_cast<unsigned char>(a[i])) != b[i]) return false;
  }
  return true;
}

}  // namespace

GuardSpecs::GuardSpecs(const sema::SchemaMeanings& meanings, const TsNames& names)
    : api_(meanings.api()), names_(names), meanings_(&meanings), used_schemes_(sema::UsedSchemes(api_)) {}

GuardSpecs::~GuardSpecs() = default;

std::string GuardSpecs::SecurityOf(size_t op) const {
  std::string out;
  for (const sema::SecurityAlternative& alternative : sema::EffectiveSecurityOf(api_, api_.operations[op]).alternatives) {
    std::string requirement;
    for (const sema::SchemeUse& use : alternative.schemes) {
      std::string scopes;
      for (const std::string& scope : use.scopes) scopes += (scopes.empty() ? "" : ", ") + JsonQuote(scope);
      requirement += (requirement.empty() ? " " : ", ") + JsonQuote(use.name) + ": [" + scopes + "]";
    }
    out += (out.empty() ? "" : ", ") + std::string("{") + requirement + (requirement.empty() ? "}" : " }");
  }
  return out;
}

// The fields runtime.ts fills of the error body schema of `response`, recorded once per
// schemas.ts constant; returns the constant, or "problem" when the response has no JSON
// body schema.
std::string GuardSpecs::ShapeOf(const ir::Response& response, const ResponseNames& names) {
  if (!names.json_media || names.schema.empty()) return "problem";
  const ir::MediaType& media = response.content[*names.json_media];
  for (const Shape& s : shapes_) {
    if (s.key == names.schema) return s.key;
  }
  std::string fields;
  if (media.schema != ir::kNoSchema) {
    const sema::SchemaMeaning& meaning = meanings_->Of(meanings_->Resolve(media.schema));
    for (const sema::ObjectProperty& p : meaning.properties) {
      std::string type = "any", first_enum;
      if (p.schema != ir::kNoSchema) {
        ir::SchemaId id = meanings_->Resolve(p.schema);
        const sema::SchemaMeaning& m = meanings_->Of(id);
        if (!m.types.empty()) type = m.types.front();
        if (!m.enum_values.empty()) first_enum = m.enum_values.front();
        if (type == "array" && api_.schemas[id].items != ir::kNoSchema) {
          const sema::SchemaMeaning& items = meanings_->Of(meanings_->Resolve(api_.schemas[id].items));
          if (!items.types.empty()) type += ":" + items.types.front();
        }
      }
      fields += (fields.empty() ? "" : ", ") + std::string("[") + JsonQuote(p.name) + ", " + JsonQuote(type) + ", " +
                (p.required ? "true" : "false") + ", " + JsonQuote(first_enum) + "]";
    }
  }
  shapes_.push_back(Shape{.key = names.schema, .media = media.media_type, .fields = fields});
  return names.schema;
}

std::string GuardSpecs::ErrorsOf(size_t op) {
  const ir::Operation& operation = api_.operations[op];
  const OperationNames& n = names_.operations[op];
  // The documented response of each refusal: the first of `keys` the operation documents.
  auto pick = [&](const char* kind, int status, std::initializer_list<const char*> keys) {
    for (const char* key : keys) {
      for (size_t i = 0; i < operation.responses.size(); ++i) {
        if (!SameStatus(operation.responses[i].status, key)) continue;
        int answered = std::string_view(key) == "422" ? 422 : status;
        return std::string(kind) + ": [" + std::to_string(answered) + ", " +
               JsonQuote(ShapeOf(operation.responses[i], n.responses[i])) + "]";
      }
    }
    return std::string(kind) + ": [" + std::to_string(status) + ", \"problem\"]";
  };
  return pick("validation", 400, {"400", "422", "4XX", "DEFAULT"}) + ", " +
         pick("unauthorized", 401, {"401", "4XX", "DEFAULT"}) + ", " + pick("forbidden", 403, {"403", "4XX", "DEFAULT"});
}

std::string GuardSpecs::ResponsesOf(size_t op) const {
  const ir::Operation& operation = api_.operations[op];
  const OperationNames& n = names_.operations[op];
  std::string out;
  for (size_t i = 0; i < operation.responses.size(); ++i) {
    const ResponseNames& r = n.responses[i];
    std::string schema = r.json_media && !r.schema.empty() ? "schemas." + r.schema : "null";
    out += (out.empty() ? "" : ", ") + std::string("[") + JsonQuote(operation.responses[i].status) + ", " + schema + "]";
  }
  return out;
}

View GuardSpecs::ContractView() const {
  View view;
  View schemes = View::List();
  std::vector<std::string> types = {"ErrorShape", "ProblemDetails", "RejectionInfo", "SchemeInfo", "ValidationIssue"};
  for (size_t i : used_schemes_) {
    const ir::SecurityScheme& scheme = api_.security_schemes[i];
    View s;
    s.Set("key", JsonQuote(scheme.name));
    s.Set("info", SchemeInfoOf(scheme));
    s.Set("credential", CredentialTypeOf(scheme));
    schemes.Add(std::move(s));
    if (std::find(types.begin(), types.end(), CredentialTypeOf(scheme)) == types.end()) types.push_back(CredentialTypeOf(scheme));
  }
  std::sort(types.begin(), types.end());
  std::string runtime_types;
  for (const std::string& t : types) runtime_types += (runtime_types.empty() ? "" : ", ") + t;
  View shapes = View::List();
  for (const Shape& s : shapes_) {
    View v;
    v.Set("key", s.key);
    v.Set("media_json", JsonQuote(s.media));
    v.Set("fields", s.fields);
    shapes.Add(std::move(v));
  }
  view.Set("schemes", std::move(schemes));
  view.Set("shapes", std::move(shapes));
  view.Set("uses_zod", !shapes_.empty());
  view.Set("runtime_types", runtime_types);
  return view;
}

}  // namespace specc::emit
