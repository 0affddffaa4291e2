#include "emit/openapi_bundle/openapi_bundle_emitter.h"

#include <algorithm>

#include "base/json_writer.h"
#include "emit/json_schema.h"
#include "emit/render.h"
#include "emit/template_set.h"

namespace specc::emit {
namespace {

constexpr std::string_view kId = "openapi-bundle";

// Builds the parts of the bundle from the IR. The IR keeps what emitters need, not the
// whole document, so the bundle holds: openapi, info (title, version, description),
// servers, tags, paths (operations with parameters, request bodies, responses with headers
// and content, security, servers, callbacks and x- extensions), webhooks, and components
// (schemas and securitySchemes). Every reference is internal: shared parameters, responses
// and other files' objects are inlined; schemas stay `$ref`s to components/schemas.
// Not kept: info.contact/license/termsOfService, externalDocs, links, components other than
// schemas and securitySchemes, and x- extensions outside operations.
class BundleBuilder {
 public:
  explicit BundleBuilder(const ir::Api& api) : api_(api), keys_(ComponentKeys(api)) {
    bool v30 = api.openapi_version.rfind("3.0", 0) == 0;
    options_.dialect = v30 ? SchemaDialect::kOpenApi30 : SchemaDialect::kOpenApi31;
    options_.ref_prefix = "#/components/schemas/";
    options_.names = &keys_;
  }

  std::string Info() const {
    JsonWriter w(0);
    w.BeginObject().Key("title").String(api_.title).Key("version").String(api_.version);
    if (!api_.description.empty()) w.Key("description").String(api_.description);
    w.EndObject();
    return Done(w);
  }

  std::string Servers(const std::vector<ir::Server>& servers) const {
    if (servers.empty()) return {};
    JsonWriter w(0);
    WriteServers(servers, w);
    return Done(w);
  }

  std::string Tags() const {
    if (api_.tags.empty()) return {};
    JsonWriter w(0);
    w.BeginArray();
    for (const ir::Tag& t : api_.tags) {
      w.BeginObject().Key("name").String(t.name);
      if (!t.description.empty()) w.Key("description").String(t.description);
      w.EndObject();
    }
    w.EndArray();
    return Done(w);
  }

  std::string Security() const {
    if (api_.security.empty()) return {};
    JsonWriter w(0);
    WriteSecurity(api_.security, w);
    return Done(w);
  }

  // Operations grouped by path (or webhook name) in document order of first appearance.
  std::string Paths(const std::vector<ir::Operation>& ops, bool always) const {
    if (ops.empty() && !always) return {};
    std::vector<std::string> paths;
    for (const ir::Operation& op : ops) {
      if (std::find(paths.begin(), paths.end(), op.path) == paths.end()) paths.push_back(op.path);
    }
    JsonWriter w(0);
    w.BeginObject();
    for (const std::string& path : paths) {
      w.Key(path).BeginObject();
      for (const ir::Operation& op : ops) {
        if (op.path == path) {
          w.Key(op.method);
          WriteOperation(op, w);
        }
      }
      w.EndObject();
    }
    w.EndObject();
    return Done(w);
  }

  std::string Components() const {
    JsonWriter w(0);
    w.BeginObject();
    if (!api_.component_schemas.empty()) {
      w.Key("schemas").BeginObject();
      for (ir::SchemaId id : api_.component_schemas) {
        w.Key(keys_[id]);
        WriteJsonSchema(api_, id, options_, true, w);
      }
      w.EndObject();
    }
    if (!api_.security_schemes.empty()) {
      w.Key("securitySchemes").BeginObject();
      for (const ir::SecurityScheme& s : api_.security_schemes) {
        w.Key(s.name).BeginObject().Key("type").String(s.type);
        Str(w, "description", s.description);
        Str(w, "scheme", s.scheme);
        Str(w, "bearerFormat", s.bearer_format);
        Str(w, "name", s.param_name);
        Str(w, "in", s.in);
        Str(w, "openIdConnectUrl", s.open_id_connect_url);
        if (!s.flows.empty()) {
          w.Key("flows").BeginObject();
          for (const ir::OAuthFlow& f : s.flows) {
            w.Key(f.type).BeginObject();
            Str(w, "authorizationUrl", f.authorization_url);
            Str(w, "tokenUrl", f.token_url);
            Str(w, "refreshUrl", f.refresh_url);
            w.Key("scopes").BeginObject();
            for (const auto& [scope, text] : f.scopes) w.Key(scope).String(text);
            w.EndObject().EndObject();
          }
          w.EndObject();
        }
        w.EndObject();
      }
      w.EndObject();
    }
    w.EndObject();
    return Done(w);
  }

