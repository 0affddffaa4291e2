#include "provision/github_client.h"

#include "base/json_writer.h"

namespace specc::provision {
namespace {

std::string Owner(const std::string& full_name) { return full_name.substr(0, full_name.find('/')); }

std::string Name(const std::string& full_name) {
  size_t slash = full_name.find('/');
  return slash == std::string::npos ? full_name : full_name.substr(slash + 1);
}

std::string RepoPath(const std::string& full_name) { return "/repos/" + Escape(Owner(full_name)) + "/" + Escape(Name(full_name)); }

std::string EnvironmentPath(const std::string& full_name, const std::string& environment) {
  return RepoPath(full_name) + "/environments/" + Escape(environment);
}

GithubRepo ReadRepo(Shape& s, const JsonAt& r) {
  GithubRepo repo;
  repo.id = s.Number(r, "id");
  repo.full_name = s.String(r, "full_name");
  std::optional<bool> is_private = s.OptionalBool(r, "private");
  repo.visibility = s.OptionalString(r, "visibility").value_or(is_private.value_or(false) ? "private" : "public");
  repo.default_branch = s.OptionalString(r, "default_branch").value_or("");
  repo.html_url = s.String(r, "html_url");
  repo.clone_url = s.OptionalString(r, "clone_url").value_or("");
  repo.created_at = s.OptionalString(r, "created_at").value_or("");
  return repo;
}

GithubEnvironment ReadEnvironment(Shape& s, const JsonAt& e) {
  GithubEnvironment env;
  env.id = s.Number(e, "id");
  env.name = s.String(e, "name");
  env.html_url = s.OptionalString(e, "html_url").value_or("");
  env.created_at = s.OptionalString(e, "created_at").value_or("");
  return env;
}

}  // namespace

GithubClient::GithubClient(HttpClient& http, std::string base_url, const std::string& token)
    : api_(http, std::move(base_url),
           {{"Authorization", "Bearer " + token}, {"X-GitHub-Api-Version", "2022-11-28"}}) {}

ApiResult<std::optional<GithubRepo>> GithubClient::FindRepo(const std::string& full_name) {
  std::string path = RepoPath(full_name);
  ApiResult<std::optional<Body>> found = api_.Find(path);
  SPECC_RETURN_IF_ERROR(found);
  if (!found.value().has_value()) return std::optional<GithubRepo>();
  Shape s("GET " + path);
  GithubRepo repo = ReadRepo(s, s.Root(*found.value()));
  if (!s.ok()) return s.error();
  return std::optional<GithubRepo>(repo);
}

ApiResult<GithubRepo> GithubClient::CreateRepo(const std::string& full_name, const std::string& visibility) {
  ApiResult<Body> user = api_.Call("GET", "/user", {}, "");
  SPECC_RETURN_IF_ERROR(user);
  Shape u("GET /user");
  std::string login = u.String(u.Root(user.value()), "login");
  if (!u.ok()) return u.error();
  bool personal = login == Owner(full_name) || full_name.find('/') == std::string::npos;
  JsonWriter w(0);
  w.BeginObject();
  w.Key("name").String(Name(full_name));
  w.Key("private").Bool(visibility != "public");
  if (!personal && visibility == "internal") w.Key("visibility").String("internal");
  w.Key("auto_init").Bool(true);
  w.EndObject();
  std::string path = personal ? "/user/repos" : "/orgs/" + Escape(Owner(full_name)) + "/repos";
  ApiResult<Body> body = api_.Call("POST", path, {}, w.Finish(), {201});
  SPECC_RETURN_IF_ERROR(body);
  Shape s("POST " + path);
  GithubRepo repo = ReadRepo(s, s.Root(body.value()));
  if (!s.ok()) return s.error();
  return repo;
}

ApiResult<std::optional<GithubEnvironment>> GithubClient::FindEnvironment(const std::string& full_name,
                                                                          const std::string& environment) {
  std::string path = EnvironmentPath(full_name, environment);
  ApiResult<std::optional<Body>> found = api_.Find(path);
  SPECC_RETURN_IF_ERROR(found);
  if (!found.value().has_value()) return std::optional<GithubEnvironment>();
  Shape s("GET " + path);
  GithubEnvironment env = ReadEnvironment(s, s.Root(*found.value()));
  if (!s.ok()) return s.error();
  return std::optional<GithubEnvironment>(env);
}

ApiResult<GithubEnvironment> GithubClient::PutEnvironment(const std::string& full_name, const std::string& environment) {
  std::string path = EnvironmentPath(full_name, environment);
  ApiResult<Body> body = api_.Call("PUT", path, {}, "{}", {200});
  SPECC_RETURN_IF_ERROR(body);
  Shape s("PUT " + path);
  GithubEnvironment env = ReadEnvironment(s, s.Root(body.value()));
  if (!s.ok()) return s.error();
  return env;
}

ApiResult<GithubPublicKey> GithubClient::EnvironmentPublicKey(const std::string& full_name, const std::string& environment) {
  std::string path = EnvironmentPath(full_name, environment) + "/secrets/public-key";
  ApiResult<Body> body = api_.Call("GET", path, {}, "");
  SPECC_RETURN_IF_ERROR(body);
  Shape s("GET " + path);
  JsonAt root = s.Root(body.value());
  GithubPublicKey key{s.String(root, "key_id"), s.String(root, "key")};
  if (!s.ok()) return s.error();
  return key;
}

ApiResult<bool> GithubClient::HasSecret(const std::string& full_name, const std::string& environment, const std::string& name) {
  std::string path = EnvironmentPath(full_name, environment) + "/secrets/" + Escape(name);
  ApiResult<std::optional<Body>> found = api_.Find(path);
  SPECC_RETURN_IF_ERROR(found);
  if (!found.value().has_value()) return false;
  Shape s("GET " + path);
  s.String(s.Root(*found.value()), "name");
  if (!s.ok()) return s.error();
  return true;
}

ApiResult<Done> GithubClient::PutSecret(const std::string& full_name, const std::string& environment, const std::string& name,
                                        const std::string& sealed, const std::string& key_id) {
  JsonWriter w(0);
  w.BeginObject().Key("encrypted_value").String(sealed).Key("key_id").String(key_id).EndObject();
  std::string path = EnvironmentPath(full_name, environment) + "/secrets/" + Escape(name);
  ApiResult<Body> body = api_.Call("PUT", path, {}, w.Finish(), {201, 204}, /*expect_json=*/false);
  SPECC_RETURN_IF_ERROR(body);
  return Done{};
}

ApiResult<std::optional<std::string>> GithubClient::FindVariable(const std::string& full_name, const std::string& environment,
                                                                 const std::string& name) {
  std::string path = EnvironmentPath(full_name, environment) + "/variables/" + Escape(name);
  ApiResult<std::optional<Body>> found = api_.Find(path);
  SPECC_RETURN_IF_ERROR(found);
  if (!found.value().has_value()) return std::optional<std::string>();
  Shape s("GET " + path);
  std::string value = s.String(s.Root(*found.value()), "value");
  if (!s.ok()) return s.error();
  return std::optional<std::string>(value);
}

ApiResult<Done> GithubClient::CreateVariable(const std::string& full_name, const std::string& environment,
                                             const std::string& name, const std::string& value) {
  JsonWriter w(0);
  w.BeginObject().Key("name").String(name).Key("value").String(value).EndObject();
  std::string path = EnvironmentPath(full_name, environment) + "/variables";
  ApiResult<Body> body = api_.Call("POST", path, {}, w.Finish(), {201}, /*expect_json=*/false);
  SPECC_RETURN_IF_ERROR(body);
  return Done{};
}

ApiResult<Done> GithubClient::UpdateVariable(const std::string& full_name, const std::string& environment,
                                             const std::string& name, const std::string& value) {
  JsonWriter w(0);
  w.BeginObject().Key("name").String(name).Key("value").String(value).EndObject();
  std::string path = EnvironmentPath(full_name, environment) + "/variables/" + Escape(name);
  ApiResult<Body> body = api_.Call("PATCH", path, {}, w.Finish(), {204}, /*expect_json=*/false);
  SPECC_RETURN_IF_ERROR(body);
  return Done{};
}

}  // namespace specc::provision
