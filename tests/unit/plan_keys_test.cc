// The idempotency keys of the provisioning plan (seed 002 FR-021) never move: a step's key
// is a function of the project id, the resource's declared name, the step and the
// environment only. Property-tested over random projects: adding, removing, reordering or
// renaming other resources leaves every key of an untouched resource as it was.
#include <gtest/gtest.h>

#include <algorithm>
#include <map>
#include <random>
#include <set>
#include <string>
#include <vector>

#include "emit/plan/plan_model.h"
#include "ir/project.h"

namespace specc::emit {
namespace {

constexpr const char* kProjectId = "3f1c2a9e-5b7d-4c1e-9a2f-8d6e4b3c2a10";

constexpr ir::ResourceType kTypes[] = {
    ir::ResourceType::kNeonPostgres,     ir::ResourceType::kUpstashRedis,     ir::ResourceType::kUpstashVector,
    ir::ResourceType::kVercelProject,    ir::ResourceType::kCloudflareWorker, ir::ResourceType::kCloudflarePages,
    ir::ResourceType::kPostmanWorkspace, ir::ResourceType::kGithubRepo,
};

// The keys of each resource's steps, by resource name.
std::map<std::string, std::set<std::string>> KeysByResource(const ir::Project& project) {
  std::map<std::string, std::set<std::string>> keys;
  for (const PlanStep& step : BuildPlan(project, {}).steps) keys[step.resource].insert(step.key);
  return keys;
}

ir::Resource RandomResource(std::mt19937& rng, const std::string& name) {
  ir::Resource r;
  r.name = name;
  r.type = kTypes[rng() % std::size(kTypes)];
  r.per_environment = rng() % 2 == 0;
  r.branch_per_environment = r.type == ir::ResourceType::kNeonPostgres && rng() % 2 == 0;
  if (rng() % 5 == 0) r.existing = "existing-" + name;
  return r;
}

// A project with 1..7 resources of random types and modes, and env vars provisioned from
// some of them (so deploy targets' steps depend on others).
ir::Project RandomProject(std::mt19937& rng, int* next_name) {
  ir::Project p;
  p.name = "demo";
  p.id = kProjectId;
  for (const char* env : {"dev", "staging", "prod"}) p.environments.push_back({env, {}});
  size_t count = 1 + rng() % 7;
  for (size_t i = 0; i < count; ++i) p.resources.push_back(RandomResource(rng, "r" + std::to_string((*next_name)++)));
  return p;
}

// Adds an env var provisioned from `resource` (so steps of deploy targets depend on it).
void Provision(ir::Project& p, const std::string& resource) {
  ir::EnvVar var;
  var.key = "VAR_" + resource;
  var.source = {ir::EnvSourceKind::kProvisioned, resource, "url", {}};
  p.env.push_back(var);
}

TEST(PlanKeysTest, ExampleKeysNameTheResource) {
  ir::Project p;
  p.name = "demo";
  p.id = kProjectId;
  p.environments = {{"dev", {}}, {"prod", {}}};
  ir::Resource db{.name = "db", .type = ir::ResourceType::kNeonPostgres, .branch_per_environment = true};
  p.resources = {db};
  std::set<std::string> keys;
  for (const PlanStep& s : BuildPlan(p, {}).steps) keys.insert(s.key);
  std::string id = kProjectId;
  EXPECT_EQ(keys, (std::set<std::string>{id + "-neonProject.db-all", id + "-neonBranch.db-dev", id + "-neonBranch.db-prod"}));
  // A second database does not rename the first one's keys.
  p.resources.push_back({.name = "analytics", .type = ir::ResourceType::kNeonPostgres, .branch_per_environment = true});
  std::set<std::string> after;
  for (const PlanStep& s : BuildPlan(p, {}).steps) after.insert(s.key);
  for (const std::string& k : keys) EXPECT_EQ(after.count(k), 1u) << k;
}

TEST(PlanKeysTest, KeysSurviveEditsToOtherResources) {
  std::mt19937 rng(20260214);
  int next_name = 0;
  for (int iteration = 0; iteration < 400; ++iteration) {
    ir::Project before = RandomProject(rng, &next_name);
    // Env vars fed by a resource that the edit below never touches.
    const std::string anchor = before.resources.front().name;
    Provision(before, anchor);
    ir::Project after = before;
    std::string edit;
    switch (rng() % 4) {
      case 0:
        edit = "add";
        after.resources.insert(after.resources.begin() + static_cast<long>(rng() % (after.resources.size() + 1)),
                               RandomResource(rng, "r" + std::to_string(next_name++)));
        break;
      case 1:
        edit = "remove";
        if (after.resources.size() > 1) after.resources.erase(after.resources.begin() + 1 + static_cast<long>(rng() % (after.resources.size() - 1)));
        break;
      case 2:
        edit = "reorder";
        std::shuffle(after.resources.begin(), after.resources.end(), rng);
        break;
      default:
        edit = "rename";
        if (after.resources.size() > 1) after.resources[1 + rng() % (after.resources.size() - 1)].name = "renamed" + std::to_string(next_name++);
        break;
    }
    std::map<std::string, std::set<std::string>> old_keys = KeysByResource(before);
    std::map<std::string, std::set<std::string>> new_keys = KeysByResource(after);
    for (const ir::Resource& r : after.resources) {
      if (old_keys.count(r.name) == 0) continue;  // added or renamed: new keys are expected
      EXPECT_EQ(new_keys[r.name], old_keys[r.name]) << "iteration " << iteration << ": " << edit << " moved the keys of `" << r.name << "`";
    }
    // Every key names its resource: nothing else decides it.
    for (const PlanStep& s : BuildPlan(after, {}).steps) {
      EXPECT_NE(s.key.find("." + s.resource + "-"), std::string::npos) << s.key;
      EXPECT_EQ(s.key.rfind(std::string(kProjectId) + "-", 0), 0u) << s.key;
    }
  }
}

TEST(PlanKeysTest, KeysAreUniqueWithinAPlan) {
  std::mt19937 rng(7);
  int next_name = 0;
  for (int iteration = 0; iteration < 200; ++iteration) {
    ir::Project p = RandomProject(rng, &next_name);
    std::set<std::string> seen;
    for (const PlanStep& s : BuildPlan(p, {}).steps) EXPECT_TRUE(seen.insert(s.key).second) << "duplicate key " << s.key;
  }
}

// Issue #15 item 11: each variable an Upstash database provides is told the output it
// takes; a Redis URL is not the REST URL.
TEST(PlanInstructionsTest, UpstashStepsNameEachVariablesOutput) {
  ir::Project p;
  p.name = "demo";
  p.id = kProjectId;
  p.environments.push_back({"dev", {}});
  ir::Resource cache;
  cache.name = "cache";
  cache.type = ir::ResourceType::kUpstashRedis;
  p.resources.push_back(cache);
  for (const auto& [key, output] : std::vector<std::pair<std::string, std::string>>{
           {"REDIS_URL", "redisUrl"}, {"CACHE_REST_URL", "restUrl"}, {"CACHE_REST_TOKEN", "restToken"}}) {
    ir::EnvVar var;
    var.key = key;
    var.source = {ir::EnvSourceKind::kProvisioned, "cache", output, {}};
    p.env.push_back(var);
  }
  std::vector<std::string> lines;
  for (const PlanStep& step : BuildPlan(p, {}).steps) {
    if (step.resource == "cache") lines.insert(lines.end(), step.instructions.begin(), step.instructions.end());
  }
  auto has = [&](const std::string& text) {
    return std::any_of(lines.begin(), lines.end(), [&](const std::string& l) { return l.find(text) != std::string::npos; });
  };
  EXPECT_TRUE(has("Copy the Redis URL (`rediss://")) << ::testing::PrintToString(lines);
  EXPECT_TRUE(has("into `REDIS_URL`"));
  EXPECT_TRUE(has("Copy the REST URL (REST API section) into `CACHE_REST_URL`"));
  EXPECT_TRUE(has("Copy the REST token (REST API section) into `CACHE_REST_TOKEN`"));
  EXPECT_FALSE(has("copy the REST URL and token"));
}

}  // namespace
}  // namespace specc::emit
