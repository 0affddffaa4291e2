// Lowerer: the pass that walks an OpenAPI document tree, checks each object as it reaches
// it, and builds the ir::Api. Internal to the openapi layer; split over lower.cc
// (document, paths, operations) and lower_schema.cc (schemas).
#ifndef SPECC_OPENAPI_LOWERER_H_
#define SPECC_OPENAPI_LOWERER_H_

#include <deque>
#include <map>
#include <optional>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <utility>
#include <vector>

#include "base/diag_sink.h"
#include "ir/api.h"
#include "openapi/fields.h"
#include "openapi/workspace.h"

namespace specc::openapi {

class Lowerer {
 public:
  // `workspace` and `sink` must outlive the lowerer.
  Lowerer(Workspace& workspace, DiagSink& sink, Version version)
      : ws_(workspace), sink_(sink), version_(version) {}

  ir::Api Lower(const Document& root);
  // The names UniqueSchemaName has tried so far.
  uint64_t name_probes() const { return name_probes_; }

 private:
  // Document level.
  void LowerInfo(const spec::Node& info);
  std::vector<ir::Server> LowerServers(const spec::Node& servers);
  void LowerComponents(const Document& doc, const spec::Node& components);
  void LowerPaths(const Document& doc, const spec::Node& paths);
  void LowerWebhooks(const Document& doc, const spec::Node& webhooks);
  void LowerSecuritySchemes(const Document& doc, const spec::Node& schemes);
  std::vector<ir::SecurityRequirement> LowerSecurity(const spec::Node& security);
  void LowerTagGroups(const spec::Node& groups);
  void CheckSecurityNames();
  void CheckOperationIds();

  // Path items and operations. `path` is the template (or webhook name / callback
  // expression); `kind` and `parent` say where the operations go.
  void LowerPathItem(const Document& doc, const spec::Node& item, const std::string& path,
                     ir::OperationKind kind, int32_t parent, const std::string& callback_name);
  void LowerOperation(const Document& doc, const spec::Node& op, const std::string& method,
                      const std::string& path, const std::vector<ir::Parameter>& path_params,
                      const std::vector<ir::Server>& path_servers, ir::OperationKind kind,
                      int32_t parent, const std::string& callback_name);
  std::vector<ir::Parameter> LowerParameterList(const Document& doc, const spec::Node& list);
  std::optional<ir::Parameter> LowerParameter(const Document& doc, const spec::Node& node);
  std::optional<ir::RequestBody> LowerRequestBody(const Document& doc, const spec::Node& node);
  std::optional<ir::Response> LowerResponse(const Document& doc, const spec::Node& node,
                                            const std::string& status);
  std::optional<ir::Header> LowerHeader(const Document& doc, const spec::Node& node,
                                        const std::string& name);
  std::vector<ir::MediaType> LowerContent(const Document& doc, const spec::Node& content);
  std::vector<ir::Example> LowerExamples(const Document& doc, const spec::Node& owner);
  void CheckLink(const Document& doc, const spec::Node& node);
  std::optional<ir::Link> LowerLink(const Document& doc, const spec::Node& node, std::string name);
  void CheckExample(const spec::Node& node);
  void LowerCallbacks(const Document& doc, const spec::Node& callbacks, int32_t parent);
  void CheckPathTemplate(const ir::Operation& op, const std::string& path, Loc loc);
  void CheckParamStyle(const spec::Node& node, const ir::Parameter& param);

  // Schemas (lower_schema.cc).
  ir::SchemaId SchemaFor(const Document& doc, const spec::Node& node);
  void LowerSchemaInto(const Document& doc, const spec::Node& node, ir::SchemaId id);
  void DrainSchemas();
  void RegisterComponentSchemas(const Document& doc, const spec::Node& schemas);
  // Returns `name`, or `name` with the first number from 2 on that makes it unused, and
  // marks the result as used.
  std::string UniqueSchemaName(const std::string& name);
  // Appends `id` (already named) to the component schemas.
  void AddComponentSchema(ir::SchemaId id);

  // Dereferences a referenceable object; nullopt after reporting when it cannot.
  std::optional<RefTarget> Deref(const Document& doc, const spec::Node& node);
  // True the first time `node` is seen under `tag`: each object is checked once however
  // many references lead to it.
  bool FirstVisit(const spec::Node& node, int tag);

  Workspace& ws_;
  DiagSink& sink_;
  Version version_;
  ir::Api api_;
  std::unordered_map<const spec::Node*, ir::SchemaId> schema_ids_;
  struct PendingSchema {
    const Document* doc;
    const spec::Node* node;
    ir::SchemaId id;
  };
  std::deque<PendingSchema> pending_schemas_;
  // Every schema name given so far, the next suffix to try per name, and the component
  // schemas by name: lookups that were scans over every schema. The schema being named
  // has no name yet, so the empty name is always taken.
  std::unordered_set<std::string> schema_names_{std::string()};
  std::unordered_map<std::string, int> next_suffix_;
  std::unordered_map<std::string, ir::SchemaId> component_ids_;
  uint64_t name_probes_ = 0;
  std::unordered_set<uint64_t> visited_;
  // Security scheme names used by requirements, with where they are used.
  std::vector<std::pair<std::string, Loc>> used_security_;
  std::vector<std::string> declared_security_;
};

}  // namespace specc::openapi

#endif  // SPECC_OPENAPI_LOWERER_H_
