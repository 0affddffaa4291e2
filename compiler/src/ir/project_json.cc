#include "ir/project_json.h"

namespace specc::ir {
namespace {

void WriteSettings(const std::vector<Setting>& settings, JsonWriter& out) {
  out.BeginObject();
  for (const Setting& s : settings) out.Key(s.key).String(s.value);
  out.EndObject();
}

void WriteSource(const EnvSource& source, JsonWriter& out) {
  out.Key("source").String(EnvSourceKindName(source.kind));
  if (source.kind == EnvSourceKind::kProvisioned) {
    out.Key("resource").String(source.resource);
    out.Key("output").String(source.output);
  }
}

void WriteEnvVar(const Project& project, const EnvVar& var, JsonWriter& out) {
  out.BeginObject();
  out.Key("key").String(var.key);
  out.Key("scope").String(EnvScopeName(var.scope));
  out.Key("secret").Bool(var.secret);
  WriteSource(var.source, out);
  out.Key("required").Bool(var.required);
  out.Key("requiredIn").BeginArray();
  for (const Environment& e : project.environments) {
    if (RequiredIn(var, e.name)) out.String(e.name);
  }
  out.EndArray();
  if (var.default_value) out.Key("default").String(*var.default_value);
  if (!var.allowed.empty()) {
    out.Key("allowed").BeginArray();
    for (const std::string& a : var.allowed) out.String(a);
    out.EndArray();
  }
  if (!var.description.empty()) out.Key("description").String(var.description);
  if (var.example) out.Key("example").String(*var.example);
  if (!var.overrides.empty()) {
    out.Key("overrides").BeginArray();
    for (const EnvOverride& o : var.overrides) {
      out.BeginObject();
      out.Key("environment").String(o.environment);
      if (o.required) out.Key("required").Bool(*o.required);
      if (o.default_value) out.Key("default").String(*o.default_value);
      if (o.source) WriteSource(*o.source, out);
      if (o.example) out.Key("example").String(*o.example);
      out.EndObject();
    }
    out.EndArray();
  }
  out.EndObject();
}

void WriteResource(const Resource& r, JsonWriter& out) {
  out.BeginObject();
  out.Key("name").String(r.name);
  out.Key("type").String(ResourceTypeName(r.type));
  out.Key("provider").String(ProviderName(ProviderOf(r.type)));
  out.Key("perEnvironment").Bool(r.per_environment);
  if (r.type == ResourceType::kNeonPostgres) {
    out.Key("branchPerEnvironment").Bool(r.branch_per_environment);
  }
  if (!r.existing.empty()) out.Key("existing").String(r.existing);
  out.Key("settings");
  WriteSettings(r.settings, out);
  if (!r.overrides.empty()) {
    out.Key("overrides").BeginArray();
    for (const ResourceOverride& o : r.overrides) {
      out.BeginObject();
      out.Key("environment").String(o.environment);
      out.Key("settings");
      WriteSettings(o.settings, out);
      out.EndObject();
    }
    out.EndArray();
  }
  out.EndObject();
}

void WriteStrings(const std::vector<std::string>& values, JsonWriter& out) {
  out.BeginArray();
  for (const std::string& v : values) out.String(v);
  out.EndArray();
}

}  // namespace

void WriteProjectJson(const Project& project, JsonWriter& out) {
  out.BeginObject();
  out.Key("name").String(project.name);
  out.Key("id").String(project.id);
  out.Key("version").String(project.version);
  out.Key("constitution").String(project.constitution);
  out.Key("environments").BeginArray();
  for (const Environment& e : project.environments) out.String(e.name);
  out.EndArray();

  out.Key("preview").BeginObject();
  out.Key("naming").String(project.preview.naming);
  out.Key("ttlHours").Int(project.preview.ttl_hours);
  out.Key("max").Int(project.preview.max);
  out.EndObject();

  out.Key("services").BeginArray();
  for (const Service& s : project.services) {
    out.BeginObject();
    out.Key("name").String(s.name);
    out.Key("openapi").String(s.openapi);
    out.Key("runtime").String(RuntimeName(s.runtime));
    if (!s.deploy.empty()) out.Key("deploy").String(s.deploy);
    out.EndObject();
  }
  out.EndArray();

  out.Key("resources").BeginArray();
  for (const Resource& r : project.resources) WriteResource(r, out);
  out.EndArray();

  out.Key("env").BeginArray();
  for (const EnvVar& v : project.env) WriteEnvVar(project, v, out);
  out.EndArray();

  out.Key("integrations").BeginArray();
  for (const Integration& i : project.integrations) {
    out.BeginObject();
    out.Key("provider").String(ProviderName(i.provider));
    out.Key("credentials");
    WriteStrings(i.credentials, out);
    if (!i.optional_credentials.empty()) {
      out.Key("optionalCredentials");
      WriteStrings(i.optional_credentials, out);
    }
    out.Key("declared").Bool(!i.implicit);
    out.EndObject();
  }
  out.EndArray();
  out.EndObject();
}

}  // namespace specc::ir
