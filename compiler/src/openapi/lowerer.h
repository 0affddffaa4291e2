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
#include "openapi/node_ids.h"
#include "openapi/workspace.h"

namespace specc::openapi {

// Places where OpenAPI lists no Reference Object, but a `$ref` is still a JSON Reference
// that Redocly, swagger-parser and the generators resolve. Each is reported once per
// description (SPEC_REF_POSITION), and the object it names is read as if written there.
enum class RefPosition : uint8_t {
  kPaths,
  kComponents,
  kComponentsGroup,
  kOperation,
  kParameterList,
  kResponses,
  kContent,
  kMediaType,
  kCount,
};

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
  // Reports template problems and drops the path parameters the template does not name.
  void CheckPathTemplate(ir::Operation& op, const std::string& path, Loc loc);
  void CheckParamStyle(const spec::Node& node, const ir::Parameter& param);

  // Schemas (lower_schema.cc).
  ir::SchemaId SchemaFor(const Document& doc, const spec::Node& node);
  void LowerSchemaInto(const Document& doc, const spec::Node& node, ir::SchemaId id);
  void DrainSchemas();
  void RegisterComponentSchemas(const Document& doc, const spec::Node& schemas);
  // The root document's file name, for hints.
  std::string RootFileName() const;
  // Reports `default` and `example` values (`values`) that `schema`'s `type` rejects.
  void CheckValuesAgainstType(const std::vector<const spec::Member*>& values, const ir::Schema& schema);
  void CheckEnumAgainstType(const spec::Node* values, const ir::Schema& schema);
  // Returns `name`, or `name` with the first number from 2 on that makes it unused, and
  // marks the result as used.
  std::string UniqueSchemaName(const std::string& name);
  // Appends `id` (already named) to the component schemas.
  void AddComponentSchema(ir::SchemaId id);

  // Dereferences a referenceable object; nullopt after reporting when it cannot.
  std::optional<RefTarget> Deref(const Document& doc, const spec::Node& node);
  // Reads `node`, which stands at `position`, following a `$ref` written there (a JSON
  // Reference where OpenAPI lists none) and noting it for ReportPositionRefs. nullopt
  // after reporting when the reference cannot be followed: the caller then skips the
  // object, so nothing is reported about a node that could not be read.
  std::optional<RefTarget> Through(const Document& doc, const spec::Node& node, RefPosition position);
  // One SPEC_REF_POSITION warning per kind of position met, at its first `$ref`.
  void ReportPositionRefs();
  // SPEC_PATH_UNMOUNTED: path items of a referenced file that the root mounts only in part.
  void CheckUnmountedPaths(const Document& root);
  // True the first time `node` is seen under `tag`: each object is checked once however
  // many references lead to it.
  bool FirstVisit(const spec::Node& node, int tag);

  Workspace& ws_;
  DiagSink& sink_;
  Version version_;
  ir::Api api_;
  NodeIdMap schema_ids_;
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
  // Requirements that list scopes: the scheme's name and where its scopes are.
  std::vector<std::pair<std::string, Loc>> scoped_requirements_;
  std::vector<std::string> declared_security_;
  // Where each operation's `operationId` value is, by (kind, index in its list): the
  // place a duplicate is reported at, rather than the operation's first key.
  std::map<std::pair<int, size_t>, Loc> operation_id_locs_;
  // The key of the path being lowered (unknown outside LowerPaths): where problems of its
  // template are reported.
  Loc path_key_loc_;
  struct PositionRefs {
    Loc first;
    uint32_t count = 0;
  };
  PositionRefs position_refs_[static_cast<size_t>(RefPosition::kCount)];
};

}  // namespace specc::openapi

#endif  // SPECC_OPENAPI_LOWERER_H_
