#include "dsl/catalog.h"

#include <algorithm>

namespace specc::dsl {

using ir::ResourceType;

const std::vector<ResourceTypeInfo>& ResourceTypes() {
  // Outputs are what the provider hands back after provisioning; the names follow the
  // providers' own APIs (Neon's connection_uri, Upstash's REST url and token).
  static const std::vector<ResourceTypeInfo> types = {
      {ResourceType::kNeonPostgres, "neon.postgres", false,
       {{"region", SettingKind::kText, {}},
        {"plan", SettingKind::kText, {}},
        {"database", SettingKind::kText, {}},
        {"role", SettingKind::kText, {}},
        {"postgres", SettingKind::kNumber, {}}},
       {{"connectionUri", true},
        {"pooledConnectionUri", true},
        {"host", false},
        {"database", false},
        {"user", false},
        {"password", true},
        {"projectId", false},
        {"branchId", false}}},
      {ResourceType::kUpstashRedis, "upstash.redis", true,
       {{"region", SettingKind::kText, {}},
        {"plan", SettingKind::kText, {}},
        {"eviction", SettingKind::kChoice, {"true", "false"}}},
       {{"restUrl", false},
        {"restToken", true},
        {"readOnlyToken", true},
        {"redisUrl", true},
        {"endpoint", false}}},
      {ResourceType::kUpstashVector, "upstash.vector", true,
       {{"region", SettingKind::kText, {}},
        {"dimensions", SettingKind::kNumber, {}},
        {"metric", SettingKind::kChoice, {"cosine", "euclidean", "dot_product"}},
        {"model", SettingKind::kText, {}}},
       {{"restUrl", false}, {"restToken", true}, {"readOnlyToken", true}, {"endpoint", false}}},
      {ResourceType::kVercelProject, "vercel.project", false,
       {{"framework", SettingKind::kText, {}},
        {"repository", SettingKind::kRepoRef, {}},
        {"team", SettingKind::kText, {}},
        {"rootDirectory", SettingKind::kText, {}}},
       {{"projectId", false}, {"url", false}}},
      {ResourceType::kCloudflareWorker, "cloudflare.worker", false,
       {{"account", SettingKind::kText, {}},
        {"name", SettingKind::kText, {}},
        {"route", SettingKind::kText, {}},
        {"compatibilityDate", SettingKind::kText, {}}},
       {{"url", false}, {"name", false}, {"accountId", false}}},
      {ResourceType::kCloudflarePages, "cloudflare.pages", false,
       {{"account", SettingKind::kText, {}},
        {"name", SettingKind::kText, {}},
        {"branch", SettingKind::kText, {}},
        {"repository", SettingKind::kRepoRef, {}}},
       {{"url", false}, {"name", false}, {"accountId", false}}},
      {ResourceType::kPostmanWorkspace, "postman.workspace", false,
       {{"name", SettingKind::kText, {}},
        {"visibility", SettingKind::kChoice, {"personal", "team", "public"}}},
       {{"workspaceId", false}, {"url", false}}},
      {ResourceType::kGithubRepo, "github.repo", false,
       {{"repository", SettingKind::kText, {}},
        {"visibility", SettingKind::kChoice, {"private", "public", "internal"}},
        {"defaultBranch", SettingKind::kText, {}},
        {"template", SettingKind::kText, {}}},
       {{"url", false}, {"fullName", false}, {"defaultBranch", false}, {"cloneUrl", false}}},
  };
  return types;
}

const ResourceTypeInfo* FindResourceType(std::string_view name) {
  for (const ResourceTypeInfo& t : ResourceTypes()) {
    if (t.name == name) return &t;
  }
  return nullptr;
}

const ResourceTypeInfo& ResourceTypeInfoOf(ir::ResourceType type) {
  for (const ResourceTypeInfo& t : ResourceTypes()) {
    if (t.type == type) return t;
  }
  return ResourceTypes().front();
}

const OutputInfo* FindOutput(const ResourceTypeInfo& type, std::string_view name) {
  for (const OutputInfo& o : type.outputs) {
    if (o.name == name) return &o;
  }
  return nullptr;
}

const SettingInfo* FindSetting(const ResourceTypeInfo& type, std::string_view key) {
  for (const SettingInfo& s : type.settings) {
    if (s.key == key) return &s;
  }
  return nullptr;
}

const std::vector<ProviderInfo>& Providers() {
  // The credential variables of seed 000/001 (VERCEL_TOKEN, NEON_API_KEY,
  // UPSTASH_EMAIL + UPSTASH_API_KEY, GITHUB_TOKEN) and their peers for the others.
  static const std::vector<ProviderInfo> providers = {
      {ir::Provider::kNeon, "neon", {"NEON_API_KEY"}, {}},
      {ir::Provider::kUpstash, "upstash", {"UPSTASH_EMAIL", "UPSTASH_API_KEY"}, {}},
      {ir::Provider::kVercel, "vercel", {"VERCEL_TOKEN"}, {"VERCEL_TEAM_ID"}},
      {ir::Provider::kCloudflare, "cloudflare", {"CLOUDFLARE_API_TOKEN"}, {"CLOUDFLARE_ACCOUNT_ID"}},
      {ir::Provider::kPostman, "postman", {"POSTMAN_API_KEY"}, {}},
      {ir::Provider::kGithub, "github", {"GITHUB_TOKEN"}, {}},
  };
  return providers;
}

const ProviderInfo* FindProvider(std::string_view name) {
  for (const ProviderInfo& p : Providers()) {
    if (p.name == name) return &p;
  }
  return nullptr;
}

const ProviderInfo& ProviderInfoOf(ir::Provider provider) {
  for (const ProviderInfo& p : Providers()) {
    if (p.provider == provider) return p;
  }
  return Providers().front();
}

const std::vector<RuntimeInfo>& Runtimes() {
  static const std::vector<RuntimeInfo> runtimes = {
      {ir::Runtime::kCloudflareWorker, "cloudflare.worker"},
      {ir::Runtime::kCloudflarePages, "cloudflare.pages"},
      {ir::Runtime::kVercel, "vercel"},
      {ir::Runtime::kRailway, "railway"},
      {ir::Runtime::kNode, "node"},
  };
  return runtimes;
}

const RuntimeInfo* FindRuntime(std::string_view name) {
  for (const RuntimeInfo& r : Runtimes()) {
    if (r.name == name) return &r;
  }
  return nullptr;
}

namespace {

size_t EditDistance(std::string_view a, std::string_view b) {
  std::vector<size_t> row(b.size() + 1);
  for (size_t j = 0; j <= b.size(); ++j) row[j] = j;
  for (size_t i = 1; i <= a.size(); ++i) {
    size_t diagonal = row[0];
    row[0] = i;
    for (size_t j = 1; j <= b.size(); ++j) {
      size_t above = row[j];
      size_t cost = a[i - 1] == b[j - 1] ? 0 : 1;
      row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + cost});
      diagonal = above;
    }
  }
  return row[b.size()];
}

}  // namespace

std::string_view ClosestMatch(std::string_view word, const std::vector<std::string_view>& candidates) {
  // Long garbage words would make the quadratic distance slow for nothing.
  if (word.empty() || word.size() > 64) return {};
  size_t limit = std::max<size_t>(1, word.size() / 3);
  std::string_view best;
  size_t best_distance = limit + 1;
  for (std::string_view c : candidates) {
    size_t d = EditDistance(word, c);
    if (d < best_distance) {
      best = c;
      best_distance = d;
    }
  }
  return best;
}

std::string JoinNames(const std::vector<std::string_view>& items) {
  constexpr size_t kMaxListed = 20;
  std::string out;
  for (size_t i = 0; i < items.size() && i < kMaxListed; ++i) {
    if (!out.empty()) out += ", ";
    out += items[i];
  }
  if (items.size() > kMaxListed) out += " and " + std::to_string(items.size() - kMaxListed) + " more";
  return out;
}

}  // namespace specc::dsl
