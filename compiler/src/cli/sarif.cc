#include "cli/sarif.h"

#include "base/check.h"
#include "base/json_writer.h"
#include "base/sha256.h"

namespace specc::cli {
namespace {

const char* LevelName(SarifLevel level) {
  switch (level) {
    case SarifLevel::kError:
      return "error";
    case SarifLevel::kWarning:
      return "warning";
    case SarifLevel::kNote:
      return "note";
  }
  return "warning";
}

void WriteText(JsonWriter& json, const char* key, const std::string& text) {
  json.Key(key).BeginObject().Key("text").String(text).EndObject();
}

void WritePhysical(JsonWriter& json, const SarifLocation& location) {
  json.Key("physicalLocation").BeginObject();
  json.Key("artifactLocation").BeginObject().Key("uri").String(location.uri).EndObject();
  if (location.line > 0) {
    json.Key("region").BeginObject().Key("startLine").Int(location.line);
    if (location.column > 0) json.Key("startColumn").Int(location.column);
    json.EndObject();
  }
  json.EndObject();
}

}  // namespace

std::string WriteSarif(const SarifLog& log) {
  JsonWriter json;
  json.BeginObject();
  json.Key("$schema").String("https://json.schemastore.org/sarif-2.1.0.json");
  json.Key("version").String("2.1.0");
  json.Key("runs").BeginArray().BeginObject();
  json.Key("tool").BeginObject().Key("driver").BeginObject();
  json.Key("name").String(log.tool_name);
  if (!log.tool_version.empty()) json.Key("version").String(log.tool_version);
  if (!log.information_uri.empty()) json.Key("informationUri").String(log.information_uri);
  json.Key("rules").BeginArray();
  for (const SarifRule& rule : log.rules) {
    json.BeginObject().Key("id").String(rule.id);
    WriteText(json, "shortDescription", rule.short_description);
    json.Key("defaultConfiguration").BeginObject().Key("level").String(LevelName(rule.default_level)).EndObject();
    json.EndObject();
  }
  json.EndArray().EndObject().EndObject();
  json.Key("results").BeginArray();
  for (const SarifResult& result : log.results) {
    int64_t index = -1;
    for (size_t i = 0; i < log.rules.size(); ++i) {
      if (log.rules[i].id == result.rule_id) index = static_cast<int64_t>(i);
    }
    SPECC_CHECK(index >= 0) << "SARIF result of unknown rule " << result.rule_id;
    json.BeginObject();
    json.Key("ruleId").String(result.rule_id);
    json.Key("ruleIndex").Int(index);
    json.Key("level").String(LevelName(result.level));
    WriteText(json, "message", result.message);
    if (result.location) {
      json.Key("locations").BeginArray().BeginObject();
      WritePhysical(json, *result.location);
      json.EndObject().EndArray();
    }
    if (!result.related.empty()) {
      json.Key("relatedLocations").BeginArray();
      for (size_t i = 0; i < result.related.size(); ++i) {
        json.BeginObject().Key("id").Int(static_cast<int64_t>(i));
        WritePhysical(json, result.related[i]);
        if (!result.related[i].message.empty()) WriteText(json, "message", result.related[i].message);
        json.EndObject();
      }
      json.EndArray();
    }
    if (!result.identity.empty()) {
      json.Key("partialFingerprints").BeginObject();
      json.Key("specc/v1").String(Sha256Hex(result.identity));
      json.EndObject();
    }
    if (result.suppression) {
      json.Key("suppressions").BeginArray().BeginObject();
      json.Key("kind").String("external");
      json.Key("justification").String(*result.suppression);
      json.EndObject().EndArray();
    }
    json.EndObject();
  }
  json.EndArray();
  json.EndObject().EndArray();
  json.EndObject();
  return json.Finish();
}

}  // namespace specc::cli
