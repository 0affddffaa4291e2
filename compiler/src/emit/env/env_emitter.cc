#include "emit/env/env_emitter.h"

#include "base/json_writer.h"
#include "base/sha256.h"
#include "emit/escape.h"
#include "emit/project_model.h"
#include "emit/render.h"
#include "emit/template_set.h"

namespace specc::emit {
namespace {

constexpr std::string_view kId = "env";

// One line of JSON for a value computed here (the template places it).
std::string Inline(JsonWriter& w) {
  std::string text = w.Finish();
  if (!text.empty() && text.back() == '\n') text.pop_back();
  return text;
}

std::string StringArray(const std::vector<std::string>& items) {
  JsonWriter w(0);
  w.BeginArray();
  for (const std::string& item : items) w.String(item);
  w.EndArray();
  return Inline(w);
}

void WriteSource(const ir::Project& project, const ir::EnvSource& source, JsonWriter& w) {
  w.BeginObject().Key("kind").String(ir::EnvSourceKindName(source.kind));
  if (source.kind == ir::EnvSourceKind::kProvisioned) {
    w.Key("resource").String(source.resource).Key("output").String(source.output);
    if (const ir::Resource* r = FindResource(project, source.resource)) {
      w.Key("provider").String(ir::ProviderName(ir::ProviderOf(r->type)));
    }
  }
  if (source.kind == ir::EnvSourceKind::kDetected) {
    // What the detection found: the frameworks whose build sets it.
    w.Key("detectedBy").BeginArray();
    for (const ir::Framework& f : project.frameworks) w.String(f.name + " (" + f.evidence + ")");
    w.EndArray();
  }
  w.EndObject();
}

std::string SourceText(const ir::EnvSource& source) {
  switch (source.kind) {
    case ir::EnvSourceKind::kManual: return "set by hand";
    case ir::EnvSourceKind::kDetected: return "set by the framework's build";
    case ir::EnvSourceKind::kProvisioned: return "provisioned from " + source.resource + "." + source.output;
  }
  return "";
}

std::string Join(const std::vector<std::string>& items, std::string_view sep) {
  std::string out;
  for (const std::string& item : items) out += (out.empty() ? "" : std::string(sep)) + item;
  return out;
}

class EnvEmitter final : public Emitter {
 public:
  std::string_view id() const override { return kId; }
  void Emit(const EmitContext& ctx, OutputSet& out) const override;

