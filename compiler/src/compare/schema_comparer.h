// Compares two schemas (one of the base API, one of the head API) in the direction the
// values travel, and finds the changes of rules.def's schema rules. The comparison is
// structural: component names are never looked at, so renaming or moving a component, or
// splitting it into allOf parts, is no change. Each pair of schemas is compared once; the
// result is a graph of nodes (own changes plus changed children) that recursive schemas
// close into cycles, expanded per use site, shortest path first.
#ifndef SPECC_COMPARE_SCHEMA_COMPARER_H_
#define SPECC_COMPARE_SCHEMA_COMPARER_H_

#include <cstdint>
#include <memory>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

#include "compare/change.h"
#include "compare/effective_schema.h"
#include "ir/api.h"
#include "sema/schema_meaning.h"

namespace specc::compare {

// Which way values travel. kRequest: clients write them and the API reads them, so the
// new schema must accept everything the old one did. kResponse: the API writes them and
// clients read them, so the new schema must produce nothing the old one could not.
enum class Direction : uint8_t { kRequest, kResponse };

// A change inside a schema, relative to the schema that was compared.
struct SchemaChange {
  Rule rule = Rule::kRequestTypeChanged;
  // The value's path below the compared schema: "" for the schema itself, "name",
  // "items[]", "tags[].name", "labels.*", "oneOf(Cat).lives".
  std::string path;
  std::string message;
  Loc base, head;
};

class SchemaComparer {
 public:
  // Both APIs must outlive the comparer.
  SchemaComparer(const ir::Api& base, const ir::Api& head);
  ~SchemaComparer();
  SchemaComparer(const SchemaComparer&) = delete;
  SchemaComparer& operator=(const SchemaComparer&) = delete;

  // Appends the changes between base schema `a` and head schema `b` to `out`. A change
  // that several paths reach (a component used twice) is reported once, at its shortest
  // path. Nothing is reported when either id is kNoSchema.
  void Compare(ir::SchemaId a, ir::SchemaId b, Direction dir, std::vector<SchemaChange>& out);

 private:
  struct Node;
  Node* CompareNode(ir::SchemaId a, ir::SchemaId b, Direction dir);
  void Build(Node& node, ir::SchemaId a, ir::SchemaId b, Direction dir);
  // Pops the strongly connected component whose root is `root` and marks its nodes final.
  void FinishComponent(Node* root);
  // Returns how many changes `node` reaches, counting to `limit` at most (a tentative
  // count while the node's component is incomplete).
  size_t Distance(const Node* node, size_t limit) const;
  void CompareTypes(Node& node, ir::SchemaId a, ir::SchemaId b, const ir::Schema& x, const ir::Schema& y,
                    Direction dir, bool* incompatible);
  void CompareFormat(Node& node, const ir::Schema& x, const ir::Schema& y, Direction dir);
  void CompareEnum(Node& node, const ir::Schema& x, const ir::Schema& y, Direction dir);
  void CompareConstraints(Node& node, const ir::Schema& x, const ir::Schema& y, Direction dir);
  void CompareProperties(Node& node, ir::SchemaId a, ir::SchemaId b, const ir::Schema& x, const ir::Schema& y,
                         Direction dir);
  void CompareAdditional(Node& node, const ir::Schema& x, const ir::Schema& y, Direction dir);
  void CompareItems(Node& node, const ir::Schema& x, const ir::Schema& y, Direction dir);
  void CompareBranches(Node& node, ir::SchemaId a, ir::SchemaId b, const ir::Schema& x, const ir::Schema& y,
                       Direction dir);
  void CompareDiscriminator(Node& node, const ir::Schema& x, const ir::Schema& y, Direction dir);
  void AddChild(Node& node, std::string segment, ir::SchemaId a, ir::SchemaId b, Direction dir);

  // The structure compared (properties with their locations, constraints, branches)...
  EffectiveSchemas base_, head_;
  // ...and what it means (nullability, accepted types, effective `required`, readOnly and
  // writeOnly), as sema/ decides it for every emitter, so that specc diff reads a schema
  // the way the generated validators do.
  sema::SchemaMeanings base_meanings_, head_meanings_;
  std::unordered_map<uint64_t, std::unique_ptr<Node>> memo_;
  std::vector<Node*> stack_;     // Tarjan's stack
  std::vector<Node*> building_;  // the nodes whose Build is running, innermost last
  int next_index_ = 0;
};

}  // namespace specc::compare

#endif  // SPECC_COMPARE_SCHEMA_COMPARER_H_
