#include "provision/vercel_client.h"

#include "base/json_writer.h"

namespace specc::provision {
namespace {

VercelProject ReadProject(Shape& s, const JsonAt& p) {
  VercelProject project;
  project.id = s.String(p, "id");
  project.name = s.String(p, "name");
  project.framework = s.OptionalString(p, "framework").value_or("");
  project.root_directory = s.OptionalString(p, "rootDirectory").value_or("");
  project.created_at = s.OptionalNumber(p, "createdAt").value_or("");
  if (p.node != nullptr && p.node->is_map() && p.node->Find("link") != nullptr && p.node->Find("link")->is_map()) {
    JsonAt link = s.Object(p, "link");
    std::optional<std::string> org = s.OptionalString(link, "org");
    std::optional<std::string> repo = s.OptionalString(link, "repo");
    if (org && repo) project.linked_repo = *org + "/" + *repo;
  }
  return project;
}

}  // namespace

VercelClient::VercelClient(HttpClient& http, std::string base_url, const std::string& token, std::string team_id)
    : api_(http, std::move(base_url), {{"Authorization", "Bearer " + token}}), team_id_(std::move(team_id)) {}

std::vector<std::pair<std::string, std::string>> VercelClient::Scope() const {
  if (team_id_.empty()) return {};
  return {{"teamId", team_id_}};
}

ApiResult<std::optional<VercelProject>> VercelClient::FindProject(const std::string& name) {
  std::string path = "/v9/projects/" + Escape(name);
  ApiResult<std::optional<Body>> found = api_.Find(path, Scope());
  SPECC_RETURN_IF_ERROR(found);
  if (!found.value().has_value()) return std::optional<VercelProject>();
  Shape s("GET " + path);
  VercelProject project = ReadProject(s, s.Root(*found.value()));
  if (!s.ok()) return s.error();
  // Vercel finds a project by id or by name; only the name counts here.
  if (project.name != name) return std::optional<VercelProject>();
  return std::optional<VercelProject>(project);
}

ApiResult<VercelProject> VercelClient::CreateProject(const std::string& name, const std::string& framework,
                                                     const std::string& root, const std::string& repo) {
  JsonWriter w(0);
  w.BeginObject();
  w.Key("name").String(name);
  if (!framework.empty()) w.Key("framework").String(framework);
  if (!root.empty()) w.Key("rootDirectory").String(root);
  if (!repo.empty()) w.Key("gitRepository").BeginObject().Key("type").String("github").Key("repo").String(repo).EndObject();
  w.EndObject();
  ApiResult<Body> body = api_.Call("POST", "/v11/projects", Scope(), w.Finish());
  SPECC_RETURN_IF_ERROR(body);
  Shape s("POST /v11/projects");
  VercelProject project = ReadProject(s, s.Root(body.value()));
  if (!s.ok()) return s.error();
  return project;
}

ApiResult<std::vector<VercelEnvVar>> VercelClient::EnvVars(const std::string& project_id) {
  std::string path = "/v10/projects/" + Escape(project_id) + "/env";
  ApiResult<Body> body = api_.Call("GET", path, Scope(), "");
  SPECC_RETURN_IF_ERROR(body);
  Shape s("GET " + path);
  std::vector<VercelEnvVar> vars;
  for (const JsonAt& e : s.Items(s.Array(s.Root(body.value()), "envs"))) {
    VercelEnvVar var;
    var.id = s.OptionalString(e, "id").value_or("");
    var.key = s.String(e, "key");
    var.type = s.String(e, "type");
    if (var.type == "plain") var.value = s.OptionalString(e, "value").value_or("");
    if (e.node != nullptr && e.node->is_map()) {
      const spec::Node* target = e.node->Find("target");
      if (target != nullptr && target->is_string()) var.targets.emplace_back(target->text());
      if (target != nullptr && target->is_seq()) {
        for (const spec::Node& t : spec::ItemsOf(*target)) {
          if (t.is_string()) var.targets.emplace_back(t.text());
        }
      }
    }
    vars.push_back(var);
  }
  if (!s.ok()) return s.error();
  return vars;
}

ApiResult<Done> VercelClient::CreateEnvVar(const std::string& project_id, const std::string& key, const std::string& value,
                                           const std::string& type, const std::string& target) {
  JsonWriter w(0);
  w.BeginObject();
  w.Key("key").String(key).Key("value").String(value).Key("type").String(type);
  w.Key("target").BeginArray().String(target).EndArray();
  w.EndObject();
  std::string path = "/v10/projects/" + Escape(project_id) + "/env";
  ApiResult<Body> body = api_.Call("POST", path, Scope(), w.Finish());
  SPECC_RETURN_IF_ERROR(body);
  Shape s("POST " + path);
  JsonAt root = s.Root(body.value());
  s.ExpectObject(root);
  // The answer lists what was created and what failed; a failure names the key only.
  for (const JsonAt& failed : s.Items(s.Array(root, "failed"))) {
    (void)failed;
    return ApiError{"POST " + path, 201, "Vercel refused the variable `" + key + "`"};
  }
  if (!s.ok()) return s.error();
  return Done{};
}

ApiResult<Done> VercelClient::UpdateEnvVar(const std::string& project_id, const std::string& env_id, const std::string& value,
                                           const std::string& type) {
  JsonWriter w(0);
  w.BeginObject().Key("value").String(value).Key("type").String(type).EndObject();
  std::string path = "/v9/projects/" + Escape(project_id) + "/env/" + Escape(env_id);
  ApiResult<Body> body = api_.Call("PATCH", path, Scope(), w.Finish());
  SPECC_RETURN_IF_ERROR(body);
  return Done{};
}

}  // namespace specc::provision
