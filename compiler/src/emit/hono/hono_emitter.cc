#include "emit/hono/hono_emitter.h"

#include <algorithm>

#include "base/path.h"
#include "emit/escape.h"
#include "emit/hono/guard_spec.h"
#include "emit/hono/hono_routes.h"
#include "emit/hono/response_types.h"
#include "emit/namer.h"
#include "emit/render.h"
#include "emit/server_url.h"
#include "emit/template_set.h"
#include "emit/ts_names.h"
#include "sema/routes.h"

namespace specc::emit {
namespace {

constexpr std::string_view kId = "hono";

// The Hono validation target (OperationSpec.input key) of each input part.
std::string ValidatorTarget(InputPart part, const OperationNames& n) {
  switch (part) {
    case InputPart::kParams: return "param";
    case InputPart::kQuery: return "query";
    case InputPart::kHeaders: return "header";
    case InputPart::kCookies: return "cookie";
    case InputPart::kBody: return n.body_target;
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

// Text for a one-line `/** ... */` doc comment.
std::string DocLine(std::string_view text) { return LineComment(BlockComment(text)); }

// The generated files that route requests: one module per tag, app.ts's routing table, and
// routing.ts's helpers (empty when no route needs one).
struct RouteFiles {
  std::vector<View> modules;  // parallel to the module list
  View app;
  View routing;
};

// The module namespace app.ts imports `module` as.
std::string ModuleNamespace(const std::string& module) { return TsValueName(module) + "Routes"; }

// The input schemas of an operation for OperationSpec.input, keyed by Hono's validation
// targets, and how its route's path parameters are read (`route`) where Hono cannot name
// them: segments to split, parameters read from the query string.
void SetInput(View& o, const OperationNames& n, const HonoRoute& route) {
  View validators = View::List();
  for (InputPart part : kInputParts) {
    const std::string& schema = n.parts[static_cast<int>(part)];
    if (schema.empty()) continue;
    View v;
    v.Set("target", ValidatorTarget(part, n));
    v.Set("schema", schema);
    validators.Add(std::move(v));
  }
  o.Set("validators", std::move(validators));
  std::string splits, queries;
  if (!n.parts[0].empty()) {
    for (const HonoSegmentSplit& split : route.splits) {
      std::string names;
      for (const std::string& name : split.names) names += (names.empty() ? "" : ", ") + JsonQuote(name);
      splits += (splits.empty() ? "" : ", ") + JsonQuote(split.key) + ": [new RegExp(" + JsonQuote(split.pattern) +
                ", \"s\"), [" + names + "]]";
    }
    for (const HonoQueryParam& q : route.from_query) {
      queries += (queries.empty() ? "" : ", ") + JsonQuote(q.name) + ": " + JsonQuote(q.query);
    }
  }
  o.Set("segments", splits);
  o.Set("from_query", queries);
}

// The routes are served under the path of the first server, as the spec's clients call
// them; without servers, OpenAPI's default server is "/".
std::string DocumentBasePath(const ir::Api& api) {
  return api.servers.empty() ? "/" : ServerBasePath(api.servers.front());
}

// The path of a route as app.ts writes it: the base path (where the document's servers are
// served, an AppOptions option) followed by the spec's path; or, for an operation that
// declares a server of its own at another path (GitHub's uploads host, S3's per-operation
// servers), that server's path, which the option does not move.
std::string RoutePath(const ir::Api& api, const ir::Operation& op, const std::string& hono_path) {
  const std::string document_base = DocumentBasePath(api);
  std::string own_base = op.servers.empty() ? document_base : ServerBasePath(op.servers.front());
  if (own_base == document_base) return "base + " + JsonQuote(hono_path);
  if (own_base == "/") own_base.clear();
  return JsonQuote(own_base + hono_path);
}

RouteFiles BuildRouteFiles(const ir::Api& api, const TsNames& names, const std::vector<std::string>& modules,
                           GuardSpecs& guards) {
  RouteFiles files;
  sema::RouteTable table = sema::BuildRouteTable(api);
  // Each operation's route as Hono writes it, with the keys of the operation that leads its
  // route (operations sharing a route may name their parameters differently).
  std::vector<HonoRoute> hono(api.operations.size());
  for (const sema::Route& r : table.routes) {
    size_t lead = r.operations.front();
    std::vector<std::string> keys =
        HonoSegmentKeys(api.operations[lead], table.templates[lead], names.operations[lead]);
    for (size_t i : r.operations) {
      hono[i] = HonoRouteOf(api.operations[i], table.templates[i], names.operations[i], keys);
    }
  }
  std::vector<bool> passes_on(api.operations.size(), false);
  for (const sema::Route& r : table.routes) {
    for (size_t i : r.operations) passes_on[i] = r.passes_on;
  }
  bool uses_head_only = false, uses_dispatch = false;
  for (const std::string& module : modules) {
    std::string tag;
    View operations = View::List();
    for (size_t i = 0; i < api.operations.size(); ++i) {
      const ir::Operation& op = api.operations[i];
      const OperationNames& n = names.operations[i];
      if (n.module != module) continue;
      if (tag.empty()) tag = op.tags.empty() ? "default" : op.tags.front();
      View o;
      o.Set("handler", n.handler);
      o.Set("doc", DocLine(Upper(op.method) + " " + op.path));
      o.Set("handler_json", JsonQuote(n.handler));
      SetInput(o, n, hono[i]);
      // Only a route whose path parameters can fail validation has anything to pass on.
      o.Set("pass_on", passes_on[i] && !n.parts[0].empty());
      o.Set("security", guards.SecurityOf(i));
      o.Set("errors", guards.ErrorsOf(i));
      o.Set("responses", guards.ResponsesOf(i));
      operations.Add(std::move(o));
    }
    View m;
    m.Set("tag", LineComment(tag));
    m.Set("operations", std::move(operations));
    files.modules.push_back(std::move(m));
  }
  // The routing table, in matching order.
  View routes = View::List();
  View unrouted = View::List();
  auto chain = [&](size_t i) {
    return ModuleNamespace(names.operations[i].module) + "." + names.operations[i].handler + "(handlers, runtime)";
  };
  for (const sema::Route& r : table.routes) {
    size_t lead = r.operations.front();
    const std::string shape = table.templates[lead].Shape();
    // Hono answers every HEAD request through the GET route of its path, body dropped: a
    // HEAD operation beside a GET one is served that way and its handler never runs; one
    // without is routed as GET behind `headOnly`, which lets HEAD requests alone through.
    bool head = r.method == "head";
    if (head && std::any_of(table.routes.begin(), table.routes.end(), [&](const sema::Route& other) {
          return other.method == "get" && table.templates[other.operations.front()].Shape() == shape;
        })) {
      for (size_t i : r.operations) {
        View u;
        u.Set("handler", names.operations[i].handler);
        u.Set("path", LineComment(api.operations[i].path));
        unrouted.Add(std::move(u));
      }
      continue;
    }
    uses_head_only = uses_head_only || head;
    const std::string& method = r.method;
    View v;
    v.Set("method", head ? "get" : HonoHasMethod(method) ? method : "on");
    v.Set("on_method_json", HonoHasMethod(method) || head ? std::string() : JsonQuote(Upper(method)));
    v.Set("head_only", head);
    v.Set("path", RoutePath(api, api.operations[lead], hono[lead].path));
    v.Set("single", r.operations.size() == 1);
    v.Set("chain", chain(lead));
    View cases = View::List();
    if (r.operations.size() > 1) {
      uses_dispatch = true;
      for (size_t i : r.operations) {
        std::string keys;
        for (const sema::PathQueryPair& q : table.templates[i].query) keys += (keys.empty() ? "" : ", ") + JsonQuote(q.key);
        View c;
        c.Set("keys", "[" + keys + "]");
        c.Set("chain", chain(i));
        cases.Add(std::move(c));
      }
    }
    v.Set("cases", std::move(cases));
    routes.Add(std::move(v));
  }
  View app_modules = View::List();
  for (const std::string& module : modules) {
    View m;
    m.Set("namespace", ModuleNamespace(module));
    m.Set("file", module);
    app_modules.Add(std::move(m));
  }
  std::string imports;
  if (uses_dispatch) imports += "dispatch";
  if (uses_head_only) imports += std::string(imports.empty() ? "" : ", ") + "headOnly";
  files.app.Set("modules", std::move(app_modules));
  files.app.Set("routes", std::move(routes));
  files.app.Set("unrouted", std::move(unrouted));
  files.app.Set("routing_imports", imports);
  if (uses_head_only || uses_dispatch) {
    files.routing.Set("uses_head_only", uses_head_only);
    files.routing.Set("uses_dispatch", uses_dispatch);
    files.routing.Set("middleware_types", uses_dispatch    ? "Context, MiddlewareHandler"
                                          : uses_head_only ? "MiddlewareHandler"
                                                           : "");
  }
  return files;
}

class HonoEmitter final : public Emitter {
 public:
  std::string_view id() const override { return kId; }
  void Emit(const EmitContext& ctx, OutputSet& out) const override;
};

void HonoEmitter::Emit(const EmitContext& ctx, OutputSet& out) const {
  for (const ApiInput& input : ctx.apis) {
    const ir::Api& api = *input.api;
    TsNames names = NameTsSymbols(*input.meanings);
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
        Render(ctx.templates, kId, "hono/handlers.impl.ts.mustache", std::move(handlers_view), ctx.diags);
    if (!scaffold) return;
    out.PutScaffold(input.service + "/handlers.impl.ts", std::move(*scaffold));

    GuardSpecs guards(*input.meanings, names);
    RouteFiles files = BuildRouteFiles(api, names, modules, guards);
    for (size_t m = 0; m < modules.size(); ++m) {
      files.modules[m].Set("source", LineComment(input.source));
      std::optional<std::string> text =
          Render(ctx.templates, kId, "hono/route.ts.mustache", std::move(files.modules[m]), ctx.diags);
      if (!text) return;
      out.Put(input.service + "/routes/" + modules[m] + ".ts", std::move(*text));
    }
    View contract = guards.ContractView();
    contract.Set("source", LineComment(input.source));
    contract.Set("title", LineComment(api.title));
    std::optional<std::string> contract_text =
        Render(ctx.templates, kId, "hono/contract.ts.mustache", std::move(contract), ctx.diags);
    if (!contract_text) return;
    out.Put(input.service + "/contract.ts", std::move(*contract_text));
    View runtime;
    runtime.Set("source", LineComment(input.source));
    std::optional<std::string> runtime_text = Render(ctx.templates, kId, "hono/runtime.ts.mustache", runtime, ctx.diags);
    if (!runtime_text) return;
    out.Put(input.service + "/runtime.ts", std::move(*runtime_text));
    View& app = files.app;
    app.Set("has_schemes", guards.has_schemes());
    app.Set("contract_types", "Credentials, ErrorBodyHooks, Principals");
    app.Set("source", LineComment(input.source));
    app.Set("title", LineComment(api.title));
    app.Set("base_path_json", JsonQuote(DocumentBasePath(api)));
    app.Set("base_server_json", api.servers.empty() ? std::string() : JsonQuote(api.servers.front().url));
    std::optional<std::string> text = Render(ctx.templates, kId, "hono/app.ts.mustache", std::move(app), ctx.diags);
    if (!text) return;
    out.Put(input.service + "/app.ts", std::move(*text));
    if (files.routing.members().empty()) continue;
    files.routing.Set("source", LineComment(input.source));
    text = Render(ctx.templates, kId, "hono/routing.ts.mustache", std::move(files.routing), ctx.diags);
    if (!text) return;
    out.Put(input.service + "/routing.ts", std::move(*text));
  }
}

}  // namespace

std::unique_ptr<Emitter> NewHonoEmitter() { return std::make_unique<HonoEmitter>(); }

}  // namespace specc::emit
