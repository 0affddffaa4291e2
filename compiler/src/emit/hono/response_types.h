// The TypeScript type of what a handler returns: one Hono `TypedResponse` for each status,
// body and format the operation documents, exactly as `c.json(body, status)`,
// `c.text(text, status)`, `c.body(data, status)` and `c.redirect(url, status)` type their
// results. A handler that answers with an undocumented status, a body that does not
// match its schema, or JSON where the spec says no content does not compile.
#ifndef SPECC_EMIT_HONO_RESPONSE_TYPES_H_
#define SPECC_EMIT_HONO_RESPONSE_TYPES_H_

#include <string>
#include <vector>

#include "emit/ts_names.h"
#include "ir/api.h"

namespace specc::emit {

struct HandlerOutput {
  // The members of the handler's return type union, in document order, without repeats;
  // empty when the operation documents no response (the handler returns any `Response`).
  std::vector<std::string> variants;
  // The status code types of "hono/utils/http-status" the variants use.
  std::vector<std::string> status_imports;
};

// Every status code type of "hono/utils/http-status" a variant may use, in the order
// handlers.ts imports them.
inline constexpr const char* kHonoStatusTypes[] = {"StatusCode", "InfoStatusCode", "SuccessStatusCode",
                                                   "RedirectStatusCode", "ClientErrorStatusCode",
                                                   "ServerErrorStatusCode", "UnofficialStatusCode"};

// Returns the return type of `op`'s handler. Bodies are `z.output` of the schemas.ts
// constants `names` gives, referenced through the namespace import `schemas`.
HandlerOutput HandlerOutputOf(const ir::Operation& op, const OperationNames& names);

}  // namespace specc::emit

#endif  // SPECC_EMIT_HONO_RESPONSE_TYPES_H_
