#include "emit/openapi_bundle/openapi_bundle_emitter.h"

#include <algorithm>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

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
  BundleBuilder(const ir::Api& api, uint64_t* work) : api_(api), keys_(ComponentKeys(api)), work_(work) {
    // Each operation's callbacks by name, names in order of first appearance.
    for (const ir::Operation& cb : api.callbacks) {
      Count(1);
      std::vector<std::pair<std::string, std::vector<ir::Operation>>>& named = callbacks_[cb.parent];
      auto it = std::find_if(named.begin(), named.end(), [&](const auto& n) { return n.first == cb.callback_name; });
      if (it == named.end()) it = named.insert(named.end(), {cb.callback_name, {}});
      it->second.push_back(cb);
    }
    bool v30 = api.openapi_version.rfind("3.0", 0) == 0;
    options_.dialect = v30 ? SchemaDialect::kOpenApi30 : SchemaDialect::kOpenApi31;
    options_.ref_prefix = "#/components/schemas/";
    options_.names = &keys_;
  }

  // Adds `n` steps to the caller's work counter (EmitOptions::work), when there is one.
  void Count(uint64_t n) const {
    if (work_ != nullptr) *work_ += n;
  }

  // False once a value of the spec was written verbatim (WriteJsonText): formatted, the
  // bundle would not have rendered.
  bool ok() const { return ok_; }

  void WriteInfo(JsonWriter& w) const {
    w.BeginObject().Key("title").String(api_.title).Key("version").String(api_.version);
    if (!api_.description.empty()) w.Key("description").String(api_.description);
    w.EndObject();
  }

  void WriteTags(JsonWriter& w) const {
    w.BeginArray();
    for (const ir::Tag& t : api_.tags) {
      w.BeginObject().Key("name").String(t.name);
      if (!t.description.empty()) w.Key("description").String(t.description);
      w.EndObject();
    }
    w.EndArray();
  }

  // Operations grouped by path (or webhook name) in document order of first appearance.
  void WritePaths(const std::vector<ir::Operation>& ops, JsonWriter& w) const {
    // Paths in the order they first appear, each with its operations in order: grouped
    // through a map, since a scan per path cost quadratic time (100,000 operations).
    std::vector<std::vector<const ir::Operation*>> paths;
    std::unordered_map<std::string_view, size_t> path_index;
    Count(ops.size());
    for (const ir::Operation& op : ops) {
      auto [it, added] = path_index.emplace(op.path, paths.size());
      if (added) paths.emplace_back();
      paths[it->second].push_back(&op);
    }
    w.BeginObject();
    for (const std::vector<const ir::Operation*>& path_ops : paths) {
      w.Key(path_ops.front()->path).BeginObject();
      for (const ir::Operation* op : path_ops) {
        Count(1);
        w.Key(op->method);
        WriteOperation(*op, w);
      }
      w.EndObject();
    }
    w.EndObject();
  }

  void WriteComponents(JsonWriter& w) const {
    w.BeginObject();
    if (!api_.component_schemas.empty()) {
      w.Key("schemas").BeginObject();
      for (ir::SchemaId id : api_.component_schemas) {
        w.Key(keys_[id]);
        ok_ = WriteJsonSchema(api_, id, options_, true, w) && ok_;
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

 private:
  static void Str(JsonWriter& w, const char* key, const std::string& value) {
    if (!value.empty()) w.Key(key).String(value);
  }
  // A value the spec wrote (an example, an extension), as JSON text.
  void Json(JsonWriter& w, std::string_view json) const { ok_ = WriteJsonText(w, json) && ok_; }

  void WriteSchema(ir::SchemaId id, JsonWriter& w) const {
    w.Key("schema");
    ok_ = WriteJsonSchema(api_, id, options_, false, w) && ok_;
  }

  void WriteExamples(const std::vector<ir::Example>& examples, JsonWriter& w) const {
    if (examples.empty()) return;
    if (examples.size() == 1 && examples[0].name.empty()) {
      if (!examples[0].value.empty()) Json(w.Key("example"), examples[0].value);
      return;
    }
    w.Key("examples").BeginObject();
    for (size_t i = 0; i < examples.size(); ++i) {
      const ir::Example& e = examples[i];
      w.Key(e.name.empty() ? "example" + std::to_string(i + 1) : e.name).BeginObject();
      Str(w, "summary", e.summary);
      if (!e.value.empty()) Json(w.Key("value"), e.value);
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
    // Only operations of api_.operations have callbacks (a callback's own do not), found
    // through the index built once: a scan of every operation and callback per operation
    // cost quadratic time.
    auto by_parent = &op >= api_.operations.data() && &op < api_.operations.data() + api_.operations.size()
                         ? callbacks_.find(static_cast<int>(&op - api_.operations.data()))
                         : callbacks_.end();
    if (by_parent != callbacks_.end()) {
      w.Key("callbacks").BeginObject();
      for (const auto& [name, ops] : by_parent->second) WritePaths(ops, w.Key(name));
      w.EndObject();
    }
    if (op.deprecated) w.Key("deprecated").Bool(true);
    if (op.security) WriteSecurity(*op.security, w.Key("security"));
    if (!op.servers.empty()) WriteServers(op.servers, w.Key("servers"));
    for (const auto& [key, json] : op.extensions) Json(w.Key(key), json);
    w.EndObject();
  }

  const ir::Api& api_;
  std::vector<std::string> keys_;
  uint64_t* work_;
  // Callbacks by the index of their operation, then by name.
  std::unordered_map<int, std::vector<std::pair<std::string, std::vector<ir::Operation>>>> callbacks_;
  SchemaWriterOptions options_;
  mutable bool ok_ = true;
};

// One part of the bundle, named as the template names it: written by `write`, or left
// out (an empty value in the view) when not `present`.
struct BundlePart {
  std::string_view name;
  bool present;
  std::function<void(JsonWriter&)> write;
};

std::vector<BundlePart> BundleParts(const ir::Api& api, const BundleBuilder& b) {
  return {
      {"openapi_json", true, [&api](JsonWriter& w) { w.String(api.openapi_version); }},
      {"info_json", true, [&b](JsonWriter& w) { b.WriteInfo(w); }},
      {"servers_json", !api.servers.empty(), [&](JsonWriter& w) { b.WriteServers(api.servers, w); }},
      {"tags_json", !api.tags.empty(), [&b](JsonWriter& w) { b.WriteTags(w); }},
      {"security_json", !api.security.empty(),
       [&api](JsonWriter& w) { BundleBuilder::WriteSecurity(api.security, w); }},
      {"paths_json", true, [&](JsonWriter& w) { b.WritePaths(api.operations, w); }},
      {"webhooks_json", !api.webhooks.empty(), [&](JsonWriter& w) { b.WritePaths(api.webhooks, w); }},
      {"components_json", true, [&b](JsonWriter& w) { b.WriteComponents(w); }},
  };
}

// The bundle's text, but for the pieces already handed to `file`. Each part is a hole in
// the template's view, written where the template puts it straight into the bundle, in the
// bundle's layout (emit/render.h): no part is held apart, copied into the template's data
// or formatted again (formatting GitHub's 15 MB was a sixth of the emitter; the parts held
// it once more), and the text goes to `file` in pieces as it is written. A template that defeats
// holes (one that names a part twice, say), or a value of the spec the formatter does not
// read, renders the parts the plain way, which reports what went wrong.
std::optional<std::string> RenderBundle(const EmitContext& ctx, const ir::Api& api, OutputStream& file) {
  constexpr std::string_view kTemplate = "openapi-bundle/openapi.json.mustache";
  BundleBuilder builder(api, ctx.options.work);
  std::vector<BundlePart> parts = BundleParts(api, builder);
  View holes;
  for (const BundlePart& part : parts) {
    holes.Set(std::string(part.name), part.present ? JsonHole(part.name) : std::string());
  }
  std::vector<bool> written(parts.size(), false);
  // The text so far goes to `file` in pieces while the parts are written (the paths alone
  // are 12 MB on GitHub's description).
  std::function<void(std::string&)> drain = [&file](std::string& text) { file.Drain(text); };
  JsonHoleFn fill = [&](std::string_view token, int depth, std::string& out) {
    for (size_t i = 0; i < parts.size(); ++i) {
      if (parts[i].name != token) continue;
      if (written[i]) return false;
      written[i] = true;
      JsonWriter w(2, std::move(out), depth);
      w.set_drain(&drain);
      parts[i].write(w);
      out = w.Release();
      return builder.ok();
    }
    return false;
  };
  std::optional<std::string> text = TryRenderJson(ctx.templates, kId, kTemplate, holes, 0, fill);
  if (text) {
    text->push_back('\n');
    return text;
  }
  file.Discard();
  BundleBuilder plain(api, nullptr);
  View view;
  for (const BundlePart& part : BundleParts(api, plain)) {
    std::string json;
    if (part.present) {
      JsonWriter w(0);
      part.write(w);
      json = w.Release();
    }
    view.Set(std::string(part.name), std::move(json));
  }
  return RenderJson(ctx.templates, kId, kTemplate, view, ctx.diags);
}

class OpenApiBundleEmitter final : public Emitter {
 public:
  std::string_view id() const override { return kId; }
  void Emit(const EmitContext& ctx, OutputSet& out) const override {
    for (const ApiInput& input : ctx.apis) {
      OutputStream file = out.Stream(input.service + "/openapi.json");
      std::optional<std::string> text = RenderBundle(ctx, *input.api, file);
      if (!text) return;
      file.Close(std::move(*text));
    }
  }
};

}  // namespace

std::unique_ptr<Emitter> NewOpenApiBundleEmitter() { return std::make_unique<OpenApiBundleEmitter>(); }

}  // namespace specc::emit
