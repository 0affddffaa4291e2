#include "emit/postman/postman_emitter.h"
#include <algorithm>
#include <functional>
#include <map>
#include <optional>

#include "emit/postman/chaining.h"
#include "emit/postman/example_value.h"
#include "emit/postman/folders.h"
#include "emit/postman/request_builder.h"
#include "emit/postman/request_variant.h"
#include "emit/postman/servers.h"
#include "emit/postman/test_script.h"
#include "emit/postman/uuid5.h"
#include "emit/render.h"
#include "emit/template_set.h"

namespace specc::emit::postman {
namespace {

constexpr std::string_view kId = kEmitterId;

class PostmanEmitter final : public Emitter {
 public:
  std::string_view id() const override { return kId; }
  void Emit(const EmitContext& ctx, OutputSet& out) const override;
};
// The hole of the schemas variable's value in a run collection's skeleton (request holes
// are numbers).
constexpr std::string_view kSchemasHole = "schemas";

// `value_json` is the value as JSON: JsonQuote(v.value), or a hole for it.
View VariableView(const Variable& v, std::string value_json) {
  View view;
  view.Set("key_json", JsonQuote(v.key));
  view.Set("value_json", std::move(value_json));
  view.Set("description_json", v.description.empty() ? std::string() : JsonQuote(v.description));
  view.Set("type_json", JsonQuote(v.secret ? "secret" : "default"));
  return view;
}

View VariableView(const Variable& v) { return VariableView(v, JsonQuote(v.value)); }

void PostmanEmitter::Emit(const EmitContext& ctx, OutputSet& out) const {
  std::vector<std::string> environments;
  if (ctx.project != nullptr) {
    for (const ir::Environment& e : ctx.project->environments) environments.push_back(e.name);
  }
  if (environments.empty()) environments = {"dev", "staging", "prod"};
  for (const ApiInput& input : ctx.apis) {
    const ir::Api& api = *input.api;
    ApiPlan plan;
    plan.project_name = ctx.project != nullptr && !ctx.project->name.empty() ? ctx.project->name : api.title;
    if (plan.project_name.empty()) plan.project_name = input.service;
    if (ctx.project != nullptr && ctx.ApiCount() > 1) plan.project_name += " " + input.service;
    plan.base_url = api.servers.empty() ? std::string(kDefaultBaseUrl) : ResolveServer(api.servers.front());
    for (const ir::SecurityScheme& s : api.security_schemes) plan.schemes.push_back(AuthFor(s));

    std::optional<ExampleBuilder> examples(std::in_place, *input.meanings);
    std::optional<RequestBuilder> builder(std::in_place, *input.meanings, plan, *examples);
    std::vector<Folder> tag_folders = Folders(api);
    // Built once, in folder order: the collections differ in their ids, names and
    // variables only.
    std::map<size_t, RequestBuilder::Parts> parts;
    for (const Folder& f : tag_folders) {
      for (size_t i : f.operations) parts[i] = builder->Build(api.operations[i], true);
    }
    std::vector<Folder> folders = GroupFolders(api, std::move(tag_folders));

    // The environment collections are made to be run: their requests run in the chained
    // order (emit/postman/chaining.h) with the run scripts (emit/postman/test_script.h).
    std::vector<Folder> run_folders = folders;
    std::vector<std::vector<size_t>*> leaves;
    std::function<void(Folder&)> collect = [&](Folder& f) {
      leaves.push_back(&f.operations);
      for (Folder& child : f.folders) collect(child);
    };
    for (Folder& f : run_folders) collect(f);
    ChainPlan chains = PlanChains(*input.meanings, leaves);
    if (!chains.teardown.empty()) {
      std::string name = "Teardown";
      std::function<bool(const std::vector<Folder>&)> taken = [&](const std::vector<Folder>& list) {
        return std::any_of(list.begin(), list.end(), [&](const Folder& f) { return f.name == name || taken(f.folders); });
      };
      while (taken(run_folders)) name += "_";
      run_folders.push_back({name, "Deletes what the requests before created, the last created first", chains.teardown,
                             {}, false});
    }
    // Saved responses are reference material: the base collection keeps them, the
    // environment collections (made to be run) leave them out. Set aside before the run
    // items copy the parts: they are most of a large API's text.
    std::map<size_t, std::string> responses;
    for (auto& [i, part] : parts) responses[i] = std::move(part.responses_json);
    std::map<size_t, std::string> chained_urls;
    for (const auto& [i, part] : parts) {
      const RequestChain& chain = chains.requests[i];
      if (!chain.path_variables.empty()) {
        chained_urls[i] = builder->ChainedUrl(api.operations[i], part, chain.path_variables);
      }
    }
    // The parts hold the example values now: the builder's caches of them (a large API's
    // examples, several megabytes) are freed before the run items copy the parts.
    builder.reset();
    examples.reset();
    RunScripts scripts(api);
    std::map<size_t, RequestItem> run_views;
    std::vector<Variable> id_variables;
    for (const auto& [i, part] : parts) {
      RequestBuilder::Parts run = part;
      run.exec = scripts.Script(api.operations[i], chains.requests[i]);
      if (auto url = chained_urls.find(i); url != chained_urls.end()) run.url_json = std::move(url->second);
      run_views[i] = RequestView(std::move(run), "[]");
    }
    for (const std::string& name : chains.variables) {
      // The value before the creating request runs: the base collection's placeholder.
      std::string placeholder;
      for (const auto& [i, chain] : chains.requests) {
        for (const auto& [param, variable] : chain.path_variables) {
          if (variable == name && placeholder.empty()) placeholder = parts[i].path_values[param];
        }
      }
      id_variables.push_back({name, placeholder, "Set by the request that creates it; the placeholder until then",
                              false});
    }
    // The run collections' own variables. The schemas run to a megabyte: their value is
    // quoted once, and written into each run collection as a request is, through a hole,
    // rather than copied through the collection's template.
    std::vector<View> run_variable_views;
    for (const Variable& v : id_variables) run_variable_views.push_back(VariableView(v));
    const Variable schemas_variable{std::string(kSchemasVariable), "",
                                    "The named schemas the test scripts' response schemas refer to", false};
    std::string schemas_json;
    if (std::string definitions = scripts.Definitions(); definitions != "{}") schemas_json = JsonQuote(definitions);

    // Variables: the base URL, the per-operation servers, then one empty variable per
    // credential the used security schemes need.
    std::vector<Variable> credentials;
    for (const SchemeAuth& s : plan.schemes) {
      if (!plan.used_schemes.count(s.scheme->name)) continue;
      for (const std::string& v : s.variables) {
        credentials.push_back({v, "", "Credential for the `" + s.scheme->name + "` security scheme (" +
                                          s.scheme->type + "); fill in locally, never commit it", true});
      }
    }

    std::string prefix = ctx.options.postman_prefix;
    std::string header = "Generated by specc from " + input.source + ". DO NOT EDIT.";
    std::string description = api.description.empty() ? header : api.description + "\n\n" + header;

    struct Target {
      std::string file, name, environment, base_url;
    };
    std::vector<Target> targets;
    targets.push_back({"base", prefix + " Base - " + plan.project_name, "", plan.base_url});
    std::vector<std::string> urls = EnvironmentUrls(api, environments, plan.base_url, ctx.options, input.service, ctx.diags);
    for (size_t e = 0; e < environments.size(); ++e) {
      const std::string& env = environments[e];
      targets.push_back({env, prefix + " - " + plan.project_name + " (" + env + ")", env, urls[e]});
    }

    // The base collection's items take the parts' text. What is left of the parts (names,
    // descriptions and script lines the items hold quoted, path values read above) goes
    // before the collections are written: megabytes on GitHub's description.
    std::map<size_t, RequestItem> request_views;
    for (auto& [i, part] : parts) {
      request_views[i] = RequestView(std::move(part), std::move(responses[i]));
    }
    parts.clear();
    responses.clear();
    RequestVariant base_variant(api, std::move(request_views), 1);
    RequestVariant run_variant(api, std::move(run_views), environments.size());
    for (const Target& t : targets) {
      RequestVariant& variant = t.environment.empty() ? base_variant : run_variant;
      std::string seed = "specc:postman:" + t.name + ":";
      std::vector<Variable> variables;
      variables.push_back({std::string(kBaseUrl), t.base_url,
                           t.environment.empty() ? "The API's server" : "The API's server in " + t.environment, false});
      for (const Variable& v : plan.server_variables) variables.push_back(v);
      for (const Variable& v : credentials) variables.push_back(v);

      // The collection's view. With `holes`, each request is a hole that RequestVariant::Splice()
      // fills while the collection is formatted; without, each is rendered here.
      auto collection_view = [&](bool holes) -> std::optional<View> {
        View view;
        view.Set("id_json", JsonQuote(Uuid5(kUrlNamespace, seed + "collection")));
        view.Set("name_json", JsonQuote(t.name));
        view.Set("description_json", JsonQuote(description));
        // A folder's view: its requests, or for a tag group its tag folders. Both lists are
        // always set, so that a template never sees an outer folder's list.
        std::function<std::optional<View>(const Folder&)> folder_view;
        auto folder_list = [&](const std::vector<Folder>& list) -> std::optional<View> {
          View views = View::List();
          for (const Folder& f : list) {
            std::optional<View> fv = folder_view(f);
            if (!fv) return std::nullopt;
            views.Add(std::move(*fv));
          }
          views.MarkLast();
          return views;
        };
        folder_view = [&](const Folder& f) -> std::optional<View> {
          View fv;
          fv.Set("id_json", JsonQuote(Uuid5(kUrlNamespace, seed + (f.group ? "group:" : "folder:") + f.name)));
          fv.Set("name_json", JsonQuote(f.name));
          fv.Set("description_json", f.description.empty() ? std::string() : JsonQuote(f.description));
          std::optional<View> subfolders = folder_list(f.folders);
          if (!subfolders) return std::nullopt;
          fv.Set("folders", std::move(*subfolders));
          View requests = View::List();
          for (size_t i : f.operations) {
            View item;
            if (holes) {
              item.Set("json", JsonHole(std::to_string(i)));
            } else {
              std::optional<std::string> text = Render(ctx.templates, kId, "postman/request.json.mustache",
                                                       variant.ItemView(i, seed, Ids::kValues), ctx.diags);
              if (!text) return std::nullopt;
              item.Set("json", std::move(*text));
            }
            requests.Add(std::move(item));
          }
          requests.MarkLast();
          fv.Set("requests", std::move(requests));
          return fv;
        };
        std::optional<View> top_folders = folder_list(t.environment.empty() ? folders : run_folders);
        if (!top_folders) return std::nullopt;
        view.Set("folders", std::move(*top_folders));
        View variable_list = View::List();
        for (const Variable& v : variables) variable_list.Add(VariableView(v));
        // Only the collection holds the chained ids and the schemas: an environment file
        // says where a service is and how to reach it.
        if (!t.environment.empty()) {
          for (const View& v : run_variable_views) variable_list.Add(v);
          if (!schemas_json.empty()) {
            variable_list.Add(VariableView(schemas_variable, holes ? JsonHole(kSchemasHole) : schemas_json));
          }
        }
        variable_list.MarkLast();
        view.Set("variables", std::move(variable_list));
        return view;
      };
      // Each request is rendered and formatted once per variant (and depth), its ids left as
      // holes and filled per collection; a template that defeats that renders the slow way.
      // Streamed to the consumer as it is formatted, request by request, when it writes files.
      OutputStream file = out.Stream(input.service + "/" + t.file + ".postman_collection.json");
      std::optional<std::string> text;
      if (std::optional<View> skeleton = collection_view(true)) {
        JsonHoleFn splice = [&](std::string_view token, int depth, std::string& out) {
          if (token == kSchemasHole && !schemas_json.empty()) {
            out += schemas_json;  // a string: the same at any depth
            return true;
          }
          bool spliced = variant.Splice(ctx.templates, token, depth, seed, out);
          file.Drain(out);
          return spliced;
        };
        text = TryRenderJson(ctx.templates, kId, "postman/collection.json.mustache", *skeleton, 0, splice,
                             file.streams() ? 0 : variant.SizeHint());
        if (text) text->push_back('\n');
      }
      if (!text) {
        file.Discard();
        std::optional<View> view = collection_view(false);
        if (!view) return;
        text = RenderJson(ctx.templates, kId, "postman/collection.json.mustache", *view, ctx.diags);
        if (!text) return;
      }
      variant.RecordSize(file.drained() + text->size());
      if (t.environment.empty()) base_variant.Release();
      file.Close(std::move(*text));

      if (t.environment.empty()) continue;
      View env;
      env.Set("id_json", JsonQuote(Uuid5(kUrlNamespace, seed + "environment")));
      env.Set("name_json", JsonQuote(t.name));
      View values = View::List();
      for (const Variable& v : variables) values.Add(VariableView(v));
      values.MarkLast();
      env.Set("values", std::move(values));
      std::optional<std::string> env_text =
          RenderJson(ctx.templates, kId, "postman/environment.json.mustache", env, ctx.diags);
      if (!env_text) return;
      out.Put(input.service + "/" + t.file + ".postman_environment.json", std::move(*env_text));
    }
  }
}

}  // namespace
}  // namespace specc::emit::postman

namespace specc::emit {

std::unique_ptr<Emitter> NewPostmanEmitter() { return std::make_unique<postman::PostmanEmitter>(); }

}  // namespace specc::emit
