// Where a provisioned secret goes follows the project's runtime (#15 item 11): the secrets
// overview names the store the running service reads it from, and the plan's steps name
// only places that exist for that runtime: an "env vars" step only when a deploy target
// holds the variable, a GitHub environment step only when there is a repository, and no
// Worker-only section or command for Cloudflare Pages.
#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "emit/plan/plan_model.h"
#include "emit/project_model.h"
#include "ir/project.h"

namespace specc::emit {
namespace {

struct Case {
  const char* label;
  ir::Runtime runtime;
  std::vector<ir::ResourceType> targets;  // deploy targets declared beside the cache
  bool repository;                        // a github.repo resource
  bool deploy_named;                      // the service names its first target
  const char* store;                      // the expected SecretStore of the cache's token
};

// A secret env var provisioned from `resource`'s `output`.
ir::EnvVar ProvisionedSecret(const std::string& key, const std::string& resource, const std::string& output) {
  ir::EnvVar var;
  var.key = key;
  var.secret = true;
  var.source = {ir::EnvSourceKind::kProvisioned, resource, output, {}};
  return var;
}

ir::Resource Named(const std::string& name, ir::ResourceType type) {
  ir::Resource r;
  r.name = name;
  r.type = type;
  return r;
}

// A project whose service runs on `c.runtime`, with an Upstash cache whose REST token is a
// provisioned secret, and the deploy targets and repository the case declares.
ir::Project ProjectOf(const Case& c) {
  ir::Project p;
  p.name = "demo";
  p.id = "3f1c2a9e-5b7d-4c1e-9a2f-8d6e4b3c2a10";
  for (const char* env : {"dev", "prod"}) p.environments.push_back({env, {}});
  ir::Service api;
  api.name = "api";
  api.runtime = c.runtime;
  ir::Resource cache = Named("cache", ir::ResourceType::kUpstashRedis);
  cache.per_environment = true;  // one per environment: its steps name the environment's steps
  p.resources.push_back(cache);
  if (c.repository) p.resources.push_back(Named("repo", ir::ResourceType::kGithubRepo));
  for (size_t i = 0; i < c.targets.size(); ++i) p.resources.push_back(Named("t" + std::to_string(i), c.targets[i]));
  if (c.deploy_named && !c.targets.empty()) api.deploy = "t0";
  p.services.push_back(api);
  p.env.push_back(ProvisionedSecret("CACHE_TOKEN", "cache", "restToken"));
  return p;
}

class SecretPlacesTest : public ::testing::TestWithParam<Case> {};

TEST_P(SecretPlacesTest, OverviewAndPlanNameTheRuntimesStore) {
  const Case& c = GetParam();
  ir::Project p = ProjectOf(c);
  EXPECT_EQ(SecretStore(p, p.env.front()), c.store);
  EXPECT_EQ(SecretType(p, p.env.front(), "dev"), c.store);

  Plan plan = BuildPlan(p, {});
  std::vector<std::string> kinds, lines, cache_lines;
  for (const PlanStep& step : plan.steps) {
    kinds.push_back(step.kind);
    lines.insert(lines.end(), step.instructions.begin(), step.instructions.end());
    if (step.resource == "cache") cache_lines.insert(cache_lines.end(), step.instructions.begin(), step.instructions.end());
  }
  auto has_kind = [&](const std::string& suffix) {
    return std::any_of(kinds.begin(), kinds.end(), [&](const std::string& k) {
      return k.size() >= suffix.size() && k.compare(k.size() - suffix.size(), suffix.size(), suffix) == 0;
    });
  };
  auto says = [](const std::vector<std::string>& in, const std::string& text) {
    return std::any_of(in.begin(), in.end(), [&](const std::string& l) { return l.find(text) != std::string::npos; });
  };
  std::string all = ::testing::PrintToString(cache_lines);

  // The cache step says where its secret goes, and that place is a step of this plan or
  // the runtime's own store.
  ASSERT_TRUE(says(cache_lines, "Paste secret values only into ")) << all;
  EXPECT_FALSE(says(lines, "the `Env` steps"));
  bool to_env_step = says(cache_lines, "the step \"env vars of `");
  bool to_github = says(cache_lines, "the step \"GitHub environment `dev` of `repo`\"");
  EXPECT_EQ(to_env_step, has_kind("Env")) << all;
  EXPECT_EQ(to_github, has_kind("githubEnvironment") && !has_kind("Env")) << all;
  std::string store = c.store;
  if (!to_env_step && !to_github) {
    const char* expected = store == "cloudflareBinding" ? "wrangler secret put"
                           : store == "vercelEnvVar"    ? "the Vercel project's Environment Variables"
                           : store == "railwayVariable" ? "the Railway service's Variables"
                                                        : "the environment of the server that runs the service";
    EXPECT_TRUE(says(cache_lines, expected)) << all;
  }
  // Cloudflare Pages has no project environments, no `wrangler deploy` and no versions.
  if (std::find(c.targets.begin(), c.targets.end(), ir::ResourceType::kCloudflarePages) != c.targets.end() &&
      std::find(c.targets.begin(), c.targets.end(), ir::ResourceType::kCloudflareWorker) == c.targets.end()) {
    EXPECT_FALSE(says(lines, "wrangler deploy")) << ::testing::PrintToString(lines);
    EXPECT_FALSE(says(lines, "wrangler versions"));
    EXPECT_FALSE(says(lines, "wrangler secret put NAME --env"));
    EXPECT_FALSE(says(lines, "(environment `dev`)"));
    EXPECT_TRUE(says(lines, "choose the Preview environment (for dev)"));
    EXPECT_TRUE(says(lines, "choose the Production environment (for prod)"));
    EXPECT_TRUE(says(lines, "npx wrangler pages deploy DIR --project-name t0 --branch main"));
    EXPECT_TRUE(says(lines, "use Rollback on the previous production deployment"));
  }
}

using T = ir::ResourceType;
INSTANTIATE_TEST_SUITE_P(
    Runtimes, SecretPlacesTest,
    ::testing::Values(
        Case{"workerTarget", ir::Runtime::kCloudflareWorker, {T::kCloudflareWorker}, true, true, "cloudflareBinding"},
        Case{"pagesTarget", ir::Runtime::kCloudflarePages, {T::kCloudflarePages}, false, true, "cloudflareBinding"},
        Case{"vercelTarget", ir::Runtime::kVercel, {T::kVercelProject}, true, true, "vercelEnvVar"},
        // No service names its target: the one of its runtime holds its secrets, not a
        // web front end's project.
        Case{"workerBesideWeb", ir::Runtime::kCloudflareWorker, {T::kVercelProject, T::kCloudflareWorker}, false, false,
             "cloudflareBinding"},
        Case{"vercelBesideWorker", ir::Runtime::kVercel, {T::kCloudflareWorker, T::kVercelProject}, false, false, "vercelEnvVar"},
        // No target of the runtime: every target may run it (the first holds it).
        Case{"nodeBesideWeb", ir::Runtime::kNode, {T::kVercelProject}, false, false, "vercelEnvVar"},
        // No target at all: the repository's environment, else the runtime's store.
        Case{"workerWithRepository", ir::Runtime::kCloudflareWorker, {}, true, false, "githubEnvironmentSecret"},
        Case{"workerAlone", ir::Runtime::kCloudflareWorker, {}, false, false, "cloudflareBinding"},
        Case{"pagesAlone", ir::Runtime::kCloudflarePages, {}, false, false, "cloudflareBinding"},
        Case{"vercelAlone", ir::Runtime::kVercel, {}, false, false, "vercelEnvVar"},
        Case{"railwayAlone", ir::Runtime::kRailway, {}, false, false, "railwayVariable"},
        Case{"nodeAlone", ir::Runtime::kNode, {}, false, false, "runtimeEnvVar"}),
    [](const ::testing::TestParamInfo<Case>& info) { return std::string(info.param.label); });

// A Neon connection string keeps FR-023's `neonCredential` type whatever the runtime,
// while its plan step still names the runtime's place for it.
TEST(NeonSecretPlaceTest, KeepsItsTypeAndNamesTheRuntimesPlace) {
  ir::Project p = ProjectOf(Case{"neon", ir::Runtime::kCloudflareWorker, {}, false, false, ""});
  ir::Resource db = Named("db", ir::ResourceType::kNeonPostgres);
  db.branch_per_environment = true;
  db.per_environment = true;
  p.resources.push_back(db);
  p.env.push_back(ProvisionedSecret("DATABASE_URL", "db", "connectionUri"));
  EXPECT_EQ(SecretType(p, p.env.back(), "dev"), "neonCredential");
  EXPECT_EQ(SecretStore(p, p.env.back()), "cloudflareBinding");
  std::vector<std::string> lines;
  for (const PlanStep& step : BuildPlan(p, {}).steps) {
    if (step.resource == "db") lines.insert(lines.end(), step.instructions.begin(), step.instructions.end());
  }
  EXPECT_TRUE(std::any_of(lines.begin(), lines.end(), [](const std::string& l) {
    return l.find("Use it as `DATABASE_URL` in dev. Paste secret values only into the service's Cloudflare secrets") != std::string::npos;
  })) << ::testing::PrintToString(lines);
}

}  // namespace
}  // namespace specc::emit
