// The provisioning plan (seeds 000, 001, 003; seed 002 FR-021) as data: one step per
// resource and environment, ordered by dependency (database branch before the deploy
// target's env vars, env vars before the deploy, deploy before promotion), each with a
// deterministic idempotency key `<projectId>-<segment>.<resource>-<environment>`, an action that never
// deletes, a mode, an approval gate and the manual steps a person can follow. The plan
// emitter renders it with no credential present (committed artifacts must not depend on
// the machine); `specc plan` builds it with the credential variables the environment has.
#ifndef SPECC_EMIT_PLAN_PLAN_MODEL_H_
#define SPECC_EMIT_PLAN_PLAN_MODEL_H_

#include <optional>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "base/diag_sink.h"
#include "emit/render.h"
#include "emit/template_set.h"
#include "ir/project.h"

namespace specc::emit {

struct PlanStep {
  std::string key;            // "<projectId>-neonBranch.db-dev"
  std::string kind;           // the step's segment of the key: "neonBranch", "vercelEnv", ...
  std::string name;           // the name specc gives what the step ensures: "stackfast-db"
  std::string title;          // "Neon branch `db` (dev)"
  std::string provider;       // "neon"
  std::string resource;       // the resource's name in the spec
  std::string resource_type;  // "neon.postgres"
  std::string environment;    // a project environment, or "all"
  std::string action;         // ensure | connect | verify (never delete)
  std::string mode;           // automated | assisted | manual
  std::string reason;         // why this mode
  // `specc provision` can carry it out through the provider's API once the credentials
  // are set (AutomatableKinds() holds its kind).
  bool automatable = false;
  std::vector<std::string> credentials;  // the variables automation needs, all of them
  bool approval_required = false;        // every side-effecting step
  std::vector<std::string> depends_on;   // keys of earlier steps
  std::vector<std::string> provides;     // env var names, never values
  std::vector<std::string> inputs;       // env vars a person supplies (manual source)
  std::vector<std::pair<std::string, std::string>> settings;  // overrides applied
  std::vector<std::string> instructions; // the manual steps, in order
  // What `specc plan` read from the provisioning state: create, no-op, drift or manual.
  // Empty in the committed artifact, which never depends on the machine.
  std::string status;
};

struct Plan {
  std::string project;
  std::string project_id;
  std::vector<PlanStep> steps;  // in dependency order: a step follows what it depends on
};

// The step kinds `specc provision` carries out through a provider's API. The others
// (Cloudflare's, deploys, verifications, promotions) stay manual whatever is set.
const std::vector<std::string>& AutomatableKinds();

// Returns the name specc gives resource `r` in `environment` ("" for a shared instance) at
// its provider, which carries the project and the environment: `existing` for a resource
// to connect to, the `name` setting (`repository` for github.repo) when the spec has one,
// else `<project>-<resource>[-<environment>]` (lowercase where the provider wants it). Provisioning looks resources up by this name, and the manual steps
// tell a person to use it, so a resource made by hand is found by automation later.
std::string ExternalName(const ir::Project& project, const ir::Resource& r, std::string_view environment);

// The database and the role a neon.postgres resource gets: the `database` and `role`
// settings, else the project's name and `<database>_owner`.
std::string NeonDatabaseName(const ir::Project& project, const ir::Resource& r, std::string_view environment);
std::string NeonRoleName(const ir::Project& project, const ir::Resource& r, std::string_view environment);

// Returns the project's variables whose values go to the GitHub environments of the
// project's repositories (each github.repo resource): those no deploy target holds (the secrets overview's
// `githubEnvironmentSecret`), detected ones excepted.
std::vector<const ir::EnvVar*> GithubEnvironmentVars(const ir::Project& project);

// Returns the plan of `project`. `present` holds the names of the credential variables
// set in the environment (presence only: callers never pass a value); a step is automated
// when it is automatable and all its credentials are in `present`.
Plan BuildPlan(const ir::Project& project, const std::set<std::string>& present);

// Renders `plan` through `plan/plan.json.mustache`; reports template problems to `sink`
// and returns nullopt on them.
std::optional<std::string> RenderPlanJson(const Plan& plan, const TemplateSet& templates, DiagSink& sink);

// Renders `plan` through `plan/PROVISIONING.md.mustache`; `source` is the project spec's
// path for the header.
std::optional<std::string> RenderProvisioningMd(const Plan& plan, const std::string& source,
                                                const TemplateSet& templates, DiagSink& sink);

}  // namespace specc::emit

#endif  // SPECC_EMIT_PLAN_PLAN_MODEL_H_
