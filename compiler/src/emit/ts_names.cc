#include "emit/ts_names.h"

#include "emit/namer.h"
#include "sema/request_body.h"
#include "sema/response_body.h"

namespace specc::emit {
namespace {

bool IsPlainKey(const std::string& name) {
  if (name.empty()) return false;
  for (char c : name) {
    bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
    if (!ok) return false;
  }
  return true;
}

// Names the body schema of each of `op`'s responses: its JSON media type's component
// schema, or a constant `<Type><Status>Response` for an inline one.
std::vector<ResponseNames> NameResponses(const ir::Operation& op, const std::string& type,
                                         const std::vector<std::string>& schema_names, NameTable& exported) {
  std::vector<ResponseNames> out(op.responses.size());
  for (size_t i = 0; i < op.responses.size(); ++i) {
    const ir::Response& r = op.responses[i];
    out[i].json_media = sema::JsonResponseMedia(r);
    if (!out[i].json_media) continue;
    ir::SchemaId schema = r.content[*out[i].json_media].schema;
    if (schema == ir::kNoSchema) continue;
    if (!schema_names[schema].empty()) {
      out[i].schema = schema_names[schema];
    } else {
      out[i].schema = exported.Take(type + PascalCase(r.status) + "Response");
      out[i].declared = true;
    }
  }
  return out;
}

// The name a webhook's or callback's payload is known by: its operationId, else the
// webhook's name, or the declaring operation's and the callback's names together (a
// synthesized id would spell out the callback's URL expression).
std::string SentOperationName(const ir::Api& api, const ir::Operation& op) {
  if (!op.operation_id_synthesized) return op.operation_id;
  if (op.kind == ir::OperationKind::kWebhook) return op.path;
  if (op.parent < 0) return op.callback_name;
  return api.operations[static_cast<size_t>(op.parent)].operation_id + " " + op.callback_name;
}

}  // namespace

const char* InputPartField(InputPart part) {
  switch (part) {
    case InputPart::kParams: return "params";
    case InputPart::kQuery: return "query";
    case InputPart::kHeaders: return "headers";
    case InputPart::kCookies: return "cookies";
    case InputPart::kBody: return "body";
  }
  return "params";
}

bool PickBodyMedia(const sema::SchemaMeanings& meanings, const ir::RequestBody& body, size_t* index,
                   std::string* target) {
  std::optional<sema::SentBody> sent = sema::SentBodyMedia(meanings, body);
  if (!sent) return false;
  switch (sent->reading) {
    case sema::BodyReading::kJson: *target = "json"; break;
    case sema::BodyReading::kUrlEncoded:
    case sema::BodyReading::kMultipart: *target = "form"; break;
    case sema::BodyReading::kText: *target = "text"; break;
    case sema::BodyReading::kUnread: return false;
  }
  *index = sent->index;
  return true;
}

TsNames NameTsSymbols(const sema::SchemaMeanings& meanings) {
  const ir::Api& api = meanings.api();
  TsNames names;
  NameTable exported;
  // The helpers schemas.ts declares itself.
  for (const char* helper : kSchemasHelpers) exported.Reserve(helper);
  names.schemas.resize(api.schemas.size());
  for (ir::SchemaId id : api.component_schemas) {
    names.schemas[id] = exported.Take(TsTypeName(api.schemas[id].name));
  }
  NameTable handlers;
  // Handler names are also the exports of the route modules, beside these.
  for (const char* name : kRouteModuleNames) handlers.Reserve(name);
  NameTable modules;
  std::vector<std::pair<std::string, std::string>> module_of_tag;  // tag -> module
  for (const ir::Operation& op : api.operations) {
    OperationNames n;
    n.handler = handlers.Take(TsValueName(op.operation_id));
    n.type = TsTypeName(op.operation_id);
    std::string tag = op.tags.empty() ? "default" : op.tags.front();
    for (const auto& [known, module] : module_of_tag) {
      if (known == tag) n.module = module;
    }
    if (n.module.empty()) {
      std::string stem = KebabCase(tag);
      n.module = modules.Take(stem.empty() ? "default" : stem);
      module_of_tag.emplace_back(tag, n.module);
    }
    bool has[5] = {false, false, false, false, false};
    n.param_keys.resize(op.parameters.size());
    NameTable path_keys;
    for (size_t i = 0; i < op.parameters.size(); ++i) {
      const ir::Parameter& p = op.parameters[i];
      switch (p.in) {
        case ir::ParamIn::kPath:
          has[0] = true;
          n.param_keys[i] = path_keys.Take(IsPlainKey(p.name) ? p.name : SnakeCase(p.name).empty() ? "param" : SnakeCase(p.name));
          break;
        case ir::ParamIn::kQuery: has[1] = true; break;
        case ir::ParamIn::kHeader: has[2] = true; break;
        case ir::ParamIn::kCookie: has[3] = true; break;
      }
    }
    const ir::RequestBody* body = sema::SentRequestBody(op);
    if (body && PickBodyMedia(meanings, *body, &n.body_media, &n.body_target)) has[4] = true;
    static constexpr const char* kSuffix[] = {"Params", "Query", "Headers", "Cookies", "Body"};
    for (int i = 0; i < 5; ++i) {
      if (has[i]) n.parts[i] = exported.Take(n.type + kSuffix[i]);
    }
    n.responses = NameResponses(op, n.type, names.schemas, exported);
    names.operations.push_back(std::move(n));
  }
  // After every path operation's names, so that adding a webhook renames nothing else.
  auto name_bodies = [&](const std::vector<ir::Operation>& ops, const char* suffix) {
    std::vector<std::string> out(ops.size());
    for (size_t i = 0; i < ops.size(); ++i) {
      size_t media = 0;
      std::string target;
      const ir::RequestBody* body = sema::SentRequestBody(ops[i]);
      if (body && PickBodyMedia(meanings, *body, &media, &target)) {
        out[i] = exported.Take(TsTypeName(SentOperationName(api, ops[i])) + suffix);
      }
    }
    return out;
  };
  names.webhook_bodies = name_bodies(api.webhooks, "WebhookBody");
  names.callback_bodies = name_bodies(api.callbacks, "CallbackBody");
  return names;
}

}  // namespace specc::emit
