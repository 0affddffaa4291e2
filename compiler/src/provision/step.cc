#include "provision/step.h"

#include <utility>

#include "provision/desired.h"
#include "provision/ensure.h"
#include "provision/executors.h"
#include "provision/github_client.h"
#include "provision/neon_client.h"
#include "provision/postman_client.h"
#include "provision/upstash_client.h"
#include "provision/vercel_client.h"

namespace specc::provision {
namespace {

using Executor = ApiResult<Done> (*)(StepRun&);

// The one table of what specc automates. emit::AutomatableKinds() lists the same kinds
// (a test holds them equal), so the plan never promises a step nobody carries out.
constexpr std::pair<const char*, Executor> kExecutors[] = {
    {"githubRepo", EnsureGithubRepo},       {"githubEnvironment", EnsureGithubEnvironment},
    {"neonProject", EnsureNeonProject},     {"neonBranch", EnsureNeonBranch},
    {"upstashRedis", EnsureUpstashRedis},   {"upstashVector", EnsureUpstashVector},
    {"vercelProject", EnsureVercelProject}, {"vercelEnv", EnsureVercelEnv},
    {"postmanWorkspace", EnsurePostmanWorkspace}, {"postmanCollection", EnsurePostmanCollections},
};

}  // namespace

Clients::Clients() = default;
Clients::~Clients() = default;
Clients::Clients(Clients&&) noexcept = default;
Clients& Clients::operator=(Clients&&) noexcept = default;

bool HasExecutor(const std::string& kind) {
  for (const auto& [name, executor] : kExecutors) {
    if (kind == name) return true;
  }
  return false;
}

ApiResult<Done> Execute(StepRun& run) {
  for (const auto& [name, executor] : kExecutors) {
    if (run.step.kind == name) return executor(run);
  }
  SPECC_CHECK(false) << "no executor for step kind " << run.step.kind;
  return Done{};
}

void CompareAttributes(StepRun& run) {
  for (DriftItem& d : Differences(run.step, run.project, run.record.attributes)) run.drift.push_back(std::move(d));
}

std::string SettingOf(const StepRun& run, const std::string& key, const std::string& fallback) {
  for (const auto& [k, v] : run.step.settings) {
    if (k == key) return v;
  }
  return fallback;
}

}  // namespace specc::provision
