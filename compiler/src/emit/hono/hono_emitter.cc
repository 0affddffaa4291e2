#include "emit/hono/hono_emitter.h"

#include <algorithm>

#include "base/path.h"
#include "emit/escape.h"
#include "emit/hono/response_types.h"
#include "emit/namer.h"
#include "emit/render.h"
#include "emit/server_url.h"
#include "emit/template_set.h"
#include "emit/ts_names.h"

namespace specc::emit {
namespace {

constexpr std::string_view kId = "hono";

// The @hono/zod-validator target of each input part.
const char* ValidatorTarget(InputPart part, const OperationNames& n) {
  switch (part) {
    case InputPart::kParams: return "param";
    case InputPart::kQuery: return "query";
    case InputPart::kHeaders: return "header";
    case InputPart::kCookies: return "cookie";
    case InputPart::kBody: return n.body_target == "form" ? "form" : "json";
  }
  return "param";
}

// Hono's app has a method of its own for these HTTP methods; others (trace) go through
// `app.on(METHOD, ...)`.
bool HonoHasMethod(const std::string& method) {
  for (const char* m : {"get", "post", "put", "delete", "options", "patch"}) {
    if (method == m) return true;
  }
  return false;
}

std::string Upper(std::string text) {
  for (char& c : text) c = static_cast<char>(c >= 'a' && c <= 'z' ? c - 'a' + 'A' : c);
  return text;
}

// Returns whether `api` has a GET operation routed at `route_path`.
bool HasGetRoute(const ir::Api& api, const TsNames& names, const std::string& route_path) {
  for (size_t i = 0; i < api.operations.size(); ++i) {
    if (api.operations[i].method == "get" && names.operations[i].route_path == route_path) return true;
  }
  return false;
}

// Text for a one-line `/** ... */` doc comment.
std::string DocLine(std::string_view text) { return LineComment(BlockComment(text)); }

class HonoEmitter final : public Emitter {
 public:
  std::string_view id() const override { return kId; }
  void Emit(const EmitContext& ctx, OutputSet& out) const override;
};

void HonoEmitter::Emit(const EmitContext& ctx, OutputSet& out) const {
  for (const ApiInput& input : ctx.apis) {
    const ir::Api& api = *input.api;
    TsNames names = NameTsSymbols(api);
    // Modules in order of first appearance; each holds its operations in document order.
    std::vector<std::string> modules;
    for (const OperationNames& n : names.operations) {
      if (std::find(modules.begin(), modules.end(), n.module) == modules.end()) modules.push_back(n.module);
    }
    View handler_ops = View::List();
    std::vector<std::string> status_imports;
    for (size_t i = 0; i < api.operations.size(); ++i) {
      const ir::Operation& op = api.operations[i];
      const OperationNames& n = names.operations[i];
      View o;
      o.Set("handler", n.handler);
      o.Set("input_type", PascalCase(n.handler) + "Input");
      std::string doc = Upper(op.method) + " " + op.path;
      if (!op.summary.empty()) doc += ": " + op.summary;
      o.Set("doc", DocLine(doc));
      o.Set("deprecated", op.deprecated);
      View inputs = View::List();
      for (InputPart part : kInputParts) {
        const std::string& schema = n.parts[static_cast<int>(part)];
        if (schema.empty()) continue;
        View in;
        in.Set("key", InputPartField(part));
        in.Set("schema", schema);
        inputs.Add(std::move(in));
      }
      o.Set("inputs", std::move(inputs));
      HandlerOutput output = HandlerOutputOf(op, n);
      o.Set("output_type", output.variants.empty() ? std::string("Response") : PascalCase(n.handler) + "Output");
      View variants = View::List();
      for (const std::string& v : output.variants) {
        View item;
        item.Set("type", v);
        item.Set("first", variants.size() == 0);
        variants.Add(std::move(item));
      }
      variants.MarkLast();
      o.Set("outputs", std::move(variants));
      for (const std::string& name : output.status_imports) {
        if (std::find(status_imports.begin(), status_imports.end(), name) == status_imports.end()) {
          status_imports.push_back(name);
        }
      }
      handler_ops.Add(std::move(o));
    }
    std::string status_list;
    for (const char* name : kHonoStatusTypes) {
      if (std::find(status_imports.begin(), status_imports.end(), name) == status_imports.end()) continue;
      status_list += (status_list.empty() ? "" : ", ") + std::string(name);
    }
    View handlers_view;
    handlers_view.Set("source", LineComment(input.source));
    handlers_view.Set("title", LineComment(api.title));
    handlers_view.Set("operations", std::move(handler_ops));
    handlers_view.Set("status_types", status_list);
    std::optional<std::string> handlers =
        Render(ctx.templates, kId, "hono/handlers.ts.mustache", handlers_view, ctx.diags);
    if (!handlers) return;
    out.Put(input.service + "/handlers.ts", std::move(*handlers));
    // The implementation is the user's: a scaffold, written once where none exists, at
    // `<service>/handlers.impl.ts` under the scaffolds' directory (the driver places it).
    std::string generated_dir = ctx.options.handlers_to_out == "."
                                    ? "."
                                    : NormalizePath("../" + ctx.options.handlers_to_out + "/" + input.service);
    handlers_view.Set("handlers_module_json", JsonQuote(generated_dir + "/handlers.js"));
    std::optional<std::string> scaffold =
        Render(ctx.templates, kId, "hono/handlers.impl.ts.mustache", handlers_view, ctx.diags);
    if (!scaffold) return;
    out.PutScaffold(input.service + "/handlers.impl.ts", std::move(*scaffold));

    View app_modules = View::List();
    for (const std::string& module : modules) {
      std::string tag;
      View routes = View::List();
      View unrouted = View::List();
      bool head_only = false;
      for (size_t i = 0; i < api.operations.size(); ++i) {
        const ir::Operation& op = api.operations[i];
        const OperationNames& n = names.operations[i];
        if (n.module != module) continue;
        if (tag.empty()) tag = op.tags.empty() ? "default" : op.tags.front();
        // Hono answers every HEAD request through the GET route of its path, body dropped: a
        // HEAD operation beside a GET one is served that way and its handler never runs; one
        // without is routed as GET behind `headOnly`, which lets HEAD requests alone through.
        bool head = op.method == "head";
        if (head && HasGetRoute(api, names, n.route_path)) {
          View u;
          u.Set("handler", n.handler);
          u.Set("path", LineComment(n.route_path));
          unrouted.Add(std::move(u));
          continue;
        }
        head_only = head_only || head;
        View r;
        r.Set("method", head ? "get" : HonoHasMethod(op.method) ? op.method : "on");
        r.Set("on_method_json", HonoHasMethod(op.method) || head ? std::string() : JsonQuote(Upper(op.method)));
        r.Set("head_only", head);
        r.Set("path_json", JsonQuote(n.route_path));
        r.Set("handler", n.handler);
        View validators = View::List();
        for (InputPart part : kInputParts) {
          const std::string& schema = n.parts[static_cast<int>(part)];
          if (schema.empty()) continue;
          View v;
          v.Set("target_json", JsonQuote(ValidatorTarget(part, n)));
          v.Set("schema", schema);
          v.Set("key", InputPartField(part));
          validators.Add(std::move(v));
        }
        r.Set("validators", std::move(validators));
        routes.Add(std::move(r));
      }
      std::string function_name = TsValueName(module) + "Routes";
      View module_view;
      module_view.Set("source", LineComment(input.source));
      module_view.Set("tag", LineComment(tag));
      module_view.Set("function_name", function_name);
      module_view.Set("routes", std::move(routes));
      module_view.Set("unrouted", std::move(unrouted));
      module_view.Set("uses_head_only", head_only);
      std::optional<std::string> text = Render(ctx.templates, kId, "hono/route.ts.mustache", module_view, ctx.diags);
      if (!text) return;
      out.Put(input.service + "/routes/" + module + ".ts", std::move(*text));
      View m;
      m.Set("function_name", function_name);
      m.Set("file", module);
      app_modules.Add(std::move(m));
    }
    View app;
    app.Set("source", LineComment(input.source));
    app.Set("title", LineComment(api.title));
    app.Set("modules", std::move(app_modules));
    // The routes are served under the path of the first server, as the spec's clients call
    // them; without servers, OpenAPI's default server is "/".
    app.Set("base_path_json", JsonQuote(api.servers.empty() ? "/" : ServerBasePath(api.servers.front())));
    app.Set("base_server_json", api.servers.empty() ? std::string() : JsonQuote(api.servers.front().url));
    std::optional<std::string> text = Render(ctx.templates, kId, "hono/app.ts.mustache", app, ctx.diags);
    if (!text) return;
    out.Put(input.service + "/app.ts", std::move(*text));
  }
}

}  // namespace

std::unique_ptr<Emitter> NewHonoEmitter() { return std::make_unique<HonoEmitter>(); }

}  // namespace specc::emit