 private:
  View Contract(const ir::Project& project) const;
  View Example(const ir::Project& project) const;
  View Secrets(const ir::Project& project) const;
};

View EnvEmitter::Contract(const ir::Project& project) const {
  View view;
  view.Set("project_json", JsonQuote(project.name));
  view.Set("project_id_json", JsonQuote(project.id));
  std::vector<std::string> envs;
  for (const ir::Environment& e : project.environments) envs.push_back(e.name);
  view.Set("environments_json", StringArray(envs));
  View frameworks = View::List();
  for (const ir::Framework& f : project.frameworks) {
    View item;
    item.Set("name_json", JsonQuote(f.name));
    item.Set("public_prefix_json", JsonQuote(f.public_prefix));
    item.Set("evidence_json", JsonQuote(f.evidence));
    frameworks.Add(std::move(item));
  }
  frameworks.MarkLast();
  view.Set("frameworks", std::move(frameworks));
  View vars = View::List();
  for (const ir::EnvVar& var : project.env) {
    View item;
    item.Set("key_json", JsonQuote(var.key));
    item.Set("scope_json", JsonQuote(ir::EnvScopeName(var.scope)));
    item.Set("secret_json", var.secret ? "true" : "false");
    JsonWriter source(0);
    WriteSource(project, var.source, source);
    item.Set("source_json", Inline(source));
    item.Set("required_json", var.required ? "true" : "false");
    std::vector<std::string> required_in;
    for (const ir::Environment& e : project.environments) {
      if (ir::RequiredIn(var, e.name)) required_in.push_back(e.name);
    }
    item.Set("required_in_json", StringArray(required_in));
    item.Set("default_json", var.default_value ? JsonQuote(*var.default_value) : "null");
    item.Set("allowed_json", StringArray(var.allowed));
    item.Set("description_json", JsonQuote(var.description));
    // A secret's example passed the dsl layer's check that it is no real value; it is a
    // shape (`postgres://<user>:<password>@...`), kept because it helps.
    item.Set("example_json", var.example ? JsonQuote(*var.example) : "null");
    JsonWriter per_env(0);
    per_env.BeginObject();
    for (const ir::Environment& e : project.environments) {
      per_env.Key(e.name).BeginObject().Key("required").Bool(ir::RequiredIn(var, e.name));
      std::optional<std::string> def = DefaultIn(var, e.name);
      per_env.Key("default");
      if (def) {
        per_env.String(*def);
      } else {
        per_env.Null();
      }
      per_env.Key("source");
      WriteSource(project, SourceIn(var, e.name), per_env);
      per_env.EndObject();
    }
    per_env.EndObject();
    item.Set("environments_json", Inline(per_env));
    std::vector<std::string> targets;
    for (const ir::Resource* t : DeployTargets(project)) {
      if (SetOn(project, var, *t)) targets.push_back(t->name);
    }
    item.Set("set_on_json", StringArray(targets));
    vars.Add(std::move(item));
  }
  vars.MarkLast();
  view.Set("variables", std::move(vars));
  return view;
}

View EnvEmitter::Example(const ir::Project& project) const {
  View view;
  view.Set("source", LineComment(project.source));
  view.Set("project", LineComment(project.name));
  // Grouped by scope, then source: what a person fills in by hand sits apart from what
  // provisioning or the framework sets.
  struct Group {
    ir::EnvScope scope;
    ir::EnvSourceKind kind;
    const char* title;
  };
  const Group groups[] = {
      {ir::EnvScope::kRuntime, ir::EnvSourceKind::kProvisioned, "runtime, provisioned: set by `specc plan` steps (or copied from the provider's console)"},
      {ir::EnvScope::kRuntime, ir::EnvSourceKind::kManual, "runtime, manual: set by hand"},
      {ir::EnvScope::kRuntime, ir::EnvSourceKind::kDetected, "runtime, detected: set by the framework"},
      {ir::EnvScope::kBuild, ir::EnvSourceKind::kProvisioned, "build, provisioned: inlined into bundles at build time"},
      {ir::EnvScope::kBuild, ir::EnvSourceKind::kManual, "build, manual: inlined into bundles at build time"},
      {ir::EnvScope::kBuild, ir::EnvSourceKind::kDetected, "build, detected: set by the framework's build"},
  };
  View list = View::List();
  for (const Group& g : groups) {
    View vars = View::List();
    for (const ir::EnvVar& var : project.env) {
      if (var.scope != g.scope || var.source.kind != g.kind) continue;
      std::vector<std::string> lines;
      if (!var.description.empty()) lines.push_back(var.description);
      std::vector<std::string> required_in;
      for (const ir::Environment& e : project.environments) {
        if (ir::RequiredIn(var, e.name)) required_in.push_back(e.name);
      }
      std::string facts = var.secret ? "secret; " : "";
      facts += required_in.empty() ? "optional" : "required in " + Join(required_in, ", ");
      facts += "; " + SourceText(var.source);
      for (const ir::EnvOverride& o : var.overrides) {
        if (o.source) facts += "; " + SourceText(*o.source) + " in " + o.environment;
      }
      lines.push_back(facts);
      if (!var.allowed.empty()) lines.push_back("one of: " + Join(var.allowed, ", "));
      if (var.secret && var.example) lines.push_back("shape: " + *var.example);
      std::string comment;
      for (const std::string& line : lines) comment += (comment.empty() ? "" : "\n") + DotenvComment(line);
      // Secrets stay empty: the example file is committed, a value never is.
      std::string value;
      if (!var.secret) value = var.default_value ? *var.default_value : var.example.value_or("");
      View item;
      item.Set("comment", comment);
      item.Set("line", var.key + "=" + DotenvValue(value));
      vars.Add(std::move(item));
    }
    if (vars.size() == 0) continue;
    View group;
    group.Set("title", g.title);
    group.Set("vars", std::move(vars));
    list.Add(std::move(group));
  }
  view.Set("groups", std::move(list));
  View frameworks = View::List();
  for (const ir::Framework& f : project.frameworks) {
    View item;
    item.Set("text", LineComment(f.public_prefix + "*: public build variables of " + f.name + " (" + f.evidence +
                                 "); never put a secret there"));
    frameworks.Add(std::move(item));
  }
  view.Set("frameworks", std::move(frameworks));
  return view;
}

View EnvEmitter::Secrets(const ir::Project& project) const {
  View view;
  View list = View::List();
  auto add = [&](const std::string& name, const std::string& type, const std::string& environment, bool required) {
    View item;
    // FR-023's reference: the hash of the name and environment, never of a value.
    item.Set("hash_json", JsonQuote("sha256:" + Sha256Hex(name + ":" + environment)));
    item.Set("name_json", JsonQuote(name));
    item.Set("type_json", JsonQuote(type));
    item.Set("environment_json", JsonQuote(environment));
    item.Set("masked_json", JsonQuote(MaskedValue(name)));
    item.Set("required_json", required ? "true" : "false");
    list.Add(std::move(item));
  };
  for (const ir::EnvVar& var : project.env) {
    if (!var.secret) continue;
    for (const ir::Environment& e : project.environments) {
      add(var.key, SecretType(project, var, e.name), e.name, ir::RequiredIn(var, e.name));
    }
  }
  // The credentials `specc plan` automates with live in CI, as GitHub Actions secrets.
  for (const std::string& name : CredentialSecrets(project)) add(name, "githubActionSecret", "all", false);
  list.MarkLast();
  view.Set("secrets", std::move(list));
  return view;
}

void EnvEmitter::Emit(const EmitContext& ctx, OutputSet& out) const {
  if (ctx.project == nullptr) return;
  const ir::Project& project = *ctx.project;
  if (std::optional<std::string> text =
          RenderJson(ctx.templates, kId, "env/env.contract.json.mustache", Contract(project), ctx.diags)) {
    out.Put("env.contract.json", std::move(*text));
  }
  if (std::optional<std::string> text =
          Render(ctx.templates, kId, "env/env.example.mustache", Example(project), ctx.diags)) {
    out.Put(".env.example", std::move(*text));
  }
  if (std::optional<std::string> text =
          RenderJson(ctx.templates, kId, "env/secrets.overview.json.mustache", Secrets(project), ctx.diags)) {
    out.Put("secrets.overview.json", std::move(*text));
  }
}

}  // namespace

std::unique_ptr<Emitter> NewEnvEmitter() { return std::make_unique<EnvEmitter>(); }

}  // namespace specc::emit
