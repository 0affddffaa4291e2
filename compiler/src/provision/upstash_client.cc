#include "provision/upstash_client.h"

#include "base/json_writer.h"

namespace specc::provision {
namespace {

// Upstash serves Redis on AWS and GCP; its GCP regions are named the GCP way.
std::string PlatformOf(const std::string& region) {
  for (const char* gcp : {"us-central1", "us-east4", "europe-west1", "asia-northeast1"}) {
    if (region == gcp) return "gcp";
  }
  return "aws";
}

UpstashDatabase ReadDatabase(Shape& s, const JsonAt& d) {
  UpstashDatabase db;
  db.id = s.String(d, "database_id");
  db.name = s.String(d, "database_name");
  db.endpoint = s.String(d, "endpoint");
  db.primary_region = s.OptionalString(d, "primary_region").value_or(s.OptionalString(d, "region").value_or(""));
  db.eviction = s.OptionalBool(d, "eviction");
  db.created = s.OptionalNumber(d, "creation_time").value_or("");
  db.port = s.OptionalNumber(d, "port").value_or("");
  // Credentials: the real API sends them unless asked not to; the published description
  // leaves them out of its Database schema, so they are optional here.
  db.rest_token = s.OptionalString(d, "rest_token").value_or("");
  db.read_only_rest_token = s.OptionalString(d, "read_only_rest_token").value_or("");
  db.password = s.OptionalString(d, "password").value_or("");
  return db;
}

UpstashIndex ReadIndex(Shape& s, const JsonAt& i) {
  UpstashIndex index;
  index.id = s.String(i, "id");
  index.name = s.String(i, "name");
  index.endpoint = s.String(i, "endpoint");
  index.region = s.OptionalString(i, "region").value_or("");
  index.similarity_function = s.OptionalString(i, "similarity_function").value_or("");
  index.dimension_count = s.OptionalNumber(i, "dimension_count").value_or("");
  index.created = s.OptionalNumber(i, "creation_time").value_or("");
  index.token = s.OptionalString(i, "token").value_or("");
  index.read_only_token = s.OptionalString(i, "read_only_token").value_or("");
  return index;
}

}  // namespace

UpstashClient::UpstashClient(HttpClient& http, std::string base_url, const std::string& email, const std::string& api_key)
    : api_(http, std::move(base_url), {{"Authorization", "Basic " + Base64(email + ":" + api_key)}}) {}

ApiResult<std::vector<UpstashDatabase>> UpstashClient::FindDatabases(const std::string& name) {
  ApiResult<Body> body = api_.Call("GET", "/redis/databases", {}, "");
  SPECC_RETURN_IF_ERROR(body);
  Shape s("GET /redis/databases");
  JsonAt root = s.Root(body.value());
  s.ExpectArray(root);
  std::vector<UpstashDatabase> found;
  for (const JsonAt& d : s.Items(root)) {
    UpstashDatabase db = ReadDatabase(s, d);
    if (db.name == name) found.push_back(db);
  }
  if (!s.ok()) return s.error();
  return found;
}

ApiResult<UpstashDatabase> UpstashClient::CreateDatabase(const std::string& name, const std::string& region, bool eviction) {
  JsonWriter w(0);
  w.BeginObject();
  w.Key("database_name").String(name);
  w.Key("platform").String(PlatformOf(region));
  w.Key("primary_region").String(region);
  w.Key("tls").Bool(true);
  w.Key("eviction").Bool(eviction);
  w.EndObject();
  ApiResult<Body> body = api_.Call("POST", "/redis/database", {}, w.Finish());
  SPECC_RETURN_IF_ERROR(body);
  Shape s("POST /redis/database");
  UpstashDatabase db = ReadDatabase(s, s.Root(body.value()));
  if (!s.ok()) return s.error();
  return db;
}

ApiResult<UpstashDatabase> UpstashClient::GetDatabase(const std::string& id) {
  std::string path = "/redis/database/" + Escape(id);
  ApiResult<Body> body = api_.Call("GET", path, {}, "");
  SPECC_RETURN_IF_ERROR(body);
  Shape s("GET " + path);
  UpstashDatabase db = ReadDatabase(s, s.Root(body.value()));
  if (!s.ok()) return s.error();
  return db;
}

ApiResult<std::vector<UpstashIndex>> UpstashClient::FindIndexes(const std::string& name) {
  ApiResult<Body> body = api_.Call("GET", "/vector/index", {}, "");
  SPECC_RETURN_IF_ERROR(body);
  Shape s("GET /vector/index");
  JsonAt root = s.Root(body.value());
  s.ExpectArray(root);
  std::vector<UpstashIndex> found;
  for (const JsonAt& i : s.Items(root)) {
    UpstashIndex index = ReadIndex(s, i);
    if (index.name == name) found.push_back(index);
  }
  if (!s.ok()) return s.error();
  return found;
}

ApiResult<UpstashIndex> UpstashClient::CreateIndex(const std::string& name, const std::string& region,
                                                   const std::string& similarity, const std::string& dimensions) {
  JsonWriter w(0);
  w.BeginObject();
  w.Key("name").String(name);
  w.Key("region").String(region);
  w.Key("similarity_function").String(similarity);
  w.Key("dimension_count").Raw(dimensions);
  w.EndObject();
  ApiResult<Body> body = api_.Call("POST", "/vector/index", {}, w.Finish());
  SPECC_RETURN_IF_ERROR(body);
  Shape s("POST /vector/index");
  UpstashIndex index = ReadIndex(s, s.Root(body.value()));
  if (!s.ok()) return s.error();
  return index;
}

ApiResult<UpstashIndex> UpstashClient::GetIndex(const std::string& id) {
  std::string path = "/vector/index/" + Escape(id);
  ApiResult<Body> body = api_.Call("GET", path, {}, "");
  SPECC_RETURN_IF_ERROR(body);
  Shape s("GET " + path);
  UpstashIndex index = ReadIndex(s, s.Root(body.value()));
  if (!s.ok()) return s.error();
  return index;
}

}  // namespace specc::provision
