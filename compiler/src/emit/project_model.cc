#include "emit/project_model.h"

#include <algorithm>

#include "base/secret_scan.h"

namespace specc::emit {

const ir::EnvSource& SourceIn(const ir::EnvVar& var, std::string_view environment) {
  for (const ir::EnvOverride& o : var.overrides) {
    if (o.environment == environment && o.source.has_value()) return *o.source;
  }
  return var.source;
}

std::optional<std::string> DefaultIn(const ir::EnvVar& var, std::string_view environment) {
  std::optional<std::string> value = var.default_value;
  for (const ir::EnvOverride& o : var.overrides) {
    if (o.environment == environment && o.default_value.has_value()) value = o.default_value;
  }
  return value;
}

const ir::Resource* FindResource(const ir::Project& project, std::string_view name) {
  for (const ir::Resource& r : project.resources) {
    if (r.name == name) return &r;
  }
  return nullptr;
}

std::vector<const ir::Resource*> DeployTargets(const ir::Project& project) {
  std::vector<const ir::Resource*> targets;
  for (const ir::Resource& r : project.resources) {
    if (r.type == ir::ResourceType::kVercelProject || r.type == ir::ResourceType::kCloudflareWorker ||
        r.type == ir::ResourceType::kCloudflarePages) {
      targets.push_back(&r);
    }
  }
  return targets;
}

namespace {

// Whether a service of `runtime` is deployed to a resource of type `type`.
bool RunsOn(ir::Runtime runtime, ir::ResourceType type) {
  return (runtime == ir::Runtime::kCloudflareWorker && type == ir::ResourceType::kCloudflareWorker) ||
         (runtime == ir::Runtime::kCloudflarePages && type == ir::ResourceType::kCloudflarePages) ||
         (runtime == ir::Runtime::kVercel && type == ir::ResourceType::kVercelProject);
}

}  // namespace

bool SetOn(const ir::Project& project, const ir::EnvVar& var, const ir::Resource& target) {
  bool detected_everywhere = var.source.kind == ir::EnvSourceKind::kDetected;
  for (const ir::EnvOverride& o : var.overrides) {
    if (o.source.has_value() && o.source->kind != ir::EnvSourceKind::kDetected) detected_everywhere = false;
  }
  if (detected_everywhere) return false;
  bool any_deploy = false, deployed_to = false;
  for (const ir::Service& s : project.services) {
    any_deploy = any_deploy || !s.deploy.empty();
    deployed_to = deployed_to || s.deploy == target.name;
  }
  if (any_deploy) return deployed_to || var.scope == ir::EnvScope::kBuild;
  // No service names its deploy target: the targets of the services' runtimes run them
  // (a Worker service's secrets belong on the Worker, not on a web front end's Vercel
  // project); when no target is of a service's runtime, every target may run them.
  auto runs_a_service = [&](const ir::Resource& t) {
    return std::any_of(project.services.begin(), project.services.end(), [&](const ir::Service& s) { return RunsOn(s.runtime, t.type); });
  };
  std::vector<const ir::Resource*> targets = DeployTargets(project);
  bool runtime_targets = std::any_of(targets.begin(), targets.end(), [&](const ir::Resource* t) { return runs_a_service(*t); });
  return !runtime_targets || runs_a_service(target) || var.scope == ir::EnvScope::kBuild;
}

const ir::Resource* TargetHolding(const ir::Project& project, const ir::EnvVar& var) {
  for (const ir::Resource* target : DeployTargets(project)) {
    if (SetOn(project, var, *target)) return target;
  }
  return nullptr;
}

std::string SecretStore(const ir::Project& project, const ir::EnvVar& var) {
  if (const ir::Resource* target = TargetHolding(project, var)) {
    return target->type == ir::ResourceType::kVercelProject ? "vercelEnvVar" : "cloudflareBinding";
  }
  for (const ir::Resource& r : project.resources) {
    if (r.type == ir::ResourceType::kGithubRepo) return "githubEnvironmentSecret";
  }
  // No resource holds it: it lives where the services run. One runtime for all of them
  // names the store; several, or none, leave the server's own environment.
  std::string store;
  for (const ir::Service& s : project.services) {
    std::string here = s.runtime == ir::Runtime::kCloudflareWorker || s.runtime == ir::Runtime::kCloudflarePages ? "cloudflareBinding"
                       : s.runtime == ir::Runtime::kVercel                                                     ? "vercelEnvVar"
                       : s.runtime == ir::Runtime::kRailway                                                    ? "railwayVariable"
                                                                                                               : "runtimeEnvVar";
    if (!store.empty() && store != here) return "runtimeEnvVar";
    store = here;
  }
  return store.empty() ? "runtimeEnvVar" : store;
}

std::string SecretType(const ir::Project& project, const ir::EnvVar& var, std::string_view environment) {
  const ir::EnvSource& source = SourceIn(var, environment);
  if (source.kind == ir::EnvSourceKind::kProvisioned) {
    const ir::Resource* r = FindResource(project, source.resource);
    if (r != nullptr && r->type == ir::ResourceType::kNeonPostgres) return "neonCredential";
  }
  return SecretStore(project, var);
}

std::string MaskedValue(std::string_view name) {
  // FR-023: a fixed prefix for tokens of a known format, a constant for everything else.
  if (name == "GITHUB_TOKEN") return "ghp_****";
  if (name == "NEON_API_KEY") return "neon_****";
  if (name == "POSTMAN_API_KEY") return "PMAK-****";
  return "****";
}

std::vector<std::string> CredentialSecrets(const ir::Project& project) {
  std::vector<std::string> names;
  for (const ir::Integration& integration : project.integrations) {
    for (const std::vector<std::string>* list : {&integration.credentials, &integration.optional_credentials}) {
      for (const std::string& name : *list) {
        if (IsSecretName(name) && std::find(names.begin(), names.end(), name) == names.end()) names.push_back(name);
      }
    }
  }
  return names;
}

}  // namespace specc::emit
