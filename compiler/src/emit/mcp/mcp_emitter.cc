#include "emit/mcp/mcp_emitter.h"

#include <nlohmann/json.hpp>

#include "base/json_writer.h"
#include "emit/json_schema.h"
#include "emit/namer.h"
#include "emit/render.h"
#include "emit/request_schema.h"
#include "emit/template_set.h"
#include "sema/request_body.h"

namespace specc::emit {
namespace {

constexpr std::string_view kId = "mcp";
constexpr size_t kMaxName = 64;

// What `x-mcp` on an operation says: `false` (or `{"exclude": true}`) leaves the operation
// out; `{"name": ..., "description": ..., "title": ...}` replaces the derived values.
struct McpExtension {
  bool exclude = false;
  std::string name, title, description;
};

McpExtension ReadExtension(const ir::Operation& op) {
  McpExtension ext;
  for (const auto& [key, json] : op.extensions) {
    if (key != "x-mcp") continue;
    nlohmann::json value = nlohmann::json::parse(json, nullptr, /*allow_exceptions=*/false);
    if (value.is_boolean()) ext.exclude = !value.get<bool>();
    if (!value.is_object()) continue;
    auto text = [&](const char* field, std::string* into) {
      auto it = value.find(field);
      if (it != value.end() && it->is_string()) *into = it->get<std::string>();
    };
    auto exclude = value.find("exclude");
    if (exclude != value.end() && exclude->is_boolean()) ext.exclude = exclude->get<bool>();
    auto include = value.find("include");
    if (include != value.end() && include->is_boolean()) ext.exclude = !include->get<bool>();
    text("name", &ext.name);
    text("title", &ext.title);
    text("description", &ext.description);
  }
  return ext;
}

// A tool name valid by construction (^[a-zA-Z0-9_-]{1,64}$): other characters become `_`;
// a longer name keeps its first 55 characters and gains `_` and a hash of the whole name,
// so shortening is deterministic and two long names sharing a prefix stay apart.
std::string ToolName(std::string_view wanted) {
  std::string name;
  for (char c : wanted) {
    bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '-';
    name.push_back(ok ? c : '_');
  }
  if (name.empty()) name = "tool";
  if (name.size() > kMaxName) name = name.substr(0, kMaxName - 9) + "_" + ShortHash(wanted);
  return name;
}

// Makes `name` unique in `table`, keeping it within 64 characters.
std::string UniqueToolName(const std::string& name, NameTable& table) {
  if (!table.Has(name)) return table.Take(name);
  for (int n = 2;; ++n) {
    std::string suffix = "_" + std::to_string(n);
    std::string candidate = name.substr(0, std::min(name.size(), kMaxName - suffix.size())) + suffix;
    if (!table.Has(candidate)) return table.Take(candidate);
  }
}

std::string Upper(std::string s) {
  for (char& c : s) c = static_cast<char>(c >= 'a' && c <= 'z' ? c - 'a' + 'A' : c);
  return s;
}

class McpEmitter final : public Emitter {
 public:
  std::string_view id() const override { return kId; }
  void Emit(const EmitContext& ctx, OutputSet& out) const override;
};

// The tool's inputSchema: one property per parameter (a name used by two locations gets
// the location as prefix, `header_id`) and `body` for the request body, each as the server
// accepts it (emit/request_schema.h); the components they reach go into `$defs`, so every
// descriptor stands alone.
std::string InputSchema(const sema::SchemaMeanings& meanings, const ir::Operation& op,
                        const std::vector<std::string>& keys) {
  RequestSchemaWriter schemas(meanings, keys);
  JsonWriter w(0);
  w.BeginObject().Key("type").String("object");
  std::vector<std::string> required;
  NameTable used;
  const ir::MediaType* body = nullptr;
  const ir::RequestBody* request_body = sema::SentRequestBody(op);
  if (request_body) {
    // The body the server validates (sema/request_body.h), else the first with a schema.
    std::optional<sema::SentBody> sent = sema::SentBodyMedia(meanings, *request_body);
    if (sent && request_body->content[sent->index].schema != ir::kNoSchema) body = &request_body->content[sent->index];
    for (const ir::MediaType& m : request_body->content) {
      if (body == nullptr && m.schema != ir::kNoSchema) body = &m;
    }
  }
  w.Key("properties").BeginObject();
  for (const ir::Parameter& p : op.parameters) {
    std::string key = used.Has(p.name) ? used.Take(std::string(ir::ParamInName(p.in)) + "_" + p.name) : used.Take(p.name);
    w.Key(key);
    schemas.Write(p.schema, false, w, p.description);
    if (p.required) required.push_back(key);
  }
  if (body != nullptr) {
    std::string key = used.Take("body");
    w.Key(key);
    schemas.Write(body->schema, false, w);
    if (request_body->required) required.push_back(key);
  }
  w.EndObject();
  if (!required.empty()) {
    w.Key("required").BeginArray();
    for (const std::string& r : required) w.String(r);
    w.EndArray();
  }
  if (!schemas.referenced().empty()) {
    w.Key("$defs").BeginObject();
    // Writing a definition may reference more components: the list grows as it goes.
    for (size_t i = 0; i < schemas.referenced().size(); ++i) {
      ir::SchemaId id = schemas.referenced()[i];
      w.Key(keys[id]);
      schemas.Write(id, true, w);
    }
    w.EndObject();
  }
  w.EndObject();
  std::string text = w.Finish();
  if (!text.empty() && text.back() == '\n') text.pop_back();
  return text;
}

void McpEmitter::Emit(const EmitContext& ctx, OutputSet& out) const {
  for (const ApiInput& input : ctx.apis) {
    const ir::Api& api = *input.api;
    std::vector<std::string> keys = ComponentKeys(api);
    NameTable names;
    View view;
    view.Set("source", input.source);
    view.Set("title_json", JsonQuote(api.title));
    View tools = View::List();
    for (const ir::Operation& op : api.operations) {
      McpExtension ext = ReadExtension(op);
      if (ext.exclude) continue;
      View tool;
      tool.Set("name_json", JsonQuote(UniqueToolName(ToolName(ext.name.empty() ? op.operation_id : ext.name), names)));
      std::string title = ext.title.empty() ? op.summary : ext.title;
      tool.Set("title_json", title.empty() ? std::string() : JsonQuote(title));
      std::string description = ext.description;
      if (description.empty()) {
        description = op.summary;
        if (!op.description.empty() && op.description != op.summary) {
          description += (description.empty() ? "" : "\n\n") + op.description;
        }
        if (description.empty()) description = Upper(op.method) + " " + op.path;
      }
      tool.Set("description_json", JsonQuote(description));
      tool.Set("input_schema_json", InputSchema(*input.meanings, op, keys));
      bool read_only = op.method == "get" || op.method == "head" || op.method == "options";
      JsonWriter a(0);
      a.BeginObject().Key("readOnlyHint").Bool(read_only);
      if (!read_only) a.Key("destructiveHint").Bool(op.method == "delete");
      a.Key("idempotentHint").Bool(read_only || op.method == "put" || op.method == "delete");
      a.Key("openWorldHint").Bool(true).EndObject();
      std::string annotations = a.Finish();
      annotations.pop_back();
      tool.Set("annotations_json", annotations);
      tools.Add(std::move(tool));
    }
    tools.MarkLast();
    view.Set("tools", std::move(tools));
    std::optional<std::string> text = RenderJson(ctx.templates, kId, "mcp/tools.json.mustache", std::move(view), ctx.diags);
    if (!text) return;
    out.Put(input.service + "/mcp-tools.json", std::move(*text));
  }
}

}  // namespace

std::unique_ptr<Emitter> NewMcpEmitter() { return std::make_unique<McpEmitter>(); }

}  // namespace specc::emit
