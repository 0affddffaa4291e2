// Semantics, once: what an OpenAPI schema accepts, decided in one place for every emitter.
// The IR records schemas as written; the Zod schemas, the Postman request values, the
// example validator and the MCP input schemas must all implement one reading of them, or
// the generated server rejects the requests of the generated collection. This layer is
// that reading (issue #11): nullable folded in (3.0 `nullable: true` with or without a
// `type`, 3.1 type arrays, null enum values and `{type: null}` branches), types inferred
// from keywords, allOf branches merged into one object where merging is sound, effective
// `required` (from allOf branches too, and names without a property of their own), oneOf
// and anyOf branches that only add `required` to the object around them, discriminator
// values per branch, and the allOf-back-to-a-polymorphic-base cycles read as inheritance.
//
// Emitters ask SchemaMeanings for a schema's meaning and decide only how to write it.
#ifndef SPECC_SEMA_SCHEMA_MEANING_H_
#define SPECC_SEMA_SCHEMA_MEANING_H_

#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "base/boxed.h"
#include "base/thin_vector.h"
#include "ir/api.h"

namespace specc::sema {

// A property of an object as a validator sees it.
struct ObjectProperty {
  std::string_view name;  // the IR's own text, which outlives the meanings
  // kNoSchema: any value (a required name that no schema gives a property of its own).
  ir::SchemaId schema = ir::kNoSchema;
  bool required = false;
  // From the property's schema: a readOnly property is never required in a request, a
  // writeOnly one never in a response. One validator serves both directions, so neither
  // is required at all.
  bool read_only = false, write_only = false;
  // Further schemas the value must also satisfy: the same property declared by another
  // allOf branch with a schema that checks something else. JSON Schema applies every
  // declaration; keeping only the first would accept what a branch forbids.
  ThinVector<ir::SchemaId> also;
};

// The branches of a oneOf or anyOf.
struct Choice {
  // oneOf: exactly one branch matches; anyOf: at least one.
  bool exactly_one = false;
  // The branches that are schemas of their own, in document order.
  std::vector<ir::SchemaId> branches;
  // Branches that only add `required` to the object around them ("one of these fields must
  // be present"): one set of names per such branch, in document order. A value satisfies
  // such a branch when it has every name of the set.
  std::vector<std::vector<std::string>> required_sets;
};

// How a discriminator selects a branch: the branch and the property values that select it
// (the mapping's values for it, else its component name, OpenAPI's implicit mapping).
struct DiscriminatorCase {
  ir::SchemaId branch = ir::kNoSchema;
  std::vector<std::string> values;
};

struct Discriminated {
  std::string property;
  std::vector<DiscriminatorCase> cases;  // in branch order
};

// Readings the document leaves to the reader (sema::LintSchemas reports them):
struct LeftToReader {
  // allOf branches that are polymorphic bases listing this schema in their oneOf/anyOf,
  // inherited for their own properties only;
  std::vector<ir::SchemaId> inherited_bases;
  // a oneOf with two branches that accept the same values, which read literally no value
  // satisfies: read as anyOf (one_of holds it with exactly_one false);
  bool one_of_twins = false;
  // a oneOf branch that accepts every value of its type (`{type: object}`) beside another
  // branch of that type, whose every value it matches too: read as anyOf the same way.
  ir::SchemaId one_of_catch_all = ir::kNoSchema;
  // merged allOf branches whose `additionalProperties: false` would, read literally,
  // reject the properties the other branches add (the merge applies it to them all).
  std::vector<ir::SchemaId> strict_merged_branches;
};

// What one schema accepts.
struct SchemaMeaning {
  // The schema is another one with nothing added but annotations (and nullability): a
  // `$ref` (3.1: with a sibling description) or an `allOf` of one branch. Emitters refer to
  // the target instead of writing the wrapper out.
  ir::SchemaId alias_of = ir::kNoSchema;
  // null is accepted besides what the rest says.
  bool nullable = false;
  // Accepts nothing but null (`type: null`, `enum: [null]`, 3.1).
  bool null_only = false;
  // The boolean schemas of 3.1 (`false` accepts nothing, `true` anything).
  std::optional<bool> boolean_schema;
  // The non-null JSON types accepted, in spec order; empty means any. Inferred from the
  // keywords when `type` is absent (properties: object; items: array; pattern or a length:
  // string; a bound or multipleOf: number).
  ThinVector<std::string> types;
  // Non-null enum values (JSON text), without repeats; empty when there is no enum.
  ThinVector<std::string> enum_values;

