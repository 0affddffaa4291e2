// The Postman steps: the workspace, and the environment's collections and environment
// files (those `specc apply` writes) imported into it. An import is replaced when its
// file changed since the last run, never duplicated.
#include "base/sha256.h"
#include "provision/ensure.h"
#include "provision/executors.h"
#include "provision/postman_client.h"

namespace specc::provision {
namespace {

bool EndsWith(const std::string& text, const std::string& suffix) {
  return text.size() >= suffix.size() && text.compare(text.size() - suffix.size(), suffix.size(), suffix) == 0;
}

// The name Postman shows for a collection (`info.name`) or an environment (`name`).
ApiResult<std::string> NameIn(PostmanKind kind, const std::string& path, const std::string& json) {
  ApiResult<Body> body = Body::Parse(json, path);
  SPECC_RETURN_IF_ERROR(body);
  Shape s(path);
  JsonAt root = s.Root(body.value());
  std::string name = kind == PostmanKind::kCollection ? s.String(s.Object(root, "info"), "name") : s.String(root, "name");
  if (!s.ok()) return ApiError{path, 0, "`" + path + "` is not a file `specc apply` wrote: run it again"};
  return name;
}

}  // namespace

ApiResult<Done> EnsurePostmanWorkspace(StepRun& run) {
  PostmanClient& postman = *run.clients.postman;
  const std::string& name = run.step.name;
  std::string type = SettingOf(run, "visibility", "team");
  ApiResult<std::optional<PostmanWorkspace>> ws = EnsureOne<PostmanWorkspace>(
      run, "create the Postman workspace `" + name + "` (" + type + ")", "Postman workspaces called `" + name + "`",
      [&] { return postman.FindWorkspaces(name); }, [&] { return postman.CreateWorkspace(name, type); });
  SPECC_RETURN_IF_ERROR(ws);
  if (!ws.value().has_value()) return Done{};
  run.record.external_id = ws.value()->id;
  run.record.name = ws.value()->name;
  run.record.urls = {"https://go.postman.co/workspace/" + ws.value()->id};
  run.record.attributes = {{"visibility", ws.value()->type}};
  CompareAttributes(run);
  auto& out = run.outputs[run.step.resource];
  out["workspaceId"] = {ws.value()->id, false, ws.value()->id};
  out["url"] = {"https://go.postman.co/workspace/" + ws.value()->id, false, ws.value()->id};
  return Done{};
}

ApiResult<Done> EnsurePostmanCollections(StepRun& run) {
  PostmanClient& postman = *run.clients.postman;
  auto resource = run.outputs.find(run.step.resource);
  if (resource == run.outputs.end() || resource->second.count("workspaceId") == 0) {
    run.notes.push_back("the Postman workspace `" + run.step.resource + "` is not known yet: its step did not run");
    return Done{};
  }
  std::string workspace = resource->second.at("workspaceId").value;
  run.record.external_id = workspace;
  run.record.name = run.step.name;
  if (run.artifacts.empty()) {
    run.notes.push_back("no Postman files for " + run.environment + ": run `specc apply` first");
  }
  for (const auto& [path, json] : run.artifacts) {
    PostmanKind kind = EndsWith(path, ".postman_collection.json") ? PostmanKind::kCollection : PostmanKind::kEnvironment;
    std::string noun = kind == PostmanKind::kCollection ? "collection" : "environment";
    ApiResult<std::string> name = NameIn(kind, path, json);
    SPECC_RETURN_IF_ERROR(name);
    std::string hash = Sha256Hex(json);
    std::string recorded;
    if (run.previous != nullptr) {
      auto it = run.previous->attributes.find(path);
      if (it != run.previous->attributes.end()) recorded = it->second;
    }
    ApiResult<std::vector<PostmanItem>> found = postman.FindItems(kind, workspace, name.value());
    SPECC_RETURN_IF_ERROR(found);
    if (found.value().size() > 1) {
      return ApiError{"", 0, std::to_string(found.value().size()) + " Postman " + noun + "s called `" + name.value() +
                                 "` exist: specc will not guess which one to replace (remove the others by hand)"};
    }
    if (found.value().size() == 1 && recorded == hash) {
      run.record.attributes[path] = hash;
      continue;
    }
    std::string what = found.value().empty() ? "import the " + noun + " `" + name.value() + "` (" + path + ")"
                                             : "replace the " + noun + " `" + name.value() + "` with " + path + " (the file changed)";
    if (!run.gate.Allow(what)) {
      run.pending.push_back(what);
      if (!recorded.empty()) run.record.attributes[path] = recorded;
      continue;
    }
    if (found.value().empty()) {
      // An import is a create: after an uncertain answer, look again before a second one.
      ApiResult<std::optional<PostmanItem>> made = EnsureOne<PostmanItem>(
          run, what, "Postman " + noun + "s called `" + name.value() + "`", [&] { return postman.FindItems(kind, workspace, name.value()); },
          [&] { return postman.CreateItem(kind, workspace, json); });
      SPECC_RETURN_IF_ERROR(made);
    } else {
      SPECC_RETURN_IF_ERROR(postman.UpdateItem(kind, found.value().front().uid, json));
      run.done.push_back(what);
    }
    run.record.attributes[path] = hash;
  }
  return Done{};
}

}  // namespace specc::provision
