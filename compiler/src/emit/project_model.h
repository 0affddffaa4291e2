// What the env and plan emitters (and `specc plan`, `specc env check`) derive alike from
// the project IR: an env var's source and default in one environment, which resources
// env vars are set on (deploy targets), and the secret type of FR-023 (seed 002). One
// place for these rules keeps the contract, the secrets overview and the plan agreeing.
#ifndef SPECC_EMIT_PROJECT_MODEL_H_
#define SPECC_EMIT_PROJECT_MODEL_H_

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "ir/project.h"

namespace specc::emit {

// Returns the source of `var` in `environment`, overrides applied.
const ir::EnvSource& SourceIn(const ir::EnvVar& var, std::string_view environment);
// Returns the default of `var` in `environment`, overrides applied; nullopt when none.
std::optional<std::string> DefaultIn(const ir::EnvVar& var, std::string_view environment);

// Returns the resource called `name`; null when there is none.
const ir::Resource* FindResource(const ir::Project& project, std::string_view name);

// Returns the resources env vars are set on, in source order: every vercel.project,
// cloudflare.worker and cloudflare.pages resource.
std::vector<const ir::Resource*> DeployTargets(const ir::Project& project);

// Returns whether `var` is set on deploy target `target` (in any environment). A service's
// deploy target gets every variable; a target no service deploys to (a web front end) gets
// the build-scoped ones. When no service names a deploy target, the targets of the
// services' runtimes (a cloudflare.worker resource for `runtime = cloudflare.worker`) take
// that role, and when none is of a service's runtime either, every target gets every
// variable. Detected variables are set by the framework's build, never on a platform.
bool SetOn(const ir::Project& project, const ir::EnvVar& var, const ir::Resource& target);

// Returns where the running service reads `var` from, following the project (#15 item 11):
// the first deploy target that holds it ("cloudflareBinding", "vercelEnvVar"); when none
// does, the repository's GitHub environment ("githubEnvironmentSecret") if the project has a
// github.repo, since the plan's GitHub environment step puts it there; otherwise the store
// of the runtime its services run on: "cloudflareBinding" (cloudflare.worker and
// cloudflare.pages), "vercelEnvVar" (vercel), "railwayVariable" (railway), or
// "runtimeEnvVar" (node, mixed runtimes, or no service: the server's own environment).
std::string SecretStore(const ir::Project& project, const ir::EnvVar& var);

// Returns the deploy target whose env vars hold `var`; null when none does.
const ir::Resource* TargetHolding(const ir::Project& project, const ir::EnvVar& var);

// Returns the FR-023 type of secret `var` in `environment`: "neonCredential" when Neon
// provides it, otherwise its SecretStore.
std::string SecretType(const ir::Project& project, const ir::EnvVar& var, std::string_view environment);

// Returns the masked placeholder of FR-023 for a secret called `name`: the token prefix
// and `****` for provider tokens whose format is known (`ghp_****`), `****` otherwise.
// Never derived from a value: specc never reads one.
std::string MaskedValue(std::string_view name);

// The credential variables of `project`'s integrations that hold secrets (tokens and
// keys, not ids or e-mail addresses), in integration order, without repeats.
std::vector<std::string> CredentialSecrets(const ir::Project& project);

}  // namespace specc::emit

#endif  // SPECC_EMIT_PROJECT_MODEL_H_