  // Object keywords, with the mergeable allOf branches merged in.
  bool has_object_keywords = false;
  ir::AdditionalProperties additional_properties = ir::AdditionalProperties::kUnspecified;
  ir::SchemaId additional_properties_schema = ir::kNoSchema;
  ThinVector<ObjectProperty> properties;
  ThinVector<std::pair<std::string, ir::SchemaId>> pattern_properties;
  std::optional<uint64_t> min_properties, max_properties;
  // allOf branches that could not be merged: a value must match each of them too.
  ThinVector<ir::SchemaId> intersect;
  // oneOf / anyOf, when present. Boxed: few schemas have them, and inline they made
  // every meaning 192 bytes larger.
  Boxed<Choice> one_of, any_of;
  // The discriminator of the oneOf (else the anyOf) when every case resolves.
  Boxed<Discriminated> discriminator;

  // Readings the document leaves to the reader, when there are any. Boxed: only
  // sema::LintSchemas reads them, and inline they made every meaning 48 bytes larger.
  Boxed<LeftToReader> left_to_reader;
};

class SchemaMeanings {
 public:
  // `api` must outlive this object. Every schema's meaning is computed here, once.
  explicit SchemaMeanings(const ir::Api& api);
  ~SchemaMeanings();
  SchemaMeanings(const SchemaMeanings&) = delete;
  SchemaMeanings& operator=(const SchemaMeanings&) = delete;

  // REQUIRES: id != kNoSchema.
  const SchemaMeaning& Of(ir::SchemaId id) const;
  // Follows alias_of to the schema that is written out.
  ir::SchemaId Resolve(ir::SchemaId id) const;
  // True when `id` (or what it aliases) accepts null.
  bool Nullable(ir::SchemaId id) const;

  // Which way values of schema `id` travel, for readOnly and writeOnly: a required
  // readOnly property is required only where the schema is never part of a request, a
  // writeOnly one only where it is never part of a response. Inline schemas take the
  // direction of where the operations use them; a named component is shared vocabulary
  // (its validator is exported and may serve either way), and so is any schema no
  // operation reaches: both ways.
  bool InRequests(ir::SchemaId id) const { return (directions_[id] & kRequest) != 0; }
  bool InResponses(ir::SchemaId id) const { return (directions_[id] & kResponse) != 0; }

  const ir::Api& api() const { return api_; }

 private:
  class Builder;
  // Meanings build one another (allOf branches, oneOf branches, alias targets). A schema
  // being built, or one past this depth of nested builds (a hostile chain of thousands
  // of wrappers), is read without looking inside it: intersected, not merged.
  static constexpr int kMaxDepth = 200;
  // True when Of(id) may be asked now: built already, or buildable without a cycle.
  bool Ready(ir::SchemaId id) const;

  static constexpr uint8_t kRequest = 1, kResponse = 2;
  void FindDirections();

  const ir::Api& api_;
  std::vector<uint8_t> directions_;
  // Arrays of kChunk meanings, made once, so references stay valid while meanings build
  // one another and 40,230 meanings (GitHub) are not 40,230 allocations. Chunks rather
  // than one array: malloc serves 64 KB from memory the load phase freed, while one 10 MB
  // array would be fresh pages, each a fault on this virtual machine.
  static constexpr size_t kChunk = 256;
  SchemaMeaning& Slot(ir::SchemaId id) const { return meanings_[id / kChunk][id % kChunk]; }
  mutable std::vector<std::unique_ptr<SchemaMeaning[]>> meanings_;
  mutable std::vector<bool> built_, building_;
  mutable int depth_ = 0;
};

}  // namespace specc::sema

#endif  // SPECC_SEMA_SCHEMA_MEANING_H_
