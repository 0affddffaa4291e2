// ZodWriter: writes one API's schemas as zod 4 expressions, and as TypeScript types for the
// members of reference cycles (declared with z.lazy and an explicit type). What a schema
// accepts is sema::SchemaMeanings'; this class only decides how zod says it. Used by the
// zod emitter for schemas.ts.
#ifndef SPECC_EMIT_ZOD_ZOD_WRITER_H_
#define SPECC_EMIT_ZOD_ZOD_WRITER_H_

#include <set>
#include <string>
#include <vector>

#include "emit/ts_names.h"
#include "ir/api.h"
#include "sema/schema_meaning.h"

namespace specc::emit {

class ZodWriter {
 public:
  // `cyclic` marks (by SchemaId) the named components on reference cycles, which are
  // declared lazily and referred to by their declared type. All must outlive the writer.
  ZodWriter(const sema::SchemaMeanings& meanings, const TsNames& names, const std::vector<bool>& cyclic)
      : meanings_(meanings), api_(meanings.api()), names_(names), cyclic_(cyclic) {}

  // The zod expression of schema `id` where another schema uses it: a named component by
  // name, an inline schema written out. kNoSchema is any value.
  std::string Ref(ir::SchemaId id, int indent);
  // The zod expression of schema `id` itself (the right-hand side of its declaration).
  std::string Inline(ir::SchemaId id, int indent);
  // `expr` (schema `id` where a value may be absent) made optional: `.default(...)` when
  // the schema has a default that fits it (a default is what an absent value means, so it
  // is applied where absence is allowed, never in the schema itself), else `.optional()`.
  std::string Optional(ir::SchemaId id, std::string expr) const;
  // The TypeScript type of schema `id`'s output, for the declarations of recursive
  // schemas. It may be wider than zod's inferred type (z.ZodType is covariant), never
  // narrower.
  std::string TypeRef(ir::SchemaId id, int indent);
  std::string TypeInline(ir::SchemaId id, int indent);

  // Whether `.default(...)` can be written for schema `id`: the default must type-check
  // against the schema's zod type (a default outside an enum would not compile), so only
  // scalars and empty arrays of the right type are written (Optional() writes it).
  bool DefaultFits(ir::SchemaId id) const;

  // Whether an expression written so far calls schemas.ts's requiredSets() or
  // objectKeys() helper (the module declares them only when used).
  bool uses_required_sets() const { return uses_required_sets_; }
  bool uses_object_keys() const { return uses_object_keys_; }
  // Whether an expression calls the RFC 3339 / URI format checks (isDateTime, ...).
  bool uses_formats() const { return uses_formats_; }

 private:
  std::string Expr(ir::SchemaId id, int indent);
  std::string TypeExpr(ir::SchemaId id, const std::string& type, int indent);
  std::string ObjectExpr(ir::SchemaId id, int indent);
  // Whether property `p` of object schema `object` may be absent.
  bool Optional(ir::SchemaId object, const sema::ObjectProperty& p) const;
  std::string ChoiceExpr(const sema::Choice& choice, const sema::SchemaMeaning& m, int indent);
  std::string Discriminated(const sema::Discriminated& d, int indent);
  std::string RequiredSets(const sema::SchemaMeaning& m) const;

  std::string Type(ir::SchemaId id, int indent);
  std::string TypeOf(ir::SchemaId id, const std::string& type, int indent);
  std::string ObjectType(ir::SchemaId id, int indent);

  const sema::SchemaMeanings& meanings_;
  const ir::Api& api_;
  const TsNames& names_;
  const std::vector<bool>& cyclic_;
  // Inline schemas being written: one reached again inside itself is any value.
  std::set<ir::SchemaId> expanding_;
  mutable bool uses_required_sets_ = false;
  bool uses_object_keys_ = false;
  bool uses_formats_ = false;
};

// A JSDoc block for `text` at `indent` (two spaces per level), with `extra` lines (tags
// such as `@deprecated`) after it; empty when both are.
std::string JsDoc(std::string_view text, int indent, std::string_view extra = {});

}  // namespace specc::emit

#endif  // SPECC_EMIT_ZOD_ZOD_WRITER_H_
