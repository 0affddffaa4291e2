// The Neon steps: the project, and a branch per environment with its compute endpoint,
// role and database; the connection URIs are outputs (secrets, in memory only).
#include "emit/plan/plan_model.h"
#include "emit/project_model.h"
#include "provision/ensure.h"
#include "provision/executors.h"
#include "provision/neon_client.h"

namespace specc::provision {
namespace {

// The password part of a postgres:// URI ("" when there is none).
std::string PasswordOf(const std::string& uri) {
  size_t start = uri.find("://");
  size_t at = uri.find('@');
  if (start == std::string::npos || at == std::string::npos) return "";
  std::string user_info = uri.substr(start + 3, at - start - 3);
  size_t colon = user_info.find(':');
  return colon == std::string::npos ? "" : user_info.substr(colon + 1);
}

// Ensures `branch` has a read-write endpoint, the role and the database, then fills in
// the resource's outputs.
ApiResult<Done> EnsureDatabaseOn(StepRun& run, const std::string& project_id, const NeonBranch& branch) {
  NeonClient& neon = *run.clients.neon;
  const ir::Resource& r = *emit::FindResource(run.project, run.step.resource);
  std::string env = run.step.environment == "all" ? "" : run.step.environment;
  std::string database = emit::NeonDatabaseName(run.project, r, env);
  std::string role = emit::NeonRoleName(run.project, r, env);
  std::string where = "branch `" + branch.name + "` of `" + run.record.name + "`";
  if (run.step.kind == "neonBranch") where = "branch `" + branch.name + "`";

  ApiResult<std::vector<NeonEndpoint>> endpoints = neon.BranchEndpoints(project_id, branch.id);
  SPECC_RETURN_IF_ERROR(endpoints);
  std::optional<NeonEndpoint> endpoint;
  if (!endpoints.value().empty()) endpoint = endpoints.value().front();
  if (!endpoint.has_value()) {
    std::string what = "add a read-write compute endpoint to " + where;
    ApiResult<std::optional<NeonEndpoint>> made = EnsureOne<NeonEndpoint>(
        run, what, "read-write endpoints on " + where, [&] { return neon.BranchEndpoints(project_id, branch.id); },
        [&] { return neon.CreateEndpoint(project_id, branch.id); });
    SPECC_RETURN_IF_ERROR(made);
    if (!made.value().has_value()) return Done{};
    endpoint = made.value();
  }
  ApiResult<bool> has_role = neon.HasRole(project_id, branch.id, role);
  SPECC_RETURN_IF_ERROR(has_role);
  if (!has_role.value()) {
    std::string what = "create the role `" + role + "` on " + where;
    if (!run.gate.Allow(what)) {
      run.pending.push_back(what);
      return Done{};
    }
    SPECC_RETURN_IF_ERROR(neon.CreateRole(project_id, branch.id, role));
    run.done.push_back(what);
  }
  ApiResult<bool> has_database = neon.HasDatabase(project_id, branch.id, database);
  SPECC_RETURN_IF_ERROR(has_database);
  if (!has_database.value()) {
    std::string what = "create the database `" + database + "` owned by `" + role + "` on " + where;
    if (!run.gate.Allow(what)) {
      run.pending.push_back(what);
      return Done{};
    }
    SPECC_RETURN_IF_ERROR(neon.CreateDatabase(project_id, branch.id, database, role));
    run.done.push_back(what);
  }
  ApiResult<std::string> direct = neon.ConnectionUri(project_id, branch.id, database, role, false);
  SPECC_RETURN_IF_ERROR(direct);
  ApiResult<std::string> pooled = neon.ConnectionUri(project_id, branch.id, database, role, true);
  SPECC_RETURN_IF_ERROR(pooled);
  run.record.attributes["endpoint"] = endpoint->id;
  auto& out = run.outputs[r.name];
  out["connectionUri"] = {direct.value(), true, branch.id};
  out["pooledConnectionUri"] = {pooled.value(), true, branch.id};
  out["password"] = {PasswordOf(direct.value()), true, branch.id};
  out["host"] = {endpoint->host, false, branch.id};
  out["database"] = {database, false, branch.id};
  out["user"] = {role, false, branch.id};
  out["branchId"] = {branch.id, false, branch.id};
  return Done{};
}

}  // namespace

ApiResult<Done> EnsureNeonProject(StepRun& run) {
  NeonClient& neon = *run.clients.neon;
  const ir::Resource& r = *emit::FindResource(run.project, run.step.resource);
  std::string env = run.step.environment == "all" ? "" : run.step.environment;
  const std::string& name = run.step.name;
  std::string region = SettingOf(run, "region");
  std::string pg = SettingOf(run, "postgres");
  std::string database = emit::NeonDatabaseName(run.project, r, env);
  std::string role = emit::NeonRoleName(run.project, r, env);
  ApiResult<std::optional<NeonProject>> project = EnsureOne<NeonProject>(
      run, "create the Neon project `" + name + "`" + (region.empty() ? "" : " in " + region), "Neon projects called `" + name + "`",
      [&] { return neon.FindProjects(name); }, [&] { return neon.CreateProject(name, region, pg, database, role); });
  SPECC_RETURN_IF_ERROR(project);
  if (!project.value().has_value()) return Done{};
  const NeonProject& p = *project.value();
  run.record.external_id = p.id;
  run.record.name = p.name;
  run.record.region = p.region;
  run.record.created_at = p.created_at;
  run.record.urls = {"https://console.neon.tech/app/projects/" + p.id};
  run.record.attributes = {{"region", p.region}, {"pgVersion", p.pg_version}};
  CompareAttributes(run);
  run.outputs[r.name]["projectId"] = {p.id, false, p.id};
  if (r.branch_per_environment) return Done{};
  // One database for every environment: it lives on the project's default branch.
  ApiResult<std::vector<NeonBranch>> branches = neon.FindBranches(p.id, "");
  SPECC_RETURN_IF_ERROR(branches);
  for (const NeonBranch& b : branches.value()) {
    if (b.is_default) return EnsureDatabaseOn(run, p.id, b);
  }
  return ApiError{"GET /projects/" + p.id + "/branches", 200, "unexpected answer: the project has no default branch"};
}

ApiResult<Done> EnsureNeonBranch(StepRun& run) {
  NeonClient& neon = *run.clients.neon;
  auto resource = run.outputs.find(run.step.resource);
  if (resource == run.outputs.end() || resource->second.count("projectId") == 0) {
    run.notes.push_back("the Neon project of `" + run.step.resource + "` is not known yet: its step did not run");
    return Done{};
  }
  std::string project_id = resource->second.at("projectId").value;
  const std::string& name = run.step.name;
  ApiResult<std::optional<NeonBranch>> branch = EnsureOne<NeonBranch>(
      run, "create the Neon branch `" + name + "` of project " + project_id, "Neon branches called `" + name + "`",
      [&] { return neon.FindBranches(project_id, name); }, [&] { return neon.CreateBranch(project_id, name); });
  SPECC_RETURN_IF_ERROR(branch);
  if (!branch.value().has_value()) return Done{};
  run.record.external_id = branch.value()->id;
  run.record.name = branch.value()->name;
  run.record.created_at = branch.value()->created_at;
  run.record.urls = {"https://console.neon.tech/app/projects/" + project_id + "/branches/" + branch.value()->id};
  run.outputs[run.step.resource]["projectId"] = {project_id, false, project_id};
  return EnsureDatabaseOn(run, project_id, *branch.value());
}

}  // namespace specc::provision
