// The Upstash steps: a Redis database and a Vector index, with their REST URL and tokens
// as outputs (the tokens are secrets, in memory only).
#include <cctype>

#include "provision/ensure.h"
#include "provision/executors.h"
#include "provision/upstash_client.h"

namespace specc::provision {
namespace {

std::string Upper(std::string text) {
  for (char& c : text) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return text;
}

}  // namespace

ApiResult<Done> EnsureUpstashRedis(StepRun& run) {
  UpstashClient& upstash = *run.clients.upstash;
  const std::string& name = run.step.name;
  std::string region = SettingOf(run, "region", "us-east-1");
  std::string eviction = SettingOf(run, "eviction");
  ApiResult<std::optional<UpstashDatabase>> db = EnsureOne<UpstashDatabase>(
      run, "create the Upstash Redis database `" + name + "` in " + region, "Upstash Redis databases called `" + name + "`",
      [&] { return upstash.FindDatabases(name); }, [&] { return upstash.CreateDatabase(name, region, eviction == "true"); });
  SPECC_RETURN_IF_ERROR(db);
  if (!db.value().has_value()) return Done{};
  // The list leaves credentials out on request; one read of the database brings them.
  ApiResult<UpstashDatabase> full = upstash.GetDatabase(db.value()->id);
  SPECC_RETURN_IF_ERROR(full);
  const UpstashDatabase& d = full.value();
  run.record.external_id = d.id;
  run.record.name = d.name;
  run.record.region = d.primary_region;
  run.record.created_at = d.created;
  run.record.urls = {"https://" + d.endpoint};
  run.record.attributes = {{"region", d.primary_region}};
  if (d.eviction.has_value()) run.record.attributes["eviction"] = *d.eviction ? "true" : "false";
  CompareAttributes(run);
  if (d.rest_token.empty()) {
    return ApiError{"GET /redis/database/" + d.id, 200, "unexpected answer: `$.rest_token` is missing"};
  }
  auto& out = run.outputs[run.step.resource];
  out["restUrl"] = {"https://" + d.endpoint, false, d.id};
  out["endpoint"] = {d.endpoint, false, d.id};
  out["restToken"] = {d.rest_token, true, d.id};
  out["readOnlyToken"] = {d.read_only_rest_token, true, d.id};
  if (!d.password.empty()) {
    out["redisUrl"] = {"rediss://default:" + d.password + "@" + d.endpoint + ":" + (d.port.empty() ? "6379" : d.port), true, d.id};
  }
  return Done{};
}

ApiResult<Done> EnsureUpstashVector(StepRun& run) {
  UpstashClient& upstash = *run.clients.upstash;
  const std::string& name = run.step.name;
  std::string region = SettingOf(run, "region", "us-east-1");
  std::string metric = Upper(SettingOf(run, "metric", "cosine"));
  std::string dimensions = SettingOf(run, "dimensions");
  if (dimensions.empty() || dimensions.find_first_not_of("0123456789") != std::string::npos) {
    return ApiError{"", 0, "the spec gives `" + run.step.resource + "` no `dimensions`, and Upstash needs them to create an index"};
  }
  ApiResult<std::optional<UpstashIndex>> index = EnsureOne<UpstashIndex>(
      run, "create the Upstash Vector index `" + name + "` in " + region, "Upstash Vector indexes called `" + name + "`",
      [&] { return upstash.FindIndexes(name); }, [&] { return upstash.CreateIndex(name, region, metric, dimensions); });
  SPECC_RETURN_IF_ERROR(index);
  if (!index.value().has_value()) return Done{};
  ApiResult<UpstashIndex> full = upstash.GetIndex(index.value()->id);
  SPECC_RETURN_IF_ERROR(full);
  const UpstashIndex& i = full.value();
  run.record.external_id = i.id;
  run.record.name = i.name;
  run.record.region = i.region;
  run.record.created_at = i.created;
  run.record.urls = {"https://" + i.endpoint};
  run.record.attributes = {{"region", i.region}, {"metric", i.similarity_function}, {"dimensions", i.dimension_count}};
  CompareAttributes(run);
  if (i.token.empty()) return ApiError{"GET /vector/index/" + i.id, 200, "unexpected answer: `$.token` is missing"};
  auto& out = run.outputs[run.step.resource];
  out["restUrl"] = {"https://" + i.endpoint, false, i.id};
  out["endpoint"] = {i.endpoint, false, i.id};
  out["restToken"] = {i.token, true, i.id};
  out["readOnlyToken"] = {i.read_only_token, true, i.id};
  return Done{};
}

}  // namespace specc::provision