 private:
  static std::string Done(JsonWriter& w) {
    std::string text = w.Finish();
    if (!text.empty() && text.back() == '\n') text.pop_back();
    return text;
  }
  static void Str(JsonWriter& w, const char* key, const std::string& value) {
    if (!value.empty()) w.Key(key).String(value);
  }

  void WriteServers(const std::vector<ir::Server>& servers, JsonWriter& w) const {
    w.BeginArray();
    for (const ir::Server& s : servers) {
      w.BeginObject().Key("url").String(s.url);
      Str(w, "description", s.description);
      if (!s.variables.empty()) {
        w.Key("variables").BeginObject();
        for (const ir::ServerVariable& v : s.variables) {
          w.Key(v.name).BeginObject();
          if (!v.enum_values.empty()) {
            w.Key("enum").BeginArray();
            for (const std::string& e : v.enum_values) w.String(e);
            w.EndArray();
          }
          w.Key("default").String(v.default_value);
          Str(w, "description", v.description);
          w.EndObject();
        }
        w.EndObject();
      }
      w.EndObject();
    }
    w.EndArray();
  }

  static void WriteSecurity(const std::vector<ir::SecurityRequirement>& security, JsonWriter& w) {
    w.BeginArray();
    for (const ir::SecurityRequirement& r : security) {
      w.BeginObject();
      for (const auto& [scheme, scopes] : r.schemes) {
        w.Key(scheme).BeginArray();
        for (const std::string& s : scopes) w.String(s);
        w.EndArray();
      }
      w.EndObject();
    }
    w.EndArray();
  }

  void WriteSchema(ir::SchemaId id, JsonWriter& w) const {
    w.Key("schema");
    WriteJsonSchema(api_, id, options_, false, w);
  }

  void WriteExamples(const std::vector<ir::Example>& examples, JsonWriter& w) const {
    if (examples.empty()) return;
    if (examples.size() == 1 && examples[0].name.empty()) {
      if (!examples[0].value.empty()) w.Key("example").Raw(examples[0].value);
      return;
    }
    w.Key("examples").BeginObject();
    for (size_t i = 0; i < examples.size(); ++i) {
      const ir::Example& e = examples[i];
      w.Key(e.name.empty() ? "example" + std::to_string(i + 1) : e.name).BeginObject();
      Str(w, "summary", e.summary);
      if (!e.value.empty()) w.Key("value").Raw(e.value);
      w.EndObject();
    }
    w.EndObject();
  }

  void WriteContent(const std::vector<ir::MediaType>& content, JsonWriter& w) const {
    w.Key("content").BeginObject();
    for (const ir::MediaType& m : content) {
      w.Key(m.media_type).BeginObject();
      if (m.schema != ir::kNoSchema) WriteSchema(m.schema, w);
      WriteExamples(m.examples, w);
      w.EndObject();
    }
    w.EndObject();
  }

