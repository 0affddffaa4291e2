#include "sema/request_body.h"

#include <string>

namespace specc::sema {

const ir::RequestBody* SentRequestBody(const ir::Operation& op) {
  if (!op.request_body || op.method == "get" || op.method == "head") return nullptr;
  return &*op.request_body;
}

void CheckRequestBodies(const ir::Api& api, DiagSink& sink) {
  for (const ir::Operation& op : api.operations) {
    if (!op.request_body || SentRequestBody(op) != nullptr) continue;
    std::string method = op.method == "get" ? "GET" : "HEAD";
    sink.Report(Diagnostic{
        .severity = Severity::kWarning, .code = DiagCode::kSpecBodyIgnored, .loc = op.request_body->loc,
        .message = "`" + method + " " + op.path + "` has a request body, which no fetch-based client can send: " +
                   "the generated server does not read it and the collections do not send it",
        .hint = "send the input as query parameters, or make the operation a POST (OpenAPI 3.0 says a body on " +
                method + " SHALL be ignored)",
        .notes = {}});
  }
}

}  // namespace specc::sema
