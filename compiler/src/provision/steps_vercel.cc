// The Vercel steps: the project linked to the repository, and its env vars per target.
#include "emit/plan/plan_model.h"
#include "emit/project_model.h"
#include "provision/delivery.h"
#include "provision/desired.h"
#include "provision/ensure.h"
#include "provision/executors.h"
#include "provision/vercel_client.h"

namespace specc::provision {
namespace {

// Vercel's three targets: development, preview (every environment between), production.
std::string TargetOf(const std::string& environment) {
  if (environment == "dev" || environment == "development") return "development";
  if (environment == "prod" || environment == "production") return "production";
  return "preview";
}

}  // namespace

ApiResult<Done> EnsureVercelProject(StepRun& run) {
  VercelClient& vercel = *run.clients.vercel;
  const std::string& name = run.step.name;
  std::string framework = SettingOf(run, "framework");
  std::string root = SettingOf(run, "rootDirectory");
  std::string repo = LinkedRepository(run.project, run.step);
  ApiResult<std::optional<VercelProject>> project = EnsureOne<VercelProject>(
      run, "create the Vercel project `" + name + "`" + (repo.empty() ? "" : " linked to " + repo), "Vercel projects called `" + name + "`",
      AtMostOne<VercelProject>([&] { return vercel.FindProject(name); }),
      [&] { return vercel.CreateProject(name, framework, root, repo); });
  SPECC_RETURN_IF_ERROR(project);
  if (!project.value().has_value()) return Done{};
  const VercelProject& p = *project.value();
  run.record.external_id = p.id;
  run.record.name = p.name;
  run.record.created_at = p.created_at;
  run.record.urls = {"https://" + p.name + ".vercel.app"};
  run.record.attributes = {{"framework", p.framework}, {"rootDirectory", p.root_directory}, {"repository", p.linked_repo}};
  CompareAttributes(run);
  auto& out = run.outputs[run.step.resource];
  out["projectId"] = {p.id, false, p.id};
  out["url"] = {"https://" + p.name + ".vercel.app", false, p.id};
  return Done{};
}

ApiResult<Done> EnsureVercelEnv(StepRun& run) {
  auto resource = run.outputs.find(run.step.resource);
  if (resource == run.outputs.end() || resource->second.count("projectId") == 0) {
    run.notes.push_back("the Vercel project `" + run.step.resource + "` is not known yet: its step did not run");
    return Done{};
  }
  std::string project_id = resource->second.at("projectId").value;
  run.record.external_id = project_id;
  run.record.name = run.step.name;
  std::unique_ptr<Sink> sink = NewVercelEnvSink(*run.clients.vercel, project_id, TargetOf(run.environment));
  return Deliver(*sink, ValuesFor(run, run.step.provides), run);
}

}  // namespace specc::provision
