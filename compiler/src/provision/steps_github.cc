// The GitHub steps: the repository, and each environment with its secrets and variables.
#include "emit/plan/plan_model.h"
#include "emit/project_model.h"
#include "provision/delivery.h"
#include "provision/ensure.h"
#include "provision/executors.h"
#include "provision/github_client.h"

namespace specc::provision {

ApiResult<Done> EnsureGithubRepo(StepRun& run) {
  GithubClient& github = *run.clients.github;
  const std::string& full_name = run.step.name;
  std::string visibility = SettingOf(run, "visibility", "private");
  ApiResult<std::optional<GithubRepo>> repo = EnsureOne<GithubRepo>(
      run, "create the GitHub repository `" + full_name + "` (" + visibility + ")", "GitHub repositories called `" + full_name + "`",
      AtMostOne<GithubRepo>([&] { return github.FindRepo(full_name); }),
      [&] { return github.CreateRepo(full_name, visibility); });
  SPECC_RETURN_IF_ERROR(repo);
  if (!repo.value().has_value()) return Done{};
  const GithubRepo& r = *repo.value();
  run.record.external_id = r.id;
  run.record.name = r.full_name;
  run.record.created_at = r.created_at;
  run.record.urls = {r.html_url};
  run.record.attributes = {{"visibility", r.visibility}, {"defaultBranch", r.default_branch}};
  CompareAttributes(run);
  auto& out = run.outputs[run.step.resource];
  out["url"] = {r.html_url, false, r.id};
  out["fullName"] = {r.full_name, false, r.id};
  out["defaultBranch"] = {r.default_branch, false, r.id};
  out["cloneUrl"] = {r.clone_url, false, r.id};
  return Done{};
}

ApiResult<Done> EnsureGithubEnvironment(StepRun& run) {
  GithubClient& github = *run.clients.github;
  const ir::Resource* repo = emit::FindResource(run.project, run.step.resource);
  std::string full_name = emit::ExternalName(run.project, *repo, "");
  const std::string& environment = run.step.name;
  ApiResult<std::optional<GithubEnvironment>> env = EnsureOne<GithubEnvironment>(
      run, "create the GitHub environment `" + environment + "` of " + full_name, "GitHub environments called `" + environment + "`",
      AtMostOne<GithubEnvironment>([&] { return github.FindEnvironment(full_name, environment); }),
      [&] { return github.PutEnvironment(full_name, environment); });
  SPECC_RETURN_IF_ERROR(env);
  if (!env.value().has_value()) return Done{};
  run.record.external_id = env.value()->id;
  run.record.name = env.value()->name;
  run.record.created_at = env.value()->created_at;
  if (!env.value()->html_url.empty()) run.record.urls = {env.value()->html_url};
  std::unique_ptr<Sink> sink = NewGithubEnvironmentSink(github, full_name, environment);
  return Deliver(*sink, ValuesFor(run, run.step.provides), run);
}

}  // namespace specc::provision