  void WriteOperation(const ir::Operation& op, JsonWriter& w) const {
    w.BeginObject();
    if (!op.tags.empty()) {
      w.Key("tags").BeginArray();
      for (const std::string& t : op.tags) w.String(t);
      w.EndArray();
    }
    Str(w, "summary", op.summary);
    Str(w, "description", op.description);
    if (!op.operation_id_synthesized) Str(w, "operationId", op.operation_id);
    if (!op.parameters.empty()) {
      w.Key("parameters").BeginArray();
      for (const ir::Parameter& p : op.parameters) {
        w.BeginObject().Key("name").String(p.name).Key("in").String(ir::ParamInName(p.in));
        Str(w, "description", p.description);
        if (p.required) w.Key("required").Bool(true);
        if (p.deprecated) w.Key("deprecated").Bool(true);
        if (p.allow_empty_value) w.Key("allowEmptyValue").Bool(true);
        if (p.allow_reserved) w.Key("allowReserved").Bool(true);
        if (p.content_type.empty()) {
          w.Key("style").String(p.style).Key("explode").Bool(p.explode);
          if (p.schema != ir::kNoSchema) WriteSchema(p.schema, w);
          WriteExamples(p.examples, w);
        } else {
          w.Key("content").BeginObject().Key(p.content_type).BeginObject();
          if (p.schema != ir::kNoSchema) WriteSchema(p.schema, w);
          WriteExamples(p.examples, w);
          w.EndObject().EndObject();
        }
        w.EndObject();
      }
      w.EndArray();
    }
    if (op.request_body) {
      w.Key("requestBody").BeginObject();
      Str(w, "description", op.request_body->description);
      WriteContent(op.request_body->content, w);
      if (op.request_body->required) w.Key("required").Bool(true);
      w.EndObject();
    }
    w.Key("responses").BeginObject();
    for (const ir::Response& r : op.responses) {
      w.Key(r.status).BeginObject().Key("description").String(r.description);
      if (!r.headers.empty()) {
        w.Key("headers").BeginObject();
        for (const ir::Header& h : r.headers) {
          w.Key(h.name).BeginObject();
          Str(w, "description", h.description);
          if (h.required) w.Key("required").Bool(true);
          if (h.deprecated) w.Key("deprecated").Bool(true);
          if (h.schema != ir::kNoSchema) WriteSchema(h.schema, w);
          w.EndObject();
        }
        w.EndObject();
      }
      if (!r.content.empty()) WriteContent(r.content, w);
      w.EndObject();
    }
    w.EndObject();
    // Callbacks declared by this operation, grouped by name, then by expression.
    std::vector<std::string> names;
    int self = -1;
    for (size_t i = 0; i < api_.operations.size(); ++i) {
      if (&api_.operations[i] == &op) self = static_cast<int>(i);
    }
    for (const ir::Operation& cb : api_.callbacks) {
      if (self >= 0 && cb.parent == self &&
          std::find(names.begin(), names.end(), cb.callback_name) == names.end()) {
        names.push_back(cb.callback_name);
      }
    }
    if (!names.empty()) {
      w.Key("callbacks").BeginObject();
      for (const std::string& name : names) {
        std::vector<ir::Operation> ops;
        for (const ir::Operation& cb : api_.callbacks) {
          if (cb.parent == self && cb.callback_name == name) ops.push_back(cb);
        }
        w.Key(name).Raw(Paths(ops, true));
      }
      w.EndObject();
    }
    if (op.deprecated) w.Key("deprecated").Bool(true);
    if (op.security) WriteSecurity(*op.security, w.Key("security"));
    if (!op.servers.empty()) WriteServers(op.servers, w.Key("servers"));
    for (const auto& [key, json] : op.extensions) w.Key(key).Raw(json);
    w.EndObject();
  }

  const ir::Api& api_;
  std::vector<std::string> keys_;
  SchemaWriterOptions options_;
};

class OpenApiBundleEmitter final : public Emitter {
 public:
  std::string_view id() const override { return kId; }
  void Emit(const EmitContext& ctx, OutputSet& out) const override {
    for (const ApiInput& input : ctx.apis) {
      const ir::Api& api = *input.api;
      BundleBuilder b(api);
      View view;
      view.Set("openapi_json", JsonQuote(api.openapi_version));
      view.Set("info_json", b.Info());
      view.Set("servers_json", b.Servers(api.servers));
      view.Set("tags_json", b.Tags());
      view.Set("security_json", b.Security());
      view.Set("paths_json", b.Paths(api.operations, true));
      view.Set("webhooks_json", b.Paths(api.webhooks, false));
      view.Set("components_json", b.Components());
      std::optional<std::string> text =
          RenderJson(ctx.templates, kId, "openapi-bundle/openapi.json.mustache", view, ctx.diags);
      if (!text) return;
      out.Put(input.service + "/openapi.json", std::move(*text));
    }
  }
};

}  // namespace

std::unique_ptr<Emitter> NewOpenApiBundleEmitter() { return std::make_unique<OpenApiBundleEmitter>(); }

}  // namespace specc::emit
