#include "provision/neon_client.h"

#include "base/json_writer.h"

namespace specc::provision {
namespace {

NeonProject ReadProject(Shape& s, const JsonAt& p) {
  NeonProject project;
  project.id = s.String(p, "id");
  project.name = s.String(p, "name");
  project.region = s.String(p, "region_id");
  project.pg_version = s.Number(p, "pg_version");
  project.created_at = s.OptionalString(p, "created_at").value_or("");
  return project;
}

NeonBranch ReadBranch(Shape& s, const JsonAt& b) {
  NeonBranch branch;
  branch.id = s.String(b, "id");
  branch.name = s.String(b, "name");
  branch.created_at = s.OptionalString(b, "created_at").value_or("");
  branch.is_default = s.OptionalBool(b, "default").value_or(false);
  return branch;
}

NeonEndpoint ReadEndpoint(Shape& s, const JsonAt& e) { return {s.String(e, "id"), s.String(e, "host")}; }

std::string Path(std::initializer_list<std::string> segments) {
  std::string path;
  for (const std::string& segment : segments) path += "/" + segment;
  return path;
}

}  // namespace

NeonClient::NeonClient(HttpClient& http, std::string base_url, const std::string& api_key)
    : api_(http, std::move(base_url), {{"Authorization", "Bearer " + api_key}}) {}

ApiResult<std::vector<NeonProject>> NeonClient::FindProjects(const std::string& name) {
  ApiResult<Body> body = api_.Call("GET", "/projects", {{"search", name}, {"limit", "400"}}, "");
  SPECC_RETURN_IF_ERROR(body);
  Shape s("GET /projects");
  std::vector<NeonProject> found;
  for (const JsonAt& p : s.Items(s.Array(s.Root(body.value()), "projects"))) {
    NeonProject project = ReadProject(s, p);
    if (project.name == name) found.push_back(project);
  }
  if (!s.ok()) return s.error();
  return found;
}

ApiResult<NeonProject> NeonClient::CreateProject(const std::string& name, const std::string& region,
                                                 const std::string& pg_version, const std::string& database,
                                                 const std::string& role) {
  JsonWriter w(0);
  w.BeginObject().Key("project").BeginObject();
  w.Key("name").String(name);
  if (!region.empty()) w.Key("region_id").String(region);
  if (!pg_version.empty() && pg_version.find_first_not_of("0123456789") == std::string::npos) {
    w.Key("pg_version").Raw(pg_version);
  }
  w.Key("branch").BeginObject().Key("name").String("main").Key("role_name").String(role).Key("database_name").String(database).EndObject();
  w.EndObject().EndObject();
  ApiResult<Body> body = api_.Call("POST", "/projects", {}, w.Finish());
  SPECC_RETURN_IF_ERROR(body);
  Shape s("POST /projects");
  NeonProject project = ReadProject(s, s.Object(s.Root(body.value()), "project"));
  if (!s.ok()) return s.error();
  return project;
}

ApiResult<std::vector<NeonBranch>> NeonClient::FindBranches(const std::string& project_id, const std::string& name) {
  std::vector<std::pair<std::string, std::string>> query;
  if (!name.empty()) query.emplace_back("search", name);
  std::string path = Path({"projects", Escape(project_id), "branches"});
  ApiResult<Body> body = api_.Call("GET", path, query, "");
  SPECC_RETURN_IF_ERROR(body);
  Shape s("GET " + path);
  std::vector<NeonBranch> found;
  for (const JsonAt& b : s.Items(s.Array(s.Root(body.value()), "branches"))) {
    NeonBranch branch = ReadBranch(s, b);
    if (name.empty() || branch.name == name) found.push_back(branch);
  }
  if (!s.ok()) return s.error();
  return found;
}

ApiResult<NeonBranch> NeonClient::CreateBranch(const std::string& project_id, const std::string& name) {
  JsonWriter w(0);
  w.BeginObject();
  w.Key("branch").BeginObject().Key("name").String(name).EndObject();
  w.Key("endpoints").BeginArray().BeginObject().Key("type").String("read_write").EndObject().EndArray();
  w.EndObject();
  std::string path = Path({"projects", Escape(project_id), "branches"});
  ApiResult<Body> body = api_.Call("POST", path, {}, w.Finish());
  SPECC_RETURN_IF_ERROR(body);
  Shape s("POST " + path);
  NeonBranch branch = ReadBranch(s, s.Object(s.Root(body.value()), "branch"));
  if (!s.ok()) return s.error();
  return branch;
}

ApiResult<std::vector<NeonEndpoint>> NeonClient::BranchEndpoints(const std::string& project_id, const std::string& branch_id) {
  std::string path = Path({"projects", Escape(project_id), "branches", Escape(branch_id), "endpoints"});
  ApiResult<Body> body = api_.Call("GET", path, {}, "");
  SPECC_RETURN_IF_ERROR(body);
  Shape s("GET " + path);
  std::vector<NeonEndpoint> endpoints;
  for (const JsonAt& e : s.Items(s.Array(s.Root(body.value()), "endpoints"))) endpoints.push_back(ReadEndpoint(s, e));
  if (!s.ok()) return s.error();
  return endpoints;
}

ApiResult<NeonEndpoint> NeonClient::CreateEndpoint(const std::string& project_id, const std::string& branch_id) {
  JsonWriter w(0);
  w.BeginObject().Key("endpoint").BeginObject().Key("branch_id").String(branch_id).Key("type").String("read_write").EndObject().EndObject();
  std::string path = Path({"projects", Escape(project_id), "endpoints"});
  ApiResult<Body> body = api_.Call("POST", path, {}, w.Finish());
  SPECC_RETURN_IF_ERROR(body);
  Shape s("POST " + path);
  NeonEndpoint endpoint = ReadEndpoint(s, s.Object(s.Root(body.value()), "endpoint"));
  if (!s.ok()) return s.error();
  return endpoint;
}

ApiResult<bool> NeonClient::HasRole(const std::string& project_id, const std::string& branch_id, const std::string& role) {
  std::string path = Path({"projects", Escape(project_id), "branches", Escape(branch_id), "roles", Escape(role)});
  ApiResult<std::optional<Body>> found = api_.Find(path);
  SPECC_RETURN_IF_ERROR(found);
  if (!found.value().has_value()) return false;
  Shape s("GET " + path);
  s.String(s.Object(s.Root(*found.value()), "role"), "name");
  if (!s.ok()) return s.error();
  return true;
}

ApiResult<Done> NeonClient::CreateRole(const std::string& project_id, const std::string& branch_id, const std::string& role) {
  JsonWriter w(0);
  w.BeginObject().Key("role").BeginObject().Key("name").String(role).EndObject().EndObject();
  std::string path = Path({"projects", Escape(project_id), "branches", Escape(branch_id), "roles"});
  ApiResult<Body> body = api_.Call("POST", path, {}, w.Finish());
  SPECC_RETURN_IF_ERROR(body);
  // The answer holds the new role's password: it is read for nothing and dropped here.
  Shape s("POST " + path);
  s.String(s.Object(s.Root(body.value()), "role"), "name");
  if (!s.ok()) return s.error();
  return Done{};
}

ApiResult<bool> NeonClient::HasDatabase(const std::string& project_id, const std::string& branch_id,
                                        const std::string& database) {
  std::string path = Path({"projects", Escape(project_id), "branches", Escape(branch_id), "databases", Escape(database)});
  ApiResult<std::optional<Body>> found = api_.Find(path);
  SPECC_RETURN_IF_ERROR(found);
  if (!found.value().has_value()) return false;
  Shape s("GET " + path);
  s.String(s.Object(s.Root(*found.value()), "database"), "name");
  if (!s.ok()) return s.error();
  return true;
}

ApiResult<Done> NeonClient::CreateDatabase(const std::string& project_id, const std::string& branch_id,
                                           const std::string& database, const std::string& owner) {
  JsonWriter w(0);
  w.BeginObject().Key("database").BeginObject().Key("name").String(database).Key("owner_name").String(owner).EndObject().EndObject();
  std::string path = Path({"projects", Escape(project_id), "branches", Escape(branch_id), "databases"});
  ApiResult<Body> body = api_.Call("POST", path, {}, w.Finish());
  SPECC_RETURN_IF_ERROR(body);
  Shape s("POST " + path);
  s.String(s.Object(s.Root(body.value()), "database"), "name");
  if (!s.ok()) return s.error();
  return Done{};
}

ApiResult<std::string> NeonClient::ConnectionUri(const std::string& project_id, const std::string& branch_id,
                                                 const std::string& database, const std::string& role, bool pooled) {
  std::string path = Path({"projects", Escape(project_id), "connection_uri"});
  ApiResult<Body> body = api_.Call(
      "GET", path,
      {{"branch_id", branch_id}, {"database_name", database}, {"role_name", role}, {"pooled", pooled ? "true" : "false"}}, "");
  SPECC_RETURN_IF_ERROR(body);
  Shape s("GET " + path);
  std::string uri = s.String(s.Root(body.value()), "uri");
  if (!s.ok()) return s.error();
  if (uri.rfind("postgres", 0) != 0) return ApiError{"GET " + path, 200, "unexpected answer: `$.uri` is not a postgres:// URI"};
  return uri;
}

}  // namespace specc::provision
