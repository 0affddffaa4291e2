// The zod schemas of an operation's inputs as the server receives them: path, query,
// header and cookie parameters and form bodies arrive as text (Hono hands the validator
// strings, arrays of strings for repeated keys, `name[key]` keys as they are), so each
// part is read back into typed values first, by the wire forms sema/wire.h decides (the
// same forms the Postman collections write), and only then validated by the parameters'
// and the body's own schemas. The reading is one call of schemas.ts's `fields()` helper
// with a descriptor per field that is not plain text.
#ifndef SPECC_EMIT_ZOD_ZOD_INPUTS_H_
#define SPECC_EMIT_ZOD_ZOD_INPUTS_H_

#include <string>

#include "emit/ts_names.h"
#include "emit/zod/zod_writer.h"
#include "ir/api.h"
#include "sema/schema_meaning.h"

namespace specc::emit {

class ZodInputs {
 public:
  // All must outlive this object.
  ZodInputs(const sema::SchemaMeanings& meanings, ZodWriter& writer) : meanings_(meanings), writer_(writer) {}

  // The zod expression of `op`'s parameters in `in`, keyed as Hono hands them over (path
  // parameters by `names.param_keys`, headers lowercased).
  std::string Parameters(const ir::Operation& op, const OperationNames& names, ir::ParamIn in);
  // The zod expression of `op`'s validated body (media type `names.body_media`).
  std::string Body(const ir::Operation& op, const OperationNames& names);

  // Whether an expression written so far calls `fields()`.
  bool uses_fields() const { return uses_fields_; }
  bool uses_text_readings() const { return uses_text_readings_; }

 private:
  // Wraps the part's `object` expression in `fields()` when `descriptors` is not empty.
  std::string Read(const std::string& descriptors, const std::string& object);

  const sema::SchemaMeanings& meanings_;
  ZodWriter& writer_;
  bool uses_fields_ = false;
  bool uses_text_readings_ = false;
};

}  // namespace specc::emit

#endif  // SPECC_EMIT_ZOD_ZOD_INPUTS_H_
