// How an `enum` value written with the wrong JSON type reads under its schema's `type`.
// Real descriptions quote the values of numeric enums (`type: integer, enum: ["6", "12"]`,
// with `example: 12`): read literally no value could satisfy both keywords, so the author's
// meaning is taken, the number. The lowering warns (SPEC_VALUE_TYPE) and sema reads the
// value this way for every emitter.
#ifndef SPECC_IR_ENUM_VALUE_H_
#define SPECC_IR_ENUM_VALUE_H_

#include <string>

#include "ir/api.h"

namespace specc::ir {

// `value` (JSON text) as the schema's types read it: a JSON string holding a number becomes
// that number where every type is numeric (an integer only where it has no fraction when
// `integer` is the type), "true"/"false" become booleans where the type is boolean. Any
// other value is returned unchanged.
std::string TypedEnumValue(const TypeList& types, const std::string& value);

}  // namespace specc::ir

#endif  // SPECC_IR_ENUM_VALUE_H_
