// The IR as JSON: what `specc ir --format json` prints. Keys come in a fixed order, lists
// in document order, literal values as the spec wrote them, so the output is stable
// enough for golden files and for tools to read.
#ifndef SPECC_IR_JSON_H_
#define SPECC_IR_JSON_H_

#include <functional>
#include <string>

#include "base/json_writer.h"
#include "base/loc.h"
#include "ir/api.h"

namespace specc::ir {

// Formats a Loc as "file:line:col" for the JSON; supplied by the caller, which owns the
// SourceMap.
using LocFormatter = std::function<std::string(Loc)>;

// Writes `api` as the members of the object currently open in `out` ("openapi", "info",
// "servers", "operations", "webhooks", "callbacks", "schemas", ...).
void WriteApiMembers(const Api& api, const LocFormatter& format_loc, JsonWriter& out);

}  // namespace specc::ir

#endif  // SPECC_IR_JSON_H_
