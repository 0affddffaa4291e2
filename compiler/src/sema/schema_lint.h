// Reports the readings of an API's schemas that the document leaves to the reader: where
// a schema, read literally, would reject what its author plainly means, sema/ follows the
// author and says so here, once, as a warning at the schema (OpenAPI tools that read the
// document literally, such as a validating mock, will still reject those values). The
// driver runs it after the front end, so `lint`, `apply` and `check` all report it.
#ifndef SPECC_SEMA_SCHEMA_LINT_H_
#define SPECC_SEMA_SCHEMA_LINT_H_

#include "base/diag_sink.h"
#include "sema/schema_meaning.h"

namespace specc::sema {

// Reports to `sink`: allOf inheritance from a polymorphic base that lists the schema in
// its own oneOf/anyOf (SPEC_SCHEMA_INHERITANCE_CYCLE), and merged allOf branches whose
// `additionalProperties: false` would reject the other branches' properties
// (SPEC_ALLOF_STRICT_BRANCH), and patterns that match no string of the schema's length
// (SPEC_PATTERN_LENGTH).
void LintSchemas(const SchemaMeanings& meanings, DiagSink& sink);

}  // namespace specc::sema

#endif  // SPECC_SEMA_SCHEMA_LINT_H_
