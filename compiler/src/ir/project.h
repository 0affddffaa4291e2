// The project IR: what the project spec (specs/*.specc) says about the project, as plain
// value structs. The dsl layer builds it (dsl/project_loader.h); emitters read it to render
// the env contract, the provisioning plan and the Postman environments. Vectors keep
// source order, every node keeps the Loc of the text it came from so emitters can blame
// the spec, and cross-references are by name (checked by the dsl layer to resolve).
#ifndef SPECC_IR_PROJECT_H_
#define SPECC_IR_PROJECT_H_

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/loc.h"

namespace specc::ir {

// The cloud providers specc provisions with. Each resource type belongs to one.
enum class Provider : uint8_t { kNeon, kUpstash, kVercel, kCloudflare, kPostman, kGithub };

enum class ResourceType : uint8_t {
  kNeonPostgres,      // neon.postgres
  kUpstashRedis,      // upstash.redis
  kUpstashVector,     // upstash.vector
  kVercelProject,     // vercel.project
  kCloudflareWorker,  // cloudflare.worker
  kCloudflarePages,   // cloudflare.pages
  kPostmanWorkspace,  // postman.workspace
  kGithubRepo,        // github.repo
};

// Where a service runs.
enum class Runtime : uint8_t { kCloudflareWorker, kCloudflarePages, kVercel, kRailway, kNode };

enum class EnvScope : uint8_t { kBuild, kRuntime };
enum class EnvSourceKind : uint8_t { kManual, kDetected, kProvisioned };

// Returns the spelling used in the spec and in JSON: "neon", "upstash", ...
inline std::string_view ProviderName(Provider provider) {
  switch (provider) {
    case Provider::kNeon: return "neon";
    case Provider::kUpstash: return "upstash";
    case Provider::kVercel: return "vercel";
    case Provider::kCloudflare: return "cloudflare";
    case Provider::kPostman: return "postman";
    case Provider::kGithub: return "github";
  }
  return "neon";
}

// Returns "neon.postgres", "upstash.redis", ...
inline std::string_view ResourceTypeName(ResourceType type) {
  switch (type) {
    case ResourceType::kNeonPostgres: return "neon.postgres";
    case ResourceType::kUpstashRedis: return "upstash.redis";
    case ResourceType::kUpstashVector: return "upstash.vector";
    case ResourceType::kVercelProject: return "vercel.project";
    case ResourceType::kCloudflareWorker: return "cloudflare.worker";
    case ResourceType::kCloudflarePages: return "cloudflare.pages";
    case ResourceType::kPostmanWorkspace: return "postman.workspace";
    case ResourceType::kGithubRepo: return "github.repo";
  }
  return "neon.postgres";
}

inline Provider ProviderOf(ResourceType type) {
  switch (type) {
    case ResourceType::kNeonPostgres: return Provider::kNeon;
    case ResourceType::kUpstashRedis:
    case ResourceType::kUpstashVector: return Provider::kUpstash;
    case ResourceType::kVercelProject: return Provider::kVercel;
    case ResourceType::kCloudflareWorker:
    case ResourceType::kCloudflarePages: return Provider::kCloudflare;
    case ResourceType::kPostmanWorkspace: return Provider::kPostman;
    case ResourceType::kGithubRepo: return Provider::kGithub;
  }
  return Provider::kNeon;
}

// Returns "cloudflare.worker", "cloudflare.pages", "vercel", "railway" or "node".
inline std::string_view RuntimeName(Runtime runtime) {
  switch (runtime) {
    case Runtime::kCloudflareWorker: return "cloudflare.worker";
    case Runtime::kCloudflarePages: return "cloudflare.pages";
    case Runtime::kVercel: return "vercel";
    case Runtime::kRailway: return "railway";
    case Runtime::kNode: return "node";
  }
  return "node";
}

inline std::string_view EnvScopeName(EnvScope scope) {
  return scope == EnvScope::kBuild ? "build" : "runtime";
}

inline std::string_view EnvSourceKindName(EnvSourceKind kind) {
  switch (kind) {
    case EnvSourceKind::kManual: return "manual";
    case EnvSourceKind::kDetected: return "detected";
    case EnvSourceKind::kProvisioned: return "provisioned";
  }
  return "manual";
}

struct Environment {
  std::string name;  // "dev", "staging", "prod"
  Loc loc;
};

// Ephemeral preview environments (seed 002 FR-026, FR-034). They are not among
// Project::environments: they are excluded from promotion and from the SLO.
struct PreviewPolicy {
  std::string naming = "preview-<branchSlug>";  // always contains "<branchSlug>"
  int ttl_hours = 72;                           // 24..168
  int max = 15;                                 // most previews alive at once, 1..15
  bool declared = false;                        // false: the spec has no `preview` block
  Loc loc;
};

struct Service {
  std::string name;
  // The OpenAPI document as written in the spec: relative to the .specc file's directory.
  std::string openapi;
  // `openapi` joined to the spec directory LoadProject was given, usable with the Fs.
  // Machine-dependent when that directory is absolute: never print it into artifacts.
  std::string openapi_path;
  Runtime runtime = Runtime::kNode;
  std::string deploy;  // name of the resource it deploys to; empty when not said
  Loc loc;
};

// One provider setting of a resource (`region = "aws-us-east-2"`), its value as text.
struct Setting {
  std::string key;
  std::string value;
  Loc loc;
};

// Settings of a resource that differ in one environment: `prod { plan = "scale" }`.
struct ResourceOverride {
  std::string environment;
  std::vector<Setting> settings;
  Loc loc;
};

struct Resource {
  std::string name;
  ResourceType type = ResourceType::kNeonPostgres;
  // True: one instance per environment. False: one instance shared by all environments.
  bool per_environment = false;
  // neon.postgres only: one Neon project with one branch per environment.
  bool branch_per_environment = false;
  // The id or name of an existing resource to connect to (assisted mode); empty to create.
  std::string existing;
  std::vector<Setting> settings;  // without `existing`; source order
  std::vector<ResourceOverride> overrides;
  Loc loc;
};

struct EnvSource {
  EnvSourceKind kind = EnvSourceKind::kManual;
  std::string resource;  // kProvisioned: the resource's name
  std::string output;    // kProvisioned: the output's name, e.g. "connectionUri"
  Loc loc;
};

// What changes for an env var in one environment: `prod { required; default = "warn" }`.
struct EnvOverride {
  std::string environment;
  std::optional<bool> required;
  std::optional<std::string> default_value;
  std::optional<EnvSource> source;
  std::optional<std::string> example;
  Loc loc;
};

struct EnvVar {
  std::string key;
  EnvScope scope = EnvScope::kRuntime;
  bool secret = false;
  EnvSource source;
  bool required = true;
  std::optional<std::string> default_value;  // never set on a secret
  std::vector<std::string> allowed;          // empty: any value
  std::string description;
  std::optional<std::string> example;
  std::vector<EnvOverride> overrides;
  Loc loc;
};

// The credential variables that unlock automated provisioning with one provider (read from
// the environment specc runs in; their values are never read into any output).
struct Integration {
  Provider provider = Provider::kNeon;
  std::vector<std::string> credentials;           // all must be present for automation
  std::vector<std::string> optional_credentials;  // used when present, e.g. VERCEL_TEAM_ID
  // True when the spec has no `integration` block for a provider its resources use and
  // the built-in credentials were filled in.
  bool implicit = false;
  Loc loc;
};

// A web framework the project builds with, and the prefix its build inlines into client
// bundles (`NEXT_PUBLIC_`, `VITE_`): variables with that prefix are build-scoped and
// public by construction. Found by the driver (driver/detect.h) in the repository's
// package.json files, or declared by a resource (`framework = "nextjs"`).
struct Framework {
  std::string name;           // "nextjs", "vite", ...
  std::string public_prefix;  // "NEXT_PUBLIC_"
  std::string evidence;       // "apps/web/package.json" or "resource `web`"
};

struct Project {
  std::string name;
  std::string id;            // UUID v4, lowercase
  std::string version;       // spec version, MAJOR.MINOR.PATCH
  std::string constitution;  // constitution version, MAJOR.MINOR.PATCH
  std::vector<Environment> environments;  // dev, staging, prod unless the spec says otherwise
  PreviewPolicy preview;
  std::vector<Service> services;
  std::vector<Resource> resources;
  std::vector<EnvVar> env;
  std::vector<Integration> integrations;  // declared ones in source order, then implicit ones
  // Filled in by the driver after loading (driver/detect.h), not by the spec; sorted.
  std::vector<Framework> frameworks;
  // The project spec's path as the run names it ("specs/stackfast.specc"), for generated
  // files' headers; filled in by the driver.
  std::string source;
  Loc loc;
};

// Returns whether `var` is required in `environment`, overrides applied.
inline bool RequiredIn(const EnvVar& var, std::string_view environment) {
  bool required = var.required;
  for (const EnvOverride& o : var.overrides) {
    if (o.environment == environment && o.required.has_value()) required = *o.required;
  }
  return required;
}

}  // namespace specc::ir

#endif  // SPECC_IR_PROJECT_H_
