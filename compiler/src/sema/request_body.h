// Which request body an operation's requests carry, as every emitter reads it (issue #11).
// A body on GET or HEAD is not sent: the Fetch API refuses to build such a request, so
// neither fetch-based clients nor Hono (whose Node adapter hands GET and HEAD requests on
// without their body) ever see it, and OpenAPI 3.0 says consumers SHALL ignore it. The
// generated server does not require it, the collections do not send it, and a warning
// says so. DELETE keeps its body: Fetch sends it, and real APIs rely on it.
#ifndef SPECC_SEMA_REQUEST_BODY_H_
#define SPECC_SEMA_REQUEST_BODY_H_

#include "base/diag_sink.h"
#include "ir/api.h"

namespace specc::sema {

// The body `op`'s requests carry, or nullptr when they carry none.
const ir::RequestBody* SentRequestBody(const ir::Operation& op);

// Warns (SPEC_BODY_IGNORED) about each operation of `api` whose request body is not sent.
void CheckRequestBodies(const ir::Api& api, DiagSink& sink);

}  // namespace specc::sema

#endif  // SPECC_SEMA_REQUEST_BODY_H_
