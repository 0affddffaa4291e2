// How the comparison names schema facts in its messages (types, enum values), and the
// case folding it compares names with.
#ifndef SPECC_COMPARE_SCHEMA_TEXT_H_
#define SPECC_COMPARE_SCHEMA_TEXT_H_

#include <string>
#include <vector>

#include "base/ascii.h"  // AsciiLower: names HTTP compares without case

namespace specc::compare {

// Returns "`string`", "`string` or `null`", "`integer`, `string` or `null`" for the
// non-null `types` a schema accepts (and null when `nullable`), or "any type" when `types`
// is empty.
std::string DescribeTypes(const std::vector<std::string>& types, bool nullable);
// Returns a JSON value as written in a message: a plain string without its quotes
// (`cat`), anything else as JSON (`1`, `null`, `"a b"`), in backticks.
std::string DescribeValue(const std::string& json);
std::string AsciiUpper(std::string text);
// Returns up to eight values, then "and N more": "[`a`, `b`]".
std::string DescribeValues(const std::vector<std::string>& json_values);

}  // namespace specc::compare

#endif  // SPECC_COMPARE_SCHEMA_TEXT_H_
