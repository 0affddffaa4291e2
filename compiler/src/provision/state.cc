#include "provision/state.h"

#include "base/diag_sink.h"
#include "base/json_writer.h"
#include "spec/parse.h"

namespace specc::provision {
namespace {

constexpr int kSchemaVersion = 1;

std::string Text(const spec::Node* node) {
  return node != nullptr && node->is_string() ? std::string(node->text()) : std::string();
}

std::map<std::string, std::string> StringMap(const spec::Node* node) {
  std::map<std::string, std::string> out;
  if (node == nullptr) return out;
  for (const spec::Member& m : spec::MembersOf(*node)) {
    if (m.value.is_string()) out[std::string(m.key())] = std::string(m.value.text());
  }
  return out;
}

void WriteMap(JsonWriter& w, const std::string& key, const std::map<std::string, std::string>& map) {
  if (map.empty()) return;
  w.Key(key).BeginObject();
  for (const auto& [k, v] : map) w.Key(k).String(v);
  w.EndObject();
}

void WriteIfSet(JsonWriter& w, const std::string& key, const std::string& value) {
  if (!value.empty()) w.Key(key).String(value);
}

}  // namespace

std::string StatePath(const std::string& environment) { return ".specc/state/" + environment + ".json"; }

Result<State> ParseState(const std::string& text, const std::string& path) {
  spec::NodeArena arena;
  DiagSink sink;
  const spec::Node* root = spec::ParseJson(kNoFile, text, arena, sink);
  if (root == nullptr || !root->is_map()) return Error{path + ": not a specc state file (not a JSON object)"};
  const spec::Node* version = root->Find("schemaVersion");
  if (version == nullptr || !version->is_number()) return Error{path + ": not a specc state file (no `schemaVersion`)"};
  if (version->text() != std::to_string(kSchemaVersion)) {
    return Error{path + ": written by a newer specc (state schema " + std::string(version->text()) + "); upgrade specc"};
  }
  State state;
  state.project_id = Text(root->Find("projectId"));
  state.environment = Text(root->Find("environment"));
  const spec::Node* steps = root->Find("steps");
  if (steps == nullptr || !steps->is_seq()) return Error{path + ": `steps` should be an array"};
  for (const spec::Node& s : spec::ItemsOf(*steps)) {
    if (!s.is_map()) return Error{path + ": every step should be an object"};
    StateRecord r;
    r.key = Text(s.Find("idempotencyKey"));
    if (r.key.empty()) return Error{path + ": a step has no `idempotencyKey`"};
    r.provider = Text(s.Find("provider"));
    r.resource = Text(s.Find("resource"));
    r.resource_type = Text(s.Find("resourceType"));
    r.external_id = Text(s.Find("externalId"));
    r.name = Text(s.Find("name"));
    r.region = Text(s.Find("region"));
    r.created_at = Text(s.Find("createdAt"));
    if (const spec::Node* urls = s.Find("urls")) {
      for (const spec::Node& u : spec::ItemsOf(*urls)) {
        if (u.is_string()) r.urls.emplace_back(u.text());
      }
    }
    r.attributes = StringMap(s.Find("attributes"));
    r.delivered = StringMap(s.Find("delivered"));
    state.steps[r.key] = std::move(r);
  }
  return state;
}

std::string SerializeState(const State& state) {
  JsonWriter w(2);
  w.BeginObject();
  w.Key("schemaVersion").Int(kSchemaVersion);
  w.Key("projectId").String(state.project_id);
  w.Key("environment").String(state.environment);
  w.Key("steps").BeginArray();
  for (const auto& [key, r] : state.steps) {
    w.BeginObject();
    w.Key("idempotencyKey").String(key);
    w.Key("provider").String(r.provider);
    w.Key("resource").String(r.resource);
    w.Key("resourceType").String(r.resource_type);
    WriteIfSet(w, "externalId", r.external_id);
    WriteIfSet(w, "name", r.name);
    WriteIfSet(w, "region", r.region);
    WriteIfSet(w, "createdAt", r.created_at);
    if (!r.urls.empty()) {
      w.Key("urls").BeginArray();
      for (const std::string& u : r.urls) w.String(u);
      w.EndArray();
    }
    WriteMap(w, "attributes", r.attributes);
    WriteMap(w, "delivered", r.delivered);
    w.EndObject();
  }
  w.EndArray();
  w.EndObject();
  return w.Finish();
}

}  // namespace specc::provision
