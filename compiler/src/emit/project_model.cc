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
  return !any_deploy || deployed_to || var.scope == ir::EnvScope::kBuild;
}

std::string SecretType(const ir::Project& project, const ir::EnvVar& var, std::string_view environment) {
  const ir::EnvSource& source = SourceIn(var, environment);
  if (source.kind == ir::EnvSourceKind::kProvisioned) {
    const ir::Resource* r = FindResource(project, source.resource);
    if (r != nullptr && r->type == ir::ResourceType::kNeonPostgres) return "neonCredential";
  }
  std::string type;
  for (const ir::Resource* target : DeployTargets(project)) {
    if (!type.empty() || !SetOn(project, var, *target)) continue;
    type = target->type == ir::ResourceType::kVercelProject ? "vercelEnvVar" : "cloudflareBinding";
  }
  return type.empty() ? "githubEnvironmentSecret" : type;
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
